/**
 * Assessments (issue 4): cycles with their review chain, one assessment per commune per cycle, one row per indicator
 * (optimistic version + last client operation id), verdicts per review step and round, evidence, return rounds,
 * the write-time commune status summary, recognition/revocation decisions and in-app notifications.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, doublePrecision } from 'drizzle-orm/pg-core';
import type { CycleDeadlines, ReviewStep } from '../../../contracts/assessments.js';
import { criteriaSet } from './criteria.js';
import { storedFile } from './assistance.js';
import { targetList } from './plans.js';
import { unit } from './units.js';
import { appUser } from './users.js';

/** An assessment cycle opened by the steering office: set, year, communes (one assessment each), deadlines, chain. */
export const assessmentCycle = pgTable(
  'assessment_cycle',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id')
      .notNull()
      .references(() => criteriaSet.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** The unit whose communes the cycle covers (a province). */
    scopeUnitId: uuid('scope_unit_id').references(() => unit.id),
    /** The adopted target list the cycle's communes came from (issue 4), when it was opened or extended from one. */
    targetListId: uuid('target_list_id').references(() => targetList.id, { onDelete: 'set null' }),
    deadlines: jsonb('deadlines').$type<CycleDeadlines>().notNull(),
    /** Ordered review steps after the commune's self-assessment. */
    reviewChain: jsonb('review_chain').$type<ReviewStep[]>().notNull(),
    /** Criterion number → agency id (routing of per-criterion steps). */
    criterionAgencies: jsonb('criterion_agencies').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    /** Why, when and by whom the cycle was closed (a closed cycle is read-only). */
    closeReason: text('close_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => appUser.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('assessment_cycle_year_idx').on(t.year)],
);

/** One commune's assessment in a cycle. */
export const assessment = pgTable(
  'assessment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycle.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    status: text('status', { enum: ['draft', 'in_review', 'returned', 'appraised', 'reopened'] }).notNull().default('draft'),
    /** Index into the cycle's review chain; null while draft. */
    currentStep: integer('current_step'),
    round: integer('round').notNull().default(1),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    locked: boolean('locked').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [unique('assessment_cycle_unit_uq').on(t.cycleId, t.unitId), index('assessment_unit_idx').on(t.unitId)],
);

/** One indicator's value in an assessment; every change bumps `version` (stale edits are refused). */
export const indicatorResult = pgTable(
  'indicator_result',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    criterionNumber: text('criterion_number').notNull(),
    position: integer('position').notNull(),
    value: jsonb('value'),
    note: text('note'),
    carriedOver: boolean('carried_over').notNull().default(false),
    state: text('state', { enum: ['draft', 'submitted', 'returned', 'reviewed', 'appraised'] }).notNull().default('draft'),
    /** The open return's reason while state = returned. */
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => appUser.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    /** The client operation id of the last applied save: a replay answers the stored row. */
    lastOpId: uuid('last_op_id'),
  },
  (t) => [unique('indicator_result_code_uq').on(t.assessmentId, t.indicatorCode)],
);

/**
 * Every applied autosave, append-only, written by the same statement as the row's update: who changed which value from
 * what to what, with the client's operation id. (Autosaves are kept here rather than in the hash-chained audit log,
 * whose single writer would serialise every keystroke; workflow transitions are audited in the chain.)
 */
export const resultChange = pgTable(
  'result_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => indicatorResult.id, { onDelete: 'cascade' }),
    opId: uuid('op_id').notNull(),
    version: integer('version').notNull(),
    valueBefore: jsonb('value_before'),
    valueAfter: jsonb('value_after'),
    note: text('note'),
    carriedOver: boolean('carried_over').notNull(),
    actorId: uuid('actor_id').references(() => appUser.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('result_change_result_idx').on(t.resultId, t.at)],
);

/** A verdict of a review step on one indicator in one round (append-only: history keeps every round). */
export const verdict = pgTable(
  'verdict',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => indicatorResult.id, { onDelete: 'cascade' }),
    stepKey: text('step_key').notNull(),
    verdict: text('verdict', { enum: ['met', 'not_met', 'not_applicable'] }).notNull(),
    agreed: boolean('agreed').notNull(),
    reason: text('reason'),
    round: integer('round').notNull(),
    actorId: uuid('actor_id').references(() => appUser.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verdict_result_idx').on(t.resultId, t.at)],
);

/** A file attached to an indicator result as evidence, with the photo's EXIF facts when present. */
export const resultEvidence = pgTable(
  'result_evidence',
  {
    resultId: uuid('result_id')
      .notNull()
      .references(() => indicatorResult.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    exifTakenAt: text('exif_taken_at'),
    exifLat: doublePrecision('exif_lat'),
    exifLon: doublePrecision('exif_lon'),
    addedBy: uuid('added_by').references(() => appUser.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.fileId] })],
);

