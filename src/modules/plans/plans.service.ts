/**
 * Commune plans: a phase plan (e.g. 2021–2025) or an annual plan, with the target level and year, the criteria the
 * commune plans to meet (each with its year) and the tasks to get there (responsible agency, deadline, estimated cost,
 * status, progress note). Progress is computed by domain/plans/progress.ts against today in Asia/Ho_Chi_Minh and the
 * latest assessment summary. An annual plan can start from last year's (its own or its predecessors'): the criteria
 * still missing and the open tasks are carried, marked as copied.
 */
import type { z } from 'zod';
import type {
  CopyPlanBody,
  CreatePlanBody,
  CreateTaskBody,
  ListPlansQuery,
  listPlansResponse,
  PlanDetail,
  PlansSummary,
  SetPlanCriteriaBody,
  TargetLevel,
  UpdatePlanBody,
  UpdateTaskBody,
} from '../../contracts/plans.js';
import { carryOver } from '../../domain/plans/carry.js';
import { criteriaProgress, taskProgress, type TaskFact } from '../../domain/plans/progress.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import { unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import { helpersOf, unitsHelpedBy } from '../assignments/assignments.repo.js';
import { presentStatus } from '../targets/targets.presenter.js';
import * as repo from './plans.repo.js';
import { canEditPlan, canEditTask, helpsAsAgency, planAbilities, type PlanFacts } from './plans.policy.js';
import { costOf, presentPlan, presentTask } from './plans.presenter.js';

const PLAN = 'Kế hoạch';
const STALE_PLAN = 'Kế hoạch vừa được người khác cập nhật; vui lòng tải lại';
const STALE_TASK = 'Nhiệm vụ vừa được người khác cập nhật; vui lòng tải lại';
const LEVEL_VI: Record<TargetLevel, string> = { ntm: 'nông thôn mới', advanced: 'nông thôn mới nâng cao', model: 'nông thôn mới kiểu mẫu' };

const active = (u: { unit_valid_to: string | null } | { valid_to: string | null }, today: string) => {
  const to = 'unit_valid_to' in u ? u.unit_valid_to : u.valid_to;
  return to === null || to > today;
};
const facts = (t: repo.TaskRow): TaskFact => ({ status: t.status, deadline: t.deadline, estimatedCostVnd: costOf(t.estimated_cost_vnd) });

async function factsFor(db: Db, actor: Actor, rows: readonly repo.PlanRow[], today: string): Promise<Map<string, PlanFacts>> {
  const helped = await unitsHelpedBy(db, actor.agencyId, rows.map((r) => r.unit_id), today);
  return new Map(rows.map((r) => [r.id, { unitActive: active(r, today), agencyHelps: helped.has(r.unit_id) }]));
}

export async function listPlans(db: Db, ctx: RequestCtx, q: ListPlansQuery): Promise<z.infer<typeof listPlansResponse>> {
  authorize(ctx.actor, 'plan.read');
  const today = todayVN();
  const { rows, total } = await repo.listPlans(db, ctx.actor, q);
  const [tasks, f] = await Promise.all([repo.tasksOfPlans(db, rows.map((r) => r.id)), factsFor(db, ctx.actor, rows, today)]);
  return {
    items: rows.map((r) => presentPlan(r, taskProgress(tasks.filter((t) => t.plan_id === r.id).map(facts), today), planAbilities(ctx.actor!, f.get(r.id)!))),
    total,
  };
}

async function loadVisible(db: Db, actor: Actor, id: string, today: string): Promise<{ plan: repo.PlanRow; f: PlanFacts }> {
  const plan = await repo.findVisiblePlan(db, actor, id);
  if (!plan) throw notFound(PLAN);
  return { plan, f: (await factsFor(db, actor, [plan], today)).get(plan.id)! };
}

