/** HTTP routes of sign-in and the session cookie. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as c from '../../contracts/auth.js';
import { okBody } from '../../contracts/common.js';
import { SESSION_COOKIE } from '../../platform/auth/session.repo.js';
import { requireSession } from '../../platform/http/session.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as service from './auth.service.js';

export async function authRoutes(app: App, { db, config }: Deps): Promise<void> {
  const tags = ['auth'];
  const secure = (req: FastifyRequest) => config.session.secureCookies || req.protocol === 'https';
  const clearCookie = (req: FastifyRequest, reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(req) });

  app.post('/api/auth/login', { schema: { tags, body: c.loginBody, response: { 200: c.sessionInfo } } }, async (req, reply) => {
    const { session, info } = await service.login(db, config, req.ctx, req.body, req.headers['user-agent'] ?? null);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(req),
      expires: session.expiresAt,
    });
    return info;
  });

  app.post('/api/auth/logout', { schema: { tags, response: { 200: okBody } } }, async (req, reply) => {
    if (req.session) await service.logout(db, req.ctx, req.session);
    clearCookie(req, reply);
    return { ok: true as const };
  });

  app.get(
    '/api/auth/session',
    { preHandler: requireSession, schema: { tags, response: { 200: c.sessionInfo } } },
    (req) => service.sessionInfo(db, config, req.session!),
  );

  app.post(
    '/api/auth/password',
    { preHandler: requireSession, schema: { tags, body: c.changePasswordBody, response: { 200: okBody } } },
    async (req, reply) => {
      await service.changePassword(db, req.ctx, req.session!, req.body.currentPassword, req.body.newPassword);
      clearCookie(req, reply);
      return { ok: true as const };
    },
  );

  app.get('/api/auth/demo-accounts', { schema: { tags, response: { 200: c.demoAccounts } } }, () =>
    service.listDemoAccounts(db, config),
  );
}
