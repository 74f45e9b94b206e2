/**
 * Assessment cycles: the steering office opens a cycle on a published criteria set for a year, with its communes (all
 * under a unit, or a list such as those registered for a level), deadlines and the review chain as configuration
 * (commune → district → province, or commune → department in charge of each criterion → coordination office).
 */
import type { z } from 'zod';
import type { TargetLevel } from '../../contracts/plans.js';
import type { CreateCycleBody, Cycle, CycleTargetListRule, listCyclesQuery, listCyclesResponse, UpdateCycleBody } from '../../contracts/assessments.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import { decideCycle } from '../../domain/assessments/transitions.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import * as criteriaRepo from '../criteria/criteria.repo.js';
import * as targetsRepo from '../targets/targets.repo.js';
import { communesOfTargetList } from '../targets/targets.service.js';
import * as repo from './cycles.repo.js';

const CYCLE = 'Đợt đánh giá';

async function present(db: Db, actor: Actor, r: repo.CycleRow): Promise<Cycle> {
  const agencies = await repo.findAgencyRefs(db, [...new Set(Object.values(r.criterion_agencies))]);
  const manage = can(actor, 'cycle.manage') && (r.scope_unit_id === null || (await allUnitsInScope(db, actor, [r.scope_unit_id])));
  return {
    id: r.id,
    name: r.name,
    year: r.year,
    set: { id: r.set_id, code: r.set_code, name: r.set_name, version: r.set_version, level: r.set_level, isDemo: r.set_is_demo },
    scopeUnit: r.scope_unit_id ? presentUnitRef(r) : null,
    targetList: r.target_list_id ? { id: r.target_list_id, title: r.tl_title ?? '', documentNo: r.tl_document_no, year: r.tl_year ?? r.year } : null,
    deadlines: { submit: r.deadlines.submit ?? null, steps: r.deadlines.steps ?? {} },
    reviewChain: r.review_chain.map((s) => ({ ...s, agencyId: s.agencyId ?? null })),
    criterionAgencies: Object.fromEntries(
      Object.entries(r.criterion_agencies).flatMap(([k, v]) => {
        const a = agencies.get(v);
        return a ? [[k, a] as const] : [];
      }),
    ),
    status: r.status,
    closeReason: r.close_reason,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    version: r.version,
    isDemo: r.is_demo,
    counts: { communes: r.n_communes, draft: r.n_draft, inReview: r.n_in_review, returned: r.n_returned, appraised: r.n_appraised },
    createdAt: new Date(r.created_at).toISOString(),
    abilities: { canUpdate: manage && r.status === 'open', canClose: manage && r.status === 'open' },
  };
}

export async function listCycles(db: Db, ctx: RequestCtx, q: z.infer<typeof listCyclesQuery>): Promise<z.infer<typeof listCyclesResponse>> {
  authorize(ctx.actor, 'cycle.read');
  const { rows, total } = await repo.listCycles(db, ctx.actor, q);
  const items: Cycle[] = [];
  for (const r of rows) items.push(await present(db, ctx.actor, r));
  return { items, total };
}

async function loadVisible(db: Db, actor: Actor, id: string): Promise<repo.CycleRow> {
  const row = await repo.findCycle(db, id);
  if (!row || !(await repo.isVisibleTo(db, actor, id))) throw notFound(CYCLE);
  return row;
}

export async function getCycle(db: Db, ctx: RequestCtx, id: string): Promise<Cycle> {
  authorize(ctx.actor, 'cycle.read');
  return present(db, ctx.actor, await loadVisible(db, ctx.actor, id));
}

