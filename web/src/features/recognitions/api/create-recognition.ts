/** POST /api/communes/:unitId/recognitions: record a recognition or revocation decision; answers the whole list. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { listRecognitionsResponse, type CreateRecognitionBody } from '../../../../../src/contracts/assessments.js';
import { apiRequest } from '../../../lib/api.js';
import { recognitionKeys } from './keys.js';

export function createRecognition(unitId: string, body: CreateRecognitionBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/communes/${encodeURIComponent(unitId)}/recognitions`, { body, idempotencyKey, schema: listRecognitionsResponse });
}

export function useCreateRecognition(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateRecognitionBody; idempotencyKey: string }) => createRecognition(unitId, body, idempotencyKey),
    onSuccess: (list) => {
      qc.setQueryData(recognitionKeys.unit(unitId), list);
      // The profile and the maintenance list read the recognitions too.
      return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'communeProfile' || q.queryKey[0] === 'maintenance' });
    },
  });
}