export async function getPlan(db: Db, ctx: RequestCtx, id: string): Promise<PlanDetail> {
  authorize(ctx.actor, 'plan.read');
  const actor = ctx.actor;
  const today = todayVN();
  const { plan, f } = await loadVisible(db, actor, id, today);
  const [tasks, criteria, statuses, options, helpers] = await Promise.all([
    repo.tasksOfPlans(db, [id]),
    repo.criteriaOfPlans(db, [id]),
    repo.latestStatuses(db, [plan.unit_id], plan.target_level, plan.year_to),
    repo.criteriaOptions(db, plan.target_level, plan.year_from, plan.year_to),
    helpersOf(db, plan.unit_id, today),
  ]);
  const st = statuses.get(plan.unit_id);
  const status = st ? presentStatus(st) : null;
  const missing = status ? new Set(status.missing) : null;
  const names = new Map(options.map((o) => [o.number, o.name]));
  return {
    ...presentPlan(plan, taskProgress(tasks.map(facts), today), planAbilities(actor, f)),
    criteria: criteria.map((c) => ({
      criterionNumber: c.criterion_number,
      criterionName: names.get(c.criterion_number) ?? null,
      targetYear: c.target_year,
      note: c.note,
      copied: c.copied,
      current: missing === null ? 'unknown' : missing.has(c.criterion_number) ? 'not_met' : 'met',
    })),
    tasks: tasks.map((t) => presentTask(t, today, canEditTask(actor, f, t))),
    criteriaProgress: criteriaProgress(
      criteria.map((c) => ({ criterionNumber: c.criterion_number, targetYear: c.target_year })),
      status ? status.missing : null,
      Math.min(Math.max(Number(today.slice(0, 4)), plan.year_from), plan.year_to),
    ),
    latestStatus: status,
    criteriaOptions: options,
    helperAgencies: helpers,
  };
}

/** The commune must be in scope, a commune, in force during the whole period's end, and the actor its officer. */
async function checkCommuneForPlan(tx: Db, actor: Actor, unitId: string, yearFrom: number, yearTo: number, today: string) {
  const unit = await repo.findCommune(tx, unitId);
  if (!unit || (await unitIdsInScope(tx, actor, [unitId])).size === 0) throw notFound('Xã');
  if (unit.level !== 'commune') throw invalid([{ path: 'unitId', message: 'Kế hoạch được lập cho một xã' }]);
  if (!canEditPlan(actor, { unitActive: active(unit, today), agencyHelps: false })) throw forbidden('Chỉ cán bộ của xã (còn hiệu lực) lập kế hoạch của xã');
  const lives = (unit.valid_from === null || unit.valid_from <= `${yearTo}-12-31`) && (unit.valid_to === null || unit.valid_to > `${yearFrom}-01-01`);
  if (!lives) throw invalid([{ path: 'yearFrom', message: 'Xã không tồn tại trong thời kỳ của kế hoạch' }]);
  return unit;
}

const defaultTitle = (kind: 'phase' | 'annual', yearFrom: number, yearTo: number, level: TargetLevel, unitName: string) =>
  kind === 'annual' ? `Kế hoạch xây dựng xã ${LEVEL_VI[level]} năm ${yearFrom} — ${unitName}` : `Kế hoạch xây dựng xã ${LEVEL_VI[level]} giai đoạn ${yearFrom}–${yearTo} — ${unitName}`;

export async function createPlan(db: Db, ctx: RequestCtx, body: CreatePlanBody): Promise<PlanDetail> {
  authorize(ctx.actor, 'plan.edit');
  const actor = ctx.actor;
  const today = todayVN();
  const id = await mutate(db, ctx, async (tx) => {
    const unit = await checkCommuneForPlan(tx, actor, body.unitId, body.yearFrom, body.yearTo, today);
    if (body.targetYear < body.yearFrom) throw invalid([{ path: 'targetYear', message: 'Năm mục tiêu không được trước năm bắt đầu kế hoạch' }]);
    if (await repo.planExists(tx, body.unitId, body.kind, body.yearFrom, body.yearTo)) throw conflict('Xã đã có kế hoạch cho thời kỳ này');
    const v: repo.NewPlan = {
      unitId: body.unitId,
      kind: body.kind,
      yearFrom: body.yearFrom,
      yearTo: body.yearTo,
      title: body.title ?? defaultTitle(body.kind, body.yearFrom, body.yearTo, body.targetLevel, unit.name),
      targetLevel: body.targetLevel,
      targetYear: body.targetYear,
      note: body.note ?? null,
      copiedFromId: null,
      createdBy: actor.id,
    };
    const created = await repo.insertPlan(tx, v);
    await recordAudit(tx, ctx, { action: 'plan.create', entityType: 'commune_plan', entityId: created, unitId: body.unitId, after: v });
    return created;
  });
  return getPlan(db, ctx, id);
}

