/**
 * Contracts of "Assessments" (issue 4): assessment cycles with their review chain, the commune's self-assessment form
 * (one indicator row at a time, optimistic versions and client operation ids so an offline queue can replay saves),
 * review and appraisal by the steps of the chain (verdicts, per-indicator returns, forward, appraise, reopen),
 * evidence with EXIF facts, recognition and revocation decisions, the yearly maintenance review, the commune profile
 * and in-app notifications. Dates are calendar dates (YYYY-MM-DD); timestamps ISO strings in UTC.
 */
import { z } from 'zod';
import { agencyRef, personRef, storedFile, unitRef } from './assistance.js';
import { id, isoDate, NAME_MAX, page, pageQuery } from './common.js';
import { indicatorKind, indicatorStatus, standardLevel, targetState } from './criteria.js';

export const NOTE_MAX = 2000;
export const REASON_MAX = 2000;
/** Longest text value of an indicator (verdict labels, short answers). */
export const VALUE_TEXT_MAX = 200;

const reason = z.string().trim().min(3, 'Cần nêu lý do (ít nhất 3 ký tự)').max(REASON_MAX);
/** An indicator code of the set ("3.1", "17.8"). */
export const indicatorCode = z.string().trim().min(1).max(20);
/** A criterion number of the set ("1" … "19"). */
export const criterionNumber = z.string().trim().min(1).max(20);
/** An indicator value: number, yes/no, or a label; null = not entered. */
export const indicatorValue = z.union([z.number().finite(), z.boolean(), z.string().trim().max(VALUE_TEXT_MAX)]).nullable();
export type IndicatorValueInput = z.infer<typeof indicatorValue>;

// ───────────────────────────── review chain and cycles ─────────────────────────────

export const reviewLevels = ['district', 'department', 'province', 'coordination_office'] as const;
export const reviewLevel = z.enum(reviewLevels);
export type ReviewLevel = z.infer<typeof reviewLevel>;
/**
 * Who reviews a step: `unit_parent` — reviewers of the commune's parent unit (district reviewers whose scope holds the
 * commune); `per_criterion_agency` — for each criterion, the agency in `criterionAgencies` (its department reviewers);
 * `agency` — the step's `agencyId` (its reviewers or steering office staff).
 */
export const reviewRoutings = ['unit_parent', 'per_criterion_agency', 'agency'] as const;
export const reviewRouting = z.enum(reviewRoutings);
export type ReviewRouting = z.infer<typeof reviewRouting>;

export const reviewStep = z.object({
  /** Stable key of the step inside the cycle ("district", "department", "province"); also a verdict column. */
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,30}$/, 'Mã bước: chữ thường không dấu, số, gạch dưới')
    .refine((k) => k !== 'self', 'Mã "self" dành cho cột tự đánh giá của xã'),
  level: reviewLevel,
  label: z.string().trim().min(2).max(NAME_MAX),
  routing: reviewRouting,
  /** Required for `agency` routing. */
  agencyId: id.nullable().optional(),
});
export type ReviewStep = z.infer<typeof reviewStep>;

export const cycleDeadlines = z.object({
  /** The commune's self-assessment is due. */
  submit: isoDate.nullable(),
  /** Per step key: the step's review is due. */
  steps: z.record(z.string(), isoDate).default({}),
});
export type CycleDeadlines = z.infer<typeof cycleDeadlines>;

export const cycleStatuses = ['open', 'closed'] as const;
export const cycleStatus = z.enum(cycleStatuses);

export const cycleAbilities = z.object({ canUpdate: z.boolean(), canClose: z.boolean() });
export const cycle = z.object({
  id,
  name: z.string(),
  year: z.number().int(),
  set: z.object({ id, code: z.string(), name: z.string(), version: z.number().int(), level: standardLevel, isDemo: z.boolean() }),
  /** The province (or other unit) whose communes the cycle covers. */
  scopeUnit: unitRef.nullable(),
  /** The target list the communes came from (opened or extended from it), if any. */
  targetList: z.object({ id, title: z.string(), documentNo: z.string().nullable(), year: z.number().int() }).nullable(),
  deadlines: cycleDeadlines,
  reviewChain: z.array(reviewStep),
  /** Criterion number → agency in charge (routing of `per_criterion_agency` steps). */
  criterionAgencies: z.record(z.string(), agencyRef),
  status: cycleStatus,
  /** Set when closed: why and when (a closed cycle is read-only). */
  closeReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  isDemo: z.boolean(),
  counts: z.object({
    communes: z.number().int(),
    draft: z.number().int(),
    inReview: z.number().int(),
    returned: z.number().int(),
    appraised: z.number().int(),
  }),
  createdAt: z.string(),
  abilities: cycleAbilities,
});
export type Cycle = z.infer<typeof cycle>;

