/** Shared building blocks for the API contracts (imported by the server and the web client). */
import { z } from 'zod';

/** A calendar date, YYYY-MM-DD, with no time zone. */
export const isoDate = z.iso.date();
export const id = z.uuid();
export const NAME_MAX = 200;
export const LEGAL_BASIS_MAX = 500;

export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'CSRF',
  'IDEMPOTENCY_MISMATCH',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The one error body every failing request returns. Clients switch on `code`. */
export const errorBody = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  requestId: z.string(),
  details: z
    .object({
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      retryAfterSec: z.number().int().optional(),
    })
    .catchall(z.unknown())
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A list page: the rows and the total the filter matches. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const okBody = z.object({ ok: z.literal(true) });
