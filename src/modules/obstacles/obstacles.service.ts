/**
 * Obstacles (khó khăn, vướng mắc): raised by a commune or a help team on its behalf, handled by the level that must
 * resolve it, escalated up to the steering committee, resolved with an answer and a document, closed or reopened.
 * Every change goes through the pure transition table and a conditional update on status and version, with an
 * event in the thread and an audit record in the same transaction.
 */
import type { z } from 'zod';
import type {
  CreateObstacleBody,
  ListObstaclesQuery,
  listObstaclesResponse,
  ObstacleDetail,
  ObstacleLevel,
  ReplyObstacleBody,
  TransitionObstacleBody,
} from '../../contracts/assistance.js';
import { decide } from '../../domain/obstacles/transitions.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import { unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { loadAttachable } from '../../platform/files/files.service.js';
import { mutate } from '../../platform/tx.js';
import { findUnitsBrief, helpersOf, unitsHelpedBy } from '../assignments/assignments.repo.js';
import * as repo from './obstacles.repo.js';
import { canRaise, canReply, isOffice, obstacleAbilities, sidesOf, type ObstacleFacts } from './obstacles.policy.js';
import { presentEvent, presentObstacle } from './obstacles.presenter.js';

/** Scope and help facts for several obstacles in two queries. */
async function factsFor(db: Db, actor: Actor, rows: readonly repo.ObstacleRow[]): Promise<Map<string, ObstacleFacts>> {
  const unitIds = rows.map((r) => r.unit_id);
  const [inScope, helped] = await Promise.all([unitIdsInScope(db, actor, unitIds), unitsHelpedBy(db, actor.agencyId, unitIds, todayVN())]);
  return new Map(rows.map((r) => [r.id, { unitInScope: inScope.has(r.unit_id), agencyHelps: helped.has(r.unit_id) }]));
}

/** Present obstacles with their abilities (used by lists, the inbox and the signals). */
export async function presentObstacles(db: Db, actor: Actor, rows: repo.ObstacleRow[]) {
  const facts = await factsFor(db, actor, rows);
  return rows.map((r) => presentObstacle(r, obstacleAbilities(actor, r, facts.get(r.id)!)));
}

export async function listObstacles(db: Db, ctx: RequestCtx, q: ListObstaclesQuery): Promise<z.infer<typeof listObstaclesResponse>> {
  authorize(ctx.actor, 'obstacle.read');
  const { rows, total } = await repo.listObstacles(db, ctx.actor, q, todayVN());
  return { items: await presentObstacles(db, ctx.actor, rows), total };
}

/** Load an obstacle the actor may see (see obstacles.repo.ts `visibleObstacles`), else 404. */
async function loadVisible(db: Db, actor: Actor, id: string): Promise<{ row: repo.ObstacleRow; facts: ObstacleFacts }> {
  const row = await repo.findObstacle(db, id, todayVN());
  if (!row) throw notFound('Vướng mắc');
  const facts = (await factsFor(db, actor, [row])).get(row.id)!;
  if (!facts.unitInScope && !(await repo.isVisibleTo(db, actor, id))) throw notFound('Vướng mắc');
  return { row, facts };
}

export async function getObstacle(db: Db, ctx: RequestCtx, id: string): Promise<ObstacleDetail> {
  authorize(ctx.actor, 'obstacle.read');
  const { row, facts } = await loadVisible(db, ctx.actor, id);
  const [events, files] = await Promise.all([repo.findEvents(db, id), repo.findEventFiles(db, id)]);
  return {
    ...presentObstacle(row, obstacleAbilities(ctx.actor, row, facts)),
    events: events.map((e) => presentEvent(e, files.filter((f) => f.event_id === e.id))),
  };
}

/** Who takes an obstacle at a level when nobody is named: the commune's helper, or the steering committee. */
async function defaultAssignee(db: Db, level: ObstacleLevel, unitId: string, actor: Actor, agencyHelps: boolean): Promise<string | null> {
  const today = todayVN();
  if (level === 'agency') return agencyHelps ? actor.agencyId : ((await helpersOf(db, unitId, today))[0]?.id ?? null);
  if (level === 'steering_committee') return repo.findSteeringCommittee(db, unitId, today);
  return null;
}

