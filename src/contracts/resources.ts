/**
 * Contracts of programmes (the national target programmes and their components, read-only reference data) and of
 * resources mobilised per commune, year, component and source (issue 6).
 */
import { z } from 'zod';
import { quantityUnits, resourceSources } from '../domain/resources/kinds.js';
import { id, isoDate, page, pageQuery } from './common.js';
import { personRef, storedFile, unitRef } from './assistance.js';

// ───────────────────────────── programmes ─────────────────────────────

export const programmeComponent = z.object({
  id,
  code: z.string(),
  name: z.string(),
  position: z.number().int(),
  verified: z.boolean(),
  sourceNote: z.string().nullable(),
});
export type ProgrammeComponent = z.infer<typeof programmeComponent>;

export const programme = z.object({
  id,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  decisionNo: z.string().nullable(),
  decisionDate: isoDate.nullable(),
  sourceNote: z.string(),
  /** Name and decision confirmed by the reference notes; false = to be checked against the original text. */
  verified: z.boolean(),
  components: z.array(programmeComponent),
});
export type Programme = z.infer<typeof programme>;

export const listProgrammesQuery = z.object({
  /** Only the programmes running in this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ListProgrammesQuery = z.infer<typeof listProgrammesQuery>;
export const listProgrammesResponse = z.object({ items: z.array(programme) });
export const programmeParams = z.object({ id });

// ───────────────────────────── resources ─────────────────────────────

export { resourceSources };
export const resourceSource = z.enum(resourceSources);
export type ResourceSource = z.infer<typeof resourceSource>;

export { quantityUnits };
export const quantityUnit = z.enum(quantityUnits);
export type QuantityUnit = z.infer<typeof quantityUnit>;

/**
 * Stable rule codes of refused entries (`details.rule` of a VALIDATION error; the field is in `details.fields`).
 * Clients switch on these, never on the message.
 */
export const resourceRules = [
  'RESOURCE_NO_AMOUNT',
  'RESOURCE_PURPOSE_REQUIRED',
  'RESOURCE_DISBURSED_OVER_ALLOCATED',
  'RESOURCE_DISBURSED_NOT_APPLICABLE',
  'RESOURCE_QUANTITY_REQUIRED',
  'RESOURCE_QUANTITY_NOT_APPLICABLE',
  'RESOURCE_DISTRICT_BUDGET_ENDED',
  'RESOURCE_UNIT_NOT_COMMUNE_IN_YEAR',
  'RESOURCE_COMPONENT_NOT_IN_YEAR',
] as const;
export type ResourceRule = (typeof resourceRules)[number];

/** At most 10^15 VND (a million billion) per amount: far above any commune's year, still an exact JS integer. */
export const MAX_VND = 1_000_000_000_000_000;
const vnd = z.number().int().min(0).max(MAX_VND).nullable();
export const RESOURCE_WORK_MAX = 300;
export const RESOURCE_NOTE_MAX = 2000;

const entryFields = {
  year: z.number().int().min(2000).max(2100),
  /** A programme component, or null for resources outside the programmes. */
  componentId: id.nullable(),
  source: resourceSource,
  /** The criterion the money serves ("5", "6.1", "KM.2"), and/or the work's name. */
  criterion: z.string().trim().max(20).nullable().default(null),
  workName: z.string().trim().max(RESOURCE_WORK_MAX).nullable().default(null),
  plannedVnd: vnd.default(null),
  allocatedVnd: vnd.default(null),
  disbursedVnd: vnd.default(null),
  /** Labour days or m² of donated land (sources people_labour / people_land only). */
  quantity: z.number().min(0).max(999_999_999_999).nullable().default(null),
  note: z.string().trim().max(RESOURCE_NOTE_MAX).nullable().default(null),
  fileIds: z.array(id).max(20).default([]),
};

export const createResourceBody = z.object({ unitId: id, ...entryFields });
export type CreateResourceBody = z.infer<typeof createResourceBody>;

/** The whole entry as it should be (the unit stays), guarded by the version the editor read. */
export const updateResourceBody = z.object({ ...entryFields, expectedVersion: z.number().int().min(1) });
export type UpdateResourceBody = z.infer<typeof updateResourceBody>;

export const deleteResourceQuery = z.object({ expectedVersion: z.coerce.number().int().min(1) });
export const resourceParams = z.object({ id });

export const resourceAbilities = z.object({ canEdit: z.boolean(), canDelete: z.boolean() });
export type ResourceAbilities = z.infer<typeof resourceAbilities>;

export const componentRef = z.object({
  id,
  code: z.string(),
  name: z.string(),
  programme: z.object({ id, code: z.string(), shortName: z.string() }),
});
export type ComponentRef = z.infer<typeof componentRef>;

export const resourceEntry = z.object({
  id,
  unit: unitRef,
  year: z.number().int(),
  component: componentRef.nullable(),
  source: resourceSource,
  criterion: z.string().nullable(),
  workName: z.string().nullable(),
  plannedVnd: z.number().int().nullable(),
  allocatedVnd: z.number().int().nullable(),
  disbursedVnd: z.number().int().nullable(),
  quantity: z.number().nullable(),
  quantityUnit: quantityUnit.nullable(),
  note: z.string().nullable(),
  /** Where a figure comes from (demo rows taken from the press say so here). */
  sourceNote: z.string().nullable(),
  files: z.array(storedFile),
  createdBy: personRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  isDemo: z.boolean(),
  /** Listed for a commune, this row belongs to one of the units it was formed from. */
  viaPredecessor: z.boolean(),
  abilities: resourceAbilities,
});
export type ResourceEntry = z.infer<typeof resourceEntry>;

const filters = {
  /** A unit: its own entries, its predecessors', and those of every unit below them (a province, a commune). */
  unitId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
  toYear: z.coerce.number().int().min(2000).max(2100).optional(),
  source: resourceSource.optional(),
  programmeId: id.optional(),
  /** A component id, or `none` for resources outside the programmes. */
  componentId: z.union([id, z.literal('none')]).optional(),
};

export const listResourcesQuery = pageQuery.extend({
  ...filters,
  sort: z.enum(['newest', 'year', 'amount']).default('year'),
});
export type ListResourcesQuery = z.infer<typeof listResourcesQuery>;
export const listResourcesResponse = page(resourceEntry).extend({ canCreate: z.boolean() });
export type ListResourcesResponse = z.infer<typeof listResourcesResponse>;

export const totalsGroupBy = z.enum(['unit', 'source', 'component', 'year']);
export type TotalsGroupBy = z.infer<typeof totalsGroupBy>;

export const resourceTotalsQuery = z.object({
  ...filters,
  groupBy: totalsGroupBy.default('unit'),
  /** For groupBy=unit: the map of communes to sum into (default today); history rolls forward to it. */
  asOf: isoDate.optional(),
});
export type ResourceTotalsQuery = z.infer<typeof resourceTotalsQuery>;

export const resourceAmounts = z.object({
  entries: z.number().int(),
  plannedVnd: z.number(),
  allocatedVnd: z.number(),
  disbursedVnd: z.number(),
  /** disbursed ÷ allocated of the disbursable sources (not in kind, labour or land), 0–100 with one decimal; null when nothing was allocated. */
  disbursementRate: z.number().nullable(),
  labourDays: z.number(),
  landM2: z.number(),
});
export type ResourceAmounts = z.infer<typeof resourceAmounts>;

export const resourceTotalsRow = resourceAmounts.extend({
  /** The group's key: a unit id, a source, a component id (or `none`), a year. */
  key: z.string(),
  unit: unitRef.extend({ level: z.string(), predecessors: z.number().int() }).nullable(),
  source: resourceSource.nullable(),
  component: componentRef.nullable(),
  year: z.number().int().nullable(),
});
export type ResourceTotalsRow = z.infer<typeof resourceTotalsRow>;

export const resourceTotalsResponse = z.object({
  groupBy: totalsGroupBy,
  asOf: isoDate,
  rows: z.array(resourceTotalsRow),
  /** All matching entries once (a split predecessor's history shows under each successor but counts once here). */
  total: resourceAmounts,
  canCreate: z.boolean(),
});
export type ResourceTotalsResponse = z.infer<typeof resourceTotalsResponse>;