/** Problems of a review chain and its routing, in Vietnamese. */
function chainProblems(body: Pick<CreateCycleBody, 'reviewChain' | 'criterionAgencies'>, criteria: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const keys = body.reviewChain.map((s) => s.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) problems.push({ path: `reviewChain.${i}.key`, message: `Mã bước "${k}" bị trùng` });
  });
  body.reviewChain.forEach((s, i) => {
    if (s.routing === 'agency' && !s.agencyId) problems.push({ path: `reviewChain.${i}.agencyId`, message: 'Bước do một cơ quan thẩm định cần chọn cơ quan' });
  });
  const unknown = Object.keys(body.criterionAgencies).filter((n) => !criteria.includes(n));
  if (unknown.length) problems.push({ path: 'criterionAgencies', message: `Không có tiêu chí số ${unknown.join(', ')} trong bộ tiêu chí` });
  if (body.reviewChain.some((s) => s.routing === 'per_criterion_agency')) {
    const missing = criteria.filter((n) => !body.criterionAgencies[n]);
    if (missing.length) problems.push({ path: 'criterionAgencies', message: `Chưa phân công cơ quan phụ trách tiêu chí số ${missing.join(', ')}` });
  }
  return problems;
}

const listRefused = (rule: CycleTargetListRule, path: string, message: string) =>
  rule === 'TARGET_LIST_OUT_OF_SCOPE' ? new AppError('FORBIDDEN', message, { rule }) : new AppError('VALIDATION', message, { rule, fields: [{ path, message }] });

/**
 * The communes of a target list a cycle of `year` may take (inside the mutation, the list row locked so it cannot be
 * reopened meanwhile): the list must exist, have its province in the actor's scope, be adopted and be of the cycle's
 * year — its communes are those in force on 31 December of its year, the date the cycle's communes are checked on.
 */
async function communesOfAdoptedList(tx: Db, actor: Actor, listId: string, year: number, path: string, level?: TargetLevel) {
  const list = await targetsRepo.lockList(tx, listId);
  if (!list) throw listRefused('TARGET_LIST_NOT_FOUND', path, 'Danh sách đăng ký đạt chuẩn không tồn tại');
  if (!(await allUnitsInScope(tx, actor, [list.province_unit_id]))) {
    throw listRefused('TARGET_LIST_OUT_OF_SCOPE', path, 'Danh sách đăng ký đạt chuẩn thuộc tỉnh nằm ngoài phạm vi của bạn');
  }
  if (list.status !== 'adopted') throw listRefused('TARGET_LIST_NOT_ADOPTED', path, 'Chỉ dùng được danh sách đăng ký đạt chuẩn đã ban hành');
  if (list.year !== year) {
    throw listRefused('TARGET_LIST_YEAR_MISMATCH', path, `Danh sách đăng ký là của năm ${list.year}, đợt đánh giá là năm ${year}`);
  }
  const unitIds = (await communesOfTargetList(tx, listId)).filter((c) => !level || c.targetLevel === level).map((c) => c.unitId);
  return { list, unitIds };
}

