/** The CLI end to end, as an operator runs it (embedded database in a temporary data dir). */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../platform/db/lock.js';

const exec = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const main = path.resolve('src/cli/main.ts');

async function mtqg(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MTQG_DATA_DIR: dataDir, MTQG_DEMO: 'false' };
  delete env.DATABASE_URL;
  try {
    const r = await exec(tsx, [main, ...args], { env, timeout: 60_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('mtqg CLI', () => {
  it('seeds, creates the first administrator, resets a password, verifies the audit chain and backs up', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-cli-'));
    const seeded = (await mtqg(dir, 'seed')).out;
    expect(seeded).toContain('Reference data loaded.');
    expect(seeded).toContain('National criteria sets loaded.');
    expect((await mtqg(dir, 'seed')).out).toContain('Reference data already present.');
    const created = await mtqg(dir, 'user', 'create', '--login', 'Quan.Tri', '--name', 'Quản trị', '--role', 'system_admin', '--password', 'mat-khau-rat-dai');
    expect(created).toMatchObject({ code: 0 });
    const dup = await mtqg(dir, 'user', 'create', '--login', 'quan.tri', '--password', 'mat-khau-rat-dai');
    expect(dup.code).toBe(1);
    const short = await mtqg(dir, 'user', 'create', '--login', 'ngan', '--password', 'ngan');
    expect(short.code).toBe(1);
    expect((await mtqg(dir, 'user', 'reset-password', '--login', 'quan.tri', '--password', 'mat-khau-moi-dai')).code).toBe(0);
    const verify = await mtqg(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/Audit chain intact: ([4-9]|1[0-9]) records/);
    const file = path.join(dir, 'b.tar.gz');
    expect((await mtqg(dir, 'backup', '--file', file)).code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    expect((await mtqg(dir, 'bogus')).code).toBe(2);
  }, 120_000);

  it('a second process on the same embedded data dir stops at once with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-cli-lock-'));
    const lock = acquireDataDirLock(dir); // this test process plays the running server
    try {
      const r = await mtqg(dir, 'migrate');
      expect(r.code).toBe(1);
      expect(r.out).toContain(`in use by another mtqg process (pid ${process.pid})`);
      expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(false); // nothing was opened
    } finally {
      lock.release();
    }
  }, 60_000);
});
