/** Agencies: departments, steering committees, coordination office, people's committees ... */
import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { unit } from './units.js';

export const agency = pgTable(
  'agency',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    searchName: text('search_name').notNull(),
    kind: text('kind', {
      enum: ['department', 'steering_committee', 'coordination_office', 'peoples_committee', 'mass_org', 'other'],
    }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    sourceNote: text('source_note'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agency_unit_idx').on(t.unitId), index('agency_kind_idx').on(t.kind)],
);