export const listCyclesQuery = pageQuery.extend({ year: z.coerce.number().int().optional(), status: cycleStatus.optional() });
export const listCyclesResponse = page(cycle);
export const cycleParams = z.object({ id });

/** Which communes a new cycle covers: every commune valid in the year under a unit, or a list (e.g. those registered). */
export const cycleCommunes = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all'), withinUnitId: id }),
  z.object({ kind: z.literal('units'), withinUnitId: id, unitIds: z.array(id).min(1).max(2000) }),
  /**
   * The communes of an adopted province target list of the cycle's year (optionally only those aiming at one level);
   * the cycle covers the list's province and records the list.
   */
  // the levels of contracts/plans.ts `targetLevels`, repeated so this contract does not pull the plans one into its chunks
  z.object({ kind: z.literal('target_list'), listId: id, targetLevel: z.enum(['ntm', 'advanced', 'model']).optional() }),
]);

/**
 * Stable rule codes (`details.rule`) when a cycle is opened or extended from a target list: VALIDATION for a list that
 * does not exist / is not adopted / is of another year, FORBIDDEN for a list whose province is outside the actor's scope.
 */
export const cycleTargetListRules = ['TARGET_LIST_NOT_FOUND', 'TARGET_LIST_NOT_ADOPTED', 'TARGET_LIST_YEAR_MISMATCH', 'TARGET_LIST_OUT_OF_SCOPE'] as const;
export type CycleTargetListRule = (typeof cycleTargetListRules)[number];

export const createCycleBody = z.object({
  setId: id,
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(3).max(NAME_MAX),
  deadlines: cycleDeadlines,
  reviewChain: z.array(reviewStep).min(1).max(6),
  criterionAgencies: z.record(z.string(), id).default({}),
  communes: cycleCommunes,
});
export type CreateCycleBody = z.infer<typeof createCycleBody>;

export const updateCycleBody = z.object({
  expectedVersion: z.number().int().min(1),
  name: z.string().trim().min(3).max(NAME_MAX).optional(),
  deadlines: cycleDeadlines.optional(),
  /** Re-route criteria to departments (only criteria not yet reviewed at a per-criterion step are affected in effect). */
  criterionAgencies: z.record(z.string(), id).optional(),
  /** Communes to add (valid in the year, under the cycle's unit): each gets its assessment. */
  addUnitIds: z.array(id).max(2000).optional(),
  /** Communes to take out: only assessments never submitted and with no value entered. */
  removeUnitIds: z.array(id).max(2000).optional(),
  /** Add the communes of an adopted target list of the cycle's year not yet in the cycle (same rules as `addUnitIds`). */
  addTargetListId: id.optional(),
  /** With `addTargetListId`: only the list's communes registered for this level (same levels as `cycleCommunes`). */
  addTargetLevel: z.enum(['ntm', 'advanced', 'model']).optional(),
  /** `closed` closes the cycle for good (with `closeReason`); it is then read-only. */
  status: cycleStatus.optional(),
  closeReason: z.string().trim().max(REASON_MAX).optional(),
});
export type UpdateCycleBody = z.infer<typeof updateCycleBody>;

// ───────────────────────────── assessments ─────────────────────────────

/**
 * Assessment-level states: draft (commune fills) → in_review (at `currentStep`) ⇄ returned (indicators back to the
 * commune; resubmission goes back to the same step) → … → appraised (locked) → reopened (steering office, with a
 * reason; resubmission goes to the final step).
 */
export const assessmentStatuses = ['draft', 'in_review', 'returned', 'appraised', 'reopened'] as const;
export const assessmentStatus = z.enum(assessmentStatuses);
export type AssessmentStatus = z.infer<typeof assessmentStatus>;
/**
 * Per indicator: draft (editable before the first submission), submitted (waits for the current step's verdict),
 * returned (editable: the commune must fix it), reviewed (the current step gave a verdict), appraised (final).
 */
export const resultStates = ['draft', 'submitted', 'returned', 'reviewed', 'appraised'] as const;
export const resultState = z.enum(resultStates);
export type ResultState = z.infer<typeof resultState>;

