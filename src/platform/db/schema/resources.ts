/**
 * Programmes and resources (issue 6): the national target programmes with their projects / components (reference
 * data loaded from seed/reference/programmes), and the resources mobilised per commune, year, component and source.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { quantityUnits, resourceSources } from '../../../domain/resources/kinds.js';
import { storedFile } from './assistance.js';
import { unit } from './units.js';
import { appUser } from './users.js';

/** A national target programme for a period (years inclusive), with the decision that approved it. */
export const programme = pgTable(
  'programme',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date'),
    sourceNote: text('source_note').notNull(),
    /** The name and decision were found in the reference notes; false = taken from elsewhere, to be confirmed. */
    verified: boolean('verified').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('programme_code_uq').on(t.code), check('programme_period_chk', sql`${t.periodTo} >= ${t.periodFrom}`)],
);

/** A project / sub-project / component content of a programme. */
export const programmeComponent = pgTable(
  'programme_component',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    verified: boolean('verified').notNull().default(false),
    sourceNote: text('source_note'),
  },
  (t) => [unique('programme_component_code_uq').on(t.programmeId, t.code), index('programme_component_prog_idx').on(t.programmeId, t.position)],
);

/**
 * Resources mobilised for one commune-level unit in one year: a source, an optional programme component (null =
 * outside the programmes), a purpose, planned / allocated / disbursed amounts in VND. Labour days and donated land
 * carry a quantity with its unit (ngày công, m²) and an optional VND equivalent in `allocated_vnd`.
 * The unit is the one in force that year (a 2023 entry is on the old commune; totals roll it forward by lineage).
 */
export const resourceEntry = pgTable(
  'resource_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    year: integer('year').notNull(),
    componentId: uuid('component_id').references(() => programmeComponent.id),
    source: text('source', { enum: resourceSources }).notNull(),
    criterion: text('criterion'),
    workName: text('work_name'),
    plannedVnd: bigint('planned_vnd', { mode: 'number' }),
    allocatedVnd: bigint('allocated_vnd', { mode: 'number' }),
    disbursedVnd: bigint('disbursed_vnd', { mode: 'number' }),
    quantity: numeric('quantity', { precision: 14, scale: 2 }),
    quantityUnit: text('quantity_unit', { enum: quantityUnits }),
    note: text('note'),
    sourceNote: text('source_note'),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => appUser.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('resource_entry_unit_year_idx').on(t.unitId, t.year),
    index('resource_entry_year_idx').on(t.year, t.source),
    index('resource_entry_component_idx').on(t.componentId),
    check('resource_entry_amounts_chk', sql`coalesce(${t.plannedVnd}, 0) >= 0 and coalesce(${t.allocatedVnd}, 0) >= 0 and coalesce(${t.disbursedVnd}, 0) >= 0`),
    check('resource_entry_disbursed_chk', sql`${t.disbursedVnd} is null or ${t.allocatedVnd} is null or ${t.disbursedVnd} <= ${t.allocatedVnd}`),
    check('resource_entry_quantity_chk', sql`(${t.quantity} is null) = (${t.quantityUnit} is null) and coalesce(${t.quantity}, 0) >= 0`),
    check('resource_entry_year_chk', sql`${t.year} between 2000 and 2100`),
    check('resource_entry_purpose_chk', sql`${t.criterion} is not null or ${t.workName} is not null`),
  ],
);

export const resourceEntryFile = pgTable(
  'resource_entry_file',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => resourceEntry.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.fileId] })],
);
