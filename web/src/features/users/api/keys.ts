/** Query keys of the users feature. */
import type { ListUsersQuery } from '../../../../../src/contracts/users.js';

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (p: Partial<ListUsersQuery>) => [...userKeys.lists(), p] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};
