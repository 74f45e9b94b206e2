/** GET /api/criteria/sets/:id: one set with its criteria, indicators and target rules. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { setDetail } from '../../../../../src/contracts/criteria.js';
import { apiGet } from '../../../lib/api.js';
import { criteriaKeys } from './keys.js';

export function getSet(id: string, signal?: AbortSignal) {
  return apiGet(`/api/criteria/sets/${encodeURIComponent(id)}`, setDetail, undefined, signal);
}

export const setQueryOptions = (id: string) =>
  queryOptions({
    queryKey: criteriaKeys.detail(id),
    queryFn: ({ signal }) => getSet(id, signal),
    staleTime: 60_000,
  });

export function useSet(id: string | undefined) {
  return useQuery({ ...setQueryOptions(id ?? ''), enabled: Boolean(id) });
}
