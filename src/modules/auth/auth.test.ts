import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../platform/http/app.js';
import { openDatabase } from '../../platform/db/client.js';
import { queryOne } from '../../platform/db/query.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../test/app.js';
import { IP_MAX_FAILURES, LOCK_AFTER_FAILURES } from './auth.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (loginName: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('sets an httpOnly SameSite cookie and returns the session with abilities', async () => {
    const c = await t.userClient({ roles: ['viewer'], login: 'xem.1' });
    const res = await login('xem.1', TEST_PASSWORD, '10.0.0.2');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'mtqg_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({
      user: { login: 'xem.1', roles: ['viewer'], scope: [] },
      abilities: {
        nav: { units: true, criteria: true, users: false, audit: false, assistance: true, inbox: true, signals: true },
        create: { agency: false, user: false, criteriaImport: false, assignment: false, activity: false, obstacle: false },
      },
    });
    expect((await c.get('/api/auth/session')).json().user.login).toBe('xem.1');
  });

  it('answers the same message for an unknown login and a wrong password', async () => {
    await t.userClient({ roles: ['viewer'], login: 'xem.2' });
    const unknown = await login('khong.co', 'whatever-123', '10.0.0.3');
    const wrong = await login('xem.2', 'sai-mat-khau', '10.0.0.3');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('locks an account after repeated failures and unlocks it by itself', async () => {
    await t.userClient({ roles: ['viewer'], login: 'xem.3' });
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) expect((await login('xem.3', 'sai', '10.0.0.4')).statusCode).toBe(401);
    const locked = await login('xem.3', 'sai', '10.0.0.4');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await login('xem.3', TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(423); // right password, still locked
    await t.db.execute(sql`update app_user set locked_until = now() - interval '1 second' where login = 'xem.3'`);
    expect((await login('xem.3', TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(200);
    const audit = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from audit_event where action = 'auth.locked'`);
    expect(audit?.n).toBe(1);
  });

  it('rate-limits an address after too many failures, for every instance', async () => {
    for (let i = 0; i < IP_MAX_FAILURES; i++) await login(`khong.co.${i}`, 'x', '10.9.9.9');
    const res = await login('khong.co', 'x', '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    const other = await buildApp({ config: t.config, database: t.database, db: t.db });
    const viaOther = await other.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'a.b', password: 'x' }, remoteAddress: '10.9.9.9' });
    expect(viaOther.statusCode).toBe(429);
    await other.close();
    expect((await login('khong.co', 'x', '10.9.9.10')).statusCode).toBe(401);
  });

  it('refuses a disabled account', async () => {
    await t.userClient({ roles: ['viewer'], login: 'xem.4' });
    await t.db.execute(sql`update app_user set status = 'disabled' where login = 'xem.4'`);
    const res = await login('xem.4', TEST_PASSWORD, '10.0.0.5');
    expect(res.statusCode).toBe(403);
  });
});

describe('sessions', () => {
  it('live in the database: a second instance serves the same session, logout ends it everywhere', async () => {
    const c = await t.userClient({ roles: ['viewer'], login: 'xem.5' });
    // On PostgreSQL the second instance has its own connection pool, as a second process would.
    const otherDb = t.database.kind === 'postgres' ? await openDatabase({ databaseUrl: (t.database as { url?: string }).url, poolSize: 2 }) : t.database;
    const second = await buildApp({ config: t.config, database: otherDb, db: otherDb.db });
    const res = await c.get('/api/auth/session');
    const cookie = c.cookie;
    const viaSecond = await second.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(viaSecond.statusCode).toBe(200);
    expect(viaSecond.json().user.login).toBe('xem.5');
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await second.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(401);
    await second.close();
    if (otherDb !== t.database) await otherDb.close();
  });

  it('expire when idle and at the absolute limit', async () => {
    const idle = await t.userClient({ roles: ['viewer'], login: 'xem.6' });
    await t.db.execute(
      sql`update session set last_seen_at = now() - make_interval(mins => ${t.config.session.idleMinutes + 1}) where user_id = ${idle.user.id}`,
    );
    expect((await idle.get('/api/auth/session')).statusCode).toBe(401);
    const old = await t.userClient({ roles: ['viewer'], login: 'xem.7' });
    await t.db.execute(sql`update session set expires_at = now() - interval '1 second' where user_id = ${old.user.id}`);
    expect((await old.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a write without the CSRF token or from another origin', async () => {
    const c = await t.userClient({ roles: ['system_admin'], login: 'qt.1' });
    const cookie = c.cookie;
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF');
    const crossSite = await c.post('/api/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200); // still signed in
  });

  it('changing one’s password ends the sessions and the old password stops working', async () => {
    const c = await t.userClient({ roles: ['viewer'], login: 'xem.8' });
    const wrong = await c.post('/api/auth/password', { currentPassword: 'sai-roi', newPassword: 'mat-khau-moi-456' });
    expect(wrong.statusCode).toBe(400);
    const ok = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-456' });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    expect((await login('xem.8', TEST_PASSWORD, '10.0.0.6')).statusCode).toBe(401);
    expect((await login('xem.8', 'mat-khau-moi-456', '10.0.0.6')).statusCode).toBe(200);
  });
});

describe('demo accounts', () => {
  it('are hidden unless demo mode is on', async () => {
    const res = await t.anon.get('/api/auth/demo-accounts');
    expect(res.json()).toEqual({ enabled: false, accounts: [] });
  });
});
