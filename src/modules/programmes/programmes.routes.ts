/** HTTP routes of the programme catalog (read-only). */
import * as c from '../../contracts/resources.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './programmes.service.js';

export async function programmesRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['resources'];
  app.get('/api/programmes', { schema: { tags, querystring: c.listProgrammesQuery, response: { 200: c.listProgrammesResponse } } }, (req) =>
    service.listProgrammes(db, req.ctx, req.query),
  );
  app.get('/api/programmes/:id', { schema: { tags, params: c.programmeParams, response: { 200: c.programme } } }, (req) =>
    service.getProgramme(db, req.ctx, req.params.id),
  );
}
