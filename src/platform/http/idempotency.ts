/**
 * Idempotency-Key for writes over flaky networks. The lookup and replay happen here; the key is claimed
 * inside the mutation's own transaction (platform/tx.ts), and the answer is stored once it is sent.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson } from '../audit.js';
import { queryOne } from '../db/query.js';
import { AppError } from '../errors.js';
import type { App, Deps } from './types.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_RE = /^[A-Za-z0-9_.:-]{8,100}$/;

export function registerIdempotency(app: App, deps: Deps): void {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers['idempotency-key'];
    if (!UNSAFE.has(req.method) || typeof key !== 'string' || !req.session) return;
    // An upload's body is a stream not yet read here, so it cannot be part of the request hash; uploads are
    // content-addressed (a repeated upload stores the bytes once), so they go without the key.
    if ((req.headers['content-type'] ?? '').startsWith('multipart/')) return;
    if (!KEY_RE.test(key)) throw new AppError('VALIDATION', 'Idempotency-Key không hợp lệ');
    const userId = req.session.actor.id;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.url}\n${canonicalJson(req.body ?? null)}`)
      .digest('hex');
    const row = await queryOne<{ request_hash: string; status_code: number | null; response_body: string | null }>(
      deps.db,
      sql`select request_hash, status_code, response_body from idempotency_key where user_id = ${userId} and key = ${key}`,
    );
    if (row) {
      if (row.request_hash !== requestHash)
        throw new AppError('IDEMPOTENCY_MISMATCH', 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác');
      if (row.status_code === null)
        throw new AppError('CONFLICT', 'Yêu cầu này đang được xử lý hoặc đã được xử lý; vui lòng tải lại trang');
      reply.header('idempotent-replayed', 'true').header('content-type', 'application/json; charset=utf-8');
      return reply.status(row.status_code).send(row.response_body ?? '');
    }
    req.ctx.idempotency = { userId, key, requestHash, claimed: false };
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = req.ctx?.idempotency;
    if (idem?.claimed && reply.statusCode < 500) {
      await deps.db.execute(
        sql`update idempotency_key set status_code = ${reply.statusCode}, response_body = ${typeof payload === 'string' ? payload : null}
            where user_id = ${idem.userId} and key = ${idem.key}`,
      );
    }
    return payload;
  });
}
