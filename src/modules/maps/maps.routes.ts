/** HTTP routes of maps: contracts in, one service call, contracts out (multipart registered in this plugin only). */
import multipart from '@fastify/multipart';
import { okBody } from '../../contracts/common.js';
import * as c from '../../contracts/maps.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './maps.service.js';

export async function mapsRoutes(app: App, { db, config }: Deps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: c.BOUNDARY_MAX_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: false });
  app.addHook('preHandler', requireSession);
  const tags = ['maps'];

  app.post(
    '/api/maps/boundaries',
    { schema: { tags, querystring: c.uploadBoundariesQuery, response: { 201: c.uploadBoundariesResponse } } },
    async (req, reply) => reply.status(201).send(await service.uploadBoundaries(db, config.dataDir, req.ctx, req.query, () => req.file())),
  );
  app.get('/api/maps/boundaries', { schema: { tags, querystring: c.boundariesQuery, response: { 200: c.boundariesResponse } } }, (req) =>
    service.boundaries(db, req.ctx, req.query),
  );
  app.get('/api/maps/values', { schema: { tags, querystring: c.mapValuesQuery, response: { 200: c.mapValuesResponse } } }, (req) =>
    service.values(db, req.ctx, req.query),
  );
  app.get('/api/maps/boundary-sets', { schema: { tags, querystring: c.listBoundarySetsQuery, response: { 200: c.listBoundarySetsResponse } } }, (req) =>
    service.listSets(db, req.ctx, req.query.year),
  );
  app.post(
    '/api/maps/boundary-sets/:id/activation',
    { schema: { tags, params: c.boundarySetParams, body: c.activateBoundarySetBody, response: { 200: c.boundarySetSummary } } },
    (req) => service.setActive(db, req.ctx, req.params.id, req.body.active),
  );
  app.delete('/api/maps/boundary-sets/:id', { schema: { tags, params: c.boundarySetParams, response: { 200: okBody } } }, (req) =>
    service.deleteSet(db, req.ctx, req.params.id),
  );
}
