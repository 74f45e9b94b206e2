/** HTTP routes of the standard reports: catalog, JSON view, streamed .xlsx, narrative .docx. */
import { PassThrough } from 'node:stream';
import * as c from '../../contracts/reports.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './reports.service.js';

export async function reportsRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['reports'];

  app.get('/api/reports', { schema: { tags, response: { 200: c.reportCatalog } } }, (req) => service.catalog(req.ctx));
  // Static before parametric: Fastify matches /api/reports/narrative/docx before /api/reports/:key/xlsx.
  app.get('/api/reports/narrative/docx', { schema: { tags, querystring: c.narrativeQuery } }, async (req, reply) => {
    const file = await service.narrativeFile(db, req.ctx, req.query);
    return reply.header('content-type', file.contentType).header('content-disposition', file.contentDisposition).header('cache-control', 'private, no-store').send(file.bytes);
  });
  app.get('/api/reports/:key', { schema: { tags, params: c.reportParams, querystring: c.reportQuery, response: { 200: c.reportResult } } }, (req) =>
    service.view(db, req.ctx, req.params.key, req.query),
  );
  app.get('/api/reports/:key/xlsx', { schema: { tags, params: c.reportParams, querystring: c.reportQuery } }, async (req, reply) => {
    // Authorisation, scope and the bounded data are checked before the first byte: errors are still JSON.
    const job = await service.prepareXlsx(db, req.ctx, req.params.key, req.query);
    const out = new PassThrough();
    job.write(out).catch((err: unknown) => {
      req.log.error({ err }, 'report workbook failed while streaming');
      out.destroy(err as Error);
    });
    return reply.header('content-type', job.contentType).header('content-disposition', job.contentDisposition).header('cache-control', 'private, no-store').send(out);
  });
}
