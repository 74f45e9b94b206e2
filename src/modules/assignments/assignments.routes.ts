/** HTTP routes of assignments: contracts in, one service call, contracts out. */
import * as c from '../../contracts/assistance.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './assignments.service.js';

export async function assignmentsRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['assistance'];

  app.get('/api/assignments', { schema: { tags, querystring: c.listAssignmentsQuery, response: { 200: c.listAssignmentsResponse } } }, (req) =>
    service.listAssignments(db, req.ctx, req.query),
  );
  app.get('/api/assignments/:id', { schema: { tags, params: c.assignmentParams, response: { 200: c.assignment } } }, (req) =>
    service.getAssignment(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/assignments',
    { schema: { tags, body: c.createAssignmentBody, response: { 201: c.createAssignmentResponse } } },
    async (req, reply) => reply.status(201).send(await service.createAssignments(db, req.ctx, req.body)),
  );
  app.post(
    '/api/assignments/:id/end',
    { schema: { tags, params: c.assignmentParams, body: c.endAssignmentBody, response: { 200: c.assignment } } },
    (req) => service.endAssignment(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/assignments/:id/replace',
    { schema: { tags, params: c.assignmentParams, body: c.replaceAssignmentBody, response: { 201: c.assignment } } },
    async (req, reply) => reply.status(201).send(await service.replaceAssignment(db, req.ctx, req.params.id, req.body)),
  );
}
