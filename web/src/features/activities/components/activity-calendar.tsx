/** A timeline by day: each day with activities, newest first, the kinds in words and icons. */
import { Link } from '@tanstack/react-router';
import type { ActivityCalendarResponse } from '../../../../../src/contracts/assistance.js';
import { EmptyState } from '../../../components/empty-state.js';
import { useI18n } from '../../../i18n/index.js';
import { KindBadge } from './activity-list.js';

export function ActivityCalendar({ data, showUnit = true }: { data: ActivityCalendarResponse; showUnit?: boolean }) {
  const { t, date } = useI18n();
  const days = data.days.filter((d) => d.items.length > 0).sort((a, b) => (a.date < b.date ? 1 : -1));
  if (days.length === 0) return <EmptyState>{t('act.calendarEmpty', { from: date(data.from), to: date(data.to) })}</EmptyState>;
  return (
    <ol className="timeline" aria-label={t('act.calendar')}>
      {days.map((d) => (
        <li key={d.date} className="timeline-day">
          <h3 className="timeline-date">
            <time dateTime={d.date}>{date(d.date)}</time>
          </h3>
          <ul className="plain-list">
            {d.items.map((i) => (
              <li key={i.id} className="timeline-item">
                <KindBadge kind={i.kind} />{' '}
                <Link to="/activities/$id" params={{ id: i.id }}>
                  {showUnit ? `${i.unit.name} — ` : ''}
                  {i.agency.name}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
