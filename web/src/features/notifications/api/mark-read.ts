/** POST /api/notifications/:id/read and POST /api/notifications/read-all; the bell and the list are read again after. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markAllReadResponse } from '../../../../../src/contracts/assessments.js';
import { okBody } from '../../../../../src/contracts/common.js';
import { apiRequest } from '../../../lib/api.js';
import { notificationKeys } from './keys.js';

export function markRead(id: string) {
  return apiRequest('POST', `/api/notifications/${encodeURIComponent(id)}/read`, { schema: okBody });
}

export function markAllRead() {
  return apiRequest('POST', '/api/notifications/read-all', { schema: markAllReadResponse });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: markRead, onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: markAllRead, onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }) });
}
