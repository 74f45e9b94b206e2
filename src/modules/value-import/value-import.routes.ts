/** HTTP routes of the values import (multipart registered in this plugin's scope only). */
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import * as c from '../../contracts/value-import.js';
import { requireSession } from '../../platform/http/session.js';
import { mailerFor } from '../../platform/mail.js';
import * as notifications from '../assessments/notifications.service.js';
import type { App, Deps } from '../../platform/http/types.js';
import { XLSX_MIME } from './value-import.repo.js';
import * as service from './value-import.service.js';

const attachment = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function valueImportRoutes(app: App, { db, config }: Deps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: c.VALUE_IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: false });
  app.addHook('preHandler', requireSession);
  // Validations run after the upload's answer: let them finish before the database closes.
  app.addHook('onClose', async () => service.drain());
  // The notifications an apply wrote on a commune's behalf are mailed after the response (the transaction committed).
  const mailer = mailerFor(config);
  app.addHook('onResponse', async (req) => {
    void notifications.sendQueuedEmails(db, mailer, req.ctx, req.log);
  });
  const tags = ['value-import'];

  app.get('/api/cycles/:id/values-template.xlsx', { schema: { tags, params: c.cycleIdParams, querystring: c.templateQuery } }, async (req, reply) => {
    const t = await service.template(db, req.ctx, req.params.id, req.query.unitId);
    // Refusals came before this point; the workbook itself is streamed as it is written.
    const body = new PassThrough();
    t.write(body).catch((err: unknown) => {
      req.log.error({ err }, 'values template failed while streaming');
      body.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return reply.type(XLSX_MIME).header('content-disposition', attachment(t.fileName)).send(body);
  });
  app.post(
    '/api/cycles/:id/value-imports',
    { schema: { tags, params: c.cycleIdParams, querystring: c.uploadQuery, response: { 202: c.valueImportJob } } },
    async (req, reply) => reply.status(202).send(await service.upload(db, config.dataDir, req.ctx, req.params.id, req.query.unitId, () => req.file(), req.log)),
  );
  app.get('/api/value-imports/:id', { schema: { tags, params: c.jobParams, response: { 200: c.valueImportJob } } }, (req) => service.getJob(db, req.ctx, req.params.id));
  app.post('/api/value-imports/:id/apply', { schema: { tags, params: c.jobParams, body: c.applyBody, response: { 200: c.valueImportJob } } }, (req) =>
    service.apply(db, req.ctx, req.params.id, req.body),
  );
  app.get('/api/value-imports/:id/errors.xlsx', { schema: { tags, params: c.jobParams } }, async (req, reply) => {
    const t = await service.errorsWorkbook(db, config.dataDir, req.ctx, req.params.id);
    return reply.type(XLSX_MIME).header('content-disposition', attachment(t.fileName)).send(t.content);
  });
}
