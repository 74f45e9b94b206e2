/** PATCH /api/users/:id: roles, scope, status, name, email, agency. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { user, type UpdateUserBody } from '../../../../../src/contracts/users.js';
import { apiRequest } from '../../../lib/api.js';
import { userKeys } from './keys.js';

export function updateUser(id: string, body: UpdateUserBody, idempotencyKey: string) {
  return apiRequest('PATCH', `/api/users/${encodeURIComponent(id)}`, { body, idempotencyKey, schema: user });
}

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: UpdateUserBody; idempotencyKey: string }) => updateUser(id, body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
