/** GET /api/activities/calendar: activities per day between two dates (at most 400 days). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { activityCalendarResponse, type ActivityCalendarQuery } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { activityKeys } from './keys.js';

export function activityCalendar(p: ActivityCalendarQuery, signal?: AbortSignal) {
  return apiGet('/api/activities/calendar', activityCalendarResponse, { ...p }, signal);
}

export const activityCalendarQueryOptions = (p: ActivityCalendarQuery) =>
  queryOptions({ queryKey: activityKeys.calendar(p), queryFn: ({ signal }) => activityCalendar(p, signal) });

export function useActivityCalendar(p: ActivityCalendarQuery) {
  return useQuery({ ...activityCalendarQueryOptions(p), placeholderData: keepPreviousData });
}
