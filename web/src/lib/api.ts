/**
 * The one way the web talks to the server: JSON over fetch, same-origin cookies, CSRF and
 * idempotency headers on every mutation, and every failure turned into an ApiError with a `code`.
 */
import type { z } from 'zod';
import { errorBody, errorCodes, type ErrorCode } from '../../../src/contracts/common.js';
import { newIdempotencyKey } from './idempotency.js';

/** Codes the client adds to the server's: no answer, an answer that breaks the contract, an unknown HTTP failure. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE' | 'HTTP';
export interface FieldError {
  path: string;
  message: string;
}

/** A failed request. Switch on `code`; `message` is the server's text, not for display. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
    readonly requestId: string | null = null,
    readonly fields: FieldError[] = [],
    readonly retryAfterSec: number | null = null,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const statusCodes: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'VALIDATION',
  423: 'ACCOUNT_LOCKED',
  429: 'RATE_LIMITED',
};

/** Field paths as the form knows them: the server may prefix them with "body" or use "/" (JSON pointer). */
export function normalizeFieldPath(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '')
    .replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Turns a failed response into an ApiError. Uses the contract's errorBody when the body matches it,
 * else falls back on the HTTP status (a proxy's HTML error page, an empty body ...).
 */
export function toApiError(
  status: number,
  body: unknown,
  headers?: { requestId?: string | null; retryAfter?: string | null },
): ApiError {
  const retryHeader = headers?.retryAfter != null ? Number(headers.retryAfter) : NaN;
  const retryFromHeader = Number.isFinite(retryHeader) ? retryHeader : null;
  const parsed = errorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, requestId, details } = parsed.data;
    const { fields = [], retryAfterSec, ...rest } = details ?? {};
    return new ApiError(
      code,
      status,
      message,
      requestId,
      fields.map((f) => ({ path: normalizeFieldPath(f.path), message: f.message })),
      retryAfterSec ?? retryFromHeader,
      rest,
    );
  }
  // A body with an unknown code (a newer server) still carries a usable message and request id.
  const loose = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code: ClientErrorCode =
    typeof loose.code === 'string' && (errorCodes as readonly string[]).includes(loose.code)
      ? (loose.code as ErrorCode)
      : (statusCodes[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP'));
  return new ApiError(
    code,
    status,
    typeof loose.message === 'string' ? loose.message : `HTTP ${status}`,
    typeof loose.requestId === 'string' ? loose.requestId : (headers?.requestId ?? null),
    [],
    retryFromHeader,
  );
}

export type QueryValue = string | number | boolean | null | undefined;
/** A query string without the empty values (undefined, null, ''). */
export function toQueryString(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

interface ApiConfig {
  /** Called when a request (other than login and the session check) answers 401. */
  onUnauthenticated: () => void;
  /**
   * The session's CSRF token. 'cached': only what is already known (login, logout: no session read);
   * 'ensure': read the session if not known; 'fresh': read it again (after a CSRF failure).
   */
  csrfToken: (mode: 'cached' | 'ensure' | 'fresh') => Promise<string | null>;
}
const config: ApiConfig = { onUnauthenticated: () => {}, csrfToken: async () => null };

/** Wires the client to the app: where the CSRF token comes from, what to do on 401. */
export function configureApi(c: Partial<ApiConfig>): void {
  Object.assign(config, c);
}

/** The session's CSRF token for a mutation sent outside apiRequest (multipart uploads: lib/upload.ts). */
export function csrfTokenFor(mode: 'ensure' | 'fresh'): Promise<string | null> {
  return config.csrfToken(mode).catch(() => null);
}

/** Tells the app the session is gone (a 401 answered to a request sent outside apiRequest). */
export function reportUnauthenticated(): void {
  config.onUnauthenticated();
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface RequestOptions<S extends z.ZodType | undefined> {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The contract's response schema; the answer is checked against it. */
  schema?: S;
  /** One key per user action: pass the same key when the person retries the same action. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Do not send the person to the login page on 401 (login itself, the session check). */
  allowUnauthenticated?: boolean;
}
type Result<S> = S extends z.ZodType ? z.output<S> : unknown;

async function send(method: Method, path: string, o: RequestOptions<z.ZodType | undefined>, csrf: string | null) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (csrf) headers['x-csrf-token'] = csrf;
    headers['idempotency-key'] = o.idempotencyKey ?? newIdempotencyKey();
  }
  try {
    return await fetch(path + toQueryString(o.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: o.body === undefined ? null : JSON.stringify(o.body),
      signal: o.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('NETWORK', 0, e instanceof Error ? e.message : String(e));
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sends one request and returns the parsed, contract-checked body. Throws ApiError. */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: string,
  o: RequestOptions<S> = {},
): Promise<Result<S>> {
  const mutation = method !== 'GET';
  // A mutation reuses its key across the CSRF retry below, so the server sees one action.
  const opts = mutation ? { ...o, idempotencyKey: o.idempotencyKey ?? newIdempotencyKey() } : o;
  const mode = o.allowUnauthenticated ? 'cached' : 'ensure';
  let res = await send(method, path, opts, mutation ? await config.csrfToken(mode).catch(() => null) : null);
  let body = await readJson(res);
  let err = res.ok ? null : toApiError(res.status, body, headersOf(res));
  if (err?.code === 'CSRF' && mutation) {
    // The token may have rotated (new login in another tab): read the session again, retry once.
    res = await send(method, path, opts, await config.csrfToken('fresh').catch(() => null));
    body = await readJson(res);
    err = res.ok ? null : toApiError(res.status, body, headersOf(res));
  }
  if (err) {
    if (err.code === 'UNAUTHENTICATED' && !o.allowUnauthenticated) config.onUnauthenticated();
    throw err;
  }
  if (!o.schema) return body as Result<S>;
  const parsed = o.schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Response of ${method} ${path} does not match the contract`, parsed.error.issues);
    throw new ApiError('BAD_RESPONSE', res.status, parsed.error.message, res.headers.get('x-request-id'));
  }
  return parsed.data as Result<S>;
}

function headersOf(res: Response) {
  return { requestId: res.headers.get('x-request-id'), retryAfter: res.headers.get('retry-after') };
}

/** GET with a query and a response schema. */
export function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
  allowUnauthenticated = false,
): Promise<z.output<S>> {
  return apiRequest('GET', path, { schema, query, signal, allowUnauthenticated }) as Promise<z.output<S>>;
}
