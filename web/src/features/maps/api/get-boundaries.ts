/** GET /api/maps/boundaries?year=&unitId=: the active commune outlines (empty = no boundaries, draw tiles). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { boundariesResponse } from '../../../../../src/contracts/maps.js';
import { apiGet } from '../../../lib/api.js';
import { mapKeys, type MapParams } from './keys.js';

export function getBoundaries(p: MapParams, signal?: AbortSignal) {
  return apiGet('/api/maps/boundaries', boundariesResponse, { ...p }, signal);
}

export const boundariesQueryOptions = (p: MapParams) =>
  // Outlines change only on upload/activation (which invalidate them); the server's ETag covers revalidation.
  queryOptions({ queryKey: mapKeys.boundaries(p), queryFn: ({ signal }) => getBoundaries(p, signal), staleTime: 5 * 60_000 });

export function useBoundaries(p: MapParams) {
  return useQuery(boundariesQueryOptions(p));
}
