/** POST /api/assignments/:id/end: the assignment ends on a date and stays as history. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignment, type EndAssignmentBody } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { assignmentKeys } from './keys.js';

export function endAssignment(id: string, body: EndAssignmentBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/assignments/${encodeURIComponent(id)}/end`, { body, idempotencyKey, schema: assignment });
}

export function useEndAssignment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: EndAssignmentBody; idempotencyKey: string }) => endAssignment(id, body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}
