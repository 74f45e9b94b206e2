/** Criteria sets: versioned documents (criteria → indicators → target rules) read and written as a whole. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { CriteriaSetDef } from '../../../domain/criteria/index.js';
import { unit } from './units.js';
import { appUser } from './users.js';

/**
 * One version of a criteria set. `definition` is the whole `CriteriaSetDef` the engine evaluates, so an
 * evaluation reads one row. A published row is immutable (edits make a new version); a draft is edited by
 * replacing parts of its document inside a transaction that locks the row (`row_version` guards stale edits).
 * `province_unit_id` null = a national set (the legal text as loaded); otherwise a provincial variant.
 */
export const criteriaSet = pgTable(
  'criteria_set',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['ntm', 'advanced', 'model', 'modern'] }).notNull(),
    legalBasis: text('legal_basis').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    version: integer('version').notNull(),
    parentSetId: uuid('parent_set_id'),
    provinceUnitId: uuid('province_unit_id').references(() => unit.id),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    isDemo: boolean('is_demo').notNull().default(false),
    definition: jsonb('definition').$type<CriteriaSetDef>().notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('criteria_set_code_version_uq').on(t.code, t.version),
    foreignKey({ name: 'criteria_set_parent_fk', columns: [t.parentSetId], foreignColumns: [t.id] }).onDelete('set null'),
    index('criteria_set_province_idx').on(t.provinceUnitId),
    index('criteria_set_parent_idx').on(t.parentSetId),
    check('criteria_set_level_chk', sql`${t.level} in ('ntm','advanced','model','modern')`),
    check('criteria_set_status_chk', sql`${t.status} in ('draft','published')`),
    check('criteria_set_published_chk', sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
    check('criteria_set_validity_chk', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    check('criteria_set_version_chk', sql`${t.version} >= 1`),
  ],
);
