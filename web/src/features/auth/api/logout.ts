/** POST /api/auth/logout. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api.js';

export function logout(): Promise<unknown> {
  return apiRequest('POST', '/api/auth/logout', { allowUnauthenticated: true });
}

/**
 * Logs out. The caller leaves the authenticated pages, then calls `forget()` so that the next person
 * on this computer sees nothing cached (clearing first would make the still-mounted pages refetch).
 */
export function useLogout() {
  const qc = useQueryClient();
  const mutation = useMutation({ mutationFn: logout });
  return { ...mutation, forget: () => qc.clear() };
}
