/**
 * Contracts of "Plans and targets" (issue 6): the province's target-commune lists with at-risk detection, and the
 * communes' phase and annual plans with criteria, tasks and progress. Money is VND as integers; dates are calendar
 * dates (YYYY-MM-DD); timestamps ISO strings in UTC.
 */
import { z } from 'zod';
import { agencyRef, criterionRef, storedFile, unitRef, vnd } from './assistance.js';
import { id, isoDate, page, pageQuery } from './common.js';

export const TITLE_MAX = 300;
export const NOTE_MAX = 4000;
const text = (max = NOTE_MAX) => z.string().trim().max(max);
const year = z.coerce.number().int().min(2010).max(2050);
const expectedVersion = z.number().int().min(1);

export const targetLevels = ['ntm', 'advanced', 'model'] as const;
export const targetLevel = z.enum(targetLevels);
export type TargetLevel = z.infer<typeof targetLevel>;

// ───────────────────────────── at-risk ─────────────────────────────

/** Why a commune is at risk: stable codes with their parameters (worded by the UI). See domain/plans/at-risk.ts. */
export const atRiskReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('target_year_passed'), targetYear: z.number().int(), missing: z.number().int() }),
  z.object({ code: z.literal('gap_too_large'), missing: z.number().int(), daysLeft: z.number().int(), daysNeeded: z.number().int() }),
  z.object({ code: z.literal('no_status'), targetYear: z.number().int() }),
  z.object({ code: z.literal('overdue_obstacles'), count: z.number().int(), maxDaysOverdue: z.number().int() }),
  z.object({ code: z.literal('no_helper') }),
  z.object({ code: z.literal('no_visit'), days: z.number().int(), lastVisit: isoDate.nullable(), daysSinceVisit: z.number().int().nullable() }),
]);
export type AtRiskReason = z.infer<typeof atRiskReason>;
export const atRiskReasonCodes = ['target_year_passed', 'gap_too_large', 'no_status', 'overdue_obstacles', 'no_helper', 'no_visit'] as const;

export const atRiskRule = z.object({
  /** The rule in Vietnamese, as applied. */
  text: z.string(),
  daysPerCriterion: z.number().int(),
  noVisitDays: z.number().int(),
  /** "Today" (Asia/Ho_Chi_Minh) and the date help facts were observed on (31 Dec of a past year). */
  today: isoDate,
  factsAsOf: isoDate,
});

// ───────────────────────────── target lists ─────────────────────────────

export const targetListStatus = z.enum(['draft', 'adopted']);

export const targetListAbilities = z.object({
  canEdit: z.boolean(),
  canAdopt: z.boolean(),
  canReopen: z.boolean(),
  /** Add the list's communes to an open assessment cycle (`PATCH /api/cycles/:id` `addTargetListId`): adopted lists, the office. */
  canAddToCycle: z.boolean(),
});

export const targetListSummary = z.object({
  id,
  province: unitRef,
  year: z.number().int(),
  title: z.string(),
  documentNo: z.string().nullable(),
  documentDate: isoDate.nullable(),
  fileId: id.nullable(),
  note: z.string().nullable(),
  status: targetListStatus,
  adoptedAt: z.string().nullable(),
  rowVersion: z.number().int(),
  isDemo: z.boolean(),
  /** Communes in the list visible to the caller, by target level. */
  counts: z.object({ total: z.number().int(), ntm: z.number().int(), advanced: z.number().int(), model: z.number().int() }),
  abilities: targetListAbilities,
});
export type TargetListSummary = z.infer<typeof targetListSummary>;

export const statusBrief = z.object({
  year: z.number().int(),
  setCode: z.string(),
  criteriaMet: z.number().int(),
  criteriaApplicable: z.number().int(),
  missing: z.array(z.string()),
  meetsStandard: z.boolean(),
  basis: z.enum(['self', 'appraised']),
});

/** One commune of a target list with its progress and the at-risk verdict (also what `targetProgress` returns). */
export const targetRow = z.object({
  listId: id,
  unit: unitRef.extend({ parentName: z.string().nullable() }),
  targetLevel,
  targetYear: z.number().int(),
  note: z.string().nullable(),
  /** Agencies assigned to help on the facts date; `documentHelper` is the one the list names, if any. */
  helpers: z.array(agencyRef),
  documentHelper: agencyRef.nullable(),
  /** Latest assessment summary at the target level in or before the target year. */
  status: statusBrief.nullable(),
  openObstacles: z.number().int(),
  overdueObstacles: z.number().int(),
  lastVisit: isoDate.nullable(),
  /** The commune's annual plan of the year, if any. */
  plan: z.object({ id, percentDone: z.number().nullable(), tasks: z.number().int(), overdue: z.number().int() }).nullable(),
  met: z.boolean(),
  atRisk: z.boolean(),
  daysLeft: z.number().int(),
  reasons: z.array(atRiskReason),
});
export type TargetRow = z.infer<typeof targetRow>;

