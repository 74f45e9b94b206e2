/**
 * The bell's number: GET /api/notifications?unread=true&limit=1 answers `unread` (the count of all unread ones) with at
 * most one row — a few hundred bytes, so polling stays cheap on slow 3G. The bell ships with the app layout, so it
 * reads only the count with a one-field schema instead of pulling the whole assessments contract into that chunk
 * (zod strips the other fields of `listNotificationsResponse`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../../lib/api.js';
import { notificationKeys } from './keys.js';

const unreadOnly = z.object({ unread: z.number().int().min(0) });
/** Poll every minute while the page is visible; TanStack Query pauses it in a background tab and refetches on focus. */
export const UNREAD_POLL_MS = 60_000;

export function getUnreadCount(signal?: AbortSignal): Promise<number> {
  return apiGet('/api/notifications', unreadOnly, { unread: 'true', limit: 1 }, signal).then((r) => r.unread);
}

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => getUnreadCount(signal),
    staleTime: 30_000,
    refetchInterval: () => (typeof document === 'undefined' || document.visibilityState === 'visible' ? UNREAD_POLL_MS : false),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: 1,
  });

export function useUnreadCount() {
  return useQuery(unreadCountQueryOptions());
}
