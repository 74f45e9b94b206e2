/** GET /api/criteria/diff?from=&to=: what changed between two sets, side by side. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { diffResponse } from '../../../../../src/contracts/criteria.js';
import { apiGet } from '../../../lib/api.js';
import { criteriaKeys } from './keys.js';

export function getDiff(from: string, to: string, signal?: AbortSignal) {
  return apiGet('/api/criteria/diff', diffResponse, { from, to }, signal);
}

export const diffQueryOptions = (from: string, to: string) =>
  queryOptions({
    queryKey: criteriaKeys.diff(from, to),
    queryFn: ({ signal }) => getDiff(from, to, signal),
    staleTime: 60_000,
  });

export function useDiff(from: string | undefined, to: string | undefined) {
  return useQuery({ ...diffQueryOptions(from ?? '', to ?? ''), enabled: Boolean(from && to && from !== to) });
}
