/** GET /api/agencies: agencies filtered by kind, text, unit and date. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listAgenciesResponse, type ListAgenciesQuery } from '../../../../../src/contracts/agencies.js';
import { apiGet } from '../../../lib/api.js';
import { agencyKeys } from './keys.js';

export function listAgencies(p: Partial<ListAgenciesQuery>, signal?: AbortSignal) {
  return apiGet('/api/agencies', listAgenciesResponse, p, signal);
}

export const listAgenciesQueryOptions = (p: Partial<ListAgenciesQuery>) =>
  queryOptions({ queryKey: agencyKeys.list(p), queryFn: ({ signal }) => listAgencies(p, signal) });

export function useAgencies(p: Partial<ListAgenciesQuery>, enabled = true) {
  return useQuery({ ...listAgenciesQueryOptions(p), enabled, placeholderData: keepPreviousData });
}
