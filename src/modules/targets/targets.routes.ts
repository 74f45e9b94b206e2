/** HTTP routes of the province's target lists: contracts in, one service call, contracts out. */
import * as c from '../../contracts/plans.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './targets.service.js';

export async function targetsRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['plans'];

  app.get('/api/target-lists', { schema: { tags, querystring: c.listTargetListsQuery, response: { 200: c.listTargetListsResponse } } }, (req) =>
    service.listTargetLists(db, req.ctx, req.query),
  );
  app.post('/api/target-lists', { schema: { tags, body: c.createTargetListBody, response: { 201: c.targetListDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createTargetList(db, req.ctx, req.body)),
  );
  app.get(
    '/api/target-lists/:id',
    { schema: { tags, params: c.targetListParams, querystring: c.getTargetListQuery, response: { 200: c.targetListDetail } } },
    (req) => service.getTargetList(db, req.ctx, req.params.id, req.query),
  );
  app.patch('/api/target-lists/:id', { schema: { tags, params: c.targetListParams, body: c.updateTargetListBody, response: { 200: c.targetListDetail } } }, (req) =>
    service.updateTargetList(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/target-lists/:id/transitions',
    { schema: { tags, params: c.targetListParams, body: c.transitionTargetListBody, response: { 200: c.targetListDetail } } },
    (req) => service.transitionTargetList(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/target-lists/:id/communes',
    { schema: { tags, params: c.targetListParams, body: c.addTargetCommunesBody, response: { 200: c.targetListDetail } } },
    (req) => service.addTargetCommunes(db, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/target-lists/:id/communes/:unitId',
    { schema: { tags, params: c.targetListCommuneParams, querystring: c.removeTargetCommuneQuery, response: { 200: c.targetListDetail } } },
    (req) => service.removeTargetCommune(db, req.ctx, req.params.id, req.params.unitId, req.query.expectedVersion),
  );
  app.get(
    '/api/target-lists/:id/candidates',
    { schema: { tags, params: c.targetListParams, querystring: c.targetCandidatesQuery, response: { 200: c.targetCandidatesResponse } } },
    (req) => service.targetCandidates(db, req.ctx, req.params.id, req.query),
  );
}
