/** GET /api/agencies/:id. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { agency } from '../../../../../src/contracts/agencies.js';
import { apiGet } from '../../../lib/api.js';
import { agencyKeys } from './keys.js';

export function getAgency(id: string, signal?: AbortSignal) {
  return apiGet(`/api/agencies/${encodeURIComponent(id)}`, agency, undefined, signal);
}

export const agencyQueryOptions = (id: string) =>
  queryOptions({ queryKey: agencyKeys.detail(id), queryFn: ({ signal }) => getAgency(id, signal) });

export function useAgency(id: string) {
  return useQuery(agencyQueryOptions(id));
}
