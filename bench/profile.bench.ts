/** Commune profile on the dataset: GET /api/communes/:unitId/profile across the benchmark province's communes. */
import { runLoad } from './http-load.js';
import { durations, routeExists, type BenchContext } from './lib/context.js';
import { budget, rowOf, type ScenarioResult } from './lib/report.js';

export async function benchProfile(ctx: BenchContext): Promise<ScenarioResult> {
  const { dataset: d, base, quick } = ctx;
  const out: ScenarioResult = { name: 'profile', title: 'Commune profile', rows: [], budgets: [], notes: [] };
  const office = await ctx.session('bench.tinh');
  const units = (await ctx.db.execute(`select id from unit where parent_id = '${d.benchProvinceId}' and level = 'commune' order by code` as never)) as unknown as { rows: Array<{ id: string }> };
  const paths = units.rows.map((u) => `/api/communes/${u.id}/profile?year=${d.currentYear}`);
  const probe = await routeExists(`${base}${paths[0]}`, { cookie: office.cookie });
  if (!probe.ok || probe.status !== 200) throw new Error(`profile answered ${probe.status}: ${probe.body}`);
  const t = durations(quick);
  for (const [conns, secs] of [[1, t.c1], [50, t.c50]] as const) {
    const l = await runLoad({ base, connections: conns, durationS: secs, warmupAmount: t.warmup, scenario: { kind: 'get', paths, headers: { cookie: office.cookie, 'accept-encoding': 'gzip, deflate, br' } } });
    out.rows.push(rowOf(`commune profile (${paths.length} communes in turn, steering office)`, l));
    if (l.errors) out.budgets.push(budget(`commune profile errors at ${conns} clients`, l.errors, 0, 'errors'));
  }
  out.notes.push('Each profile reads the commune, its predecessors through lineage, five years of values and summaries, recognitions; no budget of its own in issue 7.');
  return out;
}
