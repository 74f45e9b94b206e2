/** Start the product: open and migrate the database, load reference (and demo) data once, serve HTTP. */
import type { Config } from '../config.js';
import { systemCtx } from './context.js';
import { migrateDatabase, openDatabase, type Database } from './db/client.js';
import { buildApp } from './http/app.js';
import type { App } from './http/types.js';
import { seedCriteria } from '../seed/criteria.js';
import { seedProgrammes } from '../seed/programmes.js';
import { seedDemo } from '../seed/demo.js';
import { seedReference } from '../seed/reference.js';
import { purgeExpiredSessions } from './auth/session.repo.js';

export interface Running {
  app: App;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Open, migrate, seed and listen. The returned stop() closes HTTP first, then the database. */
export async function startServer(config: Config, opts: { log?: (msg: string) => void } = {}): Promise<Running> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const t0 = Date.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    await migrateDatabase(database);
    const ctx = systemCtx('startup');
    if (await seedReference(database.db, ctx)) log('Đã nạp dữ liệu tham chiếu (đơn vị hành chính, cơ quan).');
    if (await seedCriteria(database.db, ctx)) log('Đã nạp các bộ tiêu chí quốc gia từ tệp tham chiếu.');
    if (await seedProgrammes(database.db, ctx)) log('Đã nạp danh mục các chương trình mục tiêu quốc gia.');
    if (config.demo && (await seedDemo(database.db, ctx))) log('Đã tạo tài khoản demo (xem trang đăng nhập).');
    const app = await buildApp({ config, database, db: database.db }, { logger: true, serveWeb: true });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://localhost:${port}`;
    log(`mtqg sẵn sàng tại ${url} (${database.kind}, ${Date.now() - t0} ms)`);
    const sweeper = setInterval(() => void purgeExpiredSessions(database.db, config.session.idleMinutes).catch(() => {}), 15 * 60_000);
    sweeper.unref();
    let stopped = false;
    return {
      app,
      database,
      url,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        clearInterval(sweeper);
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}