export const verdictValues = ['met', 'not_met', 'not_applicable'] as const;
export const verdictValue = z.enum(verdictValues);
export type VerdictValue = z.infer<typeof verdictValue>;

export const assessmentAbilities = z.object({
  /** The commune may save values (some indicator is editable). */
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  /** The actor reviews the current step (for some criteria at least, see `reviewableCriteria`). */
  canReview: z.boolean(),
  canReturn: z.boolean(),
  canForward: z.boolean(),
  canAppraise: z.boolean(),
  canReopen: z.boolean(),
  /** Criterion numbers the actor may give verdicts on or return at the current step. */
  reviewableCriteria: z.array(z.string()),
});
export type AssessmentAbilities = z.infer<typeof assessmentAbilities>;

export const assessment = z.object({
  id,
  cycle: z.object({ id, name: z.string(), year: z.number().int(), setId: id, setCode: z.string() }),
  unit: unitRef,
  status: assessmentStatus,
  /** Index in `steps` of the step reviewing or to review; null while draft. */
  currentStep: z.number().int().nullable(),
  steps: z.array(reviewStep.extend({ dueDate: isoDate.nullable() })),
  submitDueDate: isoDate.nullable(),
  version: z.number().int(),
  round: z.number().int(),
  submittedAt: z.string().nullable(),
  appraisedAt: z.string().nullable(),
  locked: z.boolean(),
  progress: z.object({
    indicators: z.number().int(),
    filled: z.number().int(),
    returned: z.number().int(),
    awaitingVerdict: z.number().int(),
  }),
  isDemo: z.boolean(),
  abilities: assessmentAbilities,
});
export type Assessment = z.infer<typeof assessment>;

export const listAssessmentsQuery = pageQuery.extend({
  cycleId: id.optional(),
  /** A commune: its assessments and its predecessors'. */
  unitId: id.optional(),
  year: z.coerce.number().int().optional(),
  status: assessmentStatus.optional(),
  /** Only those waiting for the caller (to fill, or to review at the current step). */
  waitingForMe: z.stringbool().optional(),
});
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsQuery>;
export const listAssessmentsResponse = page(assessment);
export const assessmentParams = z.object({ id });
export const resultParams = z.object({ id, code: indicatorCode });

/** EXIF facts of a photo, when present. */
export const exifInfo = z.object({
  takenAt: z.string().nullable(),
  gps: z.object({ lat: z.number(), lon: z.number() }).nullable(),
});
export type ExifInfo = z.infer<typeof exifInfo>;
export const evidence = storedFile.extend({ exif: exifInfo.nullable() });
export type Evidence = z.infer<typeof evidence>;

export const verdictRecord = z.object({
  step: z.string(),
  verdict: verdictValue,
  /** True when the step accepted the status it was shown (the commune's or the previous step's). */
  agreed: z.boolean(),
  reason: z.string().nullable(),
  round: z.number().int(),
  actor: personRef.nullable(),
  at: z.string(),
});
export type VerdictRecord = z.infer<typeof verdictRecord>;

/** The engine's reading of the commune's value (the "self" column) for the commune-year. */
export const liveEvaluation = z.object({
  status: indicatorStatus,
  target: z.union([z.number(), z.boolean(), z.string()]).nullable(),
  targetState,
  gap: z.object({ absolute: z.number().nullable(), relative: z.number() }).nullable(),
});
export type LiveEvaluation = z.infer<typeof liveEvaluation>;

export const indicatorResult = z.object({
  code: z.string(),
  criterionNumber: z.string(),
  value: indicatorValue,
  note: z.string().nullable(),
  carriedOver: z.boolean(),
  state: resultState,
  /** Optimistic version of this row: send it back as `baseVersion`. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: personRef.nullable(),
  evaluation: liveEvaluation,
  /** The latest verdict per step key (the verdict columns); `self` is `evaluation.status`. */
  verdicts: z.record(z.string(), verdictRecord),
  /** The status that counts: the latest step's verdict, else the engine's. */
  finalStatus: indicatorStatus,
  /** The open return's reason (state returned). */
  returnReason: z.string().nullable(),
  evidence: z.array(evidence),
  editable: z.boolean(),
  reviewable: z.boolean(),
});
export type IndicatorResult = z.infer<typeof indicatorResult>;