/** Open a cycle: one assessment per commune and one row per indicator, in one transaction. */
export async function createCycle(db: Db, ctx: RequestCtx, body: CreateCycleBody): Promise<Cycle> {
  authorize(ctx.actor, 'cycle.manage');
  const actor = ctx.actor;
  const spec = body.communes;
  if (spec.kind !== 'target_list' && !(await allUnitsInScope(db, actor, [spec.withinUnitId]))) throw forbidden('Đơn vị của đợt đánh giá nằm ngoài phạm vi của bạn');
  const set = await criteriaRepo.findSetWithDefinition(db, body.setId);
  if (!set) throw invalid([{ path: 'setId', message: 'Bộ tiêu chí không tồn tại' }]);
  if (set.status !== 'published') throw invalid([{ path: 'setId', message: 'Chỉ mở đợt đánh giá trên bộ tiêu chí đã ban hành' }]);
  const problems = chainProblems(body, set.definition.criteria.map((c) => c.number));
  const agencyIds = [...new Set([...Object.values(body.criterionAgencies), ...body.reviewChain.flatMap((s) => (s.agencyId ? [s.agencyId] : []))])];
  const agencies = await repo.findAgencyRefs(db, agencyIds);
  if (agencies.size !== agencyIds.length) problems.push({ path: 'criterionAgencies', message: 'Có cơ quan không tồn tại' });
  if (problems.length) throw invalid(problems);
  const date = `${body.year}-12-31`;
  const id = await mutate(db, ctx, async (tx) => {
    let within: string;
    let targetListId: string | null = null;
    let communes: string[];
    if (spec.kind === 'target_list') {
      const { list, unitIds } = await communesOfAdoptedList(tx, actor, spec.listId, body.year, 'communes.listId', spec.targetLevel);
      within = list.province_unit_id;
      targetListId = list.id;
      communes = unitIds.length ? await repo.communesUnder(tx, within, date, unitIds) : [];
      if (communes.length !== unitIds.length) throw invalid([{ path: 'communes.listId', message: 'Danh sách có đơn vị không phải xã thuộc tỉnh trong năm đánh giá' }]);
      if (communes.length === 0) throw invalid([{ path: 'communes.targetLevel', message: 'Danh sách không có xã nào đăng ký mức đạt chuẩn đã chọn' }]);
    } else {
      within = spec.withinUnitId;
      communes = spec.kind === 'all' ? await repo.communesUnder(tx, within, date) : await repo.communesUnder(tx, within, date, spec.unitIds);
      if (spec.kind === 'units' && communes.length !== new Set(spec.unitIds).size) {
        throw invalid([{ path: 'communes.unitIds', message: 'Có đơn vị không phải xã thuộc địa bàn trong năm đánh giá' }]);
      }
    }
    if (communes.length === 0) throw invalid([{ path: 'communes', message: 'Không có xã nào thuộc địa bàn trong năm đánh giá' }]);
    const cycleId = await repo.insertCycle(tx, {
      setId: body.setId,
      year: body.year,
      name: body.name,
      scopeUnitId: within,
      targetListId,
      deadlines: body.deadlines,
      reviewChain: body.reviewChain,
      criterionAgencies: body.criterionAgencies,
      createdBy: actor.id,
    });
    const rows = await repo.createAssessments(tx, cycleId, communes, false);
    await recordAudit(tx, ctx, {
      action: 'cycle.create',
      entityType: 'assessment_cycle',
      entityId: cycleId,
      unitId: within,
      after: { ...body, communes: communes.length, indicatorRows: rows, ...(targetListId ? { targetListId } : {}) },
    });
    return cycleId;
  });
  return getCycle(db, ctx, id);
}

/**
 * Edit an open cycle — name, deadlines, criterion routing, communes (add: valid in the year under the cycle's unit;
 * take out: only forms never submitted and with nothing entered) — and/or close it with a reason. The cycle's own
 * transition table (domain `decideCycle`) decides; a closed cycle is read-only. One transaction, one audit record.
 */
