/** GET /api/activities/:id: one activity with its files and follow-ups. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { activity } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { activityKeys } from './keys.js';

export function getActivity(id: string, signal?: AbortSignal) {
  return apiGet(`/api/activities/${encodeURIComponent(id)}`, activity, undefined, signal);
}

export const activityQueryOptions = (id: string) => queryOptions({ queryKey: activityKeys.detail(id), queryFn: ({ signal }) => getActivity(id, signal) });

export function useActivity(id: string) {
  return useQuery(activityQueryOptions(id));
}
