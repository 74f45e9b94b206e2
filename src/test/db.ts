/**
 * Test databases: migrate and load the reference data once into a template, then give each test file its own
 * copy — a PGlite data-dir dump (default) or a PostgreSQL `CREATE DATABASE … TEMPLATE` (MTQG_TEST_DB=postgres).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { systemCtx } from '../platform/context.js';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client.js';
import { seedCriteria } from '../seed/criteria.js';
import { seedProgrammes } from '../seed/programmes.js';
import { seedReference } from '../seed/reference.js';

export type TestDbKind = 'pglite' | 'postgres';
export const testDbKind: TestDbKind = process.env.MTQG_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const adminUrl = process.env.MTQG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const templateFile = path.resolve('.test-data', 'template.tar.gz');

/** The URL of another database on the same server. */
export function dbUrl(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Build the template once per test run; returns what teardown must remove. */
export async function buildTemplate(): Promise<string | null> {
  if (testDbKind === 'pglite') {
    const d = await openDatabase({});
    await migrateDatabase(d);
    await seedReference(d.db, systemCtx('test-template'));
    await seedCriteria(d.db, systemCtx('test-template'));
    await seedProgrammes(d.db, systemCtx('test-template'));
    const blob = await d.pglite!.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(templateFile), { recursive: true });
    fs.writeFileSync(templateFile, Buffer.from(await blob.arrayBuffer()));
    await d.close();
    return null;
  }
  const name = `mtqg_tpl_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const d = await openDatabase({ databaseUrl: dbUrl(name), poolSize: 2 });
  await migrateDatabase(d);
  await seedReference(d.db, systemCtx('test-template'));
  await seedCriteria(d.db, systemCtx('test-template'));
  await seedProgrammes(d.db, systemCtx('test-template'));
  await d.close();
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** A fresh database for one test file, copied from the template. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (testDbKind === 'pglite') {
    const data = fs.readFileSync(templateFile);
    return openDatabase({ loadDataDir: new Blob([data]) });
  }
  const template = process.env.MTQG_TEST_TEMPLATE;
  if (!template) throw new Error('MTQG_TEST_TEMPLATE is not set: run the tests through vitest (global setup)');
  const name = `mtqg_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template ${template}`));
  const url = dbUrl(name);
  const d = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    ...d,
    url,
    close: async () => {
      await d.close();
      await dropDatabase(name);
    },
  };
}
