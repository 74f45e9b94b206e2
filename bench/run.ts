/**
 * `npm run bench`: the project's benchmarks (not part of the tests). Prints the figures and, on a full run, writes
 * them to docs/BENCHMARKS.md with the machine and the date.
 *
 *   npm run bench -- [--scale province|national] [--only <name>[,<name>…]] [--quick] [--drop-dataset]
 *
 * Sections: start (start-up), engine (criteria engine), assessment-save (issue 4's budget, demo data), pageweight,
 * and on the generated dataset of the scale (default national, reused while its fingerprint matches, see
 * bench/national/): dashboard, profile, save, export. The dataset's app server runs as its own process and every HTTP
 * load comes from autocannon in a child process (bench/http-load.ts). --drop-dataset drops the scale's database and
 * exits. Exit code 1 when a budget fails.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.js';
import { benchDashboard } from './dashboard.bench.js';
import { benchExport } from './export.bench.js';
import { benchIndicatorSave } from './indicator-save.bench.js';
import type { BenchContext } from './lib/context.js';
import type { Budget, ScenarioResult } from './lib/report.js';
import { signIn, startServer } from './lib/server.js';
import { adminUrl, BENCH_PASSWORD, dropDataset, ensureDataset } from './national/generate.js';
import type { Scale } from './national/spec.js';
import { benchProfile } from './profile.bench.js';
import { benchStart } from './start.bench.js';

const { values: flags } = parseArgs({
  options: { scale: { type: 'string', default: 'national' }, only: { type: 'string' }, quick: { type: 'boolean', default: false }, 'drop-dataset': { type: 'boolean', default: false } },
});
const scale = flags.scale as Scale;
if (scale !== 'province' && scale !== 'national') throw new Error('--scale province | national');
if (flags['drop-dataset']) {
  await dropDataset(scale);
  console.log(`dropped the ${scale} dataset`);
  process.exit(0);
}
const only = flags.only ? new Set(flags.only.split(',').map((s) => s.trim())) : null;
const want = (name: string) => !only || only.has(name);
const quick = flags.quick ?? false;

const lines: string[] = [];
const budgets: Array<Budget & { section: string }> = [];
const load0 = os.loadavg();
const started = new Date();

if (want('start')) {
  if (!fs.existsSync('dist/server/cli/main.js')) execSync('npm run build:server', { stdio: 'inherit' });
  const start = await benchStart();
  lines.push('## Start-up (embedded PGlite, compiled server, until /api/health answers)', '', '| measurement | ms | budget ms |', '|---|---:|---:|');
  for (const r of start) {
    lines.push(`| ${r.name} | ${r.ms.toFixed(0)} | ${r.budgetMs} |`);
    budgets.push({ section: 'start-up', name: r.name, value: Math.round(r.ms), limit: r.budgetMs, unit: 'ms', pass: r.ms <= r.budgetMs });
  }
}

if (want('engine')) {
  // The pure criteria engine (issue 3): its own script prints a JSON line we fold in.
  const engineOut = execSync('npx tsx bench/engine.bench.ts', { encoding: 'utf8' });
  lines.push('', '## Criteria engine (pure, in process)', '', '```', engineOut.trim(), '```');
}

if (want('assessment-save')) {
  // Assessment autosave (issue 4): PostgreSQL, 20 concurrent writers over HTTP; its own script prints a JSON line.
  let out: string;
  let failed = false;
  try {
    out = execSync('npx tsx bench/assessment-save.bench.ts', { encoding: 'utf8' });
  } catch (err) {
    out = (err as { stdout?: string }).stdout ?? String(err);
    failed = true;
  }
  const json = out.split('\n').find((l) => l.startsWith('{"bench":"assessment-save"'));
  lines.push('', `## Assessment save — issue 4 (PostgreSQL, demo data, 20 concurrent writers, autocannon in a child process)${failed ? ' — OVER BUDGET or failed' : ''}`, '', '```', out.trim(), '```');
  if (json) {
    const r = JSON.parse(json) as { p95: number; budgetP95: number; errors: number; form: { gzipBytes: number; budgetGzipBytes: number } };
    budgets.push({ section: 'assessment save', name: 'save p95 at 20 writers', value: r.p95, limit: r.budgetP95, unit: 'ms', pass: r.p95 <= r.budgetP95 && r.errors === 0 });
    budgets.push({ section: 'assessment save', name: 'commune form gzip', value: r.form.gzipBytes, limit: r.form.budgetGzipBytes, unit: 'B', pass: r.form.gzipBytes <= r.form.budgetGzipBytes });
  }
}

// ------------------------------------------------------------------------------------------- dataset scenarios
const scenarios: Array<[string, (ctx: BenchContext) => Promise<ScenarioResult>]> = [
  ['dashboard', benchDashboard],
  ['profile', benchProfile],
  ['save', benchIndicatorSave],
  ['export', benchExport],
];
let pgVersion = '';
{
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  pgVersion = (await c.query<{ v: string }>('select version() as v')).rows[0]!.v.split(' on ')[0]!;
  await c.end();
}
const chosen = scenarios.filter(([n]) => want(n));
if (chosen.length) {
  console.log(`dataset (${scale})…`);
  const dataset = await ensureDataset(scale);
  const server = await startServer(dataset.url, 3397);
  const database = await openDatabase({ databaseUrl: dataset.url, poolSize: 10 });
  const sessions = new Map<string, Promise<{ cookie: string; csrf: string }>>();
  const ctx: BenchContext = {
    dataset,
    base: server.base,
    serverPid: server.pid,
    db: database.db,
    quick,
    session: (login) => {
      let s = sessions.get(login);
      if (!s) sessions.set(login, (s = signIn(server.base, login, BENCH_PASSWORD)));
      return s;
    },
  };
  const c = dataset.counts;
  lines.push(
    '',
    `## Dataset scenarios — ${scale} scale (PostgreSQL, app server in its own process, load from autocannon in a child process)`,
    '',
    `Dataset \`${dataset.database}\` (fingerprint ${dataset.fingerprint}, ${dataset.reused ? 'reused' : `generated in ${dataset.seconds} s`}): ` +
      `${c.communesToday} communes today, ${c.communesBefore2025} communes before 2025-07-01, ${c.lineageLinks} lineage links, ` +
      `${c.assessments} assessments 2021–${dataset.currentYear}, ${(c.indicatorValues ?? 0).toLocaleString('en')} indicator values, ${c.communeStatus} commune-year summaries, ` +
      `${c.recognitions} recognitions, ${c.activities} activities, ${c.obstacles} obstacles; benchmark province of ${c.benchProvinceCommunes} communes. ` +
      'Synthetic units are named "… Mô phỏng …" and coded MP…; values are on the labelled demonstration variant of the 2021–2025 set.',
  );
  try {
    for (const [name, run] of chosen) {
      console.log(`scenario ${name}…`);
      let r: ScenarioResult;
      try {
        r = await run(ctx);
      } catch (err) {
        r = { name, title: name, rows: [], budgets: [], notes: [`FAILED: ${(err as Error).message}`] };
        console.error(err);
      }
      lines.push('', `### ${r.title}`, '');
      if (r.rows.length) {
        lines.push('| measurement | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | floor p50 / p95 ms | API/floor |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
        for (const x of r.rows) {
          const f = x.floor ? `${x.floor.p50} / ${x.floor.p95}` : '';
          lines.push(`| ${x.what} | ${x.concurrency ?? ''} | ${x.requests} | ${x.perSecond ?? ''} | ${x.p50} | ${x.p95} | ${x.p99 ?? ''} | ${x.max} | ${x.errors} | ${f} | ${x.ratio ?? ''} |`);
        }
      }
      for (const n of r.notes) lines.push('', `- ${n}`);
      for (const b of r.budgets) budgets.push({ ...b, section: r.name });
      console.log(lines.slice(-Math.max(4, r.rows.length + r.notes.length + 4)).join('\n'));
    }
  } finally {
    await database.close();
    await server.stop();
  }
}

if (want('pageweight') && fs.existsSync('dist/web/budget.json')) {
  const b = JSON.parse(fs.readFileSync('dist/web/budget.json', 'utf8')) as {
    criticalPath: { gzip: number; files: string[] };
    largestRouteChunk: { file: string; gzip: number };
    budgets: { criticalPathGzip: number; routeChunkGzip: number };
  };
  const kb = (n: number) => (n / 1024).toFixed(1);
  lines.push(
    '',
    '## Page weight (from the last `npm run build:web`, gzip)',
    '',
    '| measurement | KB | budget KB |',
    '|---|---:|---:|',
    `| login critical path (${b.criticalPath.files.length} files: HTML, CSS, entry JS, login route) | ${kb(b.criticalPath.gzip)} | ${kb(b.budgets.criticalPathGzip)} |`,
    `| largest lazy chunk (${b.largestRouteChunk.file}) | ${kb(b.largestRouteChunk.gzip)} | ${kb(b.budgets.routeChunkGzip)} |`,
  );
}

const verdict = (b: Budget) => (b.pass === null ? `n/a${b.note ? ` (${b.note})` : ''}` : b.pass ? 'PASS' : 'FAIL');
const budgetLines = budgets.length
  ? ['## Budgets', '', '| section | budget | measured | limit | result |', '|---|---|---:|---:|---|', ...budgets.map((b) => `| ${b.section} | ${b.name} | ${b.value ?? '—'} ${b.value === null ? '' : b.unit} | ${b.limit} ${b.unit} | ${verdict(b)} |`), '']
  : [];
const cpu = os.cpus();
const load1 = os.loadavg();
const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${started.toISOString()} (${Math.round((Date.now() - started.getTime()) / 1000)} s).`,
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${pgVersion}. ` +
    `Load average at start ${load0.map((x) => x.toFixed(1)).join(' / ')}, at end ${load1.map((x) => x.toFixed(1)).join(' / ')} — ` +
    'the machine is shared: figures taken under load are pessimistic; rerun at a quiet time to refresh.',
  '',
];
const doc = [...header, ...budgetLines, ...lines].join('\n');
console.log(['', ...budgetLines].join('\n'));
if (!only) {
  fs.mkdirSync('docs', { recursive: true });
  fs.writeFileSync('docs/BENCHMARKS.md', `${doc}\n`);
  console.log('written to docs/BENCHMARKS.md');
} else {
  console.log('(--only: docs/BENCHMARKS.md left as it was)');
}
const failed = budgets.filter((b) => b.pass === false);
if (failed.length) {
  console.error(`Over budget: ${failed.map((f) => `${f.section}: ${f.name}`).join('; ')}`);
  process.exit(1);
}
process.exit(0);
