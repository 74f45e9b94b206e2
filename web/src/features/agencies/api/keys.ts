/** Query keys of the agencies feature. */
import type { ListAgenciesQuery } from '../../../../../src/contracts/agencies.js';

export const agencyKeys = {
  all: ['agencies'] as const,
  lists: () => [...agencyKeys.all, 'list'] as const,
  list: (p: Partial<ListAgenciesQuery>) => [...agencyKeys.lists(), p] as const,
  detail: (id: string) => [...agencyKeys.all, 'detail', id] as const,
};
