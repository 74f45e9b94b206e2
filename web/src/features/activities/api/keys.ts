/** Query keys of the activities feature. */
import type { ActivityCalendarQuery, ListActivitiesQuery } from '../../../../../src/contracts/assistance.js';

export type ActivityListParams = Partial<ListActivitiesQuery>;

export const activityKeys = {
  all: ['activities'] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (p: ActivityListParams) => [...activityKeys.lists(), p] as const,
  calendar: (p: ActivityCalendarQuery) => [...activityKeys.all, 'calendar', p] as const,
  detail: (id: string) => [...activityKeys.all, 'detail', id] as const,
};
