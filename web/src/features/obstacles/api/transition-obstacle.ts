/** POST /api/obstacles/:id/transitions: accept, start, escalate, resolve, close or reopen (with the expected version). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { obstacleDetail, type TransitionObstacleBody } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { obstacleChanged } from './obstacle-changed.js';

export function transitionObstacle(id: string, body: TransitionObstacleBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/obstacles/${encodeURIComponent(id)}/transitions`, { body, idempotencyKey, schema: obstacleDetail });
}

export function useTransitionObstacle(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TransitionObstacleBody; idempotencyKey: string }) => transitionObstacle(id, body, idempotencyKey),
    onSuccess: (o) => obstacleChanged(qc, o),
  });
}
