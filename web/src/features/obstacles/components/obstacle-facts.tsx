/** An obstacle's facts: commune, category, criteria, level and assignee, due date and overdue, age, answer. */
import { Link } from '@tanstack/react-router';
import type { ObstacleDetail } from '../../../../../src/contracts/assistance.js';
import { useI18n } from '../../../i18n/index.js';
import { LevelBadge, ObstacleStatusBadge, OverdueBadge } from './badges.js';

export function ObstacleFacts({ o }: { o: ObstacleDetail }) {
  const { t, date, dateTime } = useI18n();
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <dl className="facts">
      <dt>{t('obs.status')}</dt>
      <dd>
        <ObstacleStatusBadge status={o.status} /> {o.overdue ? <OverdueBadge days={o.daysOverdue} /> : null}
      </dd>
      <dt>{t('obs.level')}</dt>
      <dd>
        <LevelBadge level={o.level} /> {o.assigneeAgency ? o.assigneeAgency.name : <span className="muted">{t('obs.noAssignee')}</span>}
      </dd>
      <dt>{t('obs.unit')}</dt>
      <dd>
        <Link to="/units/$id" params={{ id: o.unit.id }} search={{ asOf: undefined }}>
          {o.unit.name}
        </Link>
      </dd>
      <dt>{t('obs.category')}</dt>
      <dd>{t(`obs.category.${o.category}`)}</dd>
      <dt>{t('obs.criteria')}</dt>
      <dd>{o.criteria.length ? o.criteria.join(', ') : none}</dd>
      <dt>{t('obs.dueDate')}</dt>
      <dd>{o.dueDate ? date(o.dueDate) : t('obs.noDue')}</dd>
      <dt>{t('obs.raisedBy')}</dt>
      <dd>
        {[o.raisedBy?.name, o.raisedByAgency?.name].filter(Boolean).join(', ') || '—'} · {dateTime(o.createdAt)} · {t('obs.age', { days: o.ageDays })}
      </dd>
      <dt>{t('obs.description')}</dt>
      <dd className="pre-line">{o.description}</dd>
      {o.answer ? (
        <>
          <dt>{t('obs.answer')}</dt>
          <dd className="pre-line">{o.answer}</dd>
        </>
      ) : null}
      {o.resolutionDoc ? (
        <>
          <dt>{t('obs.resolutionDoc')}</dt>
          <dd>{o.resolutionDoc}</dd>
        </>
      ) : null}
      {o.resolvedAt ? (
        <>
          <dt>{t('obs.resolvedAt')}</dt>
          <dd>{dateTime(o.resolvedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}
