/** HTTP routes of the dashboards: contracts in, one service call, contracts out. */
import * as c from '../../contracts/dashboard.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './dashboard.service.js';

export async function dashboardRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['dashboard'];

  // The computed dashboard is validated against its contract and serialised once per data version; a cache hit sends
  // that JSON (or its compressed form, made once) with its precomputed ETag — @fastify/etag answers 304 to a matching
  // If-None-Match and @fastify/compress leaves an already encoded body alone.
  app.get('/api/dashboard', { schema: { tags, querystring: c.dashboardQuery, response: { 200: c.dashboardResponse } } }, async (req, reply) => {
    const computed = await service.getDashboard(db, req.ctx, req.query);
    const { payload, encoding } = service.encodedBody(computed, req.headers['accept-encoding']);
    reply.header('etag', computed.etag).header('vary', 'accept-encoding').type('application/json; charset=utf-8');
    if (encoding && req.headers['if-none-match'] !== computed.etag) reply.header('content-encoding', encoding);
    return reply.send(payload as unknown as c.DashboardResponse);
  });
  app.get(
    '/api/dashboard/communes',
    { schema: { tags, querystring: c.dashboardCommunesQuery, response: { 200: c.dashboardCommunesResponse } } },
    (req) => service.getDashboardCommunes(db, req.ctx, req.query),
  );
}
