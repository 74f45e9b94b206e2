/** HTTP routes of the agencies feature. */
import * as c from '../../contracts/agencies.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './agencies.service.js';

export async function agenciesRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['agencies'];
  app.get('/api/agencies', { schema: { tags, querystring: c.listAgenciesQuery, response: { 200: c.listAgenciesResponse } } }, (req) =>
    service.listAgencies(db, req.ctx, req.query),
  );
  app.get('/api/agencies/:id', { schema: { tags, params: c.agencyParams, response: { 200: c.agency } } }, (req) =>
    service.getAgency(db, req.ctx, req.params.id),
  );
  app.post('/api/agencies', { schema: { tags, body: c.createAgencyBody, response: { 201: c.agency } } }, async (req, reply) =>
    reply.status(201).send(await service.createAgency(db, req.ctx, req.body)),
  );
  app.patch(
    '/api/agencies/:id',
    { schema: { tags, params: c.agencyParams, body: c.updateAgencyBody, response: { 200: c.agency } } },
    (req) => service.updateAgency(db, req.ctx, req.params.id, req.body),
  );
}
