/** SQL of sign-in: users by login, failure counters, attempts by address. */
import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/users.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';

export interface LoginUserRow {
  id: string;
  login: string;
  name: string;
  roles: Role[];
  agency_id: string | null;
  password_hash: string;
  status: 'active' | 'disabled';
  failed_attempts: number;
  locked_until: Date | null;
}

export async function findUserForLogin(db: Db, login: string): Promise<LoginUserRow | undefined> {
  return queryOne<LoginUserRow>(
    db,
    sql`select id, login, name, roles, agency_id, password_hash, status, failed_attempts, locked_until
        from app_user where login = ${login} for update`,
  );
}

/** Failed sign-ins from an address in the window (for the rate limit). */
export async function countRecentFailures(db: Db, ip: string, windowMinutes: number): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from login_attempt where ip = ${ip} and not success and at > now() - make_interval(mins => ${windowMinutes})`,
  );
  return row?.n ?? 0;
}

export async function recordAttempt(db: Db, ip: string, login: string, success: boolean): Promise<void> {
  await db.execute(sql`insert into login_attempt (ip, login, success) values (${ip}, ${login}, ${success})`);
}

export async function recordFailure(db: Db, id: string, failedAttempts: number, lockedUntil: Date | null): Promise<void> {
  await db.execute(sql`update app_user set failed_attempts = ${failedAttempts}, locked_until = ${lockedUntil} where id = ${id}`);
}

export async function recordSuccess(db: Db, id: string): Promise<void> {
  await db.execute(sql`update app_user set failed_attempts = 0, locked_until = null, last_login_at = now() where id = ${id}`);
}

export async function findAgencyName(db: Db, agencyId: string | null): Promise<string | null> {
  if (!agencyId) return null;
  return (await queryOne<{ name: string }>(db, sql`select name from agency where id = ${agencyId}`))?.name ?? null;
}

export async function findPasswordHash(db: Db, userId: string): Promise<string | undefined> {
  return (await queryOne<{ password_hash: string }>(db, sql`select password_hash from app_user where id = ${userId}`))?.password_hash;
}

export async function listDemoLogins(db: Db): Promise<string[]> {
  return (await queryRows<{ login: string }>(db, sql`select login from app_user where is_demo and status = 'active'`)).map((r) => r.login);
}

/** Forget old attempts (kept a day for the rate limit and for inspection). */
export async function purgeOldAttempts(db: Db): Promise<void> {
  await db.execute(sql`delete from login_attempt where at < now() - interval '1 day'`);
}

export async function updatePasswordHash(db: Db, userId: string, hash: string): Promise<void> {
  await db.execute(sql`update app_user set password_hash = ${hash} where id = ${userId}`);
}
