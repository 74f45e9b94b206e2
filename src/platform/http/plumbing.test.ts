import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../db/query.js';
import { createTestContext, type Client, type TestContext } from '../../test/app.js';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.userClient({ roles: ['system_admin'] });
});
afterAll(() => t.close());

describe('HTTP plumbing for slow networks', () => {
  it('sends a strong ETag on API reads and answers If-None-Match with 304', async () => {
    const first = await admin.get('/api/units?roots=true&asOf=2024-06-01');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const cookie = admin.cookie;
    const again = await t.app.inject({ method: 'GET', url: '/api/units?roots=true&asOf=2024-06-01', headers: { cookie, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await admin.get('/api/units?roots=true&asOf=2025-07-01');
    expect(other.headers.etag).not.toBe(etag);
  });

  it('compresses large responses with brotli or gzip', async () => {
    const cookie = admin.cookie;
    const br = await t.app.inject({ method: 'GET', url: '/api/units?asOf=2024-06-01&limit=200', headers: { cookie, 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    const gz = await t.app.inject({ method: 'GET', url: '/api/units?asOf=2024-06-01&limit=200', headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(JSON.stringify((await admin.get('/api/units?asOf=2024-06-01&limit=200')).json()).length / 3);
  });

  it('applies a retried write with the same Idempotency-Key once and replays the answer', async () => {
    const unitId = await t.unitId('02680', '2024-06-01');
    const body = { name: 'Tổ hỗ trợ Hợp Thành', kind: 'other', unitId };
    const key = 'retry-key-0001';
    const a = await admin.post('/api/agencies', body, { 'idempotency-key': key });
    const b = await admin.post('/api/agencies', body, { 'idempotency-key': key });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    const n = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from agency where name = 'Tổ hỗ trợ Hợp Thành'`);
    expect(n?.n).toBe(1);
    const audits = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from audit_event where action = 'agency.create' and entity_id = ${a.json().id}`);
    expect(audits?.n).toBe(1);
    const reuse = await admin.post('/api/agencies', { ...body, name: 'Khác' }, { 'idempotency-key': key });
    expect(reuse.statusCode).toBe(422);
    expect(reuse.json().code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('does not keep the key of a write that failed, so it can be retried', async () => {
    const key = 'retry-key-0002';
    const bad = await admin.post('/api/agencies', { name: 'X', kind: 'other', unitId: '00000000-0000-4000-8000-000000000000' }, { 'idempotency-key': key });
    expect(bad.statusCode).toBe(400);
    const unitId = await t.unitId('02680', '2024-06-01');
    const ok = await admin.post('/api/agencies', { name: 'Đội xung kích', kind: 'other', unitId }, { 'idempotency-key': key });
    expect(ok.statusCode).toBe(201);
  });

  it('returns field-level validation messages in Vietnamese and writes nothing', async () => {
    const before = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from agency`);
    const res = await admin.post('/api/agencies', { name: '', kind: 'khong-co', unitId: 'x' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    const paths = body.details.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['body.kind', 'body.name', 'body.unitId']);
    expect(body.details.fields.find((f: { path: string }) => f.path === 'body.name').message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặêếềểễệôốồổỗộơớờởỡợưứừửữựđ]/i);
    expect(typeof body.requestId).toBe('string');
    const after = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from agency`);
    expect(after?.n).toBe(before?.n);
  });

  it('answers unknown API paths with a JSON 404 and sets security headers', async () => {
    const res = await admin.get('/api/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.anon.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/units', '/api/units/{id}', '/api/auth/login', '/api/audit']));
  });
});
