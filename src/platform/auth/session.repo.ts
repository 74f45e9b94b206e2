/** Sessions live in the database, so any number of server instances serve the same users. */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Role } from '../../contracts/users.js';
import type { Actor } from '../context.js';
import type { Db } from '../db/client.js';
import { preparedRows } from '../db/query.js';
import { session } from '../db/schema/index.js';

export const SESSION_COOKIE = 'mtqg_sid';

/** SHA-256 of a session token: the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Create a session for a user; returns the token for the cookie. */
export async function createSession(
  db: Db,
  userId: string,
  maxHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + maxHours * 3600_000);
  await db.insert(session).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  actor: Actor;
}

/**
 * Load a live session (not past its absolute expiry nor idle for too long) with its active user. Every signed-in
 * request runs it, so it is a named prepared statement (parsed and planned once per connection).
 */
export async function findLiveSession(db: Db, token: string, idleMinutes: number): Promise<LoadedSession | null> {
  const [row] = await preparedRows<{
    token_hash: string;
    csrf_token: string;
    expires_at: Date;
    last_seen_at: Date;
    user_id: string;
    login: string;
    name: string;
    roles: Role[];
    agency_id: string | null;
  }>(
    db,
    sql`select s.token_hash, s.csrf_token, s.expires_at, s.last_seen_at, u.id as user_id, u.login, u.name, u.roles, u.agency_id
        from session s join app_user u on u.id = s.user_id
        where s.token_hash = ${hashToken(token)} and s.expires_at > now()
          and s.last_seen_at > now() - make_interval(mins => ${idleMinutes}) and u.status = 'active'`,
  );
  if (!row) return null;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    actor: { id: row.user_id, login: row.login, name: row.name, roles: row.roles, agencyId: row.agency_id },
  };
}

/** Slide the idle window; written at most once a minute per session to keep reads cheap. */
export async function touchSession(db: Db, tokenHash: string): Promise<void> {
  await db.update(session).set({ lastSeenAt: new Date() }).where(eq(session.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

/** Remove expired sessions (called now and then, not on every request). */
export async function purgeExpiredSessions(db: Db, idleMinutes: number): Promise<void> {
  await db
    .delete(session)
    .where(
      or(
        lt(session.expiresAt, new Date()),
        lt(session.lastSeenAt, new Date(Date.now() - idleMinutes * 60_000)),
      ),
    );
}
