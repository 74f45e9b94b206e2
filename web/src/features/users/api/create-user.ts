/** POST /api/users. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { user, type CreateUserBody } from '../../../../../src/contracts/users.js';
import { apiRequest } from '../../../lib/api.js';
import { userKeys } from './keys.js';

export function createUser(body: CreateUserBody, idempotencyKey: string) {
  return apiRequest('POST', '/api/users', { body, idempotencyKey, schema: user });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateUserBody; idempotencyKey: string }) => createUser(body, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
