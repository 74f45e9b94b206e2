/**
 * Dashboards on the dataset (issue 7): the province dashboard (steering office of the benchmark's province) and the
 * national roll-up (system administrator, no unit), at 1 and 50 clients with autocannon out of process, after one
 * cold request per key (the dashboards cache each computation until the data version moves, so the measured load
 * is mostly cache hits plus the per-request version and scope round trip); the raw-SQL floor of the same aggregate
 * (`dashboardFloor`: every figure of the dashboard computed by PostgreSQL, tested to agree with the API) at the same
 * concurrency on a pool of the app's size; API/floor, warm and cold.
 */
import { bandsFor } from '../src/domain/dashboard/bands.js';
import { dashboardFloor } from '../src/modules/dashboard/dashboard.floor.repo.js';
import { VERSION_TTL_MS } from '../src/modules/dashboard/dashboard.service.js';
import { recordAudit } from '../src/platform/audit.js';
import { todayVN } from '../src/platform/dates.js';
import { systemCtx } from '../src/platform/context.js';
import { mutate } from '../src/platform/tx.js';
import { runLoad } from './http-load.js';
import { durations, measureFloor, routeExists, type BenchContext } from './lib/context.js';
import { budget, rowOf, type MeasureRow, type ScenarioResult } from './lib/report.js';
import { ratio, round1, summarise } from './lib/stats.js';

