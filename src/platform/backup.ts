/** Backup and restore: pg_dump/psql for a PostgreSQL server, the PGlite data-dir dump for embedded mode. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './db/client.js';
import { acquireDataDirLock } from './db/lock.js';

function run(cmd: string, args: string[], opts: { stdoutFile?: string; stdinFile?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [opts.stdinFile ? 'pipe' : 'ignore', opts.stdoutFile ? 'pipe' : 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    if (opts.stdoutFile) child.stdout!.pipe(fs.createWriteStream(opts.stdoutFile));
    if (opts.stdinFile) fs.createReadStream(opts.stdinFile).pipe(child.stdin!);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** Write a backup file: plain SQL (server) or a gzipped PGlite data-dir archive (embedded). */
export async function backup(opts: { databaseUrl?: string | undefined; dataDir: string; file: string }): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  if (opts.databaseUrl) {
    await run('pg_dump', ['--format=plain', '--no-owner', '--no-privileges', '--dbname', opts.databaseUrl], { stdoutFile: opts.file });
    return;
  }
  const database = await openDatabase({ dataDir: opts.dataDir });
  try {
    const blob = await database.pglite!.dumpDataDir('gzip');
    fs.writeFileSync(opts.file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/**
 * Restore a backup, replacing the current data. Server: the public and drizzle schemas are dropped and the
 * SQL replayed in one transaction. Embedded: the data directory is replaced (the old one is kept aside).
 */
export async function restore(opts: { databaseUrl?: string | undefined; dataDir: string; file: string }): Promise<void> {
  if (!fs.existsSync(opts.file)) throw new Error(`Backup file not found: ${opts.file}`);
  if (opts.databaseUrl) {
    const script = `${opts.file}.restore.sql`;
    fs.writeFileSync(script, 'DROP SCHEMA IF EXISTS drizzle CASCADE;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n');
    try {
      await run('psql', ['-v', 'ON_ERROR_STOP=1', '--quiet', '--single-transaction', '--dbname', opts.databaseUrl, '-f', script, '-f', opts.file]);
    } finally {
      fs.rmSync(script, { force: true });
    }
    return;
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const lock = acquireDataDirLock(opts.dataDir);
  try {
    const target = path.join(opts.dataDir, 'pglite');
    const aside = `${target}.before-restore-${Date.now()}`;
    if (fs.existsSync(target)) fs.renameSync(target, aside);
    const data = fs.readFileSync(opts.file);
    const pglite = await PGlite.create({ dataDir: target, loadDataDir: new Blob([data]) });
    await pglite.query('select 1');
    await pglite.close();
  } finally {
    lock.release();
  }
}
