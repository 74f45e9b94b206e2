/** HTTP routes of the audit log. */
import * as c from '../../contracts/audit.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './audit.service.js';

export async function auditRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['audit'];
  app.get('/api/audit', { schema: { tags, querystring: c.listAuditQuery, response: { 200: c.listAuditResponse } } }, (req) =>
    service.listAudit(db, req.ctx, req.query),
  );
  app.get('/api/audit/verify', { schema: { tags, response: { 200: c.auditVerifyResponse } } }, (req) => service.verify(db, req.ctx));
}