export async function benchDashboard(ctx: BenchContext): Promise<ScenarioResult> {
  const { dataset: d, base, quick } = ctx;
  const year = d.currentYear;
  const out: ScenarioResult = { name: 'dashboard', title: 'Dashboards (province and national roll-up)', rows: [], budgets: [], notes: [] };
  const office = await ctx.session('bench.tinh');
  const admin = await ctx.session('bench.quantri');
  const provincePath = `/api/dashboard?year=${year}&setId=${d.setId}&unitId=${d.benchProvinceId}`;
  const nationalPath = `/api/dashboard?year=${year}&setId=${d.setId}`;
  const probe = await routeExists(`${base}${provincePath}`, { cookie: office.cookie });
  if (!probe.ok) {
    out.notes.push(`GET /api/dashboard is not available in this build (${probe.status}): dashboard figures NOT MEASURED.`);
    out.budgets.push(budget('province dashboard p95 at 50 clients', null, 50, 'ms', 'not available'), budget('national roll-up p95 at 50 clients', null, 150, 'ms', 'not available'));
    return out;
  }
  if (probe.status !== 200) throw new Error(`province dashboard answered ${probe.status}: ${probe.body}`);
  const n = (await ctx.db.execute(`select jsonb_array_length(definition->'criteria') as n from criteria_set where id = '${d.setId}'` as never)) as unknown as { rows: Array<{ n: number }> };
  const criterionCount = n.rows[0]?.n ?? 19;
  const t = durations(quick);

  // cold: the first request of a key computes it (the national key; the province keys of a few provinces)
  const provinces = (await ctx.db.execute(`select id from unit where level = 'province' and valid_from = '2025-07-01' order by code limit ${quick ? 4 : 10}` as never)) as unknown as { rows: Array<{ id: string }> };
  const computedAt = new Map<string, string>();
  const cold = async (path: string, cookie: string) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    // a cold measurement must be a computation, never a cache hit: each answer carries when it was computed
    const at = (JSON.parse(body) as { computedAt: string }).computedAt;
    if (computedAt.get(path) === at) throw new Error(`${path}: a cache hit where a computation was expected`);
    computedAt.set(path, at);
    return ms;
  };
  const coldProvince: number[] = [];
  for (const p of provinces.rows) coldProvince.push(await cold(`/api/dashboard?year=${year}&setId=${d.setId}&unitId=${p.id}`, admin.cookie));
  const coldNational = await cold(nationalPath, admin.cookie);
  const cp = summarise(coldProvince);
  out.rows.push({ what: `province dashboard, cold (first request of ${coldProvince.length} provinces, 1 client)`, concurrency: 1, requests: coldProvince.length, perSecond: null, p50: cp.p50, p95: cp.p95, p99: null, max: cp.max, errors: 0 });
  out.rows.push({ what: 'national roll-up, cold (first request, 1 client)', concurrency: 1, requests: 1, perSecond: null, p50: round1(coldNational), p95: round1(coldNational), p99: null, max: round1(coldNational), errors: 0 });

  // cold, robust: N computations of the same key, each after an audited no-op write (a real audit record through
  // mutate + recordAudit, like any write) that moves the data version, so each request recomputes the dashboard
  const coldRuns = quick ? 5 : 15;
  const bump = async () => {
    const sys = systemCtx('bench-dashboard-cold');
    await mutate(ctx.db, sys, (tx) => recordAudit(tx, sys, { action: 'bench.dataVersion', entityType: 'bench', entityId: 'dashboard-cold' }));
  };
  const floorOf = (unitId: string | null) => () =>
    dashboardFloor(ctx.db, { year, setId: d.setId, unitId, criterionCount, bandMins: bandsFor(criterionCount).map((b) => b.min), today: todayVN() });
  // each cold computation is followed by one floor run, so both are measured in the same state of the machine
  // (caches, load); cold API/floor = median over median
  const coldSeries = async (path: string, cookie: string, unitId: string | null) => {
    const api: number[] = [];
    const floor: number[] = [];
    const q = floorOf(unitId);
    await q(); // plan and cache warm-up
    for (let i = 0; i < coldRuns; i++) {
      await bump();
      // the server (another process) rereads the data version after VERSION_TTL_MS: wait for it, or this is a hit
      await new Promise((r) => setTimeout(r, VERSION_TTL_MS + 50));
      api.push(await cold(path, cookie));
      const t0 = performance.now();
      await q();
      floor.push(performance.now() - t0);
    }
    return { api: summarise(api), floor: summarise(floor) };
  };
  const coldOf = new Map<string, Awaited<ReturnType<typeof coldSeries>>>();
  coldOf.set('province dashboard', await coldSeries(provincePath, office.cookie, d.benchProvinceId));
  coldOf.set('national roll-up', await coldSeries(nationalPath, admin.cookie, null));
  for (const [label, c] of coldOf) {
    out.rows.push({
      what: `${label}, cold (${coldRuns} computations, data version moved before each, 1 client)`,
      concurrency: 1,
      requests: coldRuns,
      perSecond: null,
      p50: c.api.p50,
      p95: c.api.p95,
      p99: null,
      max: c.api.max,
      errors: 0,
      floor: c.floor,
      ratio: ratio(c.api.p50, c.floor.p50),
    });
    out.budgets.push(budget(`${label}: cold API/floor at 1 client (median of ${coldRuns} computations / median of the floor runs between them)`, ratio(c.api.p50, c.floor.p50), 2, '×'));
  }

  const measure = async (label: string, path: string, cookie: string, unitId: string | null, limit: number) => {
    const rows: MeasureRow[] = [];
    for (const [conns, secs] of [[1, t.c1], [50, t.c50]] as const) {
      const l = await runLoad({ base, connections: conns, durationS: secs, warmupAmount: t.warmup, scenario: { kind: 'get', paths: [path], headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } } });
      const row = rowOf(`${label}, warm`, l);
      const q = floorOf(unitId);
      await q(); // plan and cache warm-up, like the API's warm-up
      row.floor = await measureFloor(q, conns, conns === 1 ? (quick ? 10 : 30) : quick ? 100 : 250);
      row.ratio = conns === 1 ? ratio(row.p50, row.floor.p50) : ratio(row.p95, row.floor.p95);
      out.budgets.push(budget(`${label}: API/floor at ${conns} client${conns > 1 ? 's' : ''} (${conns === 1 ? 'p50' : 'p95'})`, row.ratio, 2, '×'));
      rows.push(row);
      if (conns === 50) out.budgets.push(budget(`${label} p95 at 50 clients`, l.errors ? null : row.p95, limit, 'ms', l.errors ? `${l.errors} errors` : undefined));
    }
    out.rows.push(...rows);
  };
  await measure('province dashboard', provincePath, office.cookie, d.benchProvinceId, 50);
  await measure('national roll-up', nationalPath, admin.cookie, null, 150);
  out.notes.push(
    'Warm = the computed dashboard is cached until the data version changes (any audited write), so the warm figures are the per-request path (session, version + scope round trip, ETag, compression); cold = one computation (the whole request, HTTP included).',
    'Cold API/floor = the median of the cold series (the same key recomputed after each audited no-op write moves the data version) over the median of the floor runs made right after each computation, in the same state of the machine; the budget is issue 7\'s 2×.',
    'Floor = dashboardFloor (src/modules/dashboard/dashboard.floor.repo.ts): every figure the dashboard returns computed by PostgreSQL in raw SQL — core totals, bands and rates; the trend through lineage; improvement ranked within groups and the score ranking; obstacles, activities, visits — the area resolved once, then the statements at once on a pool of 10 connections (the app\'s size). dashboard.test.ts checks that floor and API give the same figures. Target-commune progress (an application rule) is left out of the floor, so the floor is if anything smaller than the API\'s work.',
  );
  return out;
}