/** Create the annual plan of `year` from the annual plan(s) of `year − 1` (own or predecessors'). */
export async function copyPlan(db: Db, ctx: RequestCtx, body: CopyPlanBody): Promise<PlanDetail> {
  authorize(ctx.actor, 'plan.edit');
  const actor = ctx.actor;
  const today = todayVN();
  const id = await mutate(db, ctx, async (tx) => {
    const unit = await checkCommuneForPlan(tx, actor, body.unitId, body.year, body.year, today);
    if (await repo.planExists(tx, body.unitId, 'annual', body.year, body.year)) throw conflict(`Xã đã có kế hoạch năm ${body.year}`);
    const previous = await repo.annualPlansOf(tx, body.unitId, body.year - 1);
    if (previous.length === 0) throw new AppError('NOT_FOUND', `Chưa có kế hoạch năm ${body.year - 1} của xã (hoặc các xã cũ hợp thành) để sao chép`);
    const [criteria, tasks] = await Promise.all([repo.criteriaOfPlans(tx, previous.map((p) => p.id)), repo.tasksOfPlans(tx, previous.map((p) => p.id))]);
    const carriedCriteria = [];
    const carriedTasks = [];
    for (const p of previous) {
      const st = (await repo.latestStatuses(tx, [p.unit_id], p.target_level, body.year)).get(p.unit_id);
      const status = st ? presentStatus(st) : null;
      const out = carryOver(
        criteria.filter((c) => c.plan_id === p.id).map((c) => ({ criterionNumber: c.criterion_number, targetYear: c.target_year, note: c.note })),
        tasks
          .filter((t) => t.plan_id === p.id)
          .map((t) => ({
            id: t.id,
            criterionNumber: t.criterion_number,
            title: t.title,
            responsibleAgencyId: t.responsible_agency_id,
            responsibleName: t.responsible_name,
            deadline: t.deadline,
            estimatedCostVnd: costOf(t.estimated_cost_vnd),
            status: t.status,
            progressNote: t.progress_note,
          })),
        status ? status.missing : null,
        body.year,
      );
      carriedCriteria.push(...out.criteria);
      carriedTasks.push(...out.tasks);
    }
    const merged = carryOver(carriedCriteria, [], null, body.year).criteria;
    const first = previous[0]!;
    const v: repo.NewPlan = {
      unitId: body.unitId,
      kind: 'annual',
      yearFrom: body.year,
      yearTo: body.year,
      title: defaultTitle('annual', body.year, body.year, first.target_level, unit.name),
      targetLevel: first.target_level,
      targetYear: Math.max(first.target_year, body.year),
      note: null,
      copiedFromId: first.id,
      createdBy: actor.id,
    };
    const created = await repo.insertPlan(tx, v);
    await repo.replaceCriteria(tx, created, merged.map((c) => ({ ...c, copied: true })));
    await repo.insertTasks(tx, created, carriedTasks, actor.id);
    await recordAudit(tx, ctx, {
      action: 'plan.copy',
      entityType: 'commune_plan',
      entityId: created,
      unitId: body.unitId,
      after: { ...v, from: previous.map((p) => p.id), criteria: merged.map((c) => c.criterionNumber), tasks: carriedTasks.map((t) => t.copiedFromTaskId) },
    });
    return created;
  });
  return getPlan(db, ctx, id);
}

/** Lock the plan and check the actor may write it (the commune's own officers) at the expected version. */
async function loadForEdit(tx: Db, actor: Actor, id: string, today: string, expectedVersion: number) {
  const { plan, f } = await loadVisible(tx, actor, id, today);
  const locked = await repo.lockPlan(tx, id);
  if (!locked) throw notFound(PLAN);
  if (!canEditPlan(actor, f)) throw forbidden('Chỉ cán bộ của xã sửa kế hoạch của xã');
  if (locked.row_version !== expectedVersion) throw conflict(STALE_PLAN, { currentVersion: locked.row_version });
  return { ...plan, row_version: locked.row_version };
}

export async function updatePlan(db: Db, ctx: RequestCtx, id: string, body: UpdatePlanBody): Promise<PlanDetail> {
  authorize(ctx.actor, 'plan.edit');
  const actor = ctx.actor;
  const today = todayVN();
  await mutate(db, ctx, async (tx) => {
    const plan = await loadForEdit(tx, actor, id, today, body.expectedVersion);
    if (body.targetYear !== undefined && body.targetYear < plan.year_from) throw invalid([{ path: 'targetYear', message: 'Năm mục tiêu không được trước năm bắt đầu kế hoạch' }]);
    const { expectedVersion, ...change } = body;
    if (!(await repo.updatePlan(tx, id, expectedVersion, change))) throw conflict(STALE_PLAN);
    await recordAudit(tx, ctx, {
      action: 'plan.update',
      entityType: 'commune_plan',
      entityId: id,
      unitId: plan.unit_id,
      before: { title: plan.title, targetLevel: plan.target_level, targetYear: plan.target_year, status: plan.status, note: plan.note, version: plan.row_version },
      after: { ...change, version: plan.row_version + 1 },
    });
  });
  return getPlan(db, ctx, id);
}

