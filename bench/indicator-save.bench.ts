/**
 * Indicator save on the dataset: PUT /api/assessments/:id/results/:code by the benchmark's commune officers, each on
 * its own 2025 draft (one officer per connection), at 1 and 50 clients, with autocannon out of process.
 */
import { runLoad, type SaveWriter } from './http-load.js';
import { durations, type BenchContext } from './lib/context.js';
import { budget, rowOf, type ScenarioResult } from './lib/report.js';

interface FormJson {
  criteria: Array<{ indicators: Array<{ code: string; kind: string; result: { version: number; editable: boolean; evaluation: { target: number | boolean | string | null } } }> }>;
}

export async function benchIndicatorSave(ctx: BenchContext): Promise<ScenarioResult> {
  const { base, quick } = ctx;
  const out: ScenarioResult = { name: 'save', title: 'Indicator save (autosave PUT)', rows: [], budgets: [], notes: [] };
  const officers = (await ctx.db.execute(
    `select u.login, a.id from app_user u join user_scope s on s.user_id = u.id join assessment a on a.unit_id = s.unit_id and a.status = 'draft'
     join assessment_cycle c on c.id = a.cycle_id and c.year = ${ctx.dataset.currentYear} where u.login like 'bench.xa.%' order by u.login` as never,
  )) as unknown as { rows: Array<{ login: string; id: string }> };
  // The forms are read before each load: a load's child process keeps the versions its saves returned to itself.
  const writersFor = async (n: number): Promise<SaveWriter[]> => {
    const writers: SaveWriter[] = [];
    for (const o of officers.rows.slice(0, n)) {
      const s = await ctx.session(o.login);
      const res = await fetch(`${base}/api/assessments/${o.id}/form`, { headers: { cookie: s.cookie } });
      if (res.status !== 200) throw new Error(`form ${o.id}: ${res.status}`);
      const f = (await res.json()) as FormJson;
      const rows = f.criteria.flatMap((c) => c.indicators.filter((i) => i.result.editable).map((i) => ({ code: i.code, kind: i.kind, version: i.result.version, target: i.result.evaluation.target })));
      writers.push({ cookie: s.cookie, csrf: s.csrf, assessmentId: o.id, rows });
    }
    return writers;
  };
  const t = durations(quick);
  for (const conns of [1, 50]) {
    if (officers.rows.length < conns) {
      out.notes.push(`only ${officers.rows.length} officers with a draft: ${conns} writers not measured`);
      continue;
    }
    const writers = await writersFor(conns);
    const l = await runLoad({
      base,
      connections: conns,
      durationS: conns === 1 ? t.c1 : t.c50,
      warmupAmount: t.warmup,
      scenario: { kind: 'save', writers, origin: base },
    });
    out.rows.push(rowOf(`indicator save (${conns} officer${conns > 1 ? 's' : ''}, each on its own form)`, l));
    if (l.errors) out.budgets.push(budget(`indicator save errors at ${conns} clients`, l.errors, 0, 'errors'));
    if (l.conflicts) out.notes.push(`${l.conflicts} conflicts at ${conns} clients (each officer edits only its own form: should be 0)`);
  }
  out.notes.push("Issue 4's own budget (p95 ≤ 100 ms at 20 writers) is measured by bench/assessment-save.bench.ts on the demo data.");
  return out;
}
