/** The app server of a benchmark as its own process (the product's `start` command on the dataset's database). */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface BenchServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** Start `mtqg start` on `databaseUrl` and wait until /api/health answers. */
export async function startServer(databaseUrl: string, port: number): Promise<BenchServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', MTQG_LOG_LEVEL: 'warn', MTQG_DEMO: 'false' };
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', path.resolve('src/cli/main.ts'), 'start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (performance.now() - t0 > 120_000) {
      child.kill('SIGTERM');
      throw new Error('server did not answer within 120 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Sign in over HTTP; returns the cookie header and the CSRF token. */
export async function signIn(base: string, login: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ login, password }) });
  if (!res.ok) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
