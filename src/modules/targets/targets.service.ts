/**
 * Province target lists (danh sách xã đăng ký đạt chuẩn trong năm): the steering office draws up a list for a year
 * (document number and date, e.g. "Kế hoạch 239/KH-BCĐ"), adds the communes that exist on 31 December of that year
 * with the level each aims at, and adopts it. Each row shows the criteria met and missing, the helper agency, open
 * obstacles, the last visit and the at-risk verdict with its reasons (domain/plans/at-risk.ts).
 * `targetProgress` is the stable entry point for reports and dashboards.
 */
import type { z } from 'zod';
import type {
  AddTargetCommunesBody,
  CreateTargetListBody,
  GetTargetListQuery,
  ListTargetListsQuery,
  listTargetListsResponse,
  TargetListDetail,
  TargetRow,
  TransitionTargetListBody,
  UpdateTargetListBody,
  targetCandidatesQuery,
  targetCandidatesResponse,
} from '../../contracts/plans.js';
import { assessAtRisk, atRiskRuleVi, DEFAULT_AT_RISK_PARAMS, type AtRiskParams } from '../../domain/plans/at-risk.js';
import { taskProgress } from '../../domain/plans/progress.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import { unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { presentFile } from '../../platform/files/files.presenter.js';
import { findFiles } from '../../platform/files/files.repo.js';
import { loadAttachable } from '../../platform/files/files.service.js';
import { searchKey } from '../../platform/text.js';
import { mutate } from '../../platform/tx.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import { tasksOfPlans } from '../plans/plans.repo.js';
import * as repo from './targets.repo.js';
import { targetListAbilities } from './targets.policy.js';
import { presentList, presentStatus, presentTargetRow } from './targets.presenter.js';

const LIST = 'Danh sách xã mục tiêu';

async function provincesInScope(db: Db, actor: Actor, rows: ReadonlyArray<{ province_unit_id: string }>): Promise<Set<string>> {
  return unitIdsInScope(db, actor, rows.map((r) => r.province_unit_id));
}

export async function listTargetLists(db: Db, ctx: RequestCtx, q: ListTargetListsQuery): Promise<z.infer<typeof listTargetListsResponse>> {
  authorize(ctx.actor, 'targetList.read');
  const { rows, total } = await repo.listTargetLists(db, ctx.actor, q);
  const inScope = await provincesInScope(db, ctx.actor, rows);
  return { items: rows.map((r) => presentList(r, targetListAbilities(ctx.actor!, r, inScope.has(r.province_unit_id)))), total };
}

/** Rows with the at-risk verdict, computed from the facts the repository gathers (see the rule). */
async function buildRows(db: Db, actor: Actor, filter: { listIds?: readonly string[]; year?: number }, params: AtRiskParams): Promise<TargetRow[]> {
  const today = todayVN();
  const rows = await repo.progressRows(db, actor, filter, today);
  const planIds = rows.map((r) => r.plan_id).filter((x): x is string => x !== null);
  const tasks = await tasksOfPlans(db, planIds);
  const byPlan = new Map<string, typeof tasks>();
  for (const t of tasks) byPlan.set(t.plan_id, [...(byPlan.get(t.plan_id) ?? []), t]);
  return rows.map((r) => {
    const status = presentStatus(r);
    const factsAsOf = today < `${r.year}-12-31` ? today : `${r.year}-12-31`;
    const helpers = r.helpers === null ? 0 : (typeof r.helpers === 'string' ? (JSON.parse(r.helpers) as unknown[]) : r.helpers).length;
    const risk = assessAtRisk(
      {
        today,
        factsAsOf,
        targetYear: r.year,
        status,
        overdueObstacles: r.overdue_obstacles,
        maxDaysOverdue: r.max_days_overdue,
        helpers: helpers + (r.doc_helper_id ? 1 : 0),
        lastVisit: r.last_visit,
      },
      params,
    );
    const planTasks = r.plan_id ? (byPlan.get(r.plan_id) ?? []) : [];
    const progress = r.plan_id
      ? taskProgress(
          planTasks.map((t) => ({ status: t.status, deadline: t.deadline, estimatedCostVnd: t.estimated_cost_vnd === null ? null : Number(t.estimated_cost_vnd) })),
          today,
        )
      : null;
    return presentTargetRow(r, risk, progress);
  });
}

