/** HTTP routes of the inbox and the signals: contracts in, one service call, contracts out. */
import * as c from '../../contracts/assistance.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './signals.service.js';

export async function signalsRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['assistance'];

  app.get('/api/inbox', { schema: { tags, querystring: c.inboxQuery, response: { 200: c.inboxResponse } } }, (req) =>
    service.inbox(db, req.ctx, req.query),
  );
  app.get('/api/signals/no-visit', { schema: { tags, querystring: c.noVisitQuery, response: { 200: c.noVisitResponse } } }, (req) =>
    service.noVisit(db, req.ctx, req.query),
  );
  app.get('/api/signals/no-helper', { schema: { tags, querystring: c.signalAsOfQuery, response: { 200: c.noHelperResponse } } }, (req) =>
    service.noHelper(db, req.ctx, req.query),
  );
  app.get(
    '/api/signals/overdue-obstacles',
    { schema: { tags, querystring: c.signalAsOfQuery, response: { 200: c.overdueObstaclesResponse } } },
    (req) => service.overdueObstacles(db, req.ctx, req.query),
  );
  app.get('/api/signals/scorecards', { schema: { tags, querystring: c.scorecardQuery, response: { 200: c.scorecardsResponse } } }, (req) =>
    service.scorecards(db, req.ctx, req.query),
  );
}
