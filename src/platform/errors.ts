/** The one error type of mtqg: a stable code (see contracts/common.ts), a message and optional details. */
import type { ErrorCode } from '../contracts/common.js';

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_MISMATCH: 422,
  ACCOUNT_LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldError[]; retryAfterSec?: number; [k: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return httpStatusOf[this.code];
  }
}

/** Shorthands so services read as sentences. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền xem`);
export const forbidden = (msg = 'Bạn không có quyền thực hiện thao tác này') => new AppError('FORBIDDEN', msg);
export const conflict = (msg: string, details?: AppError['details']) => new AppError('CONFLICT', msg, details);
export const invalid = (fields: FieldError[], msg = 'Dữ liệu không hợp lệ') => new AppError('VALIDATION', msg, { fields });

/** Map a driver error (by SQLSTATE) to an AppError, or undefined when it is a real fault. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  switch (code) {
    case '23505':
      return conflict('Dữ liệu đã tồn tại (trùng khóa)');
    case '23503':
      return new AppError('VALIDATION', 'Dữ liệu tham chiếu không tồn tại');
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
      return new AppError('VALIDATION', 'Dữ liệu không hợp lệ');
    case '40001':
    case '40P01':
      return conflict('Dữ liệu vừa được người khác thay đổi; vui lòng thử lại');
    default:
      return undefined;
  }
}
