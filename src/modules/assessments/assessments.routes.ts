/** HTTP routes of assessments: contracts in, one service call, contracts out. */
import * as c from '../../contracts/assessments.js';
import { okBody } from '../../contracts/common.js';
import { mailerFor } from '../../platform/mail.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './assessments.service.js';
import * as communes from './communes.service.js';
import * as cycles from './cycles.service.js';
import * as evidence from './evidence.service.js';
import * as notifications from './notifications.service.js';

export async function assessmentsRoutes(app: App, { db, config }: Deps): Promise<void> {
  app.addHook('preHandler', requireSession);
  // Notification e-mails leave after the response, i.e. after the workflow's transaction has committed.
  const mailer = mailerFor(config);
  app.addHook('onResponse', async (req) => {
    void notifications.sendQueuedEmails(db, mailer, req.ctx, req.log);
  });
  const tags = ['assessments'];

  // cycles
  app.get('/api/cycles', { schema: { tags, querystring: c.listCyclesQuery, response: { 200: c.listCyclesResponse } } }, (req) => cycles.listCycles(db, req.ctx, req.query));
  app.get('/api/cycles/:id', { schema: { tags, params: c.cycleParams, response: { 200: c.cycle } } }, (req) => cycles.getCycle(db, req.ctx, req.params.id));
  app.post('/api/cycles', { schema: { tags, body: c.createCycleBody, response: { 201: c.cycle } } }, async (req, reply) =>
    reply.status(201).send(await cycles.createCycle(db, req.ctx, req.body)),
  );
  app.patch('/api/cycles/:id', { schema: { tags, params: c.cycleParams, body: c.updateCycleBody, response: { 200: c.cycle } } }, (req) =>
    cycles.updateCycle(db, req.ctx, req.params.id, req.body),
  );

  // assessments
  app.get('/api/assessments', { schema: { tags, querystring: c.listAssessmentsQuery, response: { 200: c.listAssessmentsResponse } } }, (req) =>
    service.listAssessments(db, req.ctx, req.query),
  );
  app.get('/api/assessments/:id', { schema: { tags, params: c.assessmentParams, response: { 200: c.assessment } } }, (req) => service.getAssessment(db, req.ctx, req.params.id));
  app.get('/api/assessments/:id/form', { schema: { tags, params: c.assessmentParams, response: { 200: c.assessmentForm } } }, (req) => service.getForm(db, req.ctx, req.params.id));
  app.get('/api/assessments/:id/history', { schema: { tags, params: c.assessmentParams, response: { 200: c.assessmentHistory } } }, (req) => service.history(db, req.ctx, req.params.id));
  app.put('/api/assessments/:id/results/:code', { schema: { tags, params: c.resultParams, body: c.saveResultBody, response: { 200: c.saveResultResponse } } }, (req) =>
    service.saveResult(db, req.ctx, req.params.id, req.params.code, req.body),
  );
  app.post(
    '/api/assessments/:id/results/:code/evidence',
    { schema: { tags, params: c.resultParams, body: c.attachEvidenceBody, response: { 200: c.evidenceResponse } } },
    (req) => evidence.attach(db, config.dataDir, req.ctx, req.params.id, req.params.code, req.body.fileId),
  );
  app.delete('/api/assessments/:id/results/:code/evidence/:fileId', { schema: { tags, params: c.evidenceParams, response: { 200: c.evidenceResponse } } }, (req) =>
    evidence.detach(db, req.ctx, req.params.id, req.params.code, req.params.fileId),
  );
  app.post('/api/assessments/:id/submit', { schema: { tags, params: c.assessmentParams, body: c.assessmentActionBody, response: { 200: c.assessment } } }, (req) =>
    service.submit(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/assessments/:id/verdicts', { schema: { tags, params: c.assessmentParams, body: c.verdictsBody, response: { 200: c.assessment } } }, (req) =>
    service.giveVerdicts(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/assessments/:id/returns', { schema: { tags, params: c.assessmentParams, body: c.returnBody, response: { 200: c.assessment } } }, (req) =>
    service.returnIndicators(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/assessments/:id/review', { schema: { tags, params: c.assessmentParams, body: c.reviewBody, response: { 200: c.assessment } } }, (req) =>
    service.review(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/assessments/:id/forward', { schema: { tags, params: c.assessmentParams, body: c.assessmentActionBody, response: { 200: c.assessment } } }, (req) =>
    service.forward(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/assessments/:id/appraise', { schema: { tags, params: c.assessmentParams, body: c.assessmentActionBody, response: { 200: c.assessment } } }, (req) =>
    service.appraise(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/assessments/:id/reopen', { schema: { tags, params: c.assessmentParams, body: c.reopenBody, response: { 200: c.assessment } } }, (req) =>
    service.reopen(db, req.ctx, req.params.id, req.body),
  );

  // communes: recognition, profile; maintenance review
  app.get('/api/communes/:unitId/recognitions', { schema: { tags, params: c.unitParams, response: { 200: c.listRecognitionsResponse } } }, (req) =>
    communes.listRecognitions(db, req.ctx, req.params.unitId),
  );
  app.post('/api/communes/:unitId/recognitions', { schema: { tags, params: c.unitParams, body: c.createRecognitionBody, response: { 201: c.listRecognitionsResponse } } }, async (req, reply) =>
    reply.status(201).send(await communes.createRecognition(db, req.ctx, req.params.unitId, req.body)),
  );
  app.get('/api/communes/:unitId/profile', { schema: { tags, params: c.unitParams, querystring: c.profileQuery, response: { 200: c.communeProfile } } }, (req) =>
    communes.profile(db, req.ctx, req.params.unitId, req.query.year),
  );
  app.get('/api/maintenance', { schema: { tags, querystring: c.maintenanceQuery, response: { 200: c.maintenanceResponse } } }, (req) => communes.maintenance(db, req.ctx, req.query));

  // notifications
  app.get('/api/notifications', { schema: { tags, querystring: c.listNotificationsQuery, response: { 200: c.listNotificationsResponse } } }, (req) =>
    notifications.listNotifications(db, req.ctx, req.query),
  );
  app.post('/api/notifications/read-all', { schema: { tags, response: { 200: c.markAllReadResponse } } }, (req) => notifications.markAllRead(db, req.ctx));
  app.post('/api/notifications/:id/read', { schema: { tags, params: c.notificationParams, response: { 200: okBody } } }, (req) => notifications.markRead(db, req.ctx, req.params.id));
}
