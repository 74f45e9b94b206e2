/** Health: is the process up and its database answering. */
import { sql } from 'drizzle-orm';
import { healthResponse } from '../../contracts/meta.js';
import type { App, Deps } from '../../platform/http/types.js';

export const VERSION = '0.1.0';

export async function metaRoutes(app: App, { db, database, config }: Deps): Promise<void> {
  app.get('/api/health', { schema: { tags: ['meta'], response: { 200: healthResponse } } }, async () => {
    await db.execute(sql`select 1`);
    return { ok: true, database: database.kind, version: VERSION, demo: config.demo };
  });
}
