/** GET /api/units/:id/lineage: every unit before and after this one, and the succession edges. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { lineageResponse } from '../../../../../src/contracts/units.js';
import { apiGet } from '../../../lib/api.js';
import { unitKeys } from './keys.js';

export function getLineage(id: string, signal?: AbortSignal) {
  return apiGet(`/api/units/${encodeURIComponent(id)}/lineage`, lineageResponse, undefined, signal);
}

export const lineageQueryOptions = (id: string) =>
  queryOptions({
    queryKey: unitKeys.lineage(id),
    queryFn: ({ signal }) => getLineage(id, signal),
    staleTime: 10 * 60_000,
  });

export function useLineage(id: string) {
  return useQuery(lineageQueryOptions(id));
}
