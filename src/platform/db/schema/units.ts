/** Tables of the dated administrative-unit hierarchy with merge lineage. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An administrative unit as it existed between validFrom (inclusive) and validTo (exclusive).
 * A reorganisation never edits a unit into another: it ends the old row and starts a new one.
 * validFrom null = in force since before our records begin.
 */
export const unit = pgTable(
  'unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code'),
    name: text('name').notNull(),
    /** Lower-case name without diacritics, for search that ignores them ("ta phoi" → "Tả Phời"). */
    searchName: text('search_name').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune', 'village'] }).notNull(),
    type: text('type').notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    sourceNote: text('source_note'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'unit_parent_fk', columns: [t.parentId], foreignColumns: [t.id] }),
    index('unit_parent_idx').on(t.parentId),
    index('unit_code_idx').on(t.code),
    index('unit_level_idx').on(t.level),
    check('unit_level_chk', sql`${t.level} in ('province','district','commune','village')`),
    check('unit_validity_chk', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** A dated attribute of a unit that criteria depend on (region, commune group, ethnic area ...). */
export const unitAttribute = pgTable(
  'unit_attribute',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    legalBasis: text('legal_basis'),
    setBy: uuid('set_by'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_attribute_unit_idx').on(t.unitId, t.key)],
);

/** A lineage link: the predecessor ended and (part of) it continues in the successor from effectiveDate. */
export const unitSuccession = pgTable(
  'unit_succession',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    predecessorId: uuid('predecessor_id').notNull().references(() => unit.id),
    successorId: uuid('successor_id').notNull().references(() => unit.id),
    effectiveDate: date('effective_date').notNull(),
    kind: text('kind', { enum: ['merge', 'split', 'rename', 'transfer', 'reorganise'] }).notNull(),
    legalBasis: text('legal_basis'),
    note: text('note'),
  },
  (t) => [
    index('unit_succession_pred_idx').on(t.predecessorId),
    index('unit_succession_succ_idx').on(t.successorId),
    check('unit_succession_self_chk', sql`${t.predecessorId} <> ${t.successorId}`),
  ],
);