/** Indicators returned to the commune (or reopened by the steering office) in one round, each with its reason. */
export const returnRound = pgTable(
  'return_round',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    stepKey: text('step_key').notNull(),
    kind: text('kind', { enum: ['return', 'reopen'] }).notNull().default('return'),
    round: integer('round').notNull(),
    items: jsonb('items').$type<Array<{ code: string; reason: string }>>().notNull(),
    actorId: uuid('actor_id').references(() => appUser.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('return_round_assessment_idx').on(t.assessmentId, t.at)],
);

/** Assessment-level events (submit, forward, appraise, reopen) for the history. */
export const assessmentEvent = pgTable(
  'assessment_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['submit', 'forward', 'appraise', 'reopen'] }).notNull(),
    stepKey: text('step_key'),
    round: integer('round').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => appUser.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_event_idx').on(t.assessmentId, t.at)],
);

/**
 * The write-time summary of a commune-year, refreshed in the same transaction as every workflow change that affects
 * it (submit, verdicts, returns, forward, appraise, reopen). Read by dashboards, the maintenance review and profiles.
 */
export const communeStatus = pgTable(
  'commune_status',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    year: integer('year').notNull(),
    setId: uuid('set_id')
      .notNull()
      .references(() => criteriaSet.id),
    assessmentId: uuid('assessment_id').references(() => assessment.id, { onDelete: 'set null' }),
    criteriaMet: integer('criteria_met').notNull(),
    criteriaApplicable: integer('criteria_applicable').notNull(),
    meetsStandard: boolean('meets_standard').notNull(),
    /** Criterion numbers not met (or undetermined). */
    missing: jsonb('missing').$type<string[]>().notNull(),
    /** Per criterion: number and status, enough to apply the revocation rules again. */
    criteria: jsonb('criteria').$type<Array<{ number: string; status: string }>>().notNull(),
    basis: text('basis', { enum: ['self', 'appraised'] }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.year, t.setId] }),
    // dashboards and reports read one set's years across an area (and the year/set usage for the pickers)
    index('commune_status_set_year_idx').on(t.setId, t.year, t.unitId),
  ],
);

/** A recognition (công nhận) or revocation (thu hồi) decision for a commune. */
export const recognition = pgTable(
  'recognition',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    kind: text('kind', { enum: ['recognition', 'revocation'] }).notNull(),
    level: text('level', { enum: ['ntm', 'advanced', 'model', 'modern'] }).notNull(),
    year: integer('year').notNull(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date'),
    signer: text('signer'),
    fileId: uuid('file_id').references(() => storedFile.id),
    /** On a revocation: the recognition it revokes. */
    revokesId: uuid('revokes_id'),
    /** On a recognition: the revocation that ended it. */
    revokedById: uuid('revoked_by_id'),
    sourceNote: text('source_note'),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('recognition_unit_idx').on(t.unitId, t.year),
    check('recognition_revocation_chk', sql`${t.kind} = 'recognition' or ${t.revokesId} is not null`),
  ],
);

/** An in-app notification (and the e-mail sent for it when SMTP is configured). */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    assessmentId: uuid('assessment_id').references(() => assessment.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => unit.id),
    dueDate: date('due_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);