export async function createObstacle(db: Db, ctx: RequestCtx, body: CreateObstacleBody): Promise<ObstacleDetail> {
  authorize(ctx.actor, 'obstacle.create');
  const actor = ctx.actor;
  const today = todayVN();
  const id = await mutate(db, ctx, async (tx) => {
    const [inScope, helped] = await Promise.all([unitIdsInScope(tx, actor, [body.unitId]), unitsHelpedBy(tx, actor.agencyId, [body.unitId], today)]);
    const facts = { unitInScope: inScope.has(body.unitId), agencyHelps: helped.has(body.unitId) };
    if (!facts.unitInScope) throw forbidden('Xã nằm ngoài phạm vi của bạn');
    if (!canRaise(actor, facts)) throw forbidden('Chỉ xã, tổ giúp đỡ của cơ quan được phân công hoặc Văn phòng Điều phối nêu vướng mắc cho xã này');
    const unit = (await findUnitsBrief(tx, [body.unitId]))[0]!;
    if (unit.level !== 'commune') throw invalid([{ path: 'unitId', message: 'Vướng mắc được nêu cho một xã' }]);
    await loadAttachable(tx, body.fileIds, body.unitId);
    // A commune officer speaks for the commune; anyone else raises it for their agency.
    const forCommune = actor.roles.includes('commune_officer') && !facts.agencyHelps && !isOffice(actor);
    const helpers = await helpersOf(tx, body.unitId, today);
    const level: ObstacleLevel = body.level ?? (facts.agencyHelps || helpers.length > 0 ? 'agency' : 'commune');
    const assigneeAgencyId =
      body.assigneeAgencyId !== undefined ? body.assigneeAgencyId : await defaultAssignee(tx, level, body.unitId, actor, facts.agencyHelps);
    const v: repo.NewObstacle = {
      unitId: body.unitId,
      raisedBy: actor.id,
      raisedByAgencyId: forCommune ? null : actor.agencyId,
      title: body.title,
      description: body.description,
      category: body.category,
      criteria: body.criteria,
      level,
      assigneeAgencyId,
      dueDate: body.dueDate ?? null,
    };
    const created = await repo.insertObstacle(tx, v);
    const e = { obstacleId: created, kind: 'create', text: null, fromStatus: null, toStatus: 'new', fromLevel: null, toLevel: level, assigneeAgencyId, actorId: actor.id } as const;
    await repo.insertEvent(tx, e, body.fileIds);
    await recordAudit(tx, ctx, { action: 'obstacle.create', entityType: 'obstacle', entityId: created, unitId: body.unitId, after: { ...v, fileIds: body.fileIds } });
    return created;
  });
  return getObstacle(db, ctx, id);
}

/** Apply one workflow action (accept, start, escalate, resolve, close, reopen). */
export async function transitionObstacle(db: Db, ctx: RequestCtx, id: string, body: TransitionObstacleBody): Promise<ObstacleDetail> {
  authorize(ctx.actor, 'obstacle.transition');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const { row, facts } = await loadVisible(tx, actor, id);
    if (row.version !== body.expectedVersion) {
      throw conflict('Vướng mắc vừa được người khác cập nhật; vui lòng tải lại', { currentVersion: row.version });
    }
    const text = body.text?.trim() || null;
    const d = decide({ status: row.status, level: row.level }, body.action, sidesOf(actor, row, facts), text);
    if (!d.ok) {
      if (d.error === 'FORBIDDEN') throw forbidden(d.message);
      if (d.error === 'VALIDATION') throw invalid([{ path: 'text', message: d.message }], d.message);
      throw new AppError('INVALID_TRANSITION', d.message);
    }
    await loadAttachable(tx, body.fileIds, row.unit_id);
    const escalate = body.action === 'escalate';
    const change: repo.TransitionChange = {
      status: d.next.status,
      level: d.next.level,
      assigneeAgencyId: escalate
        ? body.assigneeAgencyId !== undefined
          ? body.assigneeAgencyId
          : await defaultAssignee(tx, d.next.level, row.unit_id, actor, false)
        : row.assignee_agency_id,
      dueDate: body.dueDate !== undefined ? body.dueDate : row.due_date,
    };
    if (body.action === 'resolve') Object.assign(change, { answer: text, resolutionDoc: body.resolutionDoc ?? null, resolvedAt: 'now' });
    if (body.action === 'close') change.closedAt = 'now';
    if (body.action === 'reopen') Object.assign(change, { resolvedAt: 'clear', closedAt: 'clear' });
    if (!(await repo.applyTransition(tx, id, { status: row.status, version: row.version }, change))) {
      throw conflict('Vướng mắc vừa được người khác cập nhật; vui lòng tải lại');
    }
    await repo.insertEvent(
      tx,
      {
        obstacleId: id,
        kind: body.action,
        text,
        fromStatus: row.status,
        toStatus: change.status,
        fromLevel: row.level,
        toLevel: change.level,
        assigneeAgencyId: change.assigneeAgencyId,
        actorId: actor.id,
      },
      body.fileIds,
    );
    await recordAudit(tx, ctx, {
      action: `obstacle.${body.action}`,
      entityType: 'obstacle',
      entityId: id,
      unitId: row.unit_id,
      before: { status: row.status, level: row.level, assigneeAgencyId: row.assignee_agency_id, dueDate: row.due_date, version: row.version },
      after: { ...change, text, fileIds: body.fileIds, version: row.version + 1 },
    });
  });
  return getObstacle(db, ctx, id);
}

/** Write in the thread, with attachments. */
export async function replyObstacle(db: Db, ctx: RequestCtx, id: string, body: ReplyObstacleBody): Promise<ObstacleDetail> {
  authorize(ctx.actor, 'obstacle.reply');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const { row, facts } = await loadVisible(tx, actor, id);
    if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', 'Vướng mắc đã đóng; hãy mở lại trước khi trao đổi tiếp');
    if (!canReply(actor, row, facts)) throw forbidden('Bạn không tham gia xử lý vướng mắc này');
    await loadAttachable(tx, body.fileIds, row.unit_id);
    const e = { obstacleId: id, kind: 'comment', text: body.text, fromStatus: null, toStatus: null, fromLevel: null, toLevel: null, assigneeAgencyId: null, actorId: actor.id } as const;
    const eventId = await repo.insertEvent(tx, e, body.fileIds);
    await recordAudit(tx, ctx, { action: 'obstacle.comment', entityType: 'obstacle', entityId: id, unitId: row.unit_id, after: { eventId, text: body.text, fileIds: body.fileIds } });
  });
  return getObstacle(db, ctx, id);
}
