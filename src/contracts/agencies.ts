/** Contracts of the agency endpoints (departments, steering committee, coordination office, ...). */
import { z } from 'zod';
import { id, isoDate, NAME_MAX, page, pageQuery } from './common.js';

export const agencyKinds = [
  'department',
  'steering_committee',
  'coordination_office',
  'peoples_committee',
  'mass_org',
  'other',
] as const;
export const agencyKind = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKind>;

export const agency = z.object({
  id,
  code: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: agencyKind,
  unitId: id,
  unitName: z.string(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  sourceNote: z.string().nullable(),
  isDemo: z.boolean(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type Agency = z.infer<typeof agency>;

export const listAgenciesQuery = pageQuery.extend({
  asOf: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
  kind: agencyKind.optional(),
  unitId: id.optional(),
});
export type ListAgenciesQuery = z.infer<typeof listAgenciesQuery>;
export const listAgenciesResponse = page(agency);
export const agencyParams = z.object({ id });

export const createAgencyBody = z.object({
  code: z.string().trim().max(50).nullable().optional(),
  name: z.string().trim().min(2).max(NAME_MAX),
  shortName: z.string().trim().max(50).nullable().optional(),
  kind: agencyKind,
  unitId: id,
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  sourceNote: z.string().trim().max(500).nullable().optional(),
});
export type CreateAgencyBody = z.infer<typeof createAgencyBody>;
export const updateAgencyBody = createAgencyBody.omit({ unitId: true, kind: true }).partial();
export type UpdateAgencyBody = z.infer<typeof updateAgencyBody>;
