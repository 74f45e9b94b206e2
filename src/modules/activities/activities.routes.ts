/** HTTP routes of the activity log: contracts in, one service call, contracts out. */
import * as c from '../../contracts/assistance.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './activities.service.js';

export async function activitiesRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['assistance'];

  app.get('/api/activities', { schema: { tags, querystring: c.listActivitiesQuery, response: { 200: c.listActivitiesResponse } } }, (req) =>
    service.listActivities(db, req.ctx, req.query),
  );
  app.get(
    '/api/activities/calendar',
    { schema: { tags, querystring: c.activityCalendarQuery, response: { 200: c.activityCalendarResponse } } },
    (req) => service.activityCalendar(db, req.ctx, req.query),
  );
  app.get('/api/activities/:id', { schema: { tags, params: c.activityParams, response: { 200: c.activity } } }, (req) =>
    service.getActivity(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/activities',
    { schema: { tags, body: c.createActivityBody, response: { 201: c.activity } } },
    async (req, reply) => reply.status(201).send(await service.createActivity(db, req.ctx, req.body)),
  );
  app.patch(
    '/api/activities/:id/follow-ups/:followUpId',
    { schema: { tags, params: c.followUpParams, body: c.updateFollowUpBody, response: { 200: c.activity } } },
    (req) => service.updateFollowUp(db, req.ctx, req.params.id, req.params.followUpId, req.body.status),
  );
}
