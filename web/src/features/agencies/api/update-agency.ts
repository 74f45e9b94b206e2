/** PATCH /api/agencies/:id (partial update). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agency, type UpdateAgencyBody } from '../../../../../src/contracts/agencies.js';
import { apiRequest } from '../../../lib/api.js';
import { agencyKeys } from './keys.js';

export function updateAgency(id: string, body: UpdateAgencyBody, idempotencyKey: string) {
  return apiRequest('PATCH', `/api/agencies/${encodeURIComponent(id)}`, { body, idempotencyKey, schema: agency });
}

export function useUpdateAgency(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: UpdateAgencyBody; idempotencyKey: string }) => updateAgency(id, body, idempotencyKey),
    onSuccess: (saved) => {
      qc.setQueryData(agencyKeys.detail(id), saved);
      return qc.invalidateQueries({ queryKey: agencyKeys.lists() });
    },
  });
}
