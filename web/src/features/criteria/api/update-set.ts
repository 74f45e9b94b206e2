/** PATCH /api/criteria/sets/:id: a draft's name, legal basis or validity dates. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setDetail, type UpdateSetBody } from '../../../../../src/contracts/criteria.js';
import { apiRequest } from '../../../lib/api.js';
import { setChanged } from './set-changed.js';

export function updateSet(id: string, body: UpdateSetBody, idempotencyKey: string) {
  return apiRequest('PATCH', `/api/criteria/sets/${encodeURIComponent(id)}`, { body, idempotencyKey, schema: setDetail });
}

export function useUpdateSet(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: UpdateSetBody; idempotencyKey: string }) => updateSet(id, body, idempotencyKey),
    onSuccess: (set) => setChanged(qc, set),
  });
}
