/** HTTP routes of commune plans: contracts in, one service call, contracts out. */
import * as c from '../../contracts/plans.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './plans.service.js';

export async function plansRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['plans'];

  app.get('/api/plans', { schema: { tags, querystring: c.listPlansQuery, response: { 200: c.listPlansResponse } } }, (req) => service.listPlans(db, req.ctx, req.query));
  app.get('/api/plans/summary', { schema: { tags, querystring: c.plansSummaryQuery, response: { 200: c.plansSummaryResponse } } }, (req) =>
    service.plansSummary(db, req.ctx, req.query.year),
  );
  app.post('/api/plans', { schema: { tags, body: c.createPlanBody, response: { 201: c.planDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createPlan(db, req.ctx, req.body)),
  );
  app.post('/api/plans/copy', { schema: { tags, body: c.copyPlanBody, response: { 201: c.planDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.copyPlan(db, req.ctx, req.body)),
  );
  app.get('/api/plans/:id', { schema: { tags, params: c.planParams, response: { 200: c.planDetail } } }, (req) => service.getPlan(db, req.ctx, req.params.id));
  app.patch('/api/plans/:id', { schema: { tags, params: c.planParams, body: c.updatePlanBody, response: { 200: c.planDetail } } }, (req) =>
    service.updatePlan(db, req.ctx, req.params.id, req.body),
  );
  app.put('/api/plans/:id/criteria', { schema: { tags, params: c.planParams, body: c.setPlanCriteriaBody, response: { 200: c.planDetail } } }, (req) =>
    service.setPlanCriteria(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/plans/:id/tasks', { schema: { tags, params: c.planParams, body: c.createTaskBody, response: { 201: c.planDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createTask(db, req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/plans/:id/tasks/:taskId',
    { schema: { tags, params: c.planTaskParams, body: c.updateTaskBody, response: { 200: c.planDetail } } },
    (req) => service.updateTask(db, req.ctx, req.params.id, req.params.taskId, req.body),
  );
}