export async function updateCycle(db: Db, ctx: RequestCtx, id: string, body: UpdateCycleBody): Promise<Cycle> {
  authorize(ctx.actor, 'cycle.manage');
  const actor = ctx.actor;
  const close = body.status === 'closed';
  const add = [...new Set(body.addUnitIds ?? [])];
  const remove = [...new Set(body.removeUnitIds ?? [])];
  if (add.some((u) => remove.includes(u))) throw invalid([{ path: 'removeUnitIds', message: 'Một xã không thể vừa thêm vừa bỏ khỏi đợt' }]);
  const fromList = body.addTargetListId;
  if (body.addTargetLevel && !fromList) throw invalid([{ path: 'addTargetLevel', message: 'Chỉ chọn cấp độ khi thêm xã từ một danh sách đăng ký' }]);
  const edits =
    body.name !== undefined || body.deadlines !== undefined || body.criterionAgencies !== undefined || add.length > 0 || remove.length > 0 || fromList !== undefined;
  await mutate(db, ctx, async (tx) => {
    const row = await loadVisible(tx, actor, id);
    if (row.scope_unit_id && !(await allUnitsInScope(tx, actor, [row.scope_unit_id]))) throw notFound(CYCLE);
    const d = decideCycle(row.status, { edits, close, reason: body.closeReason });
    if (!d.ok) {
      if (d.error === 'VALIDATION') throw invalid([{ path: close ? 'closeReason' : 'name', message: d.message }], d.message);
      throw new AppError('INVALID_TRANSITION', d.message);
    }
    if (row.version !== body.expectedVersion) throw conflict('Đợt đánh giá vừa được người khác cập nhật; vui lòng tải lại', { currentVersion: row.version });
    if (body.criterionAgencies) {
      const set = await criteriaRepo.findSetWithDefinition(tx, row.set_id);
      const problems = chainProblems({ reviewChain: row.review_chain, criterionAgencies: body.criterionAgencies }, set?.definition.criteria.map((c) => c.number) ?? []);
      const ids = [...new Set(Object.values(body.criterionAgencies))];
      if ((await repo.findAgencyRefs(tx, ids)).size !== ids.length) problems.push({ path: 'criterionAgencies', message: 'Có cơ quan không tồn tại' });
      if (problems.length) throw invalid(problems);
    }
    const communes = { added: 0, removed: [] as string[] };
    if (fromList) {
      const { unitIds } = await communesOfAdoptedList(tx, actor, fromList, row.year, 'addTargetListId', body.addTargetLevel);
      const inRemove = unitIds.filter((u) => remove.includes(u));
      if (inRemove.length) throw invalid([{ path: 'removeUnitIds', message: 'Một xã không thể vừa thêm vừa bỏ khỏi đợt' }]);
      for (const u of unitIds) if (!add.includes(u)) add.push(u);
    }
    if (add.length) {
      const already = new Set((await repo.membersAmong(tx, id, add)).map((m) => m.unit_id));
      const fresh = add.filter((u) => !already.has(u));
      // Every commune already in the cycle (e.g. a list added twice): nothing to check, and `in ()` is not SQL.
      const valid = row.scope_unit_id && fresh.length ? await repo.communesUnder(tx, row.scope_unit_id, `${row.year}-12-31`, fresh) : [];
      if (valid.length !== fresh.length) {
        const path = fromList ? 'addTargetListId' : 'addUnitIds';
        throw invalid([{ path, message: 'Có đơn vị không phải xã thuộc địa bàn của đợt trong năm đánh giá' }]);
      }
      if (fresh.length) await repo.createAssessments(tx, id, fresh, row.is_demo);
      communes.added = fresh.length;
    }
    if (remove.length) {
      const members = await repo.membersAmong(tx, id, remove);
      if (members.length !== remove.length) throw invalid([{ path: 'removeUnitIds', message: 'Có xã không thuộc đợt đánh giá này' }]);
      const busy = members.filter((m) => m.status !== 'draft' || m.n_filled > 0);
      if (busy.length) {
        throw new AppError('INVALID_TRANSITION', `Không bỏ được ${busy.map((m) => m.unit_name).join(', ')} khỏi đợt: xã đã nhập số liệu hoặc đã gửi hồ sơ`);
      }
      if ((await repo.deleteDraftAssessments(tx, members.map((m) => m.assessment_id))) !== members.length) throw conflict('Hồ sơ của xã vừa thay đổi; vui lòng tải lại');
      communes.removed = members.map((m) => m.unit_name);
    }
    const ok = await repo.updateCycle(tx, id, body.expectedVersion, {
      name: body.name,
      deadlines: body.deadlines,
      criterionAgencies: body.criterionAgencies,
      close: close ? { reason: body.closeReason!.trim(), by: actor.id } : undefined,
      targetListId: fromList,
    });
    if (!ok) throw conflict('Đợt đánh giá vừa được người khác cập nhật; vui lòng tải lại');
    await recordAudit(tx, ctx, {
      action: close ? 'cycle.close' : 'cycle.update',
      entityType: 'assessment_cycle',
      entityId: id,
      unitId: row.scope_unit_id,
      before: { name: row.name, deadlines: row.deadlines, criterionAgencies: row.criterion_agencies, status: row.status, version: row.version, communes: row.n_communes },
      after: {
        name: body.name,
        deadlines: body.deadlines,
        criterionAgencies: body.criterionAgencies,
        communesAdded: communes.added,
        communesRemoved: communes.removed,
        ...(fromList ? { addTargetListId: fromList, addTargetLevel: body.addTargetLevel ?? null } : {}),
        status: d.next,
        ...(close ? { closeReason: body.closeReason!.trim() } : {}),
        version: row.version + 1,
      },
    });
  });
  return getCycle(db, ctx, id);
}
