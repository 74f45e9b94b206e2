/** Raw SQL helpers for repositories: the same row shape from both drivers. */
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
