/** POST /api/users/:id/password: an administrator sets a new password. */
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { resetPasswordBody } from '../../../../../src/contracts/users.js';
import { apiRequest } from '../../../lib/api.js';

export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

export function resetPassword(id: string, body: ResetPasswordBody, idempotencyKey: string) {
  return apiRequest('POST', `/api/users/${encodeURIComponent(id)}/password`, { body, idempotencyKey });
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ResetPasswordBody; idempotencyKey: string }) => resetPassword(id, body, idempotencyKey),
  });
}
