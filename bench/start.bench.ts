/**
 * Start-up budget: time from launching the compiled server until /api/health answers, on a fresh data dir
 * (initdb, migrations, reference and demo data) and on an initialised one. Budgets: 30 s and 5 s.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const entry = path.resolve('dist/server/cli/main.js');

async function timeStart(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, MTQG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', MTQG_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the budget is for the embedded database
  const child = spawn(process.execPath, [entry, 'start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return performance.now() - t0;
      } catch {
        /* not up yet */
      }
      if (performance.now() - t0 > 120_000) throw new Error('server did not answer within 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Run the start-up measurement; returns the rows for the report. */
export async function benchStart(): Promise<Array<{ name: string; ms: number; budgetMs: number }>> {
  if (!fs.existsSync(entry)) throw new Error('Build the server first: npm run build:server');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-start-'));
  const first = await timeStart(dir, 3391);
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await timeStart(dir, 3391));
  fs.rmSync(dir, { recursive: true, force: true });
  warm.sort((a, b) => a - b);
  return [
    { name: 'first start (initdb + migrations + reference + demo data) → first response', ms: first, budgetMs: 30_000 },
    { name: 'start on an initialised data dir → first response (median of 3)', ms: warm[1]!, budgetMs: 5_000 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchStart();
  for (const r of rows) console.log(`${r.ms.toFixed(0).padStart(7)} ms  (budget ${r.budgetMs} ms)  ${r.name}`);
  console.log(JSON.stringify({ bench: 'start', rows }));
  process.exit(rows.every((r) => r.ms <= r.budgetMs) ? 0 : 1);
}
