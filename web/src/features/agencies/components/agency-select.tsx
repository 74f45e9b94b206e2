/** A select of agencies, for other features' forms (a user's agency). */
import { SelectField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { describeError } from '../../../lib/errors.js';
import { useAgencies } from '../api/list-agencies.js';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  noneLabel: string;
}

export function AgencySelect({ label, value, onChange, error, noneLabel }: Props) {
  const { t, lang } = useI18n();
  const q = useAgencies({ limit: 500 });
  const items = q.data?.items ?? [];
  // Keep the current value selectable while the list loads.
  const options = [
    { value: '', label: q.isPending ? t('app.loading') : noneLabel },
    ...items.map((a) => ({ value: a.id, label: a.shortName ? `${a.name} (${a.shortName})` : a.name })),
  ];
  return (
    <SelectField
      label={label}
      value={value ?? ''}
      error={error ?? (q.isError ? describeError(q.error, lang).text : undefined)}
      onChange={(e) => onChange(e.target.value || null)}
      options={options}
    />
  );
}