/**
 * The target-list rows of a year (or of one list) for the communes in the caller's scope, each with criteria met and
 * missing, helpers, obstacles, last visit, the annual plan's progress and the at-risk verdict with reasons.
 * Stable entry point for reports and dashboards: `targetProgress(db, ctx, { year, listId? })`.
 */
export async function targetProgress(db: Db, ctx: RequestCtx, q: { year: number; listId?: string }): Promise<TargetRow[]> {
  authorize(ctx.actor, 'targetList.read');
  return buildRows(db, ctx.actor, q.listId ? { listIds: [q.listId], year: q.year } : { year: q.year }, DEFAULT_AT_RISK_PARAMS);
}

export async function getTargetList(db: Db, ctx: RequestCtx, id: string, q: GetTargetListQuery = {}): Promise<TargetListDetail> {
  authorize(ctx.actor, 'targetList.read');
  const actor = ctx.actor;
  const list = await repo.findVisibleList(db, actor, id);
  if (!list) throw notFound(LIST);
  const inScope = await provincesInScope(db, actor, [list]);
  const all = await buildRows(db, actor, { listIds: [id] }, DEFAULT_AT_RISK_PARAMS);
  const key = q.q ? searchKey(q.q) : '';
  const rows = all.filter(
    (r) =>
      (q.atRisk === undefined || r.atRisk === q.atRisk) &&
      (q.level === undefined || r.targetLevel === q.level) &&
      (!key || searchKey(r.unit.name).includes(key) || r.unit.code === q.q),
  );
  const today = todayVN();
  const p = DEFAULT_AT_RISK_PARAMS;
  // The document belongs to the province: only those who can download it (province in scope) are shown it.
  const [file] = list.file_id && inScope.has(list.province_unit_id) ? await findFiles(db, [list.file_id]) : [];
  return {
    ...presentList(list, targetListAbilities(actor, list, inScope.has(list.province_unit_id))),
    file: file ? presentFile(file) : null,
    rows,
    rule: { text: atRiskRuleVi(p), daysPerCriterion: p.daysPerCriterion, noVisitDays: p.noVisitDays, today, factsAsOf: today < `${list.year}-12-31` ? today : `${list.year}-12-31` },
    totals: {
      communes: all.length,
      met: all.filter((r) => r.met).length,
      atRisk: all.filter((r) => r.atRisk).length,
      onTrack: all.filter((r) => !r.met && !r.atRisk).length,
    },
  };
}

/** The province must be a province unit in force on 31 December of the year, inside the actor's scope. */
async function checkProvince(db: Db, actor: Actor, provinceUnitId: string, year: number): Promise<void> {
  const p = await repo.findProvinceOn(db, provinceUnitId, `${year}-12-31`);
  if (!p) throw invalid([{ path: 'provinceUnitId', message: `Không phải một tỉnh còn hiệu lực vào ngày 31/12/${year}` }]);
  if ((await unitIdsInScope(db, actor, [provinceUnitId])).size === 0) throw forbidden('Tỉnh nằm ngoài phạm vi của bạn');
}

