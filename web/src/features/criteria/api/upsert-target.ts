/** POST /api/criteria/sets/:id/indicators/:code/targets: enter a target with its source, or confirm it (verified). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setDetail, type UpsertTargetBody } from '../../../../../src/contracts/criteria.js';
import { apiRequest } from '../../../lib/api.js';
import { setChanged } from './set-changed.js';

export function upsertTarget(id: string, code: string, body: UpsertTargetBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/criteria/sets/${encodeURIComponent(id)}/indicators/${encodeURIComponent(code)}/targets`, {
    body,
    idempotencyKey,
    schema: setDetail,
  });
}

export function useUpsertTarget(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body, idempotencyKey }: { code: string; body: UpsertTargetBody; idempotencyKey: string }) =>
      upsertTarget(id, code, body, idempotencyKey),
    onSuccess: (set) => setChanged(qc, set),
  });
}
