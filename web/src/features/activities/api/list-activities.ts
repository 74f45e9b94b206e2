/** GET /api/activities: the activity log filtered by commune (with predecessors), agency, kind, visits and period. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listActivitiesResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { activityKeys, type ActivityListParams } from './keys.js';

export function listActivities(p: ActivityListParams, signal?: AbortSignal) {
  return apiGet('/api/activities', listActivitiesResponse, { ...p }, signal);
}

export const listActivitiesQueryOptions = (p: ActivityListParams) =>
  queryOptions({ queryKey: activityKeys.list(p), queryFn: ({ signal }) => listActivities(p, signal) });

export function useActivities(p: ActivityListParams) {
  return useQuery({ ...listActivitiesQueryOptions(p), placeholderData: keepPreviousData });
}
