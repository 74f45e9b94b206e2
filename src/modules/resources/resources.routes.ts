/** HTTP routes of resources entries and totals: contracts in, one service call, contracts out. */
import { okBody } from '../../contracts/common.js';
import * as c from '../../contracts/resources.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './resources.service.js';

export async function resourcesRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['resources'];

  app.get('/api/resources', { schema: { tags, querystring: c.listResourcesQuery, response: { 200: c.listResourcesResponse } } }, (req) =>
    service.listResources(db, req.ctx, req.query),
  );
  app.get('/api/resources/totals', { schema: { tags, querystring: c.resourceTotalsQuery, response: { 200: c.resourceTotalsResponse } } }, (req) =>
    service.resourceTotals(db, req.ctx, req.query),
  );
  app.get('/api/resources/:id', { schema: { tags, params: c.resourceParams, response: { 200: c.resourceEntry } } }, (req) =>
    service.getResource(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/resources',
    { schema: { tags, body: c.createResourceBody, response: { 201: c.resourceEntry } } },
    async (req, reply) => reply.status(201).send(await service.createResource(db, req.ctx, req.body)),
  );
  app.patch('/api/resources/:id', { schema: { tags, params: c.resourceParams, body: c.updateResourceBody, response: { 200: c.resourceEntry } } }, (req) =>
    service.updateResource(db, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/resources/:id',
    { schema: { tags, params: c.resourceParams, querystring: c.deleteResourceQuery, response: { 200: okBody } } },
    (req) => service.deleteResource(db, req.ctx, req.params.id, req.query.expectedVersion),
  );
}