/** Definition of one indicator as the form needs it. */
export const formIndicator = z.object({
  code: z.string(),
  wording: z.string(),
  kind: indicatorKind,
  unit: z.string().nullable(),
  scale: z.array(z.string()).optional(),
  /** Whether it applies to this commune (null: unknown attribute; the engine then answers missing). */
  applicable: z.boolean().nullable(),
  result: indicatorResult,
  /** Last year's value of this commune (or its predecessor), offered to carry over. */
  lastYear: z.object({ year: z.number().int(), value: indicatorValue }).nullable(),
});
export const formCriterion = z.object({
  number: z.string(),
  name: z.string(),
  isKey: z.boolean(),
  /** The agency in charge (per-criterion routing), when configured. */
  agency: agencyRef.nullable(),
  status: z.enum(['met', 'not_met', 'not_applicable', 'undetermined']),
  indicators: z.array(formIndicator),
});
export const formSummary = z.object({
  criteriaMet: z.number().int(),
  criteriaApplicable: z.number().int(),
  meetsStandard: z.boolean(),
  missingCriteria: z.array(z.string()),
});
export type FormSummary = z.infer<typeof formSummary>;
/** `GET /api/assessments/:id/form`: everything the form needs in one response (≤ 10 KB gzip for 60 indicators). */
export const assessmentForm = z.object({
  assessment,
  criteria: z.array(formCriterion),
  summary: formSummary,
  /** Set when the set's targets include demonstration values. */
  demoNotice: z.string().nullable(),
});
export type AssessmentForm = z.infer<typeof assessmentForm>;

/**
 * `PUT /api/assessments/:id/results/:code`. `baseVersion` is the row version the edit was based on; `opId` a
 * client-generated uuid. Replaying an applied opId answers the stored row (`replayed: true`), never a conflict. A stale
 * `baseVersion` answers 409 CONFLICT with `details.current` (an `indicatorResult`). Only editable rows (draft, or
 * returned to the commune) can be saved (else INVALID_TRANSITION).
 */
export const saveResultBody = z.object({
  value: indicatorValue,
  note: z.string().trim().max(NOTE_MAX).nullable().optional(),
  baseVersion: z.number().int().min(1),
  opId: z.uuid(),
  carriedOver: z.boolean().optional(),
});
export type SaveResultBody = z.infer<typeof saveResultBody>;
export const saveResultResponse = z.object({
  result: indicatorResult,
  replayed: z.boolean(),
  /** The assessment version is not changed by saves; the summary is the live one. */
  summary: formSummary,
});
export type SaveResultResponse = z.infer<typeof saveResultResponse>;

export const attachEvidenceBody = z.object({ fileId: id });
export const evidenceParams = z.object({ id, code: indicatorCode, fileId: id });
export const evidenceResponse = z.object({ code: z.string(), evidence: z.array(evidence) });

/** Assessment-level actions carry the assessment version they were based on. */
export const assessmentActionBody = z.object({ expectedVersion: z.number().int().min(1) });
export type AssessmentActionBody = z.infer<typeof assessmentActionBody>;

/**
 * Verdicts at the current step. `verdict: 'accept'` agrees with the status shown (the previous step's verdict, else
 * the engine's); a changed verdict needs a reason.
 */
export const verdictItem = z.object({
  code: indicatorCode,
  baseVersion: z.number().int().min(1),
  verdict: z.enum(['accept', ...verdictValues]),
  reason: z.string().trim().max(REASON_MAX).nullable().optional(),
});
export const verdictsBody = z.object({ items: z.array(verdictItem).min(1).max(200) });
export type VerdictsBody = z.infer<typeof verdictsBody>;

/** Return single indicators to the commune, each with a reason. */
export const returnItem = z.object({ code: indicatorCode, baseVersion: z.number().int().min(1), reason });
export const returnBody = z.object({
  expectedVersion: z.number().int().min(1),
  items: z.array(returnItem).min(1).max(200),
});
export type ReturnBody = z.infer<typeof returnBody>;

/**
 * `POST /api/assessments/:id/review`: a reviewer's verdicts and returns applied together in one transaction (all or
 * nothing). Each indicator appears once; at least one item in all. With returns the assessment moves to `returned`.
 */
export const reviewBody = z
  .object({
    expectedVersion: z.number().int().min(1),
    verdicts: z.array(verdictItem).max(200).default([]),
    returns: z.array(returnItem).max(200).default([]),
  })
  .refine((b) => b.verdicts.length + b.returns.length > 0, { message: 'Chưa có ý kiến nào để ghi', path: ['verdicts'] });
