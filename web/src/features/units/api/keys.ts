/** Query keys of the units feature. */
import type { ListUnitsQuery } from '../../../../../src/contracts/units.js';

export type UnitListParams = Partial<Omit<ListUnitsQuery, 'roots'>> & { roots?: boolean };

export const unitKeys = {
  all: ['units'] as const,
  lists: () => [...unitKeys.all, 'list'] as const,
  list: (p: UnitListParams) => [...unitKeys.lists(), p] as const,
  details: () => [...unitKeys.all, 'detail'] as const,
  detail: (id: string, asOf: string | undefined) => [...unitKeys.details(), id, asOf ?? null] as const,
  lineage: (id: string) => [...unitKeys.all, 'lineage', id] as const,
};
