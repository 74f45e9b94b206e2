/** Choose one or more units by searching their names (diacritics optional); used by other pages' forms. */
import type { PickerItem, PickerOptions } from '../../../components/picker.js';
import { Picker } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { useUnits } from '../api/list-units.js';

function useUnitOptions(q: string, enabled: boolean): PickerOptions {
  const { t } = useI18n();
  const r = useUnits({ q, limit: 20 }, enabled);
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
}

export function UnitPicker(props: Props) {
  const { t } = useI18n();
  return <Picker {...props} placeholder={t('units.search')} useOptions={useUnitOptions} />;
}