/** The plan document must be a file uploaded for the list's province (`POST /api/files?unitId=<province>`). */
async function checkDocument(tx: Db, fileId: string, provinceUnitId: string): Promise<void> {
  try {
    await loadAttachable(tx, [fileId], provinceUnitId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION') throw invalid([{ path: 'fileId', message: 'Tệp không tồn tại hoặc không thuộc tỉnh của danh sách' }]);
    throw e;
  }
}

export async function createTargetList(db: Db, ctx: RequestCtx, body: CreateTargetListBody): Promise<TargetListDetail> {
  authorize(ctx.actor, 'targetList.manage');
  const actor = ctx.actor;
  const id = await mutate(db, ctx, async (tx) => {
    await checkProvince(tx, actor, body.provinceUnitId, body.year);
    if (body.fileId) await checkDocument(tx, body.fileId, body.provinceUnitId);
    const v: repo.NewTargetList = {
      provinceUnitId: body.provinceUnitId,
      year: body.year,
      title: body.title,
      documentNo: body.documentNo ?? null,
      documentDate: body.documentDate ?? null,
      note: body.note ?? null,
      fileId: body.fileId ?? null,
      createdBy: actor.id,
    };
    const created = await repo.insertList(tx, v);
    await recordAudit(tx, ctx, { action: 'targetList.create', entityType: 'target_list', entityId: created, unitId: body.provinceUnitId, after: v });
    return created;
  });
  return getTargetList(db, ctx, id);
}

/** Lock the list, check the actor manages it, its status and the expected version. */
async function loadForChange(tx: Db, actor: Actor, id: string, expectedVersion: number, needStatus: 'draft' | 'adopted' | null) {
  const visible = await repo.findVisibleList(tx, actor, id);
  if (!visible) throw notFound(LIST);
  const list = await repo.lockList(tx, id);
  if (!list) throw notFound(LIST);
  if ((await unitIdsInScope(tx, actor, [list.province_unit_id])).size === 0) throw forbidden('Chỉ Văn phòng Điều phối của tỉnh quản lý danh sách này');
  if (list.row_version !== expectedVersion) {
    throw conflict('Danh sách vừa được người khác cập nhật; vui lòng tải lại', { currentVersion: list.row_version });
  }
  if (needStatus === 'draft' && list.status !== 'draft') {
    throw new AppError('INVALID_TRANSITION', 'Danh sách đã ban hành; hãy mở lại để sửa trước khi thay đổi');
  }
  return list;
}

export async function updateTargetList(db: Db, ctx: RequestCtx, id: string, body: UpdateTargetListBody): Promise<TargetListDetail> {
  authorize(ctx.actor, 'targetList.manage');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const list = await loadForChange(tx, actor, id, body.expectedVersion, 'draft');
    if (body.fileId) await checkDocument(tx, body.fileId, list.province_unit_id);
    const { expectedVersion, ...change } = body;
    if (!(await repo.updateList(tx, id, expectedVersion, change))) throw conflict('Danh sách vừa được người khác cập nhật; vui lòng tải lại');
    await recordAudit(tx, ctx, { action: 'targetList.update', entityType: 'target_list', entityId: id, unitId: list.province_unit_id, after: { ...change, version: expectedVersion + 1 } });
  });
  return getTargetList(db, ctx, id);
}

export async function transitionTargetList(db: Db, ctx: RequestCtx, id: string, body: TransitionTargetListBody): Promise<TargetListDetail> {
  authorize(ctx.actor, 'targetList.manage');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const list = await loadForChange(tx, actor, id, body.expectedVersion, null);
    if (body.action === 'adopt') {
      if (list.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'Danh sách đã được ban hành');
      const fields = [];
      if (!list.document_no) fields.push({ path: 'documentNo', message: 'Cần số hiệu văn bản trước khi ban hành' });
      if (!list.document_date) fields.push({ path: 'documentDate', message: 'Cần ngày ban hành văn bản' });
      if ((await repo.listedUnitIds(tx, id)).size === 0) fields.push({ path: 'communes', message: 'Danh sách chưa có xã nào' });
      if (fields.length) throw invalid(fields, 'Chưa đủ thông tin để ban hành danh sách');
    } else {
      if (list.status !== 'adopted') throw new AppError('INVALID_TRANSITION', 'Danh sách chưa được ban hành');
      if (!body.reason?.trim()) throw invalid([{ path: 'reason', message: 'Cần nêu lý do mở lại danh sách' }]);
    }
    const status = body.action === 'adopt' ? 'adopted' : 'draft';
    if (!(await repo.updateList(tx, id, body.expectedVersion, { status, adoptedBy: actor.id }))) throw conflict('Danh sách vừa được người khác cập nhật; vui lòng tải lại');
    await recordAudit(tx, ctx, {
      action: `targetList.${body.action}`,
      entityType: 'target_list',
      entityId: id,
      unitId: list.province_unit_id,
      before: { status: list.status, version: list.row_version },
      after: { status, reason: body.reason ?? null, version: list.row_version + 1 },
    });
  });
  return getTargetList(db, ctx, id);
}

