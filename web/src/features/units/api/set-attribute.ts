/** POST /api/units/:id/attributes: sets an attribute from a date, with its legal basis. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetAttributeBody } from '../../../../../src/contracts/units.js';
import { apiRequest } from '../../../lib/api.js';
import { unitKeys } from './keys.js';

export function setAttribute(unitId: string, body: SetAttributeBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/units/${encodeURIComponent(unitId)}/attributes`, { body, idempotencyKey });
}

export function useSetAttribute(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SetAttributeBody; idempotencyKey: string }) =>
      setAttribute(unitId, body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.details() }),
  });
}
