/** Contracts of maps (issue 7): boundary sets uploaded as GeoJSON, their simplified features, and per-commune values. */
import { z } from 'zod';
import { id, isoDate, NAME_MAX } from './common.js';

/** What can be wrong in a boundary file (stable codes; messages are Vietnamese). */
export const boundaryIssueKinds = [
  'json',
  'not_collection',
  'crs',
  'no_features',
  'too_many_features',
  'too_many_points',
  'not_feature',
  'geometry_type',
  'coordinates',
  'projected',
  'swapped',
  'out_of_range',
  'outside_vietnam',
  'ring_short',
  'ring_open',
  'no_code_property',
  'no_code',
  'bad_code',
  'duplicate_code',
  'unknown_code',
  'other_province',
] as const;
export type BoundaryIssueKind = (typeof boundaryIssueKinds)[number];

/** Upload size limit of a boundary file. */
export const BOUNDARY_MAX_BYTES = 20 * 1024 * 1024;
export const MAP_YEAR_MIN = 2010;
export const MAP_YEAR_MAX = 2100;
const year = z.coerce.number().int().min(MAP_YEAR_MIN).max(MAP_YEAR_MAX);

/** POST /api/maps/boundaries?… with one multipart part `file` (.geojson / .json, ≤ 20 MB). */
export const uploadBoundariesQuery = z.object({
  name: z.string().trim().min(1).max(NAME_MAX),
  /** First year the outlines apply to; codes are matched to the communes existing on 31 December of that year. */
  yearFrom: year,
  /** Last year (inclusive); empty = still valid. */
  yearTo: year.optional(),
  /** The feature property holding the commune code; detected (ma_xa, MA_XA, code, …) when empty. */
  codeProperty: z.string().trim().max(64).optional(),
  /** Make it the active set for its province and years (default true). */
  activate: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type UploadBoundariesQuery = z.infer<typeof uploadBoundariesQuery>;

export const boundaryIssue = z.object({
  feature: z.number().int().nullable(),
  code: z.string().nullable(),
  kind: z.enum(boundaryIssueKinds),
  message: z.string(),
});
export type BoundaryIssue = z.infer<typeof boundaryIssue>;

const unitRef = z.object({ unitId: id, code: z.string().nullable(), name: z.string() });

/**
 * The validation report: on refusal it is `details.report` of a VALIDATION error (nothing written); on success it
 * comes with the created set.
 */
export const boundaryReport = z.object({
  codeProperty: z.string().nullable(),
  featureCount: z.number().int(),
  issues: z.array(boundaryIssue),
  /** Communes of the province at the set's date that have no feature (a warning, not a refusal). */
  missingUnits: z.array(unitRef),
  pointsOriginal: z.number().int(),
  pointsSimplified: z.number().int(),
  /** gzip size of the simplified features as the map receives them. */
  payloadGzipBytes: z.number().int(),
});
export type BoundaryReport = z.infer<typeof boundaryReport>;

export const boundarySetAbilities = z.object({ activate: z.boolean(), deactivate: z.boolean(), delete: z.boolean() });

export const boundarySetSummary = z.object({
  id,
  name: z.string(),
  province: unitRef,
  yearFrom: z.number().int(),
  yearTo: z.number().int().nullable(),
  asOf: isoDate,
  codeProperty: z.string(),
  fileId: id,
  fileName: z.string(),
  fileSize: z.number().int(),
  featureCount: z.number().int(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  pointsOriginal: z.number().int(),
  pointsSimplified: z.number().int(),
  payloadGzipBytes: z.number().int(),
  isActive: z.boolean(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  abilities: boundarySetAbilities,
});
export type BoundarySetSummary = z.infer<typeof boundarySetSummary>;

export const uploadBoundariesResponse = z.object({ set: boundarySetSummary, report: boundaryReport });
export type UploadBoundariesResponse = z.infer<typeof uploadBoundariesResponse>;

export const listBoundarySetsQuery = z.object({ year: year.optional() });
export const listBoundarySetsResponse = z.object({ items: z.array(boundarySetSummary), canUpload: z.boolean() });
export type ListBoundarySetsResponse = z.infer<typeof listBoundarySetsResponse>;

export const boundarySetParams = z.object({ id });
export const activateBoundarySetBody = z.object({ active: z.boolean() });

/** GET /api/maps/boundaries?year=&unitId=: the active outlines of the communes under the unit (in scope). */
export const boundariesQuery = z.object({ year, unitId: id.optional() });

export const boundaryFeatureOut = z.object({
  unitId: id,
  code: z.string(),
  /** Each ring: [x0, y0, dx1, dy1, …] integers on a 1/`grid` degree grid (x = longitude); draw with even-odd fill. */
  rings: z.array(z.array(z.number())),
  areaKm2: z.number(),
});
export type BoundaryFeatureOut = z.infer<typeof boundaryFeatureOut>;

/** Empty `features` (and `sets`) means "no boundaries": the map shows the tile view. */
export const boundariesResponse = z.object({
  year: z.number().int(),
  grid: z.number().int(),
  sets: z.array(z.object({ id, name: z.string(), provinceName: z.string() })),
  /** [west, south, east, north] of the features returned; null when there are none. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  features: z.array(boundaryFeatureOut),
});
export type BoundariesResponse = z.infer<typeof boundariesResponse>;

/** GET /api/maps/values?year=&setId=&unitId=: what the map colours, per commune in scope. */
export const mapValuesQuery = z.object({ year, setId: id, unitId: id.optional() });

export const recognitionLevels = ['ntm', 'advanced', 'model', 'modern'] as const;

export const mapCommuneValue = z.object({
  unitId: id,
  code: z.string().nullable(),
  name: z.string(),
  /** The old district for years ≤ 2024, the province afterwards (the commune's parent on 31 December). */
  parent: z.object({ unitId: id, name: z.string(), level: z.string() }).nullable(),
  criteriaMet: z.number().int().nullable(),
  criteriaApplicable: z.number().int().nullable(),
  meetsStandard: z.boolean().nullable(),
  /** self = the commune's own assessment so far; appraised = after final appraisal; null = not assessed. */
  basis: z.enum(['self', 'appraised']).nullable(),
  /** Highest recognised level in force in the year (unrevoked, granted in or before it). */
  recognisedLevel: z.enum(recognitionLevels).nullable(),
});
export type MapCommuneValue = z.infer<typeof mapCommuneValue>;

export const mapValuesResponse = z.object({
  year: z.number().int(),
  set: z.object({ id, code: z.string(), name: z.string(), criteriaCount: z.number().int() }),
  /** The unit asked for (null = the whole scope). */
  unit: z.object({ unitId: id, name: z.string(), level: z.string() }).nullable(),
  items: z.array(mapCommuneValue),
});
export type MapValuesResponse = z.infer<typeof mapValuesResponse>;