export async function addTargetCommunes(db: Db, ctx: RequestCtx, id: string, body: AddTargetCommunesBody): Promise<TargetListDetail> {
  authorize(ctx.actor, 'targetList.manage');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const list = await loadForChange(tx, actor, id, body.expectedVersion, 'draft');
    const unitIds = body.items.map((i) => i.unitId);
    const dupes = unitIds.filter((u, i) => unitIds.indexOf(u) !== i);
    if (dupes.length) throw invalid([{ path: 'items', message: 'Một xã được chọn hai lần' }]);
    const date = `${list.year}-12-31`;
    const [valid, inScope, listed] = await Promise.all([
      repo.communesUnderOn(tx, list.province_unit_id, date, unitIds),
      unitIdsInScope(tx, actor, unitIds),
      repo.listedUnitIds(tx, id),
    ]);
    const fields = body.items.flatMap((item, i) => {
      if (!valid.has(item.unitId) || !inScope.has(item.unitId)) {
        return [{ path: `items.${i}.unitId`, message: `Không phải xã của tỉnh còn hiệu lực vào ngày 31/12/${list.year}` }];
      }
      if (listed.has(item.unitId)) return [{ path: `items.${i}.unitId`, message: 'Xã đã có trong danh sách' }];
      return [];
    });
    const helperIds = body.items.map((i) => i.helperAgencyId).filter((x): x is string => !!x);
    const agencies = await repo.existingAgencies(tx, helperIds);
    body.items.forEach((item, i) => {
      if (item.helperAgencyId && !agencies.has(item.helperAgencyId)) fields.push({ path: `items.${i}.helperAgencyId`, message: 'Cơ quan không tồn tại' });
    });
    if (fields.length) throw invalid(fields);
    const items = body.items.map((i) => ({ unitId: i.unitId, targetLevel: i.targetLevel, helperAgencyId: i.helperAgencyId ?? null, note: i.note ?? null }));
    await repo.insertCommunes(tx, id, items, actor.id);
    if (!(await repo.updateList(tx, id, body.expectedVersion, {}))) throw conflict('Danh sách vừa được người khác cập nhật; vui lòng tải lại');
    await recordAudit(tx, ctx, { action: 'targetList.addCommunes', entityType: 'target_list', entityId: id, unitId: list.province_unit_id, after: { items, version: list.row_version + 1 } });
  });
  return getTargetList(db, ctx, id);
}

export async function removeTargetCommune(db: Db, ctx: RequestCtx, id: string, unitId: string, expectedVersion: number): Promise<TargetListDetail> {
  authorize(ctx.actor, 'targetList.manage');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const list = await loadForChange(tx, actor, id, expectedVersion, 'draft');
    const removed = await repo.deleteCommune(tx, id, unitId);
    if (!removed) throw notFound('Xã trong danh sách');
    if (!(await repo.updateList(tx, id, expectedVersion, {}))) throw conflict('Danh sách vừa được người khác cập nhật; vui lòng tải lại');
    await recordAudit(tx, ctx, {
      action: 'targetList.removeCommune',
      entityType: 'target_list',
      entityId: id,
      unitId: list.province_unit_id,
      before: { unitId, ...removed },
      after: { version: list.row_version + 1 },
    });
  });
  return getTargetList(db, ctx, id);
}

export async function targetCandidates(db: Db, ctx: RequestCtx, id: string, q: z.infer<typeof targetCandidatesQuery>): Promise<z.infer<typeof targetCandidatesResponse>> {
  authorize(ctx.actor, 'targetList.read');
  const list = await repo.findVisibleList(db, ctx.actor, id);
  if (!list) throw notFound(LIST);
  const rows = await repo.candidates(db, ctx.actor, list, q);
  return { items: rows.map((r) => ({ unit: { ...presentUnitRef(r), parentName: r.parent_name }, inList: r.in_list, status: presentStatus(r) })) };
}

export { communesOfTargetList } from './targets.repo.js';
