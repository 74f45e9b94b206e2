/** GET /api/units: roots of the caller's tree, children of a unit, or a diacritics-blind search. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listUnitsResponse } from '../../../../../src/contracts/units.js';
import { apiGet } from '../../../lib/api.js';
import { unitKeys, type UnitListParams } from './keys.js';

export function listUnits(p: UnitListParams, signal?: AbortSignal) {
  return apiGet('/api/units', listUnitsResponse, { ...p, roots: p.roots ? 'true' : undefined }, signal);
}

export const listUnitsQueryOptions = (p: UnitListParams) =>
  queryOptions({
    queryKey: unitKeys.list(p),
    queryFn: ({ signal }) => listUnits(p, signal),
    staleTime: 5 * 60_000,
  });

/** A list of units; keeps showing the previous answer while a new search loads. */
export function useUnits(p: UnitListParams, enabled = true) {
  return useQuery({ ...listUnitsQueryOptions(p), enabled, placeholderData: keepPreviousData });
}
