/** Helping communes (issue 5): stored files, assignments and help teams, activities, obstacles and their thread. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agency } from './agencies.js';
import { unit } from './units.js';
import { appUser } from './users.js';

/** An uploaded file: bytes on disk under <dataDir>/uploads/<sha256[0..2]>/<sha256>, metadata here. */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    originalName: text('original_name').notNull(),
    /** The unit whose scope decides who may read the file. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('stored_file_unit_idx').on(t.unitId), index('stored_file_sha_idx').on(t.sha256)],
);

/** An agency assigned to help one commune for a period (legal basis: document number and date). */
export const assignment = pgTable(
  'assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    legalBasisDoc: text('legal_basis_doc').notNull(),
    legalBasisDate: date('legal_basis_date').notNull(),
    leaderName: text('leader_name').notNull(),
    note: text('note'),
    replacesId: uuid('replaces_id'),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('assignment_agency_idx').on(t.agencyId, t.validFrom),
    index('assignment_unit_idx').on(t.unitId, t.validFrom),
    check('assignment_validity_chk', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** A member of the help team of an assignment (with an account or just a name). */
export const teamMember = pgTable(
  'team_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignment.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('team_member_assignment_idx').on(t.assignmentId), index('team_member_user_idx').on(t.userId)],
);

/** What a help team did in a commune. */
export const activity = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    kind: text('kind', { enum: ['field_visit', 'guidance', 'communication', 'inspection', 'support', 'conference'] }).notNull(),
    date: date('date').notNull(),
    participants: text('participants').notNull(),
    content: text('content').notNull(),
    results: text('results'),
    supportValueVnd: bigint('support_value_vnd', { mode: 'number' }),
    supportDescription: text('support_description'),
    criteria: text('criteria').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('activity_unit_date_idx').on(t.unitId, t.date),
    index('activity_agency_date_idx').on(t.agencyId, t.date),
    check('activity_support_chk', sql`${t.supportValueVnd} is null or ${t.supportValueVnd} >= 0`),
  ],
);

export const activityFile = pgTable(
  'activity_file',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.fileId] })],
);

/** Something to do after an activity, by someone, by a date. */
export const followUp = pgTable(
  'follow_up',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('follow_up_activity_idx').on(t.activityId),
    index('follow_up_owner_idx').on(t.ownerUserId, t.status),
    check('follow_up_status_chk', sql`${t.status} in ('open','done')`),
  ],
);

/** A difficulty raised by a commune (or a help team on its behalf) and its handling. */
export const obstacle = pgTable(
  'obstacle',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    raisedBy: uuid('raised_by').references(() => appUser.id, { onDelete: 'set null' }),
    raisedByAgencyId: uuid('raised_by_agency_id').references(() => agency.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category', { enum: ['funding', 'land', 'procedures', 'capacity', 'materials', 'coordination', 'other'] }).notNull(),
    criteria: text('criteria').array().notNull().default(sql`'{}'::text[]`),
    level: text('level', { enum: ['commune', 'agency', 'department', 'steering_committee'] }).notNull(),
    assigneeAgencyId: uuid('assignee_agency_id').references(() => agency.id),
    dueDate: date('due_date'),
    status: text('status', { enum: ['new', 'accepted', 'in_progress', 'resolved', 'closed'] }).notNull().default('new'),
    answer: text('answer'),
    resolutionDoc: text('resolution_doc'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('obstacle_unit_idx').on(t.unitId, t.status),
    index('obstacle_assignee_idx').on(t.assigneeAgencyId, t.status),
    index('obstacle_due_idx').on(t.status, t.dueDate),
    check('obstacle_status_chk', sql`${t.status} in ('new','accepted','in_progress','resolved','closed')`),
    check('obstacle_level_chk', sql`${t.level} in ('commune','agency','department','steering_committee')`),
  ],
);

/** The obstacle's thread: every status change and every reply, append-only. */
export const obstacleEvent = pgTable(
  'obstacle_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    obstacleId: uuid('obstacle_id')
      .notNull()
      .references(() => obstacle.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['create', 'comment', 'accept', 'start', 'escalate', 'resolve', 'close', 'reopen'] }).notNull(),
    text: text('text'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    fromLevel: text('from_level'),
    toLevel: text('to_level'),
    assigneeAgencyId: uuid('assignee_agency_id').references(() => agency.id),
    actorId: uuid('actor_id').references(() => appUser.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    seq: integer('seq').notNull(),
  },
  (t) => [index('obstacle_event_obstacle_idx').on(t.obstacleId, t.seq)],
);

export const obstacleEventFile = pgTable(
  'obstacle_event_file',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => obstacleEvent.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.fileId] })],
);
