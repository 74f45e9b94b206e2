/** GET /api/auth/session: who is logged in, their CSRF token and what the UI may show. */
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { sessionInfo, type SessionInfo } from '../../../../../src/contracts/auth.js';
import { apiGet } from '../../../lib/api.js';
import { authKeys } from './keys.js';

export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  // 401 here means "not logged in", which the router handles; no global redirect.
  return apiGet('/api/auth/session', sessionInfo, undefined, signal, true);
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
    retry: false,
  });

/** The session inside the authenticated layout (the route has loaded it already). */
export function useSession(): SessionInfo {
  return useSuspenseQuery(sessionQueryOptions()).data;
}
