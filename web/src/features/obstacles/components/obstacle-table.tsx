/** Obstacles as a table (cards on phones): title, commune, level and assignee, status, age, due date and overdue. */
import { Link } from '@tanstack/react-router';
import type { Obstacle } from '../../../../../src/contracts/assistance.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { LevelBadge, ObstacleStatusBadge, OverdueBadge } from './badges.js';

export function ObstacleTable({ rows, caption, showUnit = true }: { rows: Obstacle[]; caption: string; showUnit?: boolean }) {
  const { t, date } = useI18n();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('obs.titleField')}</th>
          {showUnit ? <th scope="col">{t('obs.unit')}</th> : null}
          <th scope="col">{t('obs.level')}</th>
          <th scope="col">{t('obs.status')}</th>
          <th scope="col">{t('obs.ageLabel')}</th>
          <th scope="col">{t('obs.dueDate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id}>
            <Cell label={t('obs.titleField')}>
              <Link to="/obstacles/$id" params={{ id: o.id }}>
                {o.title}
              </Link>
              <span className="muted small"> · {t(`obs.category.${o.category}`)}</span>
              {o.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="demo">{t('assist.demo')}</StatusBadge>
                </>
              ) : null}
            </Cell>
            {showUnit ? <Cell label={t('obs.unit')}>{o.unit.name}</Cell> : null}
            <Cell label={t('obs.level')}>
              <LevelBadge level={o.level} />
              <span className="muted small"> {o.assigneeAgency?.name ?? t('obs.noAssignee')}</span>
            </Cell>
            <Cell label={t('obs.status')}>
              <ObstacleStatusBadge status={o.status} />
            </Cell>
            <Cell label={t('obs.ageLabel')}>{t('obs.age', { days: o.ageDays })}</Cell>
            <Cell label={t('obs.dueDate')}>
              {o.dueDate ? date(o.dueDate) : <span className="muted">{t('obs.noDue')}</span>}
              {o.overdue ? (
                <>
                  {' '}
                  <OverdueBadge days={o.daysOverdue} />
                </>
              ) : null}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
