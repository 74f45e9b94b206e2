/** PATCH /api/cycles/:id: the steering office edits an open cycle (name, deadlines, communes) or closes it with a reason. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cycle, type UpdateCycleBody } from '../../../../../src/contracts/assessments.js';
import { apiRequest } from '../../../lib/api.js';
import { assessmentKeys } from './keys.js';
import { paths } from './paths.js';

export function updateCycle(id: string, body: UpdateCycleBody, idempotencyKey: string) {
  return apiRequest('PATCH', paths.cycle(id), { body, idempotencyKey, schema: cycle });
}

export function useUpdateCycle(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: UpdateCycleBody; idempotencyKey: string }) => updateCycle(id, body, idempotencyKey),
    // Forms' abilities, the inbox and the lists follow the cycle (a closed cycle is read-only).
    onSettled: () => qc.invalidateQueries({ predicate: (q) => [assessmentKeys.all[0], 'inbox'].includes(String(q.queryKey[0])) }),
  });
}