async function checkCriterionNumbers(tx: Db, plan: repo.PlanRow, numbers: ReadonlyArray<string | null | undefined>, path: (i: number) => string): Promise<void> {
  const options = await repo.criteriaOptions(tx, plan.target_level, plan.year_from, plan.year_to);
  if (options.length === 0) return; // no national set for the period: numbers cannot be checked
  const known = new Set(options.map((o) => o.number));
  const bad = numbers.flatMap((n, i) => (n && !known.has(n) ? [{ path: path(i), message: `Không có tiêu chí số ${n} trong bộ tiêu chí` }] : []));
  if (bad.length) throw invalid(bad);
}

export async function setPlanCriteria(db: Db, ctx: RequestCtx, id: string, body: SetPlanCriteriaBody): Promise<PlanDetail> {
  authorize(ctx.actor, 'plan.edit');
  const actor = ctx.actor;
  const today = todayVN();
  await mutate(db, ctx, async (tx) => {
    const plan = await loadForEdit(tx, actor, id, today, body.expectedVersion);
    const numbers = body.items.map((i) => i.criterionNumber);
    if (new Set(numbers).size !== numbers.length) throw invalid([{ path: 'items', message: 'Một tiêu chí được chọn hai lần' }]);
    await checkCriterionNumbers(tx, plan, numbers, (i) => `items.${i}.criterionNumber`);
    const before = await repo.criteriaOfPlans(tx, [id]);
    const copied = new Map(before.map((c) => [c.criterion_number, c.copied]));
    const items = body.items.map((i) => ({ criterionNumber: i.criterionNumber, targetYear: i.targetYear, note: i.note ?? null, copied: copied.get(i.criterionNumber) ?? false }));
    await repo.replaceCriteria(tx, id, items);
    if (!(await repo.updatePlan(tx, id, body.expectedVersion, {}))) throw conflict(STALE_PLAN);
    await recordAudit(tx, ctx, {
      action: 'plan.criteria',
      entityType: 'commune_plan',
      entityId: id,
      unitId: plan.unit_id,
      before: before.map((c) => ({ criterionNumber: c.criterion_number, targetYear: c.target_year, note: c.note })),
      after: { items, version: plan.row_version + 1 },
    });
  });
  return getPlan(db, ctx, id);
}

export async function createTask(db: Db, ctx: RequestCtx, id: string, body: CreateTaskBody): Promise<PlanDetail> {
  authorize(ctx.actor, 'plan.task');
  const actor = ctx.actor;
  const today = todayVN();
  await mutate(db, ctx, async (tx) => {
    const { plan, f } = await loadVisible(tx, actor, id, today);
    const asCommune = canEditPlan(actor, f);
    if (!asCommune && !helpsAsAgency(actor, f)) throw forbidden('Chỉ xã hoặc tổ giúp đỡ của cơ quan được phân công thêm nhiệm vụ');
    // A helper adds tasks for its own agency.
    if (!asCommune && body.responsibleAgencyId && body.responsibleAgencyId !== actor.agencyId) {
      throw forbidden('Tổ giúp đỡ chỉ thêm nhiệm vụ do cơ quan mình phụ trách');
    }
    await checkCriterionNumbers(tx, plan, [body.criterionNumber], () => 'criterionNumber');
    const status = body.status ?? 'todo';
    const t: repo.NewTask = {
      criterionNumber: body.criterionNumber ?? null,
      title: body.title,
      responsibleAgencyId: asCommune ? (body.responsibleAgencyId ?? null) : actor.agencyId,
      responsibleName: body.responsibleName ?? null,
      deadline: body.deadline ?? null,
      estimatedCostVnd: body.estimatedCostVnd ?? null,
      status,
      progressNote: body.progressNote ?? null,
      doneAt: status === 'done' ? today : null,
    };
    const [taskId] = await repo.insertTasks(tx, id, [t], actor.id);
    await recordAudit(tx, ctx, { action: 'plan.task.create', entityType: 'plan_task', entityId: taskId!, unitId: plan.unit_id, after: { planId: id, ...t } });
  });
  return getPlan(db, ctx, id);
}

