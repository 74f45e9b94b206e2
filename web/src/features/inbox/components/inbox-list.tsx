/** What's due: typed items (obstacles to handle, follow-ups), overdue marked with a word. */
import { Link } from '@tanstack/react-router';
import '../../../i18n/parts/assistance.vi.js';
import '../../../styles/assistance.css';
import type { InboxItem } from '../../../../../src/contracts/assistance.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';

export function InboxList({ items }: { items: InboxItem[] }) {
  const { t, date } = useI18n();
  return (
    <ul className="card-list" aria-label={t('inbox.list')}>
      {items.map((i) => (
        <li key={`${i.type}-${i.id}`} className="card item-card">
          <p className="item-meta">
            <StatusBadge tone="neutral" icon={i.type === 'obstacle' ? '⚑' : i.type === 'assessment' ? '✎' : '☐'}>
              {t(`inbox.type.${i.type}`)}
            </StatusBadge>{' '}
            <span>{i.unit.name}</span>
            {i.dueDate ? <span className="muted"> · {t('inbox.due', { date: date(i.dueDate) })}</span> : null}
            {i.overdue ? (
              <>
                {' '}
                <StatusBadge tone="bad" icon="⏰">
                  {t('obs.overdue', { days: i.daysOverdue })}
                </StatusBadge>
              </>
            ) : null}
          </p>
          {i.type === 'obstacle' ? (
            <p className="item-title">
              <Link to="/obstacles/$id" params={{ id: i.obstacleId }}>
                {i.title}
              </Link>{' '}
              <span className="muted small">
                {t(`obs.status.${i.status}`)} · {t(`obs.level.${i.level}`)} · {t('obs.age', { days: i.ageDays })}
              </span>
            </p>
          ) : i.type === 'assessment' ? (
            // The form (to fill, or to fix what was returned) and the review are the same page: it shows what the reader may do.
            <p className="item-title">
              <Link to="/assessments/$id" params={{ id: i.assessmentId }}>
                {t(`inbox.assessment.${i.kind}`, { cycle: i.cycleName, year: i.year, count: i.count, step: i.stepLabel ?? '' })}
              </Link>
            </p>
          ) : (
            <p className="item-title">
              <Link to="/activities/$id" params={{ id: i.activityId }}>
                {i.text}
              </Link>{' '}
              <span className="muted small">{t('inbox.owner', { name: i.ownerName })}</span>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
