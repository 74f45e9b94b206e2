/** POST /api/criteria/sets/:id/clone: a provincial variant or a new draft version of a set. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setDetail, type CloneSetBody } from '../../../../../src/contracts/criteria.js';
import { apiRequest } from '../../../lib/api.js';
import { setChanged } from './set-changed.js';

export function cloneSet(id: string, body: CloneSetBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/criteria/sets/${encodeURIComponent(id)}/clone`, { body, idempotencyKey, schema: setDetail });
}

export function useCloneSet(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CloneSetBody; idempotencyKey: string }) => cloneSet(id, body, idempotencyKey),
    onSuccess: (set) => setChanged(qc, set),
  });
}
