/** HTTP routes of obstacles: contracts in, one service call, contracts out. */
import * as c from '../../contracts/assistance.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './obstacles.service.js';

export async function obstaclesRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['assistance'];

  app.get('/api/obstacles', { schema: { tags, querystring: c.listObstaclesQuery, response: { 200: c.listObstaclesResponse } } }, (req) =>
    service.listObstacles(db, req.ctx, req.query),
  );
  app.get('/api/obstacles/:id', { schema: { tags, params: c.obstacleParams, response: { 200: c.obstacleDetail } } }, (req) =>
    service.getObstacle(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/obstacles',
    { schema: { tags, body: c.createObstacleBody, response: { 201: c.obstacleDetail } } },
    async (req, reply) => reply.status(201).send(await service.createObstacle(db, req.ctx, req.body)),
  );
  app.post(
    '/api/obstacles/:id/transitions',
    { schema: { tags, params: c.obstacleParams, body: c.transitionObstacleBody, response: { 200: c.obstacleDetail } } },
    (req) => service.transitionObstacle(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/obstacles/:id/replies',
    { schema: { tags, params: c.obstacleParams, body: c.replyObstacleBody, response: { 201: c.obstacleDetail } } },
    async (req, reply) => reply.status(201).send(await service.replyObstacle(db, req.ctx, req.params.id, req.body)),
  );
}
