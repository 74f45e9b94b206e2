/**
 * Assignments: the steering office assigns an agency (or a steering committee's members) to help communes for a
 * period. Rows are never edited into something else: ending sets `valid_to`, replacing ends the row and starts a
 * new one linked by `replaces_id`, so the history stays.
 */
import type { z } from 'zod';
import type {
  Assignment,
  CreateAssignmentBody,
  EndAssignmentBody,
  ListAssignmentsQuery,
  ReplaceAssignmentBody,
  TeamMemberInput,
} from '../../contracts/assistance.js';
import type { createAssignmentResponse, listAssignmentsResponse } from '../../contracts/assistance.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import type { RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import type { Actor } from '../../platform/context.js';
import * as repo from './assignments.repo.js';
import { assignmentAbilities } from './assignments.policy.js';
import { presentAssignment } from './assignments.presenter.js';

/** Rows → contract objects with their teams (one query for all teams). */
async function present(db: Db, actor: Actor, rows: repo.AssignmentRow[]): Promise<Assignment[]> {
  const today = todayVN();
  const teams = await repo.findTeams(db, rows.map((r) => r.id));
  return rows.map((r) => presentAssignment(r, teams.filter((m) => m.assignment_id === r.id), today, assignmentAbilities(actor, r, today)));
}

/** Assignments of a commune (with its predecessors'), of an agency, or all in scope. */
export async function listAssignments(db: Db, ctx: RequestCtx, q: ListAssignmentsQuery): Promise<z.infer<typeof listAssignmentsResponse>> {
  authorize(ctx.actor, 'assignment.read');
  const { rows, total } = await repo.listAssignments(db, ctx.actor, q);
  return { items: await present(db, ctx.actor, rows), total };
}

async function loadVisible(db: Db, actor: Actor, id: string): Promise<repo.AssignmentRow> {
  const row = await repo.findAssignment(db, id);
  if (!row || !(await allUnitsInScope(db, actor, [row.unit_id]))) throw notFound('Phân công');
  return row;
}

export async function getAssignment(db: Db, ctx: RequestCtx, id: string): Promise<Assignment> {
  authorize(ctx.actor, 'assignment.read');
  const row = await loadVisible(db, ctx.actor, id);
  return (await present(db, ctx.actor, [row]))[0]!;
}

/** The agency must exist and be in force on the start date. */
async function checkAgency(db: Db, agencyId: string, validFrom: string): Promise<void> {
  const agency = await repo.findAgencyBrief(db, agencyId);
  if (!agency) throw invalid([{ path: 'agencyId', message: 'Cơ quan không tồn tại' }]);
  if ((agency.valid_to && agency.valid_to <= validFrom) || (agency.valid_from && agency.valid_from > validFrom)) {
    throw invalid([{ path: 'agencyId', message: `Cơ quan ${agency.name} không còn hoạt động vào ngày ${validFrom}` }]);
  }
}

