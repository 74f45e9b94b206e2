/**
 * Backup and restore: one .tar.gz holding the database (pg_dump SQL for a PostgreSQL server, the PGlite data-dir
 * archive for the embedded database) and the uploaded files (<dataDir>/uploads), so a restore reproduces both.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './db/client.js';
import { acquireDataDirLock } from './db/lock.js';

const SQL_NAME = 'database.sql';
const PGLITE_NAME = 'pglite-datadir.tar.gz';
const UPLOADS = 'uploads';

/** Run a command; with stdoutFile, resolve only once the file is fully written (not merely when the process ends). */
function run(cmd: string, args: string[], opts: { stdoutFile?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', opts.stdoutFile ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const written = opts.stdoutFile
      ? new Promise<void>((ok, fail) => {
          const out = fs.createWriteStream(opts.stdoutFile!);
          out.on('finish', () => ok());
          out.on('error', fail);
          child.stdout!.pipe(out);
        })
      : Promise.resolve();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`));
      written.then(resolve, reject);
    });
  });
}

export interface BackupTarget {
  databaseUrl?: string | undefined;
  dataDir: string;
  file: string;
}

/** Write the backup archive. The embedded database must not be open in another process (its lock is taken). */
export async function backup(opts: BackupTarget): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-backup-'));
  try {
    if (opts.databaseUrl) {
      await run('pg_dump', ['--format=plain', '--no-owner', '--no-privileges', '--dbname', opts.databaseUrl], {
        stdoutFile: path.join(work, SQL_NAME),
      });
    } else {
      const database = await openDatabase({ dataDir: opts.dataDir });
      try {
        const blob = await database.pglite!.dumpDataDir('gzip');
        fs.writeFileSync(path.join(work, PGLITE_NAME), Buffer.from(await blob.arrayBuffer()));
      } finally {
        await database.close();
      }
    }
    const uploads = path.join(opts.dataDir, UPLOADS);
    if (fs.existsSync(uploads)) fs.cpSync(uploads, path.join(work, UPLOADS), { recursive: true, filter: (src) => !src.endsWith(`${path.sep}tmp`) });
    fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
    await run('tar', ['-czf', path.resolve(opts.file), '-C', work, '.']);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Restore a backup archive, replacing the current data. Server: the public and drizzle schemas are dropped and
 * the SQL replayed in one transaction. Embedded: the data directory is replaced (the old one is kept aside).
 * Uploads are replaced likewise (the old folder is kept aside).
 */
export async function restore(opts: BackupTarget): Promise<void> {
  if (!fs.existsSync(opts.file)) throw new Error(`Backup file not found: ${opts.file}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-restore-'));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  try {
    await run('tar', ['-xzf', path.resolve(opts.file), '-C', work]);
    const stamp = Date.now();
    if (opts.databaseUrl) {
      if (!fs.existsSync(path.join(work, SQL_NAME))) throw new Error('This backup holds no PostgreSQL dump (was it made from an embedded database?)');
      const script = path.join(work, 'restore-prelude.sql');
      fs.writeFileSync(script, 'DROP SCHEMA IF EXISTS drizzle CASCADE;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n');
      await run('psql', ['-v', 'ON_ERROR_STOP=1', '--quiet', '--single-transaction', '--dbname', opts.databaseUrl, '-f', script, '-f', path.join(work, SQL_NAME)]);
    } else {
      if (!fs.existsSync(path.join(work, PGLITE_NAME))) throw new Error('This backup holds no embedded database (was it made from a PostgreSQL server?)');
      const lock = acquireDataDirLock(opts.dataDir);
      try {
        const target = path.join(opts.dataDir, 'pglite');
        if (fs.existsSync(target)) fs.renameSync(target, `${target}.before-restore-${stamp}`);
        const pglite = await PGlite.create({ dataDir: target, loadDataDir: new Blob([fs.readFileSync(path.join(work, PGLITE_NAME))]) });
        await pglite.query('select 1');
        await pglite.close();
      } finally {
        lock.release();
      }
    }
    const uploads = path.join(opts.dataDir, UPLOADS);
    if (fs.existsSync(uploads)) fs.renameSync(uploads, `${uploads}.before-restore-${stamp}`);
    if (fs.existsSync(path.join(work, UPLOADS))) fs.cpSync(path.join(work, UPLOADS), uploads, { recursive: true });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
