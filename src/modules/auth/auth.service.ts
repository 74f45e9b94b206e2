/** Sign-in with lockout and rate limit, sign-out, the current session, password change. */
import type { DemoAccounts, LoginBody, SessionInfo } from '../../contracts/auth.js';
import type { Config } from '../../config.js';
import { demoAccounts } from '../../seed/demo-users.js';
import { recordAudit } from '../../platform/audit.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { can } from '../../platform/auth/policy.js';
import { scopeUnits } from '../../platform/auth/scope.repo.js';
import { createSession, deleteSession, deleteUserSessions, type NewSession } from '../../platform/auth/session.repo.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { SessionState } from '../../platform/http/types.js';
import { mutate } from '../../platform/tx.js';
import * as repo from './auth.repo.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const IP_WINDOW_MINUTES = 15;
export const IP_MAX_FAILURES = 30;

const BAD_CREDENTIALS = 'Sai tên đăng nhập hoặc mật khẩu';

/**
 * Check credentials. Wrong passwords count towards a temporary lock of the account (unlocks by itself)
 * and towards a per-address limit; both live in the database so every instance sees them.
 */
export async function login(
  db: Db,
  config: Config,
  ctx: RequestCtx,
  body: LoginBody,
  userAgent: string | null,
): Promise<{ session: NewSession; info: SessionInfo }> {
  const ip = ctx.ip ?? 'unknown';
  if ((await repo.countRecentFailures(db, ip, IP_WINDOW_MINUTES)) >= IP_MAX_FAILURES) {
    throw new AppError('RATE_LIMITED', 'Quá nhiều lần đăng nhập sai từ địa chỉ này; vui lòng thử lại sau 15 phút', {
      retryAfterSec: IP_WINDOW_MINUTES * 60,
    });
  }
  const outcome = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const user = await repo.findUserForLogin(tx, body.login);
    if (!user) {
      await verifyPassword(body.password, await dummyHash);
      await repo.recordAttempt(tx, ip, body.login, false);
      return { kind: 'bad' as const };
    }
    const now = Date.now();
    if (user.locked_until && new Date(user.locked_until).getTime() > now) {
      await repo.recordAttempt(tx, ip, body.login, false);
      return { kind: 'locked' as const, until: new Date(user.locked_until) };
    }
    const ok = await verifyPassword(body.password, user.password_hash);
    const actorCtx: RequestCtx = { ...ctx, actor: { id: user.id, login: user.login, name: user.name, roles: user.roles, agencyId: user.agency_id } };
    if (!ok) {
      const failures = user.failed_attempts + 1;
      const lockedUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now + LOCK_MINUTES * 60_000) : null;
      await repo.recordFailure(tx, user.id, lockedUntil ? 0 : failures, lockedUntil);
      await repo.recordAttempt(tx, ip, body.login, false);
      await recordAudit(tx, actorCtx, {
        action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { failedAttempts: failures, lockedUntil: lockedUntil?.toISOString() ?? null },
      });
      return lockedUntil ? { kind: 'locked' as const, until: lockedUntil } : { kind: 'bad' as const };
    }
    if (user.status !== 'active') {
      await repo.recordAttempt(tx, ip, body.login, false);
      return { kind: 'disabled' as const };
    }
    await repo.recordSuccess(tx, user.id);
    await repo.recordAttempt(tx, ip, body.login, true);
    const session = await createSession(tx, user.id, config.session.maxHours, { ip: ctx.ip, userAgent });
    await recordAudit(tx, actorCtx, { action: 'auth.login', entityType: 'user', entityId: user.id });
    return { kind: 'ok' as const, session, actor: actorCtx.actor! };
  });
  switch (outcome.kind) {
    case 'bad':
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    case 'disabled':
      throw new AppError('FORBIDDEN', 'Tài khoản đã bị vô hiệu hóa; liên hệ quản trị viên');
    case 'locked': {
      const retryAfterSec = Math.max(1, Math.ceil((outcome.until.getTime() - Date.now()) / 1000));
      throw new AppError('ACCOUNT_LOCKED', 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần', {
        retryAfterSec,
        lockedUntil: outcome.until.toISOString(),
      });
    }
    case 'ok': {
      const state: SessionState = {
        tokenHash: '',
        csrfToken: outcome.session.csrfToken,
        expiresAt: outcome.session.expiresAt,
        actor: outcome.actor,
      };
      return { session: outcome.session, info: await sessionInfo(db, config, state) };
    }
  }
}

