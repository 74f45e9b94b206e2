/**
 * Contracts of "Helping communes" (issue 5): stored files, assignments of agencies to communes, the help teams'
 * activity log with follow-ups, obstacles with their workflow and thread, the "what's due" inbox and the signals
 * the steering office acts on. Money is VND as integers; dates are calendar dates (YYYY-MM-DD); timestamps are
 * ISO strings in UTC.
 */
import { z } from 'zod';
import { id, isoDate, LEGAL_BASIS_MAX, NAME_MAX, page, pageQuery } from './common.js';

export const TEXT_MAX = 10_000;
export const TITLE_MAX = 300;
/** Largest accepted upload, per file. */
export const FILE_MAX_BYTES = 15 * 1024 * 1024;
/** Types accepted for uploads, recognised from the file's first bytes (never from its name or header). */
export const fileMimes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const fileMime = z.enum(fileMimes);

const text = (max = TEXT_MAX) => z.string().trim().max(max);
/** A criterion number or indicator code of the criteria sets ("5", "6.1", "KM.2"). */
export const criterionRef = z.string().trim().min(1).max(20);
/** VND, a whole number. */
export const vnd = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

// ───────────────────────────── references used everywhere ─────────────────────────────

export const unitRef = z.object({
  id,
  code: z.string().nullable(),
  name: z.string(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
});
export type UnitRef = z.infer<typeof unitRef>;

export const agencyRef = z.object({ id, name: z.string(), kind: z.string() });
export type AgencyRef = z.infer<typeof agencyRef>;

export const personRef = z.object({ id, name: z.string() });
export type PersonRef = z.infer<typeof personRef>;

// ───────────────────────────── files ─────────────────────────────

/**
 * `POST /api/files?unitId=<uuid>` with `multipart/form-data` holding one part named `file` → 201 `storedFile`.
 * The unit (commune) must be in the caller's scope; the type is sniffed from the content (JPEG, PNG, WebP, PDF),
 * anything else is VALIDATION; over FILE_MAX_BYTES is PAYLOAD_TOO_LARGE. Identical content is stored once (sha256).
 * `GET /api/files/:id` streams the bytes back with their type, only when the file's unit is in scope (else 404).
 * `GET /api/files/:id/thumbnail` → a WebP thumbnail of a photo, same scope rule; 404 for a PDF.
 */
export const uploadFileQuery = z.object({ unitId: id });
export const storedFile = z.object({
  id,
  sha256: z.string(),
  mime: fileMime,
  size: z.number().int(),
  originalName: z.string(),
  unitId: id,
  createdAt: z.string(),
  /** Where to fetch the bytes: `/api/files/<id>`. */
  url: z.string(),
  /** Photos (JPEG, PNG, WebP): a WebP at most 320 px on its longest side, `/api/files/<id>/thumbnail`; else null. */
  thumbnailUrl: z.string().nullable(),
});
export type StoredFile = z.infer<typeof storedFile>;
export const fileParams = z.object({ id });
export const fileIds = z.array(id).max(20).default([]);

// ───────────────────────────── assignments ─────────────────────────────

export const teamMemberInput = z.object({
  /** The member's account, when they have one (their agency's communes then enter their scope). */
  userId: id.nullable().optional(),
  name: z.string().trim().min(2).max(NAME_MAX),
  /** Role in the team: "Tổ trưởng", "Thành viên" … */
  role: z.string().trim().min(2).max(100),
});
export type TeamMemberInput = z.infer<typeof teamMemberInput>;
export const teamMember = z.object({ id, userId: id.nullable(), name: z.string(), role: z.string() });
export type TeamMember = z.infer<typeof teamMember>;

export const assignmentAbilities = z.object({ canEnd: z.boolean(), canReplace: z.boolean() });
export const assignment = z.object({
  id,
  agency: agencyRef,
  /** The commune helped (for a merged commune's list: possibly one of its predecessors, see `viaPredecessor`). */
  unit: unitRef,
  /** True when the row is an assignment of a predecessor of the commune asked for (history before a merger). */
  viaPredecessor: z.boolean(),
  validFrom: isoDate,
  /** Exclusive end; null = still in force. */
  validTo: isoDate.nullable(),
  /** In force today. */
  current: z.boolean(),
  legalBasisDoc: z.string(),
  legalBasisDate: isoDate,
  leaderName: z.string(),
  note: z.string().nullable(),
  /** The assignment this one replaced, if any (history chain). */
  replacesId: id.nullable(),
  team: z.array(teamMember),
  isDemo: z.boolean(),
  createdAt: z.string(),
  abilities: assignmentAbilities,
});
export type Assignment = z.infer<typeof assignment>;

export const listAssignmentsQuery = pageQuery.extend({
  /** A commune: its assignments and those of its predecessors (lineage). */
  unitId: id.optional(),
  /** An agency: the communes it helps. */
  agencyId: id.optional(),
  /** Only assignments in force on this date; omitted = the whole history. */
  asOf: isoDate.optional(),
  /** Only assignments overlapping this period (inclusive dates), for the scorecards' links. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListAssignmentsQuery = z.infer<typeof listAssignmentsQuery>;
export const listAssignmentsResponse = page(assignment);
export const assignmentParams = z.object({ id });

const legalBasis = {
  legalBasisDoc: z.string().trim().min(3).max(LEGAL_BASIS_MAX),
  legalBasisDate: isoDate,
};

/** One assignment per commune listed (a decision often assigns one agency to several communes). */
export const createAssignmentBody = z.object({
  agencyId: id,
  unitIds: z.array(id).min(1).max(100),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  ...legalBasis,
  leaderName: z.string().trim().min(2).max(NAME_MAX),
  note: text(2000).nullable().optional(),
  team: z.array(teamMemberInput).max(50).default([]),
});
export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;
export const createAssignmentResponse = z.object({ items: z.array(assignment) });

/** End an assignment on a date (exclusive); the row stays as history. */
export const endAssignmentBody = z.object({ validTo: isoDate, note: text(2000).nullable().optional() });
export type EndAssignmentBody = z.infer<typeof endAssignmentBody>;

/**
 * Replace an assignment from a date: the old row ends on `validFrom` and a new one (new leader, team, legal basis,
 * or another agency) starts then, linked by `replacesId`.
 */
export const replaceAssignmentBody = z.object({
  agencyId: id.optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  ...legalBasis,
  leaderName: z.string().trim().min(2).max(NAME_MAX),
  note: text(2000).nullable().optional(),
  team: z.array(teamMemberInput).max(50).default([]),
});
export type ReplaceAssignmentBody = z.infer<typeof replaceAssignmentBody>;

// ───────────────────────────── activities ─────────────────────────────

export const activityKinds = ['field_visit', 'guidance', 'communication', 'inspection', 'support', 'conference'] as const;
export const activityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKind>;
/** Kinds that count as a visit to the commune (signals, scorecards). */
export const visitKinds = ['field_visit', 'guidance', 'inspection'] as const satisfies readonly ActivityKind[];

export const followUpStatus = z.enum(['open', 'done']);
export type FollowUpStatus = z.infer<typeof followUpStatus>;
export const followUpInput = z.object({
  text: z.string().trim().min(2).max(2000),
  ownerName: z.string().trim().min(2).max(NAME_MAX),
  ownerUserId: id.nullable().optional(),
  dueDate: isoDate,
});
export type FollowUpInput = z.infer<typeof followUpInput>;
export const followUp = z.object({
  id,
  activityId: id,
  text: z.string(),
  ownerName: z.string(),
  ownerUserId: id.nullable(),
  dueDate: isoDate,
  status: followUpStatus,
  doneAt: z.string().nullable(),
  /** Open and past its due date (today, Asia/Ho_Chi_Minh). */
  overdue: z.boolean(),
  abilities: z.object({ canUpdate: z.boolean() }),
});
export type FollowUp = z.infer<typeof followUp>;

export const activity = z.object({
  id,
  unit: unitRef,
  agency: agencyRef,
  kind: activityKind,
  date: isoDate,
  participants: z.string(),
  content: z.string(),
  results: z.string().nullable(),
  supportValueVnd: z.number().int().nullable(),
  supportDescription: z.string().nullable(),
  criteria: z.array(z.string()),
  files: z.array(storedFile),
  followUps: z.array(followUp),
  createdBy: personRef.nullable(),
  createdAt: z.string(),
  isDemo: z.boolean(),
  abilities: z.object({ canUpdateFollowUps: z.boolean() }),
});
export type Activity = z.infer<typeof activity>;

export const createActivityBody = z.object({
  unitId: id,
  /** Defaults to the caller's agency; only a system administrator records for another agency. */
  agencyId: id.optional(),
  kind: activityKind,
  date: isoDate,
  participants: z.string().trim().min(2).max(2000),
  content: z.string().trim().min(2).max(TEXT_MAX),
  results: text().nullable().optional(),
  supportValueVnd: vnd.nullable().optional(),
  supportDescription: text(2000).nullable().optional(),
  criteria: z.array(criterionRef).max(50).default([]),
  fileIds,
  followUps: z.array(followUpInput).max(50).default([]),
});
export type CreateActivityBody = z.infer<typeof createActivityBody>;

export const listActivitiesQuery = pageQuery.extend({
  /** A commune, with its predecessors' activities. */
  unitId: id.optional(),
  agencyId: id.optional(),
  kind: activityKind.optional(),
  /** Only the visit kinds (see visitKinds). */
  visit: z.stringbool().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;
export const listActivitiesResponse = page(activity);
export const activityParams = z.object({ id });

/** Calendar / timeline: activities per day between two dates (at most 400 days). */
export const activityCalendarQuery = z.object({
  from: isoDate,
  to: isoDate,
  unitId: id.optional(),
  agencyId: id.optional(),
  kind: activityKind.optional(),
});
export type ActivityCalendarQuery = z.infer<typeof activityCalendarQuery>;
export const activityCalendarResponse = z.object({
  from: isoDate,
  to: isoDate,
  days: z.array(
    z.object({
      date: isoDate,
      items: z.array(z.object({ id, kind: activityKind, unit: unitRef, agency: agencyRef })),
    }),
  ),
});
export type ActivityCalendarResponse = z.infer<typeof activityCalendarResponse>;

export const followUpParams = z.object({ id, followUpId: id });
export const updateFollowUpBody = z.object({ status: followUpStatus });

// ───────────────────────────── obstacles ─────────────────────────────

export const obstacleCategories = ['funding', 'land', 'procedures', 'capacity', 'materials', 'coordination', 'other'] as const;
export const obstacleCategory = z.enum(obstacleCategories);
/** Who must resolve it, from the lowest; escalation moves one step up. */
export const obstacleLevels = ['commune', 'agency', 'department', 'steering_committee'] as const;
export const obstacleLevel = z.enum(obstacleLevels);
export type ObstacleLevel = z.infer<typeof obstacleLevel>;
export const obstacleStatuses = ['new', 'accepted', 'in_progress', 'resolved', 'closed'] as const;
export const obstacleStatus = z.enum(obstacleStatuses);
export type ObstacleStatus = z.infer<typeof obstacleStatus>;
export const obstacleActions = ['accept', 'start', 'escalate', 'resolve', 'close', 'reopen'] as const;
export const obstacleAction = z.enum(obstacleActions);
export type ObstacleAction = z.infer<typeof obstacleAction>;
export const obstacleEventKinds = ['create', 'comment', ...obstacleActions] as const;
export const obstacleEventKind = z.enum(obstacleEventKinds);

export const obstacleAbilities = z.object({
  canAccept: z.boolean(),
  canStart: z.boolean(),
  canEscalate: z.boolean(),
  canResolve: z.boolean(),
  canClose: z.boolean(),
  canReopen: z.boolean(),
  canReply: z.boolean(),
});
export type ObstacleAbilities = z.infer<typeof obstacleAbilities>;

export const obstacle = z.object({
  id,
  unit: unitRef,
  title: z.string(),
  description: z.string(),
  category: obstacleCategory,
  criteria: z.array(z.string()),
  level: obstacleLevel,
  assigneeAgency: agencyRef.nullable(),
  dueDate: isoDate.nullable(),
  status: obstacleStatus,
  answer: z.string().nullable(),
  resolutionDoc: z.string().nullable(),
  raisedBy: personRef.nullable(),
  raisedByAgency: agencyRef.nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Row version: send it back as `expectedVersion` with a transition. */
  version: z.number().int(),
  /** Days since it was raised (open) or until it was resolved/closed. */
  ageDays: z.number().int(),
  /** Open and past its due date. */
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  isDemo: z.boolean(),
  abilities: obstacleAbilities,
});
export type Obstacle = z.infer<typeof obstacle>;

export const obstacleEvent = z.object({
  id,
  kind: obstacleEventKind,
  text: z.string().nullable(),
  fromStatus: obstacleStatus.nullable(),
  toStatus: obstacleStatus.nullable(),
  fromLevel: obstacleLevel.nullable(),
  toLevel: obstacleLevel.nullable(),
  assigneeAgency: agencyRef.nullable(),
  actor: personRef.nullable(),
  at: z.string(),
  files: z.array(storedFile),
});
export type ObstacleEvent = z.infer<typeof obstacleEvent>;
export const obstacleDetail = obstacle.extend({ events: z.array(obstacleEvent) });
export type ObstacleDetail = z.infer<typeof obstacleDetail>;

export const createObstacleBody = z.object({
  unitId: id,
  title: z.string().trim().min(3).max(TITLE_MAX),
  description: z.string().trim().min(3).max(TEXT_MAX),
  category: obstacleCategory,
  criteria: z.array(criterionRef).max(50).default([]),
  /** Default: `agency` when the commune has a helper (assigned to it), else `commune`. */
  level: obstacleLevel.optional(),
  /** Default at level `agency`: the caller's agency, else the commune's first current helper. */
  assigneeAgencyId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  fileIds,
});
export type CreateObstacleBody = z.infer<typeof createObstacleBody>;

export const listObstaclesQuery = pageQuery.extend({
  /** A commune, with its predecessors' obstacles. */
  unitId: id.optional(),
  /** Assigned to this agency. */
  assigneeAgencyId: id.optional(),
  /** Raised by this agency (a help team on the commune's behalf). */
  raisedByAgencyId: id.optional(),
  status: obstacleStatus.optional(),
  /** new, accepted or in progress. */
  open: z.stringbool().optional(),
  level: obstacleLevel.optional(),
  category: obstacleCategory.optional(),
  overdue: z.stringbool().optional(),
  /** Open for at least this many days. */
  minAgeDays: z.coerce.number().int().min(0).max(10_000).optional(),
  /** Resolved between these dates (inclusive), for the scorecards' links. */
  resolvedFrom: isoDate.optional(),
  resolvedTo: isoDate.optional(),
  sort: z.enum(['newest', 'oldest', 'due']).default('newest'),
});
export type ListObstaclesQuery = z.infer<typeof listObstaclesQuery>;
export const listObstaclesResponse = page(obstacle);
export const obstacleParams = z.object({ id });

export const transitionObstacleBody = z.object({
  action: obstacleAction,
  expectedVersion: z.number().int().min(1),
  /** The answer (resolve), the reason (reopen, close, escalate) or a note. Required for resolve and reopen. */
  text: text().nullable().optional(),
  /** The document that resolved it (resolve): number, date, issuer. */
  resolutionDoc: z.string().trim().min(3).max(LEGAL_BASIS_MAX).nullable().optional(),
  /** Escalate: who takes it at the next level (default: the level's usual agency when known). */
  assigneeAgencyId: id.nullable().optional(),
  /** Escalate/accept: a new due date. */
  dueDate: isoDate.nullable().optional(),
  fileIds,
});
export type TransitionObstacleBody = z.infer<typeof transitionObstacleBody>;

export const replyObstacleBody = z.object({ text: z.string().trim().min(1).max(TEXT_MAX), fileIds });
export type ReplyObstacleBody = z.infer<typeof replyObstacleBody>;

// ───────────────────────────── inbox ─────────────────────────────

const inboxBase = {
  id,
  unit: unitRef,
  dueDate: isoDate.nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
};
/** What's due for the caller, as typed items (issue 4 adds assessment items). */
export const inboxItem = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('obstacle'),
    ...inboxBase,
    obstacleId: id,
    title: z.string(),
    status: obstacleStatus,
    level: obstacleLevel,
    ageDays: z.number().int(),
  }),
  z.object({
    type: z.literal('follow_up'),
    ...inboxBase,
    activityId: id,
    followUpId: id,
    text: z.string(),
    ownerName: z.string(),
  }),
  /** Assessments (issue 4): a form to fill, indicators returned to the commune, a review waiting at the caller's step. */
  z.object({
    type: z.literal('assessment'),
    ...inboxBase,
    assessmentId: id,
    kind: z.enum(['form_to_fill', 'indicators_returned', 'review_pending']),
    cycleName: z.string(),
    year: z.number().int(),
    /** The review step's label (review_pending), else null. */
    stepLabel: z.string().nullable(),
    /** Indicators concerned (returned, or waiting for the caller's verdict); 0 for a form to fill. */
    count: z.number().int(),
  }),
]);
export type InboxItem = z.infer<typeof inboxItem>;
export const inboxQuery = pageQuery.extend({ overdue: z.stringbool().optional() });
export const inboxResponse = page(inboxItem);

// ───────────────────────────── signals ─────────────────────────────

export const noVisitQuery = pageQuery.extend({
  days: z.coerce.number().int().min(1).max(3650).default(90),
  asOf: isoDate.optional(),
});
export const noVisitResponse = z.object({
  days: z.number().int(),
  asOf: isoDate,
  /** Helped communes (a current assignment) with no visit (visitKinds) in the last `days` days. */
  items: z.array(
    z.object({
      unit: unitRef,
      helpers: z.array(agencyRef),
      lastVisitDate: isoDate.nullable(),
      lastVisitActivityId: id.nullable(),
      daysSinceVisit: z.number().int().nullable(),
    }),
  ),
  total: z.number().int(),
});
export type NoVisitResponse = z.infer<typeof noVisitResponse>;

export const signalAsOfQuery = pageQuery.extend({ asOf: isoDate.optional() });
export const noHelperResponse = z.object({
  asOf: isoDate,
  /** True: the list is limited to communes not meeting the standard by their latest status (or with none). */
  criteriaStatusAvailable: z.boolean(),
  notice: z.string(),
  items: z.array(
    z.object({
      unit: unitRef,
      /** The commune's latest criteria status up to the year of asOf; null = never assessed. */
      status: z
        .object({ year: z.number().int(), criteriaMet: z.number().int(), criteriaApplicable: z.number().int(), basis: z.enum(['self', 'appraised']) })
        .nullable(),
    }),
  ),
  total: z.number().int(),
});
export type NoHelperResponse = z.infer<typeof noHelperResponse>;

export const overdueObstaclesResponse = z.object({
  asOf: isoDate,
  byLevel: z.array(z.object({ level: obstacleLevel, count: z.number().int() })),
  items: z.array(obstacle),
  total: z.number().int(),
});
export type OverdueObstaclesResponse = z.infer<typeof overdueObstaclesResponse>;

export const scorecardQuery = z.object({ from: isoDate, to: isoDate });
export const scorecard = z.object({
  agency: agencyRef,
  /** Communes with an assignment of the agency overlapping the period. */
  communesHelped: z.number().int(),
  /** Activities of the visit kinds dated in the period. */
  visits: z.number().int(),
  /** visits / calendar months the period touches, one decimal. */
  visitsPerMonth: z.number(),
  activities: z.number().int(),
  /** Follow-ups of the agency's activities dated in the period: all and done. */
  followUps: z.number().int(),
  followUpsClosed: z.number().int(),
  /** Obstacles assigned to the agency and resolved in the period; median days from raised to resolved. */
  obstaclesResolved: z.number().int(),
  medianDaysToResolve: z.number().nullable(),
  supportValueVnd: z.number().int(),
  /** API queries that list the rows behind each number. */
  links: z.object({
    communes: z.string(),
    visits: z.string(),
    activities: z.string(),
    obstaclesResolved: z.string(),
  }),
});
export type Scorecard = z.infer<typeof scorecard>;
export const scorecardsResponse = z.object({ from: isoDate, to: isoDate, months: z.number().int(), items: z.array(scorecard) });
export type ScorecardsResponse = z.infer<typeof scorecardsResponse>;
