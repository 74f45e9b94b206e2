import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, configureApi, normalizeFieldPath, toApiError, toQueryString } from './api.js';
import { ActionKeys } from './idempotency.js';
import { describeError, fieldErrorMap } from './errors.js';
import { z } from 'zod';

describe('toApiError', () => {
  it('reads the contract error body', () => {
    const e = toApiError(400, {
      code: 'VALIDATION',
      message: 'Invalid body',
      requestId: 'req-1',
      details: { fields: [{ path: 'body.name', message: 'Tên quá ngắn' }], extra: 1 },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('VALIDATION');
    expect(e.requestId).toBe('req-1');
    expect(e.fields).toEqual([{ path: 'name', message: 'Tên quá ngắn' }]);
    expect(e.details).toEqual({ extra: 1 });
  });

  it('keeps retryAfterSec, from the body or the Retry-After header', () => {
    expect(toApiError(429, { code: 'RATE_LIMITED', message: 'x', requestId: 'r', details: { retryAfterSec: 30 } }).retryAfterSec).toBe(30);
    expect(toApiError(429, { code: 'RATE_LIMITED', message: 'x', requestId: 'r' }, { retryAfter: '12' }).retryAfterSec).toBe(12);
  });

  it('falls back on the status when the body is not the contract (a proxy page, empty)', () => {
    expect(toApiError(502, '<html>Bad gateway</html>', { requestId: 'h-1' })).toMatchObject({ code: 'INTERNAL', requestId: 'h-1' });
    expect(toApiError(401, undefined).code).toBe('UNAUTHENTICATED');
    expect(toApiError(418, {}).code).toBe('HTTP');
    expect(toApiError(409, { code: 'CONFLICT', message: 'dup' }).code).toBe('CONFLICT');
  });

  it('normalises field paths', () => {
    expect(normalizeFieldPath('/body/scopeUnitIds/2')).toBe('scopeUnitIds.2');
    expect(normalizeFieldPath('roles[0]')).toBe('roles.0');
    expect(normalizeFieldPath('name')).toBe('name');
  });
});

describe('describeError', () => {
  const now = new Date('2025-06-30T07:00:00Z');
  it('never shows the server text for a known code', () => {
    const d = describeError(toApiError(403, { code: 'FORBIDDEN', message: 'Forbidden: missing permission', requestId: 'r-9' }), 'vi', now);
    expect(d.text).toMatch(/^Bạn không có quyền/);
    expect(d.text).not.toContain('Forbidden');
    expect(d.requestId).toBe('r-9');
  });
  it('says when to try again', () => {
    const d = describeError(toApiError(429, { code: 'RATE_LIMITED', message: 'x', requestId: 'r', details: { retryAfterSec: 300 } }), 'vi', now);
    expect(d.text).toContain('Thử lại sau 5 phút (lúc 14:05)');
  });
  it('treats a thrown TypeError (fetch failed) as a network problem', () => {
    expect(describeError(new TypeError('Failed to fetch'), 'vi').text).toMatch(/Không kết nối được/);
  });
  it('maps field errors for forms', () => {
    expect(fieldErrorMap([{ path: 'a', message: '1' }, { path: 'a', message: '2' }])).toEqual({ a: '1' });
  });
});

describe('apiRequest', () => {
  afterEach(() => vi.unstubAllGlobals());
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('sends CSRF and idempotency headers on mutations, same-origin credentials, and checks the response', async () => {
    const fetchMock = vi.fn().mockResolvedValue(json(200, { ok: true, extra: 'dropped' }));
    vi.stubGlobal('fetch', fetchMock);
    configureApi({ csrfToken: async () => 'tok-1' });
    const out = await apiRequest('POST', '/api/x', { body: { a: 1 }, idempotencyKey: 'key-1', schema: z.object({ ok: z.literal(true) }) });
    expect(out).toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/x');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['x-csrf-token']).toBe('tok-1');
    expect(init.headers['idempotency-key']).toBe('key-1');
  });

  it('retries once with a fresh token after a CSRF failure, with the same idempotency key', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(json(403, { code: 'CSRF', message: 'bad token', requestId: 'r1' }))
      .mockResolvedValueOnce(json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    const modes: string[] = [];
    configureApi({ csrfToken: async (mode) => (modes.push(mode), mode === 'fresh' ? 'new' : 'old') });
    await apiRequest('PATCH', '/api/x', { body: {} });
    expect(modes).toEqual(['ensure', 'fresh']);
    const keys = fetchMock.mock.calls.map((c) => c[1].headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
    expect(fetchMock.mock.calls[1]![1].headers['x-csrf-token']).toBe('new');
  });

  it('calls the 401 handler, except for requests that expect it', async () => {
    const onUnauthenticated = vi.fn();
    configureApi({ onUnauthenticated, csrfToken: async () => null });
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => json(401, { code: 'UNAUTHENTICATED', message: 'no', requestId: 'r' })));
    await expect(apiRequest('GET', '/api/units')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    await expect(apiRequest('POST', '/api/auth/login', { allowUnauthenticated: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into NETWORK and a contract mismatch into BAD_RESPONSE', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiRequest('GET', '/api/x')).rejects.toMatchObject({ code: 'NETWORK' });
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(200, { nope: 1 })));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(apiRequest('GET', '/api/x', { schema: z.object({ ok: z.boolean() }) })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('builds query strings without empty values', () => {
    expect(toQueryString({ q: 'ta phoi', asOf: undefined, roots: 'true', limit: 50, empty: '' })).toBe('?q=ta+phoi&roots=true&limit=50');
    expect(toQueryString({})).toBe('');
  });
});

describe('ActionKeys', () => {
  it('reuses the key while the same action is retried, and renews it after success or a change', () => {
    const k = new ActionKeys();
    const a = k.keyFor('POST /x {"a":1}');
    expect(k.keyFor('POST /x {"a":1}')).toBe(a);
    const b = k.keyFor('POST /x {"a":2}');
    expect(b).not.toBe(a);
    k.done();
    expect(k.keyFor('POST /x {"a":2}')).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
