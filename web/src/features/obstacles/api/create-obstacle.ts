/** POST /api/obstacles: a commune or a help team raises an obstacle. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { obstacleDetail, type CreateObstacleBody } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { obstacleChanged } from './obstacle-changed.js';

export function createObstacle(body: CreateObstacleBody, idempotencyKey: string) {
  return apiRequest('POST', '/api/obstacles', { body, idempotencyKey, schema: obstacleDetail });
}

export function useCreateObstacle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateObstacleBody; idempotencyKey: string }) => createObstacle(body, idempotencyKey),
    onSuccess: (o) => obstacleChanged(qc, o),
  });
}
