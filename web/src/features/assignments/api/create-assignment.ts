/** POST /api/assignments: one agency assigned to one or more communes (one row per commune). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createAssignmentResponse, type CreateAssignmentBody } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { assignmentKeys } from './keys.js';

export function createAssignment(body: CreateAssignmentBody, idempotencyKey: string) {
  return apiRequest('POST', '/api/assignments', { body, idempotencyKey, schema: createAssignmentResponse });
}

export function useCreateAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateAssignmentBody; idempotencyKey: string }) => createAssignment(body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}
