/** POST /api/criteria/sets/:id/publish: a draft becomes the published, immutable version. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setDetail, type PublishBody } from '../../../../../src/contracts/criteria.js';
import { apiRequest } from '../../../lib/api.js';
import { setChanged } from './set-changed.js';

export function publishSet(id: string, body: PublishBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/criteria/sets/${encodeURIComponent(id)}/publish`, { body, idempotencyKey, schema: setDetail });
}

export function usePublishSet(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PublishBody; idempotencyKey: string }) => publishSet(id, body, idempotencyKey),
    onSuccess: (set) => setChanged(qc, set),
  });
}
