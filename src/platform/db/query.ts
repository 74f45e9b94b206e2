/** Raw SQL helpers for repositories: the same row shape from both drivers. */
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** Run a raw SQL statement and return its rows (both node-postgres and PGlite answer `{ rows }`). */
export async function queryRows<T>(db: Db, q: SQL): Promise<T[]> {
  const result = (await db.execute(q)) as unknown as { rows: T[] };
  return result.rows;
}

/** The first row, or undefined. */
export async function queryOne<T>(db: Db, q: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, q))[0];
}

/** What `preparedRows` uses of a Drizzle database or transaction (both carry their dialect and session). */
interface DrizzleInternals {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
}

/**
 * `queryRows` as a named prepared statement, for the few hot-path statements run many times a second (autosave):
 * PostgreSQL parses and plans such a statement once per connection instead of on every call (planning is most of the
 * server's work for a short statement with a recursive scope CTE). The name is a digest of the SQL text, so each
 * variant of a statement built with conditional fragments gets its own. Same rows as `queryRows`.
 */
export async function preparedRows<T>(db: Db, q: SQL): Promise<T[]> {
  const d = db as unknown as DrizzleInternals;
  const built = d.dialect.sqlToQuery(q);
  const name = `mtqg_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 22)}`;
  const result = (await d.session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
}
