/** GET /api/communes/:unitId/profile?year=: a commune's status, criteria, history across years, recognitions. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { communeProfile } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';

export const profileKeys = { all: ['communeProfile'] as const, one: (unitId: string, year?: number) => ['communeProfile', unitId, year ?? null] as const };

export function getProfile(unitId: string, year: number | undefined, signal?: AbortSignal) {
  return apiGet(`/api/communes/${encodeURIComponent(unitId)}/profile`, communeProfile, { year }, signal);
}

export const profileQueryOptions = (unitId: string, year?: number) =>
  queryOptions({ queryKey: profileKeys.one(unitId, year), queryFn: ({ signal }) => getProfile(unitId, year, signal) });

export function useCommuneProfile(unitId: string, year?: number) {
  return useQuery({ ...profileQueryOptions(unitId, year), placeholderData: keepPreviousData });
}
