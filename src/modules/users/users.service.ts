/** User administration: create, edit roles and scope, disable, reset passwords — all within the actor's scope. */
import type { z } from 'zod';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody, User } from '../../contracts/users.js';
import type { listUsersResponse } from '../../contracts/users.js';
import { recordAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import { authorize } from '../../platform/auth/policy.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import { deleteUserSessions } from '../../platform/auth/session.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import * as repo from './users.repo.js';
import { assertMayGrant, userAbilities } from './users.policy.js';
import { presentUser } from './users.presenter.js';

export async function listUsers(db: Db, ctx: RequestCtx, q: ListUsersQuery): Promise<z.infer<typeof listUsersResponse>> {
  authorize(ctx.actor, 'user.read');
  const { rows, total } = await repo.listUsers(db, ctx.actor, q);
  const abilities = userAbilities(ctx.actor);
  return { items: rows.map((r) => presentUser(r, abilities)), total };
}

export async function getUser(db: Db, ctx: RequestCtx, id: string): Promise<User> {
  authorize(ctx.actor, 'user.read');
  const row = await repo.findManageableUser(db, ctx.actor, id);
  if (!row) throw notFound('Người dùng');
  return presentUser(row, userAbilities(ctx.actor));
}

/** Scope units and agency must lie inside the actor's own scope. */
async function assertWithinScope(tx: Db, actor: Actor, scopeUnitIds: readonly string[], agencyId: string | null | undefined) {
  if (!(await allUnitsInScope(tx, actor, scopeUnitIds)))
    throw forbidden('Có đơn vị không nằm trong phạm vi của bạn');
  if (agencyId) {
    const unitId = await repo.findAgencyUnit(tx, agencyId);
    if (!unitId || !(await allUnitsInScope(tx, actor, [unitId])))
      throw forbidden('Cơ quan không tồn tại hoặc ngoài phạm vi của bạn');
  }
}

/** A snapshot for the audit log (no secrets). */
function auditView(r: repo.UserRow) {
  return { login: r.login, name: r.name, email: r.email, agencyId: r.agency_id, roles: r.roles, status: r.status, scope: r.scope.map((s) => s.unitId) };
}

export async function createUser(db: Db, ctx: RequestCtx, body: CreateUserBody): Promise<User> {
  authorize(ctx.actor, 'user.create');
  const actor = ctx.actor;
  assertMayGrant(actor, body.roles);
  const passwordHash = await hashPassword(body.password);
  const id = await mutate(db, ctx, async (tx) => {
    await assertWithinScope(tx, actor, body.scopeUnitIds, body.agencyId);
    const newId = await repo.insertUser(tx, {
      login: body.login,
      name: body.name,
      email: body.email ?? null,
      agencyId: body.agencyId ?? null,
      roles: body.roles,
      passwordHash,
    });
    await repo.replaceScope(tx, newId, body.scopeUnitIds);
    const created = await repo.findManageableUser(tx, actor, newId);
    if (!created) throw invalid([{ path: 'scopeUnitIds', message: 'Người dùng mới phải nằm trong phạm vi của bạn' }]);
    await recordAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: newId, after: auditView(created) });
    return newId;
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'CONFLICT' && !ctx.idempotency)
      throw new AppError('CONFLICT', 'Tên đăng nhập đã được dùng', { fields: [{ path: 'login', message: 'Tên đăng nhập đã được dùng' }] });
    throw err;
  });
  return getUser(db, ctx, id);
}

export async function updateUser(db: Db, ctx: RequestCtx, id: string, body: UpdateUserBody): Promise<User> {
  authorize(ctx.actor, 'user.update');
  const actor = ctx.actor;
  if (body.roles) assertMayGrant(actor, body.roles);
  if (id === actor.id && body.status === 'disabled') throw invalid([{ path: 'status', message: 'Không thể tự khóa tài khoản của mình' }]);
  await mutate(db, ctx, async (tx) => {
    const before = await repo.findManageableUser(tx, actor, id);
    if (!before) throw notFound('Người dùng');
    await assertWithinScope(tx, actor, body.scopeUnitIds ?? [], body.agencyId);
    await repo.updateUser(tx, id, {
      name: body.name ?? before.name,
      email: body.email !== undefined ? body.email : before.email,
      agencyId: body.agencyId !== undefined ? body.agencyId : before.agency_id,
      roles: body.roles ?? before.roles,
      status: body.status ?? before.status,
    });
    if (body.scopeUnitIds) await repo.replaceScope(tx, id, body.scopeUnitIds);
    if (body.status === 'disabled') await deleteUserSessions(tx, id);
    const after = await repo.findManageableUser(tx, actor, id);
    if (!after) throw invalid([{ path: 'scopeUnitIds', message: 'Người dùng phải nằm trong phạm vi của bạn' }]);
    await recordAudit(tx, ctx, { action: 'user.update', entityType: 'user', entityId: id, before: auditView(before), after: auditView(after) });
  });
  return getUser(db, ctx, id);
}

export async function resetPassword(db: Db, ctx: RequestCtx, id: string, password: string): Promise<User> {
  authorize(ctx.actor, 'user.resetPassword');
  const actor = ctx.actor;
  const passwordHash = await hashPassword(password);
  await mutate(db, ctx, async (tx) => {
    const target = await repo.findManageableUser(tx, actor, id);
    if (!target) throw notFound('Người dùng');
    await repo.setPassword(tx, id, passwordHash);
    await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx, { action: 'user.password.reset', entityType: 'user', entityId: id, after: { login: target.login } });
  });
  return getUser(db, ctx, id);
}
