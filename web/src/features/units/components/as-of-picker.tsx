/** The "as of" date: a dd/MM/yyyy field and quick buttons for the dates officials compare most. */
import { DateInput } from '../../../components/date-input.js';
import { useI18n } from '../../../i18n/index.js';

const quickDates = ['2024-01-01', '2025-06-30'] as const;

/** `value` undefined means today. */
export function AsOfPicker({ value, onChange, today }: { value: string | undefined; onChange: (iso: string | undefined) => void; today: string }) {
  const { t, date } = useI18n();
  return (
    <div className="as-of">
      <DateInput label={t('date.asOf')} hint={t('date.asOfHint')} value={value ?? today} onChange={(iso) => onChange(iso && iso !== today ? iso : undefined)} />
      <div className="quick-dates" role="group" aria-label={t('units.quickDates')}>
        {quickDates.map((d) => (
          <button key={d} type="button" className="btn btn-small btn-secondary" aria-pressed={value === d} onClick={() => onChange(d)}>
            {date(d)}
          </button>
        ))}
        <button type="button" className="btn btn-small btn-secondary" aria-pressed={value === undefined} onClick={() => onChange(undefined)}>
          {t('date.today')}
        </button>
      </div>
    </div>
  );
}
