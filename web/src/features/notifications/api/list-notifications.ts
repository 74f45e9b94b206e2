/** GET /api/notifications: the caller's notifications, newest first, with the unread count. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listNotificationsResponse } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';
import { notificationKeys, type NotificationListParams } from './keys.js';

export function listNotifications(p: NotificationListParams, signal?: AbortSignal) {
  return apiGet('/api/notifications', listNotificationsResponse, { unread: p.unread ? 'true' : undefined, limit: p.limit, offset: p.offset }, signal);
}

export const notificationsQueryOptions = (p: NotificationListParams) =>
  queryOptions({ queryKey: notificationKeys.list(p), queryFn: ({ signal }) => listNotifications(p, signal), refetchOnWindowFocus: true });

export function useNotifications(p: NotificationListParams) {
  return useQuery({ ...notificationsQueryOptions(p), placeholderData: keepPreviousData });
}
