/** POST /api/cycles: the steering office opens a cycle (its communes' forms are created with it). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cycle, type CreateCycleBody } from '../../../../../src/contracts/assessments.js';
import { apiRequest } from '../../../lib/api.js';
import { assessmentKeys } from './keys.js';
import { paths } from './paths.js';

export function createCycle(body: CreateCycleBody, idempotencyKey: string) {
  return apiRequest('POST', paths.cycles, { body, idempotencyKey, schema: cycle });
}

export function useCreateCycle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateCycleBody; idempotencyKey: string }) => createCycle(body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}
