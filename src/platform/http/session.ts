/** Per-request plumbing: request context, session from the cookie, CSRF defence for writes. */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findLiveSession, SESSION_COOKIE, touchSession } from '../auth/session.repo.js';
import { AppError } from '../errors.js';
import type { App, Deps } from './types.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Same-origin check: a browser write must come from our own pages. */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // non-browser clients (CLI, curl) send none; the CSRF token still applies
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Attach ctx and session to every request; refuse cross-site writes. */
export function registerSession(app: App, deps: Deps): void {
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-request-id', req.id);
    req.ctx = { actor: null, requestId: req.id, ip: req.ip ?? null };
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await findLiveSession(deps.db, token, deps.config.session.idleMinutes);
      if (s) {
        req.session = { tokenHash: s.tokenHash, csrfToken: s.csrfToken, expiresAt: s.expiresAt, actor: s.actor };
        req.ctx.actor = s.actor;
        if (Date.now() - s.lastSeenAt.getTime() > 60_000) await touchSession(deps.db, s.tokenHash);
      }
    }
    if (UNSAFE.has(req.method)) {
      if (!sameOrigin(req)) throw new AppError('CSRF', 'Yêu cầu bị từ chối (khác nguồn gốc)');
      if (req.session && req.headers['x-csrf-token'] !== req.session.csrfToken) {
        throw new AppError('CSRF', 'Phiên làm việc không hợp lệ; vui lòng tải lại trang');
      }
    }
  });
}

/** Guard for routes that need a signed-in user. */
export async function requireSession(req: FastifyRequest): Promise<void> {
  if (!req.session) throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập');
}
