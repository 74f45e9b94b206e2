/** GET /api/units/:id?asOf=: one unit with ancestors, children, attributes and successions. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { unitDetail } from '../../../../../src/contracts/units.js';
import { apiGet } from '../../../lib/api.js';
import { unitKeys } from './keys.js';

export function getUnit(id: string, asOf: string | undefined, signal?: AbortSignal) {
  return apiGet(`/api/units/${encodeURIComponent(id)}`, unitDetail, { asOf }, signal);
}

export const unitQueryOptions = (id: string, asOf: string | undefined) =>
  queryOptions({
    queryKey: unitKeys.detail(id, asOf),
    queryFn: ({ signal }) => getUnit(id, asOf, signal),
    staleTime: 5 * 60_000,
  });

export function useUnit(id: string | undefined, asOf?: string) {
  return useQuery({ ...unitQueryOptions(id ?? '', asOf), enabled: Boolean(id) });
}
