/** POST /api/auth/login. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionInfo, type LoginBody } from '../../../../../src/contracts/auth.js';
import { apiRequest } from '../../../lib/api.js';
import { sessionQueryOptions } from './get-session.js';
import { authKeys } from './keys.js';

export async function login(body: LoginBody, idempotencyKey: string): Promise<unknown> {
  return apiRequest('POST', '/api/auth/login', { body, idempotencyKey, allowUnauthenticated: true });
}

/** Logs in, then holds the new session (from the answer when it is a session, else read afresh). */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: LoginBody; idempotencyKey: string }) => {
      const answer = await login(body, idempotencyKey);
      const parsed = sessionInfo.safeParse(answer);
      // Nothing cached for an earlier session may show through to this one.
      qc.clear();
      if (parsed.success) qc.setQueryData(authKeys.session(), parsed.data);
      else await qc.fetchQuery(sessionQueryOptions());
    },
  });
}
