/** Choose one or more units by searching their names (diacritics optional); used by other pages' forms. */
import type { UnitLevel } from '../../../../../src/contracts/units.js';
import type { PickerItem, PickerOptions } from '../../../components/picker.js';
import { Picker } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { useUnits } from '../api/list-units.js';

function useUnitOptions(q: string, enabled: boolean, level?: UnitLevel, asOf?: string): PickerOptions {
  const { t } = useI18n();
  const r = useUnits({ q, limit: 20, level, asOf }, enabled);
  return {
    options: (r.data?.items ?? []).map((u) => ({
      id: u.id,
      label: u.name,
      detail: [u.code ?? t('common.noCode'), u.parentName].filter(Boolean).join(' · '),
    })),
    loading: r.isFetching,
    error: r.error,
  };
}

interface Props {
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  value: PickerItem[];
  onChange: (items: PickerItem[]) => void;
  multiple?: boolean;
  /** Only units of this level (communes for an evaluation, provinces for a variant's owner). */
  level?: UnitLevel;
  /** Search the units as they were on this date (default: today). */
  asOf?: string;
}

export function UnitPicker({ level, asOf, ...props }: Props) {
  const { t } = useI18n();
  // The same hooks run on every render whatever level/asOf are, so the closure is a valid hook.
  const useOptions = (q: string, enabled: boolean) => useUnitOptions(q, enabled, level, asOf);
  return <Picker {...props} placeholder={t('units.search')} useOptions={useOptions} />;
}
