/** POST /api/obstacles/:id/replies: a reply in the thread, with attachments. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { obstacleDetail, type ReplyObstacleBody } from '../../../../../src/contracts/assistance.js';
import { apiRequest } from '../../../lib/api.js';
import { obstacleChanged } from './obstacle-changed.js';

export function replyObstacle(id: string, body: ReplyObstacleBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/obstacles/${encodeURIComponent(id)}/replies`, { body, idempotencyKey, schema: obstacleDetail });
}

export function useReplyObstacle(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ReplyObstacleBody; idempotencyKey: string }) => replyObstacle(id, body, idempotencyKey),
    onSuccess: (o) => obstacleChanged(qc, o),
  });
}
