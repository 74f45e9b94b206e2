/**
 * /dashboard?year&setId&unitId: the figures of a year for a unit in scope (a system administrator without a unit sees
 * the national roll-up). Every figure is a link to the communes behind it (/dashboard/communes?filter=…).
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import type { DashboardResponse } from '../../../../src/contracts/dashboard.js';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField } from '../../components/field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { Cell, Table } from '../../components/table.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useDashboard } from '../../features/dashboard/api/get-dashboard.js';
import { dashboardHref, drillHref, type DashboardLocation } from '../../features/dashboard/links.js';
import '../../features/dashboard/dashboard.css';
import '../../i18n/parts/dashboard.vi.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';

const Charts = {
  BarChart: lazy(() => import('../../features/dashboard/components/charts.js').then((m) => ({ default: m.BarChart }))),
  Sparkline: lazy(() => import('../../features/dashboard/components/charts.js').then((m) => ({ default: m.Sparkline }))),
};
// The maps feature's component, in its own lazy chunk.
const CommuneMap = lazy(() => import('../../features/maps/commune-map.js').then((m) => ({ default: m.CommuneMap })));

const route = getRouteApi('/app/dashboard');

export function DashboardPage(): ReactNode {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { user } = useSession();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = search.year ?? thisYear - 1;
  const query = useDashboard({ year, setId: search.setId, unitId: search.unitId });
  const d = query.data;
  const title = d ? (d.national ? t('dash.titleNational') : t('dash.titleUnit', { unit: d.unit?.name ?? '' })) : t('dash.title');
  const years = [...new Set([...(d?.years ?? []), thisYear, thisYear - 1, year])].sort((a, b) => b - a);
  const unitOptions = [
    ...(user.roles.includes('system_admin') ? [{ value: '', label: t('dash.national') }] : []),
    ...user.scope.map((u) => ({ value: u.unitId, label: u.name })),
    ...(d?.unit && !user.scope.some((u) => u.unitId === d.unit!.id) ? [{ value: d.unit.id, label: d.unit.name }] : []),
    ...(d?.breakdown ?? []).filter((b) => !user.scope.some((u) => u.unitId === b.unit.id)).map((b) => ({ value: b.unit.id, label: `— ${b.unit.name}` })),
  ];
  const go = (next: Partial<{ year: number; setId: string | undefined; unitId: string | undefined }>) =>
    void navigate({ search: { year, setId: search.setId, unitId: search.unitId ?? d?.unit?.id, ...next } });
  return (
    <>
      <PageHeader title={title} intro={t('dash.intro')} />
      <div className="dash-filters filters">
        <SelectField
          label={t('dash.year')}
          value={String(year)}
          onChange={(e) => go({ year: Number(e.target.value), setId: undefined })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        {d && d.sets.length > 0 ? (
          <SelectField
            label={t('dash.set')}
            value={d.set?.id ?? ''}
            onChange={(e) => go({ setId: e.target.value || undefined })}
            options={d.sets.map((s) => ({ value: s.id, label: `${s.code} (${t('dash.setCommunes', { count: s.communes })})` }))}
          />
        ) : null}
        {unitOptions.length > 1 ? (
          <SelectField
            label={t('dash.unit')}
            value={search.unitId ?? d?.unit?.id ?? ''}
            onChange={(e) => go({ unitId: e.target.value || undefined })}
            options={unitOptions}
          />
        ) : null}
      </div>
      <QueryState query={query}>{(data) => <Figures d={data} />}</QueryState>
    </>
  );
}

function Figures({ d }: { d: DashboardResponse }): ReactNode {
  const { t, number } = useI18n();
  const loc: DashboardLocation = { year: d.year, setId: d.set?.id, unitId: d.unit?.id };
  const pct = (v: number | null) => (v === null ? '—' : `${number(v)} %`);
  const dec = (v: number | null) => (v === null ? '—' : number(v));
  const card = (key: string, value: string, label: string, filter: string | null) => (
    <li key={key}>
      {filter ? (
        <Link to="/dashboard/communes" search={{ ...loc, filter }} className="dash-card">
          <span className="dash-card-value">{value}</span>
          <span className="dash-card-label">{label}</span>
        </Link>
      ) : (
        <div className="dash-card">
          <span className="dash-card-value">{value}</span>
          <span className="dash-card-label">{label}</span>
        </div>
      )}
    </li>
  );
  const n = d.set?.criterionCount ?? 0;
  return (
    <>
      <p className="dash-note">
        {d.set ? t('dash.basis', { set: d.set.name, year: d.year, date: d.asOf.split('-').reverse().join('/') }) : t('dash.noSet', { year: d.year })}
      </p>
      <ul className="dash-cards" aria-label={t('dash.cards')}>
        {card('communes', number(d.totals.communes), t('dash.card.communes'), 'all')}
        {card('assessed', number(d.totals.assessed), t('dash.card.assessed', { appraised: d.totals.appraised }), 'assessed')}
        {card('notAssessed', number(d.totals.notAssessed), t('dash.card.notAssessed'), 'notAssessed')}
        {card('avg', dec(d.totals.avgMet), t('dash.card.avg', { n }), null)}
        {card('meets', number(d.totals.meetsStandard), t('dash.card.meets'), 'standard:met')}
        {d.levels
          .filter((l) => l.level !== 'none')
          .map((l) => card(`level-${l.level}`, number(l.count), t(`dash.level.${l.level}` as MessageKey), l.filter))}
      </ul>

      {d.totals.assessed === 0 ? <EmptyState>{t('dash.noResults', { year: d.year })}</EmptyState> : null}

      <div className="dash-grid">
        <section className="card dash-panel" aria-labelledby="dash-bands">
          <h2 id="dash-bands">{t('dash.bands', { n })}</h2>
          <Suspense fallback={<Loading />}>
            <Charts.BarChart
              label={t('dash.bands', { n })}
              bars={d.bands.map((b) => {
                const label = b.min === b.max ? t('dash.band.exact', { n: b.min }) : b.min === 0 ? t('dash.band.under', { n: b.max + 1 }) : t('dash.band.range', { min: b.min, max: b.max });
                return {
                  key: b.key,
                  label,
                  value: b.count,
                  valueLabel: number(b.count),
                  linkLabel: t('dash.band.link', { label, count: b.count }),
                  href: drillHref(loc, b.filter),
                  tone: b.min === n ? 'ok' : b.min === 0 ? 'bad' : 'neutral',
                };
              })}
            />
          </Suspense>
        </section>

        <section className="card dash-panel" aria-labelledby="dash-trend">
          <h2 id="dash-trend">{t('dash.trend')}</h2>
          {d.trend.length === 0 ? (
            <p className="muted">{t('dash.trendEmpty')}</p>
          ) : (
            <>
              <Suspense fallback={<Loading />}>
                <Charts.Sparkline
                  label={t('dash.trendChart', { from: d.trend[0]!.year, to: d.trend.at(-1)!.year })}
                  max={n}
                  points={d.trend.map((p) => ({ year: p.year, value: p.avgMet, valueLabel: dec(p.avgMet) }))}
                />
              </Suspense>
              <Table stack={false} caption={t('dash.trend')}>
                <thead>
                  <tr>
                    <th scope="col">{t('dash.col.year')}</th>
                    <th scope="col">{t('dash.col.communesWithData')}</th>
                    <th scope="col">{t('dash.col.avg')}</th>
                    <th scope="col">{t('dash.col.meets')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.trend.map((p) => (
                    <tr key={p.year}>
                      <Cell label={t('dash.col.year')}>
                        <a href={dashboardHref({ ...loc, year: p.year })}>{p.year}</a>
                      </Cell>
                      <Cell label={t('dash.col.communesWithData')}>
                        {number(p.communes)}
                        {p.merged ? <span className="muted"> {t('dash.merged', { count: p.merged })}</span> : null}
                      </Cell>
                      <Cell label={t('dash.col.avg')}>{dec(p.avgMet)}</Cell>
                      <Cell label={t('dash.col.meets')}>{number(p.meetsStandard)}</Cell>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <p className="dash-note">{t('dash.trendNote')}</p>
            </>
          )}
        </section>
      </div>

      <section className="card dash-panel" aria-labelledby="dash-criteria">
        <h2 id="dash-criteria">{t('dash.criteria')}</h2>
        <p className="dash-note">{t('dash.criteriaHint')}</p>
        <Suspense fallback={<Loading />}>
          <Charts.BarChart
            label={t('dash.criteria')}
            max={100}
            bars={d.criteria.map((c) => ({
              key: c.number,
              label: `${c.number}. ${c.name}`,
              value: c.rate ?? 0,
              valueLabel: pct(c.rate),
              linkLabel: t('dash.criterion.link', { number: c.number, name: c.name, rate: pct(c.rate), count: c.notMet + c.undetermined }),
              href: drillHref(loc, c.filterNotMet),
              tone: c.rate === null ? 'neutral' : c.rate >= 80 ? 'ok' : c.rate >= 50 ? 'warn' : 'bad',
            }))}
          />
        </Suspense>
      </section>

      <div className="dash-grid">
        <Ranking title={t('dash.top')} rows={d.rankings.top} id="dash-top" />
        {d.rankings.bottom.length ? <Ranking title={t('dash.bottom')} rows={d.rankings.bottom} id="dash-bottom" /> : null}
      </div>

      <section className="card dash-panel" aria-labelledby="dash-improve">
        <h2 id="dash-improve">{t('dash.improvement', { from: d.rankings.improvement.previousYear, to: d.year })}</h2>
        <p className="dash-note">
          {t('dash.improvementNote')}{' '}
          <Link to="/dashboard/communes" search={{ ...loc, filter: 'improved' }}>
            {t('dash.improved', { count: d.rankings.improvement.improved })}
          </Link>
          {' · '}
          <Link to="/dashboard/communes" search={{ ...loc, filter: 'declined' }}>
            {t('dash.declined', { count: d.rankings.improvement.declined })}
          </Link>
        </p>
        {d.rankings.improvement.groups.filter((g) => g.ranked > 0).length === 0 ? (
          <p className="muted">{t('dash.improvementEmpty')}</p>
        ) : (
          d.rankings.improvement.groups
            .filter((g) => g.ranked > 0)
            .map((g) => (
              <div key={g.key} className="dash-group">
                <Ranking
                  title={t(`dash.groupKind.${g.kind}` as MessageKey, { label: g.label, ranked: g.ranked, avg: dec(g.avgDelta) })}
                  rows={g.top}
                  showDelta
                  more={{ filter: g.filter, loc }}
                  plain
                />
              </div>
            ))
        )}
      </section>

      {d.breakdown.length > 0 ? (
        <section className="card dash-panel" aria-labelledby="dash-breakdown">
          <h2 id="dash-breakdown">{d.national ? t('dash.byProvince') : t('dash.byDistrict')}</h2>
          <Table stack={false} caption={d.national ? t('dash.byProvince') : t('dash.byDistrict')}>
            <thead>
              <tr>
                <th scope="col">{t('dash.col.unit')}</th>
                <th scope="col">{t('dash.col.communes')}</th>
                <th scope="col">{t('dash.col.assessed')}</th>
                <th scope="col">{t('dash.col.avg')}</th>
                <th scope="col">{t('dash.col.meets')}</th>
                <th scope="col">{t('dash.col.recognised')}</th>
              </tr>
            </thead>
            <tbody>
              {d.breakdown.map((b) => (
                <tr key={b.unit.id}>
                  <Cell label={t('dash.col.unit')}>
                    <Link to="/dashboard" search={{ year: d.year, setId: d.set?.id, unitId: b.unit.id }}>
                      {b.unit.name}
                    </Link>
                  </Cell>
                  <Cell label={t('dash.col.communes')}>
                    <Link to="/dashboard/communes" search={{ ...loc, filter: b.filter }}>
                      {number(b.communes)}
                    </Link>
                  </Cell>
                  <Cell label={t('dash.col.assessed')}>{number(b.assessed)}</Cell>
                  <Cell label={t('dash.col.avg')}>{dec(b.avgMet)}</Cell>
                  <Cell label={t('dash.col.meets')}>{number(b.meetsStandard)}</Cell>
                  <Cell label={t('dash.col.recognised')}>{number(b.recognised)}</Cell>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}

      <div className="dash-grid">
        <section className="card dash-panel" aria-labelledby="dash-obstacles">
          <h2 id="dash-obstacles">{t('dash.obstacles')}</h2>
          <ul className="dash-cards" aria-label={t('dash.obstacles')}>
            {card('o-open', number(d.obstacles.open), t('dash.obstacles.open', { communes: d.obstacles.communesWithOpen }), d.obstacles.filterOpen)}
            {card('o-overdue', number(d.obstacles.overdue), t('dash.obstacles.overdue'), d.obstacles.filterOverdue)}
          </ul>
          {d.obstacles.byLevel.length ? (
            <p className="dash-note">
              {d.obstacles.byLevel.map((l) => `${t(`dash.obstacleLevel.${l.level}` as MessageKey)}: ${number(l.count)}`).join(' · ')}
            </p>
          ) : null}
          {d.obstacles.byStatus.length ? (
            <p className="dash-note">
              {d.obstacles.byStatus.map((s) => `${t(`dash.obstacleStatus.${s.status}` as MessageKey)}: ${number(s.count)}`).join(' · ')}
            </p>
          ) : null}
        </section>
        <section className="card dash-panel" aria-labelledby="dash-visits">
          <h2 id="dash-visits">{t('dash.visits')}</h2>
          <ul className="dash-cards" aria-label={t('dash.visits')}>
            {card('v30', number(d.visits.visits30), t('dash.visits.last30', { activities: d.visits.activities30 }), null)}
            {card('v90', number(d.visits.visits90), t('dash.visits.last90', { activities: d.visits.activities90 }), null)}
            {card('nv30', number(d.visits.withoutVisit30), t('dash.visits.none30', { communes: d.visits.communes }), d.visits.filterNoVisit30)}
            {card('nv90', number(d.visits.withoutVisit90), t('dash.visits.none90', { communes: d.visits.communes }), d.visits.filterNoVisit90)}
          </ul>
        </section>
      </div>

      <section className="card dash-panel" aria-labelledby="dash-targets">
        <h2 id="dash-targets">{t('dash.targets', { year: d.year })}</h2>
        {d.targets.communes === 0 ? (
          <p className="muted">{t('dash.targetsEmpty', { year: d.year })}</p>
        ) : (
          <ul className="dash-cards" aria-label={t('dash.targets', { year: d.year })}>
            {card('t-all', number(d.targets.communes), t('dash.targets.all'), d.targets.filterAll)}
            {card('t-met', number(d.targets.met), t('dash.targets.met'), d.targets.filterMet)}
            {card('t-track', number(d.targets.onTrack), t('dash.targets.onTrack'), d.targets.filterOnTrack)}
            {card('t-risk', number(d.targets.atRisk), t('dash.targets.atRisk'), d.targets.filterAtRisk)}
          </ul>
        )}
      </section>

      {d.set ? (
        <section className="card dash-panel dash-map" aria-labelledby="dash-map">
          <h2 id="dash-map">{t('dash.map')}</h2>
          <Suspense fallback={<Loading />}>
            <CommuneMap year={d.year} setId={d.set.id} unitId={d.unit?.id} />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}

type Ranked = DashboardResponse['rankings']['top'][number];

function Ranking({
  title,
  rows,
  id,
  showDelta,
  more,
  plain,
}: {
  title: string;
  rows: Ranked[];
  id?: string;
  showDelta?: boolean;
  more?: { filter: string; loc: DashboardLocation };
  plain?: boolean;
}): ReactNode {
  const { t, number } = useI18n();
  const body = (
    <>
      {plain ? <h3>{title}</h3> : <h2 id={id}>{title}</h2>}
      <Table stack={false} caption={title}>
        <thead>
          <tr>
            <th scope="col">{t('dash.col.rank')}</th>
            <th scope="col">{t('dash.col.commune')}</th>
            <th scope="col">{t('dash.col.score')}</th>
            {showDelta ? <th scope="col">{t('dash.col.delta')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <Cell label={t('dash.col.rank')}>{r.rank}</Cell>
              <Cell label={t('dash.col.commune')}>
                <Link to="/communes/$unitId" params={{ unitId: r.id }}>
                  {r.name}
                </Link>
                {r.parentName ? <span className="muted"> · {r.parentName}</span> : null}
              </Cell>
              <Cell label={t('dash.col.score')}>{number(r.score)}</Cell>
              {showDelta ? (
                <Cell label={t('dash.col.delta')}>
                  <span className={(r.delta ?? 0) > 0 ? 'dash-delta-up' : (r.delta ?? 0) < 0 ? 'dash-delta-down' : undefined}>
                    {r.delta === null ? '—' : `${r.delta > 0 ? '+' : ''}${number(r.delta)}`}
                  </span>
                </Cell>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      {more ? (
        <p>
          <Link to="/dashboard/communes" search={{ ...more.loc, filter: more.filter }}>
            {t('dash.groupAll')}
          </Link>
        </p>
      ) : null}
    </>
  );
  return plain ? body : <section className="card dash-panel" aria-labelledby={id}>{body}</section>;
}
