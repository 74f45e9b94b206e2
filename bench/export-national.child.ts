/**
 * Child process of the export benchmark: writes the national communes × indicators workbook of a year with the
 * reports' streamed export service (`exportIndicatorValuesXlsx`) into a counting sink, then prints its time, size and
 * this process's peak RSS as one JSON line. Own process so the peak RSS is the export's alone.
 * Usage: node --import tsx bench/export-national.child.ts <databaseUrl> <year> <setId>
 */
import { Writable } from 'node:stream';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.js';
import type { RequestCtx } from '../src/platform/context.js';

const [url, yearArg, setId] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: url!, poolSize: 4 });
try {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const u = (await c.query(`select id, login, name, roles, agency_id from app_user where login = 'bench.quantri'`)).rows[0];
  await c.end();
  const ctx: RequestCtx = { actor: { id: u.id, login: u.login, name: u.name, roles: u.roles, agencyId: u.agency_id }, requestId: 'bench-export', ip: null };
  const service = (await import('../src/modules/reports/reports.service.js')) as { exportIndicatorValuesXlsx?: (db: unknown, ctx: RequestCtx, q: { year: number; setId?: string }, out: Writable) => Promise<{ fileName: string }> };
  if (typeof service.exportIndicatorValuesXlsx !== 'function') {
    console.log(JSON.stringify({ export: { available: false } }));
  } else {
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb();
      },
    });
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const done = new Promise((r) => sink.on('finish', r));
    const { fileName } = await service.exportIndicatorValuesXlsx(database.db, ctx, { year: Number(yearArg), setId }, sink);
    if (!sink.writableFinished) await done;
    const seconds = (performance.now() - t0) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ export: { available: true, fileName, bytes, seconds, peakRssMb, startRssMb: rss0 / 2 ** 20 } }));
  }
} finally {
  await database.close();
}
