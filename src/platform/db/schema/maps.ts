/**
 * Maps (issue 7): commune boundary sets uploaded by the steering office as GeoJSON, and their features simplified
 * for display. No boundary file ships with the project; without an active set the web draws communes as tiles.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { storedFile } from './assistance.js';
import { unit } from './units.js';
import { appUser } from './users.js';

/**
 * One uploaded boundary file for the communes of one province, valid for a range of years. Feature codes are
 * resolved to unit rows as of `as_of` (31 December of `year_from`): 2024 boundaries are those of the old communes,
 * 2025+ those of the communes formed on 2025-07-01. At most one active set per province covers a year (service rule).
 */
export const boundarySet = pgTable(
  'boundary_set',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    provinceUnitId: uuid('province_unit_id')
      .notNull()
      .references(() => unit.id),
    yearFrom: integer('year_from').notNull(),
    /** Inclusive; null = still valid. */
    yearTo: integer('year_to'),
    asOf: date('as_of').notNull(),
    /** The feature property that held the unit code. */
    codeProperty: text('code_property').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    featureCount: integer('feature_count').notNull(),
    /** [west, south, east, north] in degrees (WGS84) of the original geometry. */
    bbox: jsonb('bbox').$type<[number, number, number, number]>().notNull(),
    pointsOriginal: integer('points_original').notNull(),
    pointsSimplified: integer('points_simplified').notNull(),
    /** gzip size of the simplified features as served (measured at upload). */
    payloadGzipBytes: integer('payload_gzip_bytes').notNull(),
    isActive: boolean('is_active').notNull().default(false),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('boundary_set_province_idx').on(t.provinceUnitId, t.isActive),
    check('boundary_set_years_chk', sql`${t.yearTo} is null or ${t.yearTo} >= ${t.yearFrom}`),
  ],
);

/** One commune's outline in a set: simplified, quantised geometry for display (see domain/maps/simplify.ts). */
export const boundaryFeature = pgTable(
  'boundary_feature',
  {
    setId: uuid('set_id')
      .notNull()
      .references(() => boundarySet.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    code: text('code').notNull(),
    /** `{ rings: number[][] }`: each ring a flat, delta-coded list of integer coordinates (1e-4 degree grid). */
    geometry: jsonb('geometry').$type<{ rings: number[][] }>().notNull(),
    areaKm2: doublePrecision('area_km2').notNull(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.unitId] }), unique('boundary_feature_code_uq').on(t.setId, t.code), index('boundary_feature_unit_idx').on(t.unitId)],
);