/** Fields a helper agency may change on its own tasks; the rest belongs to the commune. */
const HELPER_FIELDS = new Set(['status', 'progressNote', 'expectedVersion']);

export async function updateTask(db: Db, ctx: RequestCtx, id: string, taskId: string, body: UpdateTaskBody): Promise<PlanDetail> {
  authorize(ctx.actor, 'plan.task');
  const actor = ctx.actor;
  const today = todayVN();
  await mutate(db, ctx, async (tx) => {
    const { plan, f } = await loadVisible(tx, actor, id, today);
    const task = await repo.findTask(tx, id, taskId);
    if (!task) throw notFound('Nhiệm vụ');
    if (!canEditTask(actor, f, task)) throw forbidden('Bạn không phụ trách nhiệm vụ này');
    if (!canEditPlan(actor, f)) {
      const extra = Object.keys(body).filter((k) => !HELPER_FIELDS.has(k) && body[k as keyof UpdateTaskBody] !== undefined);
      if (extra.length) throw forbidden('Tổ giúp đỡ chỉ cập nhật trạng thái và tiến độ của nhiệm vụ; các nội dung khác do xã sửa');
    }
    if (task.row_version !== body.expectedVersion) throw conflict(STALE_TASK, { currentVersion: task.row_version });
    if (body.criterionNumber) await checkCriterionNumbers(tx, plan, [body.criterionNumber], () => 'criterionNumber');
    const { expectedVersion, ...change } = body;
    const c: repo.TaskChange = { ...change };
    if (body.status !== undefined && body.status !== task.status) c.doneAt = body.status === 'done' ? today : null;
    if (!(await repo.updateTask(tx, taskId, expectedVersion, c, actor.id))) throw conflict(STALE_TASK);
    await recordAudit(tx, ctx, {
      action: 'plan.task.update',
      entityType: 'plan_task',
      entityId: taskId,
      unitId: plan.unit_id,
      before: {
        status: task.status,
        progressNote: task.progress_note,
        title: task.title,
        deadline: task.deadline,
        estimatedCostVnd: costOf(task.estimated_cost_vnd),
        responsibleAgencyId: task.responsible_agency_id,
        version: task.row_version,
      },
      after: { planId: id, ...c, version: task.row_version + 1 },
    });
  });
  return getPlan(db, ctx, id);
}

/** Province-level progress of the annual plans of a year, over the communes in the caller's scope. */
export async function plansSummary(db: Db, ctx: RequestCtx, year: number): Promise<PlansSummary> {
  authorize(ctx.actor, 'plan.read');
  const today = todayVN();
  const plans = await repo.annualPlansInScope(db, ctx.actor, year);
  const planIds = plans.map((p) => p.id);
  const [tasks, criteria] = await Promise.all([repo.tasksOfPlans(db, planIds), repo.criteriaOfPlans(db, planIds)]);
  const statuses = new Map<string, ReturnType<typeof presentStatus>>();
  for (const level of new Set(plans.map((p) => p.target_level))) {
    const units = plans.filter((p) => p.target_level === level).map((p) => p.unit_id);
    for (const [u, s] of await repo.latestStatuses(db, units, level, year)) statuses.set(`${u}:${level}`, presentStatus(s));
  }
  const rows = plans.map((p) => {
    const status = statuses.get(`${p.unit_id}:${p.target_level}`) ?? null;
    return {
      unit: { id: p.unit_id, code: p.unit_code, name: p.unit_name, validFrom: p.unit_valid_from, validTo: p.unit_valid_to },
      planId: p.id,
      title: p.title,
      targetLevel: p.target_level,
      targetYear: p.target_year,
      progress: taskProgress(tasks.filter((t) => t.plan_id === p.id).map(facts), today),
      criteria: criteriaProgress(
        criteria.filter((c) => c.plan_id === p.id).map((c) => ({ criterionNumber: c.criterion_number, targetYear: c.target_year })),
        status ? status.missing : null,
        year,
      ),
    };
  });
  const withStatus = rows.filter((r) => r.criteria.metOfPlanned !== null);
  return {
    year,
    communesWithPlans: new Set(plans.map((p) => p.unit_id)).size,
    tasks: taskProgress(tasks.map(facts), today),
    criteria: {
      plannedThisYear: rows.reduce((s, r) => s + r.criteria.plannedThisYear, 0),
      metOfPlanned: withStatus.reduce((s, r) => s + (r.criteria.metOfPlanned ?? 0), 0),
      communesWithStatus: withStatus.length,
    },
    rows,
  };
}