export const targetListDetail = targetListSummary.extend({
  /** The plan document (`fileId`), when the caller may download it (the list's province in scope); else null. */
  file: storedFile.nullable(),
  rows: z.array(targetRow),
  rule: atRiskRule,
  totals: z.object({ communes: z.number().int(), met: z.number().int(), atRisk: z.number().int(), onTrack: z.number().int() }),
});
export type TargetListDetail = z.infer<typeof targetListDetail>;

export const targetListParams = z.object({ id });
export const targetListCommuneParams = z.object({ id, unitId: id });

export const listTargetListsQuery = pageQuery.extend({ year: year.optional(), status: targetListStatus.optional() });
export type ListTargetListsQuery = z.infer<typeof listTargetListsQuery>;
export const listTargetListsResponse = page(targetListSummary);

export const getTargetListQuery = z.object({
  atRisk: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  level: targetLevel.optional(),
  q: z.string().trim().max(100).optional(),
});
export type GetTargetListQuery = z.infer<typeof getTargetListQuery>;

export const createTargetListBody = z.object({
  provinceUnitId: id,
  year: z.number().int().min(2010).max(2050),
  title: text(TITLE_MAX).min(1),
  documentNo: text(100).min(1).nullable().optional(),
  documentDate: isoDate.nullable().optional(),
  note: text().nullable().optional(),
  /** The plan document, uploaded with `POST /api/files?unitId=<province>`. */
  fileId: id.nullable().optional(),
});
export type CreateTargetListBody = z.infer<typeof createTargetListBody>;

export const updateTargetListBody = z.object({
  expectedVersion,
  title: text(TITLE_MAX).min(1).optional(),
  documentNo: text(100).min(1).nullable().optional(),
  documentDate: isoDate.nullable().optional(),
  note: text().nullable().optional(),
  fileId: id.nullable().optional(),
});
export type UpdateTargetListBody = z.infer<typeof updateTargetListBody>;

/** adopt: draft → adopted (needs communes, a document number and date); reopen: adopted → draft (with a reason). */
export const transitionTargetListBody = z.object({
  action: z.enum(['adopt', 'reopen']),
  expectedVersion,
  reason: text(1000).optional(),
});
export type TransitionTargetListBody = z.infer<typeof transitionTargetListBody>;

export const addTargetCommunesBody = z.object({
  expectedVersion,
  items: z
    .array(z.object({ unitId: id, targetLevel, helperAgencyId: id.nullable().optional(), note: text(1000).nullable().optional() }))
    .min(1)
    .max(300),
});
export type AddTargetCommunesBody = z.infer<typeof addTargetCommunesBody>;

export const removeTargetCommuneQuery = z.object({ expectedVersion: z.coerce.number().int().min(1) });

/** Communes that may join the list: valid on 31 December of its year, under its province, in the caller's scope. */
export const targetCandidatesQuery = z.object({ q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(300).default(300) });
export const targetCandidate = z.object({
  unit: unitRef.extend({ parentName: z.string().nullable() }),
  inList: z.boolean(),
  status: statusBrief.nullable(),
});
export const targetCandidatesResponse = z.object({ items: z.array(targetCandidate) });

// ───────────────────────────── commune plans ─────────────────────────────

export const planKind = z.enum(['phase', 'annual']);
export const planStatus = z.enum(['draft', 'approved']);
export const taskStatuses = ['todo', 'doing', 'done', 'cancelled'] as const;
export const taskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatus>;

export const taskProgress = z.object({
  total: z.number().int(),
  done: z.number().int(),
  doing: z.number().int(),
  todo: z.number().int(),
  overdue: z.number().int(),
  percentDone: z.number().nullable(),
  costTotalVnd: z.number(),
  costDoneVnd: z.number(),
  percentCostDone: z.number().nullable(),
  percentCostOverdue: z.number().nullable(),
  overdueWeight: z.number(),
});

export const criteriaProgress = z.object({
  plannedThisYear: z.number().int(),
  metOfPlanned: z.number().int().nullable(),
  lateCriteria: z.number().int().nullable(),
  percentMet: z.number().nullable(),
});

export const planAbilities = z.object({ canEdit: z.boolean(), canAddTask: z.boolean() });

