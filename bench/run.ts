/**
 * `npm run bench`: the project's benchmarks (not part of the tests). Builds the server if needed, runs each
 * benchmark, prints the figures and writes them to docs/BENCHMARKS.md with the machine and the date.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { benchStart } from './start.bench.js';

if (!fs.existsSync('dist/server/cli/main.js')) execSync('npm run build:server', { stdio: 'inherit' });

const lines: string[] = [];
const start = await benchStart();
lines.push('## Start-up (embedded PGlite, compiled server, until /api/health answers)', '', '| measurement | ms | budget ms |', '|---|---:|---:|');
for (const r of start) lines.push(`| ${r.name} | ${r.ms.toFixed(0)} | ${r.budgetMs} |`);

// The pure criteria engine (issue 3): its own script prints a JSON line we fold in.
const engineOut = execSync('npx tsx bench/engine.bench.ts', { encoding: 'utf8' });
const engineJson = engineOut.split('\n').find((l) => l.startsWith('{"bench":"engine"'));
lines.push('', '## Criteria engine (pure, in process)', '', '```', engineOut.trim(), '```');

// Assessment autosave (issue 4): PostgreSQL, 20 concurrent writers over HTTP; its own script prints a JSON line.
let saveJson: string | undefined;
try {
  const saveOut = execSync('npx tsx bench/assessment-save.bench.ts', { encoding: 'utf8' });
  saveJson = saveOut.split('\n').find((l) => l.startsWith('{"bench":"assessment-save"'));
  lines.push('', '## Assessment save (PostgreSQL, 20 concurrent writers over HTTP, app in process) and form size', '', '```', saveOut.trim(), '```');
} catch (err) {
  const out = (err as { stdout?: string }).stdout ?? String(err);
  saveJson = out.split('\n').find((l) => l.startsWith('{"bench":"assessment-save"'));
  lines.push('', '## Assessment save (PostgreSQL, 20 concurrent writers over HTTP, app in process) and form size — OVER BUDGET or failed', '', '```', out.trim(), '```');
}

if (fs.existsSync('dist/web/budget.json')) {
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

const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  'Figures are what this run measured on this machine; rerun to refresh.',
  '',
];
fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/BENCHMARKS.md', `${[...header, ...lines].join('\n')}\n`);
console.log([...header, ...lines].join('\n'));
if (engineJson) console.log(engineJson);
if (saveJson) console.log(saveJson);
const failed = start.filter((r) => r.ms > r.budgetMs);
if (failed.length) {
  console.error(`Over budget: ${failed.map((f) => f.name).join('; ')}`);
  process.exit(1);
}