export type ReviewBody = z.infer<typeof reviewBody>;

/** Reopen an appraised assessment (steering office): some indicators, or the whole commune when `codes` is empty. */
export const reopenBody = z.object({
  expectedVersion: z.number().int().min(1),
  codes: z.array(indicatorCode).max(200).default([]),
  reason,
});
export type ReopenBody = z.infer<typeof reopenBody>;

export const returnRound = z.object({
  round: z.number().int(),
  step: z.string(),
  kind: z.enum(['return', 'reopen']),
  items: z.array(z.object({ code: z.string(), reason: z.string() })),
  actor: personRef.nullable(),
  at: z.string(),
});
export const historyEvent = z.object({
  kind: z.enum(['submit', 'verdict', 'return', 'forward', 'appraise', 'reopen']),
  step: z.string().nullable(),
  round: z.number().int(),
  code: z.string().nullable(),
  verdict: verdictValue.nullable(),
  reason: z.string().nullable(),
  actor: personRef.nullable(),
  at: z.string(),
});
/** Every round kept: returns/reopens with their reasons and every verdict. */
export const assessmentHistory = z.object({ rounds: z.array(returnRound), events: z.array(historyEvent) });
export type AssessmentHistory = z.infer<typeof assessmentHistory>;

// ───────────────────────────── recognition ─────────────────────────────

export const recognitionKinds = ['recognition', 'revocation'] as const;
export const recognitionKind = z.enum(recognitionKinds);
export const recognition = z.object({
  id,
  unit: unitRef,
  /** True when the decision concerns a predecessor of the commune asked for (history before a merger). */
  viaPredecessor: z.boolean(),
  kind: recognitionKind,
  level: standardLevel,
  year: z.number().int(),
  decisionNo: z.string().nullable(),
  decisionDate: isoDate.nullable(),
  signer: z.string().nullable(),
  file: storedFile.nullable(),
  /** For a revocation: the recognition it revokes. For a recognition: the revocation that ended it, if any. */
  revokes: id.nullable(),
  revokedBy: id.nullable(),
  /** Where the fact comes from when it was not entered from a decision (e.g. the reference list and its source). */
  sourceNote: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
});
export type Recognition = z.infer<typeof recognition>;
export const unitParams = z.object({ unitId: id });
export const listRecognitionsResponse = z.object({ items: z.array(recognition), canRecord: z.boolean() });
export const createRecognitionBody = z.object({
  kind: recognitionKind,
  level: standardLevel,
  year: z.number().int().min(1990).max(2100),
  decisionNo: z.string().trim().min(2).max(100).nullable().optional(),
  decisionDate: isoDate.nullable().optional(),
  signer: z.string().trim().min(2).max(NAME_MAX).nullable().optional(),
  fileId: id.nullable().optional(),
  /** Revocation: the recognition revoked (the commune's own or a predecessor's). */
  revokesId: id.nullable().optional(),
  sourceNote: z.string().trim().max(1000).nullable().optional(),
});
export type CreateRecognitionBody = z.infer<typeof createRecognitionBody>;

// ───────────────────────────── maintenance review ─────────────────────────────

export const maintenanceQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Limit to communes under this unit (default: the caller's scope). */
  withinUnitId: id.optional(),
});
export const riskLevels = ['revocation', 'possible_revocation', 'criteria_lost', 'no_assessment', 'kept'] as const;
export const maintenanceRow = z.object({
  unit: unitRef,
  /**
   * The recognition the review is held against. `basis: 'own'` — the commune's own latest unrevoked decision;
   * `basis: 'predecessors'` — the commune has none yet but was formed from recognised communes: the lowest level among
   * their recognitions stands for them (`viaPredecessor`), and a decision for the merged commune is due (`needsDecision`).
   */
  recognition: z.object({ id, level: standardLevel, year: z.number().int(), decisionNo: z.string().nullable(), viaPredecessor: z.boolean() }),
  basis: z.enum(['own', 'predecessors']),
  needsDecision: z.boolean(),
  /** For `basis: 'predecessors'`: how many former communes, and the recognitions in force of those recognised. */
  predecessors: z
    .object({
      total: z.number().int(),
      recognised: z.number().int(),
      recognitions: z.array(z.object({ id, unit: unitRef, level: standardLevel, year: z.number().int(), decisionNo: z.string().nullable() })),
    })
    .nullable(),
  /** The latest appraised assessment in or before the year. */
  assessment: z.object({ id: id.nullable(), year: z.number().int(), setCode: z.string() }).nullable(),
  criteriaMet: z.number().int().nullable(),
  criteriaApplicable: z.number().int().nullable(),
  meetsStandard: z.boolean().nullable(),
  /** Criteria no longer kept. */
  criteriaLost: z.array(z.string()),
  revocation: z.object({ triggered: z.boolean(), possible: z.boolean(), ruleId: z.string().nullable(), percentFailing: z.number(), why: z.string() }).nullable(),
  /** Criteria met compared with the year before (null when either year is missing). */
  trend: z.object({ previousYear: z.number().int(), previousMet: z.number().int(), delta: z.number().int() }).nullable(),
  risk: z.enum(riskLevels),
  riskScore: z.number(),
  /** Link to the commune profile. */
  profileUrl: z.string(),
});
export type MaintenanceRow = z.infer<typeof maintenanceRow>;
export const maintenanceResponse = z.object({ year: z.number().int(), items: z.array(maintenanceRow), total: z.number().int() });
export type MaintenanceResponse = z.infer<typeof maintenanceResponse>;

