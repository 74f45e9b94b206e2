/** GET /api/criteria/sets: national sets and provincial variants, with their target counts and abilities. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listSetsResponse } from '../../../../../src/contracts/criteria.js';
import { apiGet } from '../../../lib/api.js';
import { criteriaKeys, type SetListParams } from './keys.js';

export function listSets(p: SetListParams, signal?: AbortSignal) {
  return apiGet('/api/criteria/sets', listSetsResponse, { ...p }, signal);
}

export const listSetsQueryOptions = (p: SetListParams) =>
  queryOptions({
    queryKey: criteriaKeys.list(p),
    queryFn: ({ signal }) => listSets(p, signal),
    staleTime: 60_000,
  });

/** A page of sets; keeps the previous answer on screen while a new filter loads. */
export function useSets(p: SetListParams) {
  return useQuery({ ...listSetsQueryOptions(p), placeholderData: keepPreviousData });
}
