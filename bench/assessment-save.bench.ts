/**
 * Assessment save budget (issue 4): saving one indicator answers p95 ≤ 100 ms on PostgreSQL under 20 concurrent
 * writers; the commune form (≈60 indicators, definition + values) is ≤ 10 KB gzip.
 * Creates a temporary database on MTQG_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres), migrates
 * and seeds it (reference data, criteria sets, demo data), starts the app in-process on a free port, and runs 20
 * commune officers saving indicators of their own 2025 forms over HTTP (each save based on the version its previous
 * save returned, a fresh operation id each time) for a bounded number of saves. The load comes from autocannon in a
 * child process (bench/http-load.ts), so this process is the server alone. Prints the figures and a JSON line.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { hashPassword } from '../src/platform/auth/password.js';
import { systemCtx } from '../src/platform/context.js';
import { migrateDatabase, openDatabase } from '../src/platform/db/client.js';
import { queryRows } from '../src/platform/db/query.js';
import { buildApp } from '../src/platform/http/app.js';
import { insertUser, replaceScope } from '../src/modules/users/users.repo.js';
import { seedCriteria } from '../src/seed/criteria.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReference } from '../src/seed/reference.js';
import { runLoad, type SaveWriter } from './http-load.js';
import { cpuMeter } from './lib/cpu.js';

const WRITERS = Number(process.env.MTQG_BENCH_WRITERS ?? 20);
const SAVES_PER_WRITER = Number(process.env.MTQG_BENCH_SAVES ?? 60);
const WARMUP_PER_WRITER = Number(process.env.MTQG_BENCH_WARMUP ?? 10);
const BUDGET_P95_MS = 100;
const BUDGET_FORM_GZIP = 10 * 1024;

const adminUrl = process.env.MTQG_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const urlOf = (name: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
async function onServer(q: string, database?: string): Promise<void> {
  const c = new pg.Client({ connectionString: database ? urlOf(database) : adminUrl });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

interface Row {
  code: string;
  kind: string;
  version: number;
  editable: boolean;
  target: number | boolean | string | null;
}

/** Run the benchmark; returns the figures. */
export async function benchAssessmentSave() {
  const name = `mtqg_bench_${randomBytes(4).toString('hex')}`;
  await onServer(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: urlOf(name), poolSize: 20 });
  try {
    await migrateDatabase(database);
    const ctx = systemCtx('bench');
    await seedReference(database.db, ctx);
    await seedCriteria(database.db, ctx);
    await seedDemo(database.db, ctx);
    // the steady state of a live database (autovacuum's statistics and visibility map), as for the datasets
    await onServer('vacuum (analyze)', name);
    await onServer('checkpoint'); // the set-up's own writes flushed before measuring, not during
    if (process.env.DEBUG_EXPLAIN) {
      // diagnosis: the server log gets the plan of every statement of this database over 3 ms (auto_explain)
      await onServer(`alter database ${name} set session_preload_libraries = 'auto_explain'`);
      await onServer(`alter database ${name} set auto_explain.log_min_duration = '3ms'`);
      await onServer(`alter database ${name} set auto_explain.log_analyze = on`);
      await onServer(`alter database ${name} set auto_explain.log_nested_statements = on`);
    }
    const config = loadConfig({ ...process.env, MTQG_DEMO: 'false', MTQG_LOG_LEVEL: 'silent', DATABASE_URL: urlOf(name) } as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, db: database.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      // 20 draft 2025 forms (the demo's open cycle), one officer each
      const drafts = await queryRows<{ id: string; unit_id: string }>(
        database.db,
        sql`select a.id, a.unit_id from assessment a join assessment_cycle c on c.id = a.cycle_id
            where c.year = 2025 and a.status in ('draft') order by a.id limit ${WRITERS}`,
      );
      if (drafts.length < WRITERS) throw new Error(`only ${drafts.length} draft forms in the demo data`);
      const hash = await hashPassword('bench-password-123');
      const writers: Array<{ cookie: string; csrf: string; id: string }> = [];
      for (const [i, d] of drafts.entries()) {
        const login = `bench.xa.${i}`;
        const uid = await insertUser(database.db, { login, name: login, email: null, agencyId: null, roles: ['commune_officer'], passwordHash: hash });
        await replaceScope(database.db, uid, [d.unit_id]);
        const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ login, password: 'bench-password-123' }) });
        if (!res.ok) throw new Error(`login ${res.status} ${await res.text()}`);
        const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
        writers.push({ cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken, id: d.id });
      }
      const getForm = async (w: (typeof writers)[number]) => {
        const res = await fetch(`${base}/api/assessments/${w.id}/form`, { headers: { cookie: w.cookie } });
        const body = await res.text();
        return { body, json: JSON.parse(body) as { criteria: Array<{ indicators: Array<{ code: string; kind: string; result: { version: number; editable: boolean; evaluation: { target: Row['target'] } } }> }> } };
      };
      const rowsOf = (f: Awaited<ReturnType<typeof getForm>>['json']): Row[] =>
        f.criteria.flatMap((c) => c.indicators.map((i) => ({ code: i.code, kind: i.kind, version: i.result.version, editable: i.result.editable, target: i.result.evaluation.target })));
      const loadWriters: SaveWriter[] = [];
      for (const w of writers) {
        const rows = rowsOf((await getForm(w)).json).filter((r) => r.editable);
        loadWriters.push({ cookie: w.cookie, csrf: w.csrf, assessmentId: w.id, rows: rows.map(({ code, kind, version, target }) => ({ code, kind, version, target })) });
      }

      // MTQG_BENCH_PROFILE=<file>: a CPU profile of the save phase only (this process = the server; the load runs in a child)
      const profiler = process.env.MTQG_BENCH_PROFILE ? new (await import('node:inspector/promises')).Session() : null;
      if (profiler) {
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
      }
      // Out of process (autocannon in a child): WRITERS connections, each one officer saving SAVES_PER_WRITER times
      // after a short warm-up of the same kind (not counted).
      // CPU per save (server process and this database's PostgreSQL backends): steadier than latency on a shared machine.
      // The pool is filled first so every backend that will serve the load exists when the meter starts.
      await Promise.all(Array.from({ length: 20 }, () => queryRows(database.db, sql`select pg_sleep(0.02)`)));
      const meter = await cpuMeter(adminUrl, name);
      const load = await runLoad({
        base,
        connections: WRITERS,
        amount: WRITERS * SAVES_PER_WRITER,
        warmupAmount: WRITERS * WARMUP_PER_WRITER,
        scenario: { kind: 'save', writers: loadWriters, origin: base },
      });
      const cpu = meter.stop();
      const sent = load.requests + WRITERS * WARMUP_PER_WRITER; // the meter spans the warm-up too
      if (profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        (await import('node:fs')).writeFileSync(process.env.MTQG_BENCH_PROFILE!, JSON.stringify(profile));
      }
      const form = await getForm(writers[0]!);
      const formRaw = Buffer.byteLength(form.body);
      const formGzip = gzipSync(form.body).length;
      const indicators = rowsOf(form.json).length;
      return {
        writers: WRITERS,
        saves: load.requests,
        conflicts: load.conflicts,
        errors: load.errors,
        seconds: load.seconds,
        perSecond: load.perSecond,
        p50: load.latency.p50,
        p95: load.latency.p95,
        p99: load.latency.p99,
        max: load.latency.max,
        budgetP95: BUDGET_P95_MS,
        cpuMsPerSave: { app: Math.round((cpu.appMs / sent) * 100) / 100, db: Math.round((cpu.dbMs / sent) * 100) / 100 },
        form: { indicators, rawBytes: formRaw, gzipBytes: formGzip, budgetGzipBytes: BUDGET_FORM_GZIP },
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    if (process.env.MTQG_BENCH_KEEP_DB) console.log(`kept database ${name}`);
    else await onServer(`drop database if exists ${name} with (force)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchAssessmentSave();
  console.log(`saves: ${r.saves} by ${r.writers} concurrent writers in ${r.seconds} s (${r.perSecond}/s), ${r.conflicts} conflicts, ${r.errors} errors`);
  console.log(`latency ms: p50 ${r.p50}  p95 ${r.p95} (budget ${r.budgetP95})  p99 ${r.p99}  max ${r.max}`);
  console.log(`CPU per save: server ${r.cpuMsPerSave.app} ms, PostgreSQL ${r.cpuMsPerSave.db} ms (warm-up and measured run)`);
  console.log(`form: ${r.form.indicators} indicators, ${r.form.rawBytes} B raw, ${r.form.gzipBytes} B gzip (budget ${r.form.budgetGzipBytes})`);
  console.log(JSON.stringify({ bench: 'assessment-save', ...r }));
  process.exit(r.p95 <= r.budgetP95 && r.form.gzipBytes <= r.form.budgetGzipBytes && r.errors === 0 ? 0 : 1);
}
