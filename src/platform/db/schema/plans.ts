/**
 * Plans and targets (issue 6): the province's target-commune lists (a plan document listing the communes registered
 * to reach a standard level in a year) and the communes' own phase and annual plans with the criteria they plan to
 * meet and the tasks that get them there.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { agency } from './agencies.js';
import { storedFile } from './assistance.js';
import { unit } from './units.js';
import { appUser } from './users.js';

export const targetLevels = ['ntm', 'advanced', 'model'] as const;

/** A province's target list for a year ("Kế hoạch 239/KH-BCĐ"): draft while being drawn up, then adopted. */
export const targetList = pgTable(
  'target_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceUnitId: uuid('province_unit_id')
      .notNull()
      .references(() => unit.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    documentNo: text('document_no'),
    documentDate: date('document_date'),
    fileId: uuid('file_id').references(() => storedFile.id),
    note: text('note'),
    status: text('status', { enum: ['draft', 'adopted'] })
      .notNull()
      .default('draft'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    adoptedBy: uuid('adopted_by').references(() => appUser.id, { onDelete: 'set null' }),
    /** Bumped by every change of the list or its communes: stale edits are refused (CONFLICT). */
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('target_list_year_idx').on(t.year, t.provinceUnitId)],
);

/** A commune registered in a target list, with the level it aims at by the end of the list's year. */
export const targetListCommune = pgTable(
  'target_list_commune',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => targetList.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    targetLevel: text('target_level', { enum: targetLevels }).notNull(),
    /** The helper named by the document, when it differs from the assignments in force (else looked up). */
    helperAgencyId: uuid('helper_agency_id').references(() => agency.id),
    note: text('note'),
    addedBy: uuid('added_by').references(() => appUser.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('target_list_commune_uq').on(t.listId, t.unitId), index('target_list_commune_unit_idx').on(t.unitId)],
);

/** A commune's phase plan (e.g. 2021–2025) or annual plan (year_from = year_to). */
export const communePlan = pgTable(
  'commune_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    kind: text('kind', { enum: ['phase', 'annual'] }).notNull(),
    yearFrom: integer('year_from').notNull(),
    yearTo: integer('year_to').notNull(),
    title: text('title').notNull(),
    targetLevel: text('target_level', { enum: targetLevels }).notNull(),
    targetYear: integer('target_year').notNull(),
    status: text('status', { enum: ['draft', 'approved'] })
      .notNull()
      .default('draft'),
    note: text('note'),
    /** The plan(s) of last year this one was copied from (first one; the others are in the audit record). */
    copiedFromId: uuid('copied_from_id'),
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    unique('commune_plan_period_uq').on(t.unitId, t.kind, t.yearFrom, t.yearTo),
    index('commune_plan_year_idx').on(t.yearFrom, t.yearTo),
    check('commune_plan_period_chk', sql`${t.yearTo} >= ${t.yearFrom} and (${t.kind} = 'phase' or ${t.yearTo} = ${t.yearFrom})`),
  ],
);

/** A criterion the plan aims to meet, and the year it should be met. */
export const planCriterion = pgTable(
  'plan_criterion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => communePlan.id, { onDelete: 'cascade' }),
    criterionNumber: text('criterion_number').notNull(),
    targetYear: integer('target_year').notNull(),
    note: text('note'),
    /** Carried from last year's plan. */
    copied: boolean('copied').notNull().default(false),
  },
  (t) => [unique('plan_criterion_uq').on(t.planId, t.criterionNumber)],
);

/** A task of a plan: who does what by when, at what estimated cost, and how far it got. */
export const planTask = pgTable(
  'plan_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => communePlan.id, { onDelete: 'cascade' }),
    criterionNumber: text('criterion_number'),
    title: text('title').notNull(),
    /** The agency responsible (help teams of that agency may update the task), or a free-text name. */
    responsibleAgencyId: uuid('responsible_agency_id').references(() => agency.id),
    responsibleName: text('responsible_name'),
    deadline: date('deadline'),
    estimatedCostVnd: bigint('estimated_cost_vnd', { mode: 'number' }),
    status: text('status', { enum: ['todo', 'doing', 'done', 'cancelled'] })
      .notNull()
      .default('todo'),
    progressNote: text('progress_note'),
    doneAt: date('done_at'),
    /** Carried (open) from last year's plan. */
    copiedFromTaskId: uuid('copied_from_task_id'),
    position: integer('position').notNull().default(0),
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => appUser.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_task_plan_idx').on(t.planId, t.position),
    check('plan_task_cost_chk', sql`${t.estimatedCostVnd} is null or ${t.estimatedCostVnd} >= 0`),
  ],
);
