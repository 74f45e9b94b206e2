/** GET /api/users: users filtered by text, role, agency and status. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listUsersResponse, type ListUsersQuery } from '../../../../../src/contracts/users.js';
import { apiGet } from '../../../lib/api.js';
import { userKeys } from './keys.js';

export function listUsers(p: Partial<ListUsersQuery>, signal?: AbortSignal) {
  return apiGet('/api/users', listUsersResponse, p, signal);
}

export const listUsersQueryOptions = (p: Partial<ListUsersQuery>) =>
  queryOptions({ queryKey: userKeys.list(p), queryFn: ({ signal }) => listUsers(p, signal) });

export function useUsers(p: Partial<ListUsersQuery>, enabled = true) {
  return useQuery({ ...listUsersQueryOptions(p), enabled, placeholderData: keepPreviousData });
}
