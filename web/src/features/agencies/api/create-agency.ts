/** POST /api/agencies. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agency, type CreateAgencyBody } from '../../../../../src/contracts/agencies.js';
import { apiRequest } from '../../../lib/api.js';
import { agencyKeys } from './keys.js';

export function createAgency(body: CreateAgencyBody, idempotencyKey: string) {
  return apiRequest('POST', '/api/agencies', { body, idempotencyKey, schema: agency });
}

export function useCreateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateAgencyBody; idempotencyKey: string }) => createAgency(body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}
