/** The one error handler: AppError codes to HTTP, validation to field messages, 5xx never leak. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../contracts/common.js';
import { AppError, fromDatabaseError } from '../errors.js';

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: [String(err.validationContext ?? ''), ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'Không hợp lệ',
    }));
    return new AppError('VALIDATION', 'Dữ liệu không hợp lệ', { fields });
  }
  if (isResponseSerializationError(err)) return undefined;
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('VALIDATION', 'Kiểu dữ liệu gửi lên không được hỗ trợ');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe instanceof SyntaxError))
    return new AppError('VALIDATION', 'Dữ liệu JSON không đọc được');
  const db = fromDatabaseError(err);
  if (db) return db;
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', 'Quá nhiều yêu cầu; vui lòng thử lại sau');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('VALIDATION', 'Yêu cầu không hợp lệ');
  return undefined;
}

/** Fastify error handler: a stable JSON body with the request id; 5xx are logged and their message hidden. */
export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const app = toAppError(err);
  if (!app) {
    req.log.error({ err, requestId: req.id }, 'request failed');
    const body: ErrorBody = { code: 'INTERNAL', message: 'Lỗi hệ thống; vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu', requestId: req.id };
    return reply.status(500).send(body);
  }
  if (app.code === 'RATE_LIMITED' || app.code === 'ACCOUNT_LOCKED') {
    const retry = app.details?.retryAfterSec;
    if (retry) reply.header('retry-after', String(retry));
  }
  const body: ErrorBody = { code: app.code, message: app.message, requestId: req.id, ...(app.details ? { details: app.details } : {}) };
  return reply.status(app.status).send(body);
}