/** A period inside the commune's life: the end defaults to the commune's end (a merger ends its help). */
function periodFor(unit: repo.UnitBrief, validFrom: string, validTo: string | null, path: string): string | null {
  if (unit.level !== 'commune') throw invalid([{ path, message: 'Chỉ phân công giúp đỡ đơn vị cấp xã' }]);
  if ((unit.valid_from && unit.valid_from > validFrom) || (unit.valid_to && unit.valid_to <= validFrom)) {
    throw invalid([{ path, message: `Xã không tồn tại vào ngày ${validFrom}` }]);
  }
  const end = validTo ?? unit.valid_to;
  if (end !== null && end <= validFrom) throw invalid([{ path: 'validTo', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
  if (end !== null && unit.valid_to !== null && end > unit.valid_to) {
    throw invalid([{ path: 'validTo', message: `Xã chấm dứt từ ${unit.valid_to}; phân công phải kết thúc trước đó` }]);
  }
  return end;
}

function teamAudit(team: readonly TeamMemberInput[]) {
  return team.map((m) => ({ userId: m.userId ?? null, name: m.name, role: m.role }));
}

/** Assign an agency to one or more communes (one row each). */
export async function createAssignments(db: Db, ctx: RequestCtx, body: CreateAssignmentBody): Promise<z.infer<typeof createAssignmentResponse>> {
  authorize(ctx.actor, 'assignment.manage');
  const actor = ctx.actor;
  const unitIds = [...new Set(body.unitIds)];
  const ids = await mutate(db, ctx, async (tx) => {
    if (!(await allUnitsInScope(tx, actor, unitIds))) throw forbidden('Có xã nằm ngoài phạm vi của bạn');
    await checkAgency(tx, body.agencyId, body.validFrom);
    const units = new Map((await repo.findUnitsBrief(tx, unitIds)).map((u) => [u.id, u]));
    const created: string[] = [];
    for (const [i, unitId] of unitIds.entries()) {
      const validTo = periodFor(units.get(unitId)!, body.validFrom, body.validTo ?? null, `unitIds.${i}`);
      const clash = await repo.findOverlap(tx, { agencyId: body.agencyId, unitId, validFrom: body.validFrom, validTo });
      if (clash) {
        throw conflict(`Cơ quan đã được phân công giúp xã này từ ${clash.valid_from}${clash.valid_to ? ` đến ${clash.valid_to}` : ''}`);
      }
      const v = {
        agencyId: body.agencyId,
        unitId,
        validFrom: body.validFrom,
        validTo,
        legalBasisDoc: body.legalBasisDoc,
        legalBasisDate: body.legalBasisDate,
        leaderName: body.leaderName,
        note: body.note ?? null,
        replacesId: null,
        createdBy: actor.id,
      };
      const id = await repo.insertAssignment(tx, v, body.team);
      await recordAudit(tx, ctx, { action: 'assignment.create', entityType: 'assignment', entityId: id, unitId, after: { ...v, team: teamAudit(body.team) } });
      created.push(id);
    }
    return created;
  });
  return { items: await present(db, actor, await repo.findAssignmentsByIds(db, ids)) };
}

/** End an assignment on a date; the row stays as history. */
export async function endAssignment(db: Db, ctx: RequestCtx, id: string, body: EndAssignmentBody): Promise<Assignment> {
  authorize(ctx.actor, 'assignment.manage');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const row = await loadVisible(tx, actor, id);
    const today = todayVN();
    if (row.valid_to !== null && row.valid_to <= today) throw new AppError('INVALID_TRANSITION', `Phân công đã kết thúc từ ${row.valid_to}`);
    if (body.validTo <= row.valid_from) throw invalid([{ path: 'validTo', message: `Ngày kết thúc phải sau ngày bắt đầu ${row.valid_from}` }]);
    if (row.valid_to !== null && body.validTo >= row.valid_to) {
      throw invalid([{ path: 'validTo', message: `Phân công đã có ngày kết thúc ${row.valid_to}` }]);
    }
    if (!(await repo.endAssignment(tx, id, row.valid_to, body.validTo))) throw conflict('Phân công vừa được người khác thay đổi; vui lòng tải lại');
    await recordAudit(tx, ctx, {
      action: 'assignment.end',
      entityType: 'assignment',
      entityId: id,
      unitId: row.unit_id,
      before: { validTo: row.valid_to },
      after: { validTo: body.validTo, note: body.note ?? null },
    });
  });
  return getAssignment(db, ctx, id);
}

/** End an assignment on `validFrom` and start its replacement then (new agency, leader, team or legal basis). */
export async function replaceAssignment(db: Db, ctx: RequestCtx, id: string, body: ReplaceAssignmentBody): Promise<Assignment> {
  authorize(ctx.actor, 'assignment.manage');
  const actor = ctx.actor;
  const newId = await mutate(db, ctx, async (tx) => {
    const row = await loadVisible(tx, actor, id);
    const today = todayVN();
    if (row.valid_to !== null && row.valid_to <= today) throw new AppError('INVALID_TRANSITION', `Phân công đã kết thúc từ ${row.valid_to}`);
    if (body.validFrom <= row.valid_from || (row.valid_to !== null && body.validFrom >= row.valid_to)) {
      throw invalid([{ path: 'validFrom', message: `Ngày thay thế phải nằm trong thời hạn phân công (sau ${row.valid_from})` }]);
    }
    const agencyId = body.agencyId ?? row.agency_id;
    await checkAgency(tx, agencyId, body.validFrom);
    const unit = (await repo.findUnitsBrief(tx, [row.unit_id]))[0]!;
    const validTo = periodFor(unit, body.validFrom, body.validTo === undefined ? row.valid_to : body.validTo, 'validFrom');
    const clash = await repo.findOverlap(tx, { agencyId, unitId: row.unit_id, validFrom: body.validFrom, validTo, exceptId: id });
    if (clash) throw conflict(`Cơ quan đã được phân công giúp xã này từ ${clash.valid_from}`);
    if (!(await repo.endAssignment(tx, id, row.valid_to, body.validFrom))) throw conflict('Phân công vừa được người khác thay đổi; vui lòng tải lại');
    const v = {
      agencyId,
      unitId: row.unit_id,
      validFrom: body.validFrom,
      validTo,
      legalBasisDoc: body.legalBasisDoc,
      legalBasisDate: body.legalBasisDate,
      leaderName: body.leaderName,
      note: body.note ?? null,
      replacesId: id,
      createdBy: actor.id,
    };
    const created = await repo.insertAssignment(tx, v, body.team);
    await recordAudit(tx, ctx, {
      action: 'assignment.replace',
      entityType: 'assignment',
      entityId: created,
      unitId: row.unit_id,
      before: { id, agencyId: row.agency_id, validTo: row.valid_to, leaderName: row.leader_name },
      after: { ...v, team: teamAudit(body.team) },
    });
    return created;
  });
  return getAssignment(db, ctx, newId);
}
