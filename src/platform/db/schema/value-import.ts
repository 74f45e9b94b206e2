/**
 * Excel import of a cycle's indicator values (issue 7): one job per uploaded workbook. The job is validated in the
 * background (progress polled by the client), keeps its per-row report and the preview of changes, and is applied
 * all or nothing. The uploaded workbook is kept as a stored_file.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessmentCycle } from './assessments.js';
import { storedFile } from './assistance.js';
import { unit } from './units.js';
import { appUser } from './users.js';

export const valueImportJob = pgTable(
  'value_import_job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Jobs follow their cycle (demo cycles are removed with their imports). */
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycle.id, { onDelete: 'cascade' }),
    /** The unit the upload was made for (a commune, or the cycle's province): its scope decides who sees the job. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: ['parsing', 'validated', 'applied', 'failed'] }).notNull().default('parsing'),
    /** reading (rows read so far, total unknown) → validating (rows checked / total) → done. */
    phase: text('phase', { enum: ['reading', 'validating', 'done'] }).notNull().default('reading'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    changeCount: integer('change_count').notNull().default(0),
    communeCount: integer('commune_count').notNull().default(0),
    /** Every issue: {row, column, code, severity, message, unitCode?, indicatorCode?}. */
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    /** {changes: [...with the row id and the version validated against], communes: [...summary before → after]}. */
    preview: jsonb('preview'),
    /** Why a job failed (unreadable file, wrong cycle, interrupted). */
    failure: text('failure'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: uuid('applied_by').references(() => appUser.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('value_import_job_cycle_idx').on(t.cycleId, t.createdAt),
    check('value_import_job_progress_chk', sql`${t.processedRows} >= 0 and ${t.totalRows} >= 0`),
  ],
);
