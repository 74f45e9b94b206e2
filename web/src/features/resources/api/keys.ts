/** Query keys of the resources feature. */
import type { ListResourcesQuery, ResourceTotalsQuery } from '../../../../../src/contracts/resources.js';

export type ResourceListParams = Partial<ListResourcesQuery>;
export type ResourceTotalsParams = Partial<ResourceTotalsQuery>;

export const resourceKeys = {
  all: ['resources'] as const,
  lists: () => [...resourceKeys.all, 'list'] as const,
  list: (p: ResourceListParams) => [...resourceKeys.lists(), p] as const,
  totals: (p: ResourceTotalsParams) => [...resourceKeys.all, 'totals', p] as const,
  programmes: (year?: number) => ['programmes', year ?? null] as const,
};
