/** Upload and download of stored files (multipart registered in this plugin's scope only). */
import multipart from '@fastify/multipart';
import { FILE_MAX_BYTES, fileParams, storedFile, uploadFileQuery } from '../../contracts/assistance.js';
import { requireSession } from '../http/session.js';
import type { App, Deps } from '../http/types.js';
import * as service from './files.service.js';

export async function filesRoutes(app: App, { db, config }: Deps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: false });
  app.addHook('preHandler', requireSession);
  const tags = ['files'];

  app.post(
    '/api/files',
    { schema: { tags, querystring: uploadFileQuery, response: { 201: storedFile } } },
    async (req, reply) => reply.status(201).send(await service.upload(db, config.dataDir, req.ctx, req.query.unitId, () => req.file())),
  );
  app.get('/api/files/:id', { schema: { tags, params: fileParams } }, async (req, reply) => {
    const { file, stream } = await service.download(db, config.dataDir, req.ctx, req.params.id);
    return reply
      .type(file.mime)
      .header('content-length', String(file.size))
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
      .send(stream);
  });
  app.get('/api/files/:id/thumbnail', { schema: { tags, params: fileParams } }, async (req, reply) => {
    const t = await service.thumbnail(db, config.dataDir, req.ctx, req.params.id);
    return reply.type(t.mime).header('content-length', String(t.size)).header('cache-control', 'private, max-age=86400').send(t.stream);
  });
}