// ───────────────────────────── commune profile ─────────────────────────────

export const communeStatus = z.object({
  unitId: id,
  year: z.number().int(),
  setId: id,
  setCode: z.string(),
  criteriaMet: z.number().int(),
  criteriaApplicable: z.number().int(),
  meetsStandard: z.boolean(),
  missing: z.array(z.string()),
  /** `self`: from submitted values and verdicts so far; `appraised`: after final appraisal. */
  basis: z.enum(['self', 'appraised']),
  assessmentId: id.nullable(),
  computedAt: z.string(),
});
export type CommuneStatus = z.infer<typeof communeStatus>;

export const profileQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const profileCriterionRow = z.object({
  number: z.string(),
  name: z.string(),
  status: z.enum(['met', 'not_met', 'not_applicable', 'undetermined']),
  indicators: z.array(
    z.object({
      code: z.string(),
      wording: z.string(),
      unit: z.string().nullable(),
      value: indicatorValue,
      target: z.union([z.number(), z.boolean(), z.string()]).nullable(),
      targetState,
      selfStatus: indicatorStatus,
      verdicts: z.record(z.string(), verdictValue),
      finalStatus: indicatorStatus,
      gap: z.object({ absolute: z.number().nullable(), relative: z.number() }).nullable(),
    }),
  ),
});
export const communeProfile = z.object({
  unit: unitRef.extend({ parentName: z.string().nullable() }),
  year: z.number().int(),
  /** The recognised level in force (own decisions; a merged commune starts without one). */
  level: standardLevel.nullable(),
  status: communeStatus.nullable(),
  assessment: assessment.nullable(),
  criteria: z.array(profileCriterionRow),
  /** Every year's status of the commune and of its predecessors (lineage). */
  history: z.array(communeStatus.extend({ unit: unitRef, viaPredecessor: z.boolean() })),
  recognitions: z.array(recognition),
  /** Room for later issues; counts from the assistance tables. */
  assistance: z.object({ helpers: z.number().int(), activities: z.number().int(), openObstacles: z.number().int() }),
});
export type CommuneProfile = z.infer<typeof communeProfile>;

// ───────────────────────────── notifications ─────────────────────────────

export const notificationKinds = ['assessment_submitted', 'assessment_returned', 'assessment_forwarded', 'assessment_appraised', 'assessment_reopened', 'values_imported'] as const;
export const notification = z.object({
  id,
  kind: z.enum(notificationKinds),
  title: z.string(),
  assessmentId: id.nullable(),
  unit: unitRef.nullable(),
  dueDate: isoDate.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;
export const listNotificationsQuery = pageQuery.extend({ unread: z.stringbool().optional() });
/** A page of the caller's notifications, newest first, with the count of all unread ones (the bell's number). */
export const listNotificationsResponse = page(notification).extend({ unread: z.number().int() });
export type ListNotificationsResponse = z.infer<typeof listNotificationsResponse>;
export const notificationParams = z.object({ id });
export const markAllReadResponse = z.object({ marked: z.number().int() });

// ───────────────────────────── inbox items (joined into contracts/assistance.ts inboxItem) ─────────────────────────────

export const assessmentInboxKinds = ['form_to_fill', 'indicators_returned', 'review_pending'] as const;
