/** POST /api/activities: a help-team member records an activity with photos and follow-ups. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activity, type CreateActivityBody } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { activityKeys } from './keys.js';

export function createActivity(body: CreateActivityBody, idempotencyKey: string) {
  return apiRequest('POST', '/api/activities', { body, idempotencyKey, schema: activity });
}

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateActivityBody; idempotencyKey: string }) => createActivity(body, idempotencyKey),
    onSuccess: (a) => {
      qc.setQueryData(activityKeys.detail(a.id), a);
      return qc.invalidateQueries({ queryKey: activityKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
