/** The audit log's filters. Unit and actor pickers come from other features, through the page. */
import { useEffect, useState, type ReactNode } from 'react';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { useDebouncedValue } from '../../../lib/use-debounced-value.js';

export interface AuditFilterValues {
  entityType?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface Props {
  values: AuditFilterValues;
  onChange: (patch: AuditFilterValues) => void;
  onClear: (() => void) | null;
  unitPicker: ReactNode;
  actorPicker: ReactNode;
}

/** A text filter that reaches the URL when typing pauses. */
function DebouncedText({ label, value, onCommit }: { label: string; value: string | undefined; onCommit: (v: string | undefined) => void }) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedValue(text.trim(), 400);
  useEffect(() => setText((cur) => (cur.trim() === (value ?? '') ? cur : (value ?? ''))), [value]);
  useEffect(() => {
    if (debounced !== (value ?? '')) onCommit(debounced || undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- commit only when the typed text settles
  }, [debounced]);
  return <TextField label={label} value={text} onChange={(e) => setText(e.target.value)} />;
}

export function AuditFilters({ values, onChange, onClear, unitPicker, actorPicker }: Props) {
  const { t } = useI18n();
  return (
    <div className="filters filters-wrap" role="search">
      {unitPicker}
      {actorPicker}
      <DebouncedText label={t('audit.entityType')} value={values.entityType} onCommit={(entityType) => onChange({ entityType })} />
      <DebouncedText label={t('audit.action')} value={values.action} onCommit={(action) => onChange({ action })} />
      <DateInput label={t('date.from')} hint={null} value={values.from ?? null} onChange={(d) => onChange({ from: d ?? undefined })} />
      <DateInput label={t('date.to')} hint={null} value={values.to ?? null} onChange={(d) => onChange({ to: d ?? undefined })} />
      {onClear ? (
        <div className="filter-clear">
          <Button size="small" variant="quiet" onClick={onClear}>
            {t('common.clearFilters')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
