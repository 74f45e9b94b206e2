/** PATCH /api/activities/:id/follow-ups/:followUpId: a follow-up is done (or open again). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activity, type FollowUpStatus } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { activityKeys } from './keys.js';

export function updateFollowUp(activityId: string, followUpId: string, status: FollowUpStatus, idempotencyKey: string) {
  return apiRequest('PATCH', `/api/activities/${encodeURIComponent(activityId)}/follow-ups/${encodeURIComponent(followUpId)}`, {
    body: { status },
    idempotencyKey,
    schema: activity,
  });
}

export function useUpdateFollowUp(activityId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ followUpId, status, idempotencyKey }: { followUpId: string; status: FollowUpStatus; idempotencyKey: string }) =>
      updateFollowUp(activityId, followUpId, status, idempotencyKey),
    onSuccess: (a) => {
      qc.setQueryData(activityKeys.detail(a.id), a);
      return qc.invalidateQueries({ queryKey: activityKeys.lists() });
    },
  });
}
