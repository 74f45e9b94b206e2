/** Browser-journey harness: the built server on a fresh data dir, Debian Chromium via playwright-core. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.MTQG_CHROMIUM ?? '/usr/bin/chromium';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (so parallel runs on one machine do not collide). */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Start `node dist/server/cli/main.js start` (demo mode, embedded database) and wait for /api/health; port 0 = any free port. */
export async function startServer(requestedPort: number): Promise<Server> {
  const port = requestedPort || (await freePort());
  const entry = path.resolve('dist/server/cli/main.js');
  if (!fs.existsSync(entry) || !fs.existsSync('dist/web/index.html')) throw new Error('Build first: npm run build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', MTQG_DATA_DIR: dataDir, MTQG_DEMO: 'true', MTQG_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [entry, 'start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > 60_000) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/ensure-chromium.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Journey {
  name: string;
  viewport?: { width: number; height: number };
  run(page: Page, baseUrl: string): Promise<void>;
}

/** Fail with a message (journeys assert with this, no test framework needed). */
export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/**
 * Sign in as a demo account from the login page's list (the departments' accounts sit behind a disclosure) and wait
 * to leave /login. Cookies are cleared first, so a journey can switch accounts.
 */
export async function signIn(page: Page, base: string, login: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  const use = page.getByRole('button', { name: `Dùng ${login}`, exact: true });
  await page.getByRole('heading', { name: 'Tài khoản dùng thử' }).waitFor();
  if (!(await use.isVisible())) await page.getByText(/^Tài khoản các sở, ngành khác/).click();
  await use.click();
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
