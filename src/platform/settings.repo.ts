/** Small key/value settings (what was seeded and when). */
import { sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { queryOne } from './db/query.js';

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  return (await queryOne<{ value: T }>(db, sql`select value from app_setting where key = ${key}`))?.value;
}

export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db.execute(
    sql`insert into app_setting (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
        on conflict (key) do update set value = excluded.value, updated_at = now()`,
  );
}