/** What the signed-in user is and may see. */
export async function sessionInfo(db: Db, config: Config, s: SessionState): Promise<SessionInfo> {
  const [agencyName, scope] = await Promise.all([repo.findAgencyName(db, s.actor.agencyId), scopeUnits(db, s.actor.id)]);
  return {
    user: { id: s.actor.id, login: s.actor.login, name: s.actor.name, roles: s.actor.roles, agencyName, scope },
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
    idleTimeoutSec: config.session.idleMinutes * 60,
    abilities: {
      nav: {
        units: can(s.actor, 'unit.read'),
        criteria: can(s.actor, 'criteria.read'),
        agencies: can(s.actor, 'agency.read'),
        users: can(s.actor, 'user.read'),
        audit: can(s.actor, 'audit.read'),
        assistance: can(s.actor, 'assignment.read'),
        inbox: can(s.actor, 'inbox.read'),
        signals: can(s.actor, 'signal.read'),
        assessments: can(s.actor, 'assessment.read'),
        maintenance: can(s.actor, 'maintenance.read'),
        dashboard: can(s.actor, 'dashboard.read'),
        reports: can(s.actor, 'report.read'),
        resources: can(s.actor, 'resource.read'),
        plans: can(s.actor, 'plan.read'),
        map: can(s.actor, 'map.read'),
      },
      create: {
        agency: can(s.actor, 'agency.create'),
        user: can(s.actor, 'user.create'),
        criteriaImport: can(s.actor, 'criteria.import'),
        // Whether the role may record these at all; each commune's own rules are checked on submit.
        assignment: can(s.actor, 'assignment.manage'),
        activity: can(s.actor, 'activity.create'),
        obstacle: can(s.actor, 'obstacle.create'),
        cycle: can(s.actor, 'cycle.manage'),
        targetList: can(s.actor, 'targetList.manage'),
        plan: can(s.actor, 'plan.edit'),
        valueImport: can(s.actor, 'valueImport.write'),
      },
    },
  };
}

export async function logout(db: Db, ctx: RequestCtx, s: SessionState): Promise<void> {
  await mutate(db, ctx, async (tx) => {
    await deleteSession(tx, s.tokenHash);
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: s.actor.id });
  });
}

/** Change one's own password; every other session of the user ends. */
export async function changePassword(db: Db, ctx: RequestCtx, s: SessionState, current: string, next: string): Promise<void> {
  const stored = await repo.findPasswordHash(db, s.actor.id);
  if (!stored || !(await verifyPassword(current, stored))) throw invalid([{ path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
  const hash = await hashPassword(next);
  await mutate(db, ctx, async (tx) => {
    await repo.updatePasswordHash(tx, s.actor.id, hash);
    await deleteUserSessions(tx, s.actor.id);
    await recordAudit(tx, ctx, { action: 'user.password.change', entityType: 'user', entityId: s.actor.id });
  });
}

/** Demo accounts for the login page: only in demo mode, only those that exist and are active. */
export async function listDemoAccounts(db: Db, config: Config): Promise<DemoAccounts> {
  if (!config.demo) return { enabled: false, accounts: [] };
  const present = new Set(await repo.listDemoLogins(db));
  return { enabled: true, accounts: demoAccounts.filter((a) => present.has(a.login)).map(({ scope: _s, ...a }) => a) };
}
