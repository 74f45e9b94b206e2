/**
 * /dashboard/communes?year&setId&unitId&filter&offset: the communes behind one figure of the dashboard, paged, each
 * linking to its profile (/communes/:unitId).
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { DashboardCommunesResponse } from '../../../../src/contracts/dashboard.js';
import { PagedList } from '../../components/paged-list.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Cell, Table } from '../../components/table.js';
import { useDashboardCommunes } from '../../features/dashboard/api/get-dashboard.js';
import '../../features/dashboard/dashboard.css';
import '../../i18n/parts/dashboard.vi.js';
import { useI18n, type MessageKey, type TFunction } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';

const route = getRouteApi('/app/dashboard/communes');
const LIMIT = 50;

/** The heading of a drill-down: what the figure counted. */
export function describeFilter(t: TFunction, filter: string, criterionName: string | null): string {
  const [kind, a, b] = filter.split(':');
  switch (kind) {
    case 'criterion':
      return t(b === 'met' ? 'dash.f.criterionMet' : 'dash.f.criterionNotMet', { number: a ?? '', name: criterionName ?? '' });
    case 'band': {
      const [min, max] = (a ?? '').split('-').map(Number);
      if (max === undefined) return t('dash.f.bandExact', { n: min ?? 0 });
      return min === 0 ? t('dash.f.bandUnder', { n: max + 1 }) : t('dash.f.bandRange', { min: min ?? 0, max });
    }
    case 'level':
      return a === 'none' ? t('dash.f.levelNone') : t('dash.f.level', { level: t(`dash.level.${a}` as MessageKey) });
    case 'standard':
      return t(a === 'met' ? 'dash.f.standardMet' : 'dash.f.standardNotMet');
    case 'noVisit':
      return t('dash.f.noVisit', { days: a ?? '' });
    case 'obstacles':
      return t(a === 'overdue' ? 'dash.f.obstaclesOverdue' : 'dash.f.obstaclesOpen');
    case 'targets':
      return t(`dash.f.targets.${a}` as MessageKey);
    case 'group':
      return t('dash.f.group');
    case 'parent':
      return t('dash.f.parent');
    case 'improved':
    case 'declined':
    case 'assessed':
    case 'notAssessed':
      return t(`dash.f.${kind}` as MessageKey);
    default:
      return t('dash.f.all');
  }
}

export function DashboardCommunesPage(): ReactNode {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const year = search.year ?? Number(todayIso().slice(0, 4)) - 1;
  const filter = search.filter ?? 'all';
  const offset = search.offset ?? 0;
  const query = useDashboardCommunes({ year, setId: search.setId, unitId: search.unitId, filter, limit: LIMIT, offset });
  const d = query.data;
  const heading = describeFilter(t, filter, d?.criterionName ?? null);
  const where = d ? (d.unit ? d.unit.name : t('dash.national')) : '';
  return (
    <>
      <PageHeader
        title={heading}
        intro={d ? t('dash.drillIntro', { unit: where, year: d.year, set: d.set?.code ?? '—' }) : undefined}
        before={
          <p>
            <Link to="/dashboard" search={{ year, setId: search.setId, unitId: search.unitId }}>
              {t('dash.back')}
            </Link>
          </p>
        }
      />
      <PagedList
        query={query}
        offset={offset}
        limit={LIMIT}
        onPage={(o) => void navigate({ search: { ...search, offset: o } })}
        empty={t('dash.drillEmpty')}
      >
        {(rows, total) => <Rows rows={rows} total={total} filter={filter} caption={heading} />}
      </PagedList>
    </>
  );
}

type Row = DashboardCommunesResponse['items'][number];

function Rows({ rows, total, filter, caption }: { rows: Row[]; total: number; filter: string; caption: string }): ReactNode {
  const { t, number, date } = useI18n();
  const kind = filter.split(':')[0];
  const showCriterion = kind === 'criterion';
  const showDelta = kind === 'group' || kind === 'improved' || kind === 'declined';
  const showAssist = kind === 'noVisit' || kind === 'obstacles' || kind === 'targets';
  const showTarget = kind === 'targets';
  return (
    <>
      <p className="muted">{t('dash.drillTotal', { count: total })}</p>
      <Table caption={caption}>
        <thead>
          <tr>
            <th scope="col">{t('dash.col.commune')}</th>
            <th scope="col">{t('dash.col.parent')}</th>
            <th scope="col">{t('dash.col.score')}</th>
            {showCriterion ? <th scope="col">{t('dash.col.criterionStatus')}</th> : null}
            {showDelta ? <th scope="col">{t('dash.col.delta')}</th> : null}
            {showTarget ? <th scope="col">{t('dash.col.target')}</th> : null}
            {showAssist ? <th scope="col">{t('dash.col.lastVisit')}</th> : null}
            {showAssist ? <th scope="col">{t('dash.col.obstacles')}</th> : null}
            <th scope="col">{t('dash.col.level')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <Cell label={t('dash.col.commune')}>
                <Link to="/communes/$unitId" params={{ unitId: r.id }}>
                  {r.name}
                </Link>
              </Cell>
              <Cell label={t('dash.col.parent')}>{r.parentName ?? '—'}</Cell>
              <Cell label={t('dash.col.score')}>
                {r.criteriaMet === null ? (
                  <span className="muted">{t('dash.notAssessed')}</span>
                ) : (
                  <>
                    {t('dash.scoreOf', { met: r.criteriaMet, applicable: r.criteriaApplicable ?? 0 })}
                    {r.basis === 'self' ? <span className="muted"> {t('dash.basisSelf')}</span> : null}
                  </>
                )}
              </Cell>
              {showCriterion ? (
                <Cell label={t('dash.col.criterionStatus')}>
                  {r.criterionStatus === 'met' ? (
                    <StatusBadge tone="ok">{t('dash.cs.met')}</StatusBadge>
                  ) : r.criterionStatus === 'not_met' ? (
                    <StatusBadge tone="bad">{t('dash.cs.not_met')}</StatusBadge>
                  ) : (
                    <StatusBadge tone="warn">{t('dash.cs.undetermined')}</StatusBadge>
                  )}
                </Cell>
              ) : null}
              {showDelta ? (
                <Cell label={t('dash.col.delta')}>
                  {r.delta === null ? '—' : `${r.delta > 0 ? '+' : ''}${number(r.delta)} (${t('dash.prev', { value: number(r.prevScore ?? 0) })})`}
                </Cell>
              ) : null}
              {showTarget ? (
                <Cell label={t('dash.col.target')}>
                  {r.targetLevel ? t(`dash.level.${r.targetLevel}` as MessageKey) : '—'}{' '}
                  {r.atRisk ? <StatusBadge tone="bad">{t('dash.atRisk')}</StatusBadge> : null}
                </Cell>
              ) : null}
              {showAssist ? <Cell label={t('dash.col.lastVisit')}>{r.lastVisit ? date(r.lastVisit) : t('dash.never')}</Cell> : null}
              {showAssist ? (
                <Cell label={t('dash.col.obstacles')}>
                  {t('dash.obstacleCounts', { open: r.openObstacles ?? 0, overdue: r.overdueObstacles ?? 0 })}
                </Cell>
              ) : null}
              <Cell label={t('dash.col.level')}>{r.level ? t(`dash.level.${r.level}` as MessageKey) : '—'}</Cell>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
