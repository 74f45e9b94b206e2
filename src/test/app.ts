/** Integration-test harness: the real app over a fresh database, signed-in clients, and factories. */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import type { Role } from '../contracts/users.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Database, Db } from '../platform/db/client.js';
import { queryOne, queryRows } from '../platform/db/query.js';
import { buildApp } from '../platform/http/app.js';
import type { App } from '../platform/http/types.js';
import { insertUser, replaceScope } from '../modules/users/users.repo.js';
import { openTestDatabase } from './db.js';

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | undefined;

export interface Client {
  user: { id: string; login: string };
  /** The session cookie header value ('' for anonymous). */
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  app: App;
  database: Database;
  db: Db;
  config: Config;
  anon: Client;
  /** Create a user with roles and scope (unit ids), sign in, and return a client. */
  userClient(opts: { roles: Role[]; scopeUnitIds?: string[]; agencyId?: string | null; login?: string }): Promise<Client>;
  /** The id of the unit with this code valid on the date. */
  unitId(code: string, asOf: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/** Build the app on a fresh copy of the template database. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const config = loadConfig({ MTQG_DEMO: 'false', MTQG_LOG_LEVEL: 'silent', ...env } as NodeJS.ProcessEnv);
  const app = await buildApp({ config, database, db: database.db });
  await app.ready();

  const makeClient = (cookie: string | null, csrf: string | null, user: Client['user']): Client => {
    const headers = (extra: Record<string, string> = {}) => ({
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...extra,
    });
    return {
      user,
      cookie: cookie ?? '',
      get: (url) => app.inject({ method: 'GET', url, headers: headers() }),
      post: (url, body, extra) =>
        app.inject({ method: 'POST', url, headers: headers(extra), ...(body === undefined ? {} : { payload: body as object }) }),
      patch: (url, body) => app.inject({ method: 'PATCH', url, headers: headers(), payload: body as object }),
      put: (url, body, extra) => app.inject({ method: 'PUT', url, headers: headers(extra), payload: body as object }),
      del: (url) => app.inject({ method: 'DELETE', url, headers: headers() }),
    };
  };

  const ctx: TestContext = {
    app,
    database,
    db: database.db,
    config,
    anon: makeClient(null, null, { id: '', login: '' }),
    async userClient(opts) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const login = opts.login ?? `u${++counter}.${opts.roles[0]}`.replace(/_/g, '-');
      const id = await insertUser(database.db, {
        login,
        name: `Người dùng ${login}`,
        email: null,
        agencyId: opts.agencyId ?? null,
        roles: opts.roles,
        passwordHash: await passwordHash,
      });
      await replaceScope(database.db, id, opts.scopeUnitIds ?? []);
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed for ${login}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return makeClient(cookie, (res.json() as { csrfToken: string }).csrfToken, { id, login });
    },
    async unitId(code, asOf) {
      const row = await queryOne<{ id: string }>(
        database.db,
        sql`select id from unit where code = ${code} and (valid_from is null or valid_from <= ${asOf}::date)
            and (valid_to is null or valid_to > ${asOf}::date)`,
      );
      if (!row) throw new Error(`no unit ${code} on ${asOf}`);
      return row.id;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return ctx;
}

/** A fingerprint of the data a refused request must not change (sessions and login attempts excluded). */
export async function dataFingerprint(db: Db): Promise<string> {
  const rows = await queryRows<{ t: string; h: string }>(
    db,
    sql`select 'audit' as t, count(*)::text || ':' || coalesce(max(seq), 0)::text as h from audit_event
        union all select 'unit', md5(coalesce(string_agg(id::text || coalesce(valid_to::text, '') || name, ',' order by id), '')) from unit
        union all select 'attr', md5(coalesce(string_agg(id::text || value::text || coalesce(valid_to::text, ''), ',' order by id), '')) from unit_attribute
        union all select 'agency', md5(coalesce(string_agg(id::text || name || coalesce(valid_to::text, ''), ',' order by id), '')) from agency
        union all select 'user', md5(coalesce(string_agg(id::text || login || name || status || array_to_string(roles, '|') || password_hash, ',' order by id), '')) from app_user
        union all select 'scope', md5(coalesce(string_agg(user_id::text || unit_id::text, ',' order by user_id, unit_id), '')) from user_scope
        union all select 'assignment', md5(coalesce(string_agg(id::text || coalesce(valid_to::text, ''), ',' order by id), '')) from assignment
        union all select 'activity', count(*)::text from activity
        union all select 'follow_up', md5(coalesce(string_agg(id::text || status, ',' order by id), '')) from follow_up
        union all select 'obstacle', md5(coalesce(string_agg(id::text || status || level || version::text, ',' order by id), '')) from obstacle
        union all select 'obstacle_event', count(*)::text from obstacle_event
        union all select 'stored_file', count(*)::text from stored_file
        union all select 'cycle', md5(coalesce(string_agg(id::text || version::text || status, ',' order by id), '')) from assessment_cycle
        union all select 'assessment', md5(coalesce(string_agg(id::text || status || version::text, ',' order by id), '')) from assessment
        union all select 'indicator_result', md5(coalesce(string_agg(id::text || version::text || state, ',' order by id), '')) from indicator_result
        union all select 'verdict', count(*)::text from verdict
        union all select 'result_evidence', count(*)::text from result_evidence
        union all select 'recognition', count(*)::text from recognition
        union all select 'resource_entry', md5(coalesce(string_agg(id::text || row_version::text, ',' order by id), '')) from resource_entry
        union all select 'resource_entry_file', count(*)::text from resource_entry_file
        union all select 'boundary_set', md5(coalesce(string_agg(id::text || is_active::text, ',' order by id), '')) from boundary_set
        union all select 'boundary_feature', count(*)::text from boundary_feature`,
  );
  return rows.map((r) => `${r.t}=${r.h}`).join(';');
}
