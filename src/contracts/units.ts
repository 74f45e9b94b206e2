/** Contracts of the administrative-unit endpoints: dated hierarchy, attributes, lineage. */
import { z } from 'zod';
import { id, isoDate, LEGAL_BASIS_MAX, page, pageQuery } from './common.js';

export const unitLevels = ['province', 'district', 'commune', 'village'] as const;
export const unitLevel = z.enum(unitLevels);
export type UnitLevel = z.infer<typeof unitLevel>;

export const successionKinds = ['merge', 'split', 'rename', 'transfer', 'reorganise'] as const;
export const successionKind = z.enum(successionKinds);

/** Attribute keys that criteria depend on; each has its own value shape (see attributeValueSchemas). */
export const attributeKeys = ['region', 'communeGroup', 'ethnicArea', 'border', 'especiallyDifficult'] as const;
export const attributeKey = z.enum(attributeKeys);
export type AttributeKey = z.infer<typeof attributeKey>;

/** Regions used by the 2021–2025 targets (QĐ 318/QĐ-TTg). */
export const regions = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'] as const;
export const attributeValueSchemas = {
  region: z.enum(regions),
  communeGroup: z.enum(['1', '2', '3']),
  ethnicArea: z.enum(['I', 'II', 'III']),
  border: z.boolean(),
  especiallyDifficult: z.boolean(),
} as const satisfies Record<AttributeKey, z.ZodType>;

export const attributeValue = z.union([z.string(), z.boolean(), z.number()]);

export const unitSummary = z.object({
  id,
  /** Official code (mã ĐVHC); null where our sources do not give it. */
  code: z.string().nullable(),
  name: z.string(),
  level: unitLevel,
  type: z.string(),
  parentId: id.nullable(),
  parentName: z.string().nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  childCount: z.number().int(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

export const unitAttribute = z.object({
  id,
  key: attributeKey,
  value: attributeValue,
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  legalBasis: z.string().nullable(),
  setBy: z.string().nullable(),
  setAt: z.string(),
});
export type UnitAttribute = z.infer<typeof unitAttribute>;

export const successionLink = z.object({
  unit: unitSummary,
  effectiveDate: isoDate,
  kind: successionKind,
  legalBasis: z.string().nullable(),
});
export type SuccessionLink = z.infer<typeof successionLink>;

export const unitDetail = unitSummary.extend({
  sourceNote: z.string().nullable(),
  ancestors: z.array(unitSummary),
  children: z.array(unitSummary),
  attributes: z.array(unitAttribute),
  attributeHistory: z.array(unitAttribute),
  predecessors: z.array(successionLink),
  successors: z.array(successionLink),
  abilities: z.object({ canSetAttribute: z.boolean() }),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const listUnitsQuery = pageQuery.extend({
  asOf: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
  level: unitLevel.optional(),
  parentId: id.optional(),
  /** Top of the caller's visible tree as of the date. */
  roots: z.stringbool().optional(),
});
export type ListUnitsQuery = z.infer<typeof listUnitsQuery>;
export const listUnitsResponse = page(unitSummary);

export const unitParams = z.object({ id });
export const getUnitQuery = z.object({ asOf: isoDate.optional() });

export const lineageNode = unitSummary;
export const lineageEdge = z.object({
  predecessorId: id,
  successorId: id,
  effectiveDate: isoDate,
  kind: successionKind,
  legalBasis: z.string().nullable(),
});
export const lineageResponse = z.object({
  unitId: id,
  nodes: z.array(lineageNode),
  edges: z.array(lineageEdge),
});
export type LineageResponse = z.infer<typeof lineageResponse>;

export const setAttributeBody = z.object({
  key: attributeKey,
  value: attributeValue.nullable(),
  validFrom: isoDate,
  legalBasis: z.string().trim().min(3).max(LEGAL_BASIS_MAX),
});
export type SetAttributeBody = z.infer<typeof setAttributeBody>;
