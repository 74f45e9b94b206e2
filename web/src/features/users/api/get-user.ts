/** GET /api/users/:id. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { user } from '../../../../../src/contracts/users.js';
import { apiGet } from '../../../lib/api.js';
import { userKeys } from './keys.js';

export function getUser(id: string, signal?: AbortSignal) {
  return apiGet(`/api/users/${encodeURIComponent(id)}`, user, undefined, signal);
}

export const userQueryOptions = (id: string) =>
  queryOptions({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => getUser(id, signal) });

export function useUser(id: string | undefined) {
  return useQuery({ ...userQueryOptions(id ?? ''), enabled: Boolean(id) });
}
