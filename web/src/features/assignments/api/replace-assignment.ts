/** POST /api/assignments/:id/replace: the old row ends when the new one (leader, team, basis or agency) starts. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignment, type ReplaceAssignmentBody } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { assignmentKeys } from './keys.js';

export function replaceAssignment(id: string, body: ReplaceAssignmentBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/assignments/${encodeURIComponent(id)}/replace`, { body, idempotencyKey, schema: assignment });
}

export function useReplaceAssignment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ReplaceAssignmentBody; idempotencyKey: string }) => replaceAssignment(id, body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}
