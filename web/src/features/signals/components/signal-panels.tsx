/** The steering office's signals: communes not visited, communes with no helper, overdue obstacles by level. */
import { Link } from '@tanstack/react-router';
import type { NoHelperResponse, NoVisitResponse, OverdueObstaclesResponse } from '../../../../../src/contracts/assistance.js';
import { EmptyState } from '../../../components/empty-state.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';

export function NoVisitTable({ data }: { data: NoVisitResponse }) {
  const { t, date } = useI18n();
  if (data.total === 0) return <EmptyState>{t('sig.noVisitEmpty', { days: data.days })}</EmptyState>;
  return (
    <Table caption={t('sig.noVisit')}>
      <thead>
        <tr>
          <th scope="col">{t('assign.commune')}</th>
          <th scope="col">{t('sig.helpers')}</th>
          <th scope="col">{t('sig.lastVisit')}</th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((r) => (
          <tr key={r.unit.id}>
            <Cell label={t('assign.commune')}>
              <Link to="/units/$id" params={{ id: r.unit.id }} search={{ asOf: undefined }}>
                {r.unit.name}
              </Link>
            </Cell>
            <Cell label={t('sig.helpers')}>{r.helpers.map((h) => h.name).join(', ')}</Cell>
            <Cell label={t('sig.lastVisit')}>
              {r.lastVisitDate && r.lastVisitActivityId ? (
                <Link to="/activities/$id" params={{ id: r.lastVisitActivityId }}>
                  {date(r.lastVisitDate)}
                </Link>
              ) : (
                t('sig.neverVisited')
              )}
              {r.daysSinceVisit !== null ? <span className="muted small"> · {t('sig.daysSince', { days: r.daysSinceVisit })}</span> : null}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function NoHelperList({ data }: { data: NoHelperResponse }) {
  const { t } = useI18n();
  return (
    <>
      {data.notice ? (
        <p className="alert alert-info" role="note">
          <span aria-hidden="true">i </span>
          {data.notice}
        </p>
      ) : null}
      {data.total === 0 ? (
        <EmptyState>{t('sig.noHelperEmpty')}</EmptyState>
      ) : (
        <ul className="link-columns" aria-label={t('sig.noHelper')}>
          {data.items.map((r) => (
            <li key={r.unit.id}>
              <Link to="/units/$id" params={{ id: r.unit.id }} search={{ asOf: undefined }}>
                {r.unit.name}
              </Link>{' '}
              <span className="muted">
                {r.status
                  ? t('sig.noHelperStatus', { met: r.status.criteriaMet, applicable: r.status.criteriaApplicable, year: r.status.year })
                  : t('sig.noHelperNoStatus')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function OverdueByLevel({ data }: { data: OverdueObstaclesResponse }) {
  const { t } = useI18n();
  if (data.total === 0) return <EmptyState>{t('sig.overdueEmpty')}</EmptyState>;
  return (
    <ul className="stat-list" aria-label={t('sig.overdue')}>
      {data.byLevel.map((l) => (
        <li key={l.level} className="stat">
          <Link
            to="/assistance/obstacles"
            search={{ overdue: 'true', open: 'true', level: l.level }}
            aria-label={t('sig.overdueLink', { count: l.count, level: t(`obs.level.${l.level}`) })}
            className="stat-link"
          >
            <span className="stat-value">{l.count}</span>
            <span className="stat-label">{t(`obs.level.${l.level}`)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