export const planSummary = z.object({
  id,
  unit: unitRef,
  kind: planKind,
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  title: z.string(),
  targetLevel,
  targetYear: z.number().int(),
  status: planStatus,
  note: z.string().nullable(),
  copiedFromId: id.nullable(),
  rowVersion: z.number().int(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
  progress: taskProgress,
  abilities: planAbilities,
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planTask = z.object({
  id,
  criterionNumber: z.string().nullable(),
  title: z.string(),
  responsibleAgency: agencyRef.nullable(),
  responsibleName: z.string().nullable(),
  deadline: isoDate.nullable(),
  estimatedCostVnd: z.number().nullable(),
  status: taskStatus,
  progressNote: z.string().nullable(),
  doneAt: isoDate.nullable(),
  copied: z.boolean(),
  overdue: z.boolean(),
  rowVersion: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type PlanTask = z.infer<typeof planTask>;

export const planCriterion = z.object({
  criterionNumber: z.string(),
  criterionName: z.string().nullable(),
  targetYear: z.number().int(),
  note: z.string().nullable(),
  copied: z.boolean(),
  /** By the latest summary in or before the plan's last year: met, not met, or unknown (no summary). */
  current: z.enum(['met', 'not_met', 'unknown']),
});

export const planDetail = planSummary.extend({
  criteria: z.array(planCriterion),
  tasks: z.array(planTask),
  criteriaProgress,
  latestStatus: statusBrief.nullable(),
  /** The criteria of the set for the target level and period (for the form). */
  criteriaOptions: z.array(z.object({ number: z.string(), name: z.string() })),
  /** Agencies assigned to help the commune today (for the "responsible" picker). */
  helperAgencies: z.array(agencyRef),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planParams = z.object({ id });
export const planTaskParams = z.object({ id, taskId: id });

export const listPlansQuery = pageQuery.extend({ unitId: id.optional(), year: year.optional(), kind: planKind.optional() });
export type ListPlansQuery = z.infer<typeof listPlansQuery>;
export const listPlansResponse = page(planSummary);

export const createPlanBody = z
  .object({
    unitId: id,
    kind: planKind,
    yearFrom: z.number().int().min(2010).max(2050),
    yearTo: z.number().int().min(2010).max(2050),
    targetLevel,
    targetYear: z.number().int().min(2010).max(2050),
    title: text(TITLE_MAX).min(1).optional(),
    note: text().nullable().optional(),
  })
  .refine((b) => b.yearTo >= b.yearFrom, { path: ['yearTo'], message: 'Năm kết thúc phải không trước năm bắt đầu' })
  .refine((b) => b.kind === 'phase' || b.yearTo === b.yearFrom, { path: ['yearTo'], message: 'Kế hoạch năm chỉ có một năm' });
export type CreatePlanBody = z.infer<typeof createPlanBody>;

/** Create the annual plan of `year` from the annual plan(s) of `year − 1` (the commune's own or its predecessors'). */
export const copyPlanBody = z.object({ unitId: id, year: z.number().int().min(2011).max(2050) });
export type CopyPlanBody = z.infer<typeof copyPlanBody>;

export const updatePlanBody = z.object({
  expectedVersion,
  title: text(TITLE_MAX).min(1).optional(),
  targetLevel: targetLevel.optional(),
  targetYear: z.number().int().min(2010).max(2050).optional(),
  status: planStatus.optional(),
  note: text().nullable().optional(),
});
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

/** Replace the plan's criteria (the whole set, so the form sends what it shows). */
export const setPlanCriteriaBody = z.object({
  expectedVersion,
  items: z.array(z.object({ criterionNumber: criterionRef, targetYear: z.number().int().min(2010).max(2050), note: text(1000).nullable().optional() })).max(60),
});
export type SetPlanCriteriaBody = z.infer<typeof setPlanCriteriaBody>;

const taskFields = {
  criterionNumber: criterionRef.nullable().optional(),
  title: text(TITLE_MAX).min(1),
  responsibleAgencyId: id.nullable().optional(),
  responsibleName: text(200).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  estimatedCostVnd: vnd.nullable().optional(),
  status: taskStatus.optional(),
  progressNote: text().nullable().optional(),
};
export const createTaskBody = z.object(taskFields);
export type CreateTaskBody = z.infer<typeof createTaskBody>;
export const updateTaskBody = z.object({ ...taskFields, title: taskFields.title.optional(), expectedVersion });
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

/** Province-level progress of the annual plans of a year (communes in the caller's scope). */
export const plansSummaryQuery = z.object({ year });
export const plansSummaryResponse = z.object({
  year: z.number().int(),
  communesWithPlans: z.number().int(),
  tasks: taskProgress,
  criteria: z.object({ plannedThisYear: z.number().int(), metOfPlanned: z.number().int(), communesWithStatus: z.number().int() }),
  rows: z.array(
    z.object({ unit: unitRef, planId: id, title: z.string(), targetLevel, targetYear: z.number().int(), progress: taskProgress, criteria: criteriaProgress }),
  ),
});
export type PlansSummary = z.infer<typeof plansSummaryResponse>;
