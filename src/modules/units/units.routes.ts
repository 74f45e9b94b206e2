/** HTTP routes of the units feature: contracts in, one service call, contracts out. */
import * as c from '../../contracts/units.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './units.service.js';

export async function unitsRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['units'];

  app.get('/api/units', { schema: { tags, querystring: c.listUnitsQuery, response: { 200: c.listUnitsResponse } } }, (req) =>
    service.listUnits(db, req.ctx, req.query),
  );
  app.get(
    '/api/units/:id',
    { schema: { tags, params: c.unitParams, querystring: c.getUnitQuery, response: { 200: c.unitDetail } } },
    (req) => service.getUnit(db, req.ctx, req.params.id, req.query.asOf),
  );
  app.get(
    '/api/units/:id/lineage',
    { schema: { tags, params: c.unitParams, response: { 200: c.lineageResponse } } },
    (req) => service.getLineage(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/units/:id/attributes',
    { schema: { tags, params: c.unitParams, body: c.setAttributeBody, response: { 200: c.unitDetail } } },
    (req) => service.setAttribute(db, req.ctx, req.params.id, req.body),
  );
}
