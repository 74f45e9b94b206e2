import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

describe('PGlite data-dir lock', () => {
  it('refuses a second opener with a clear message, and frees the dir on release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-lock-'));
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another mtqg process.*DATABASE_URL/s);
    lock.release();
    const again = acquireDataDirLock(dir);
    again.release();
    expect(fs.existsSync(path.join(dir, 'mtqg.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-lock-'));
    fs.writeFileSync(path.join(dir, 'mtqg.lock'), '2147483646'); // no such pid
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'mtqg.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
