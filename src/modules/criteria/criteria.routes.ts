/** HTTP routes of the criteria feature: contracts in, one service call, contracts out. */
import * as c from '../../contracts/criteria.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as imports from './criteria.import.service.js';
import * as service from './criteria.service.js';

/** The import carries the workbook as base64 in JSON: this route alone accepts bodies up to 5 MB. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function criteriaRoutes(app: App, { db }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  const tags = ['criteria'];

  app.get('/api/criteria/sets', { schema: { tags, querystring: c.listSetsQuery, response: { 200: c.listSetsResponse } } }, (req) =>
    service.listSets(db, req.ctx, req.query),
  );
  app.get('/api/criteria/sets/:id', { schema: { tags, params: c.setParams, response: { 200: c.setDetail } } }, (req) =>
    service.getSet(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/criteria/sets/:id',
    { schema: { tags, params: c.setParams, body: c.updateSetBody, response: { 200: c.setDetail } } },
    (req) => service.updateSet(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/criteria/sets/:id/clone',
    { schema: { tags, params: c.setParams, body: c.cloneSetBody, response: { 201: c.setDetail } } },
    async (req, reply) => reply.status(201).send(await service.cloneSet(db, req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/criteria/sets/:id/indicators/:code',
    { schema: { tags, params: c.indicatorParams, body: c.updateIndicatorBody, response: { 200: c.setDetail } } },
    (req) => service.updateIndicator(db, req.ctx, req.params.id, req.params.code, req.body),
  );
  app.post(
    '/api/criteria/sets/:id/indicators/:code/targets',
    { schema: { tags, params: c.indicatorParams, body: c.upsertTargetBody, response: { 200: c.setDetail } } },
    (req) => service.upsertTarget(db, req.ctx, req.params.id, req.params.code, req.body),
  );
  app.post(
    '/api/criteria/sets/:id/publish',
    { schema: { tags, params: c.setParams, body: c.publishBody, response: { 200: c.setDetail } } },
    (req) => service.publishSet(db, req.ctx, req.params.id, req.body),
  );
  app.get('/api/criteria/diff', { schema: { tags, querystring: c.diffQuery, response: { 200: c.diffResponse } } }, (req) =>
    service.diffSets(db, req.ctx, req.query.from, req.query.to),
  );
  app.post(
    '/api/criteria/sets/:id/evaluate',
    { schema: { tags, params: c.setParams, body: c.evaluateBody, response: { 200: c.evaluationResponse } } },
    (req) => service.evaluate(db, req.ctx, req.params.id, req.body),
  );
  app.get('/api/criteria/import-template.xlsx', { schema: { tags } }, async (req, reply) =>
    reply
      .type(XLSX)
      .header('content-disposition', 'attachment; filename="mau-nhap-bo-tieu-chi.xlsx"')
      .send(await imports.importTemplate(req.ctx)),
  );
  app.post(
    '/api/criteria/import',
    { bodyLimit: IMPORT_BODY_LIMIT, schema: { tags, body: c.importBody, response: { 200: c.importReport, 201: c.importReport } } },
    async (req, reply) => {
      const { status, report } = await imports.importSet(db, req.ctx, req.body);
      return reply.status(status).send(report);
    },
  );
}
