/** PATCH /api/criteria/sets/:id/indicators/:code: an indicator's wording, kind or unit in a draft. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setDetail, type UpdateIndicatorBody } from '../../../../../src/contracts/criteria.js';
import { apiRequest } from '../../../lib/api.js';
import { setChanged } from './set-changed.js';

export function updateIndicator(id: string, code: string, body: UpdateIndicatorBody, idempotencyKey: string) {
  return apiRequest('PATCH', `/api/criteria/sets/${encodeURIComponent(id)}/indicators/${encodeURIComponent(code)}`, {
    body,
    idempotencyKey,
    schema: setDetail,
  });
}

export function useUpdateIndicator(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body, idempotencyKey }: { code: string; body: UpdateIndicatorBody; idempotencyKey: string }) =>
      updateIndicator(id, code, body, idempotencyKey),
    onSuccess: (set) => setChanged(qc, set),
  });
}
