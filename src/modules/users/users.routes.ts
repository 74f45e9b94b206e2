/** HTTP routes of user administration. */
import * as c from '../../contracts/users.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './users.service.js';

export async function usersRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['users'];
  app.get('/api/users', { schema: { tags, querystring: c.listUsersQuery, response: { 200: c.listUsersResponse } } }, (req) =>
    service.listUsers(db, req.ctx, req.query),
  );
  app.get('/api/users/:id', { schema: { tags, params: c.userParams, response: { 200: c.user } } }, (req) =>
    service.getUser(db, req.ctx, req.params.id),
  );
  app.post('/api/users', { schema: { tags, body: c.createUserBody, response: { 201: c.user } } }, async (req, reply) =>
    reply.status(201).send(await service.createUser(db, req.ctx, req.body)),
  );
  app.patch('/api/users/:id', { schema: { tags, params: c.userParams, body: c.updateUserBody, response: { 200: c.user } } }, (req) =>
    service.updateUser(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/password',
    { schema: { tags, params: c.userParams, body: c.resetPasswordBody, response: { 200: c.user } } },
    (req) => service.resetPassword(db, req.ctx, req.params.id, req.body.password),
  );
}
