/** GET /api/resources: entries filtered by unit (with its predecessors and subtree), year, source, programme, component. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listResourcesResponse } from '../../../../../src/contracts/resources.js';
import { apiGet } from '../../../lib/api.js';
import { resourceKeys, type ResourceListParams } from './keys.js';

export function listResources(p: ResourceListParams, signal?: AbortSignal) {
  return apiGet('/api/resources', listResourcesResponse, { ...p }, signal);
}

export const listResourcesQueryOptions = (p: ResourceListParams) =>
  queryOptions({ queryKey: resourceKeys.list(p), queryFn: ({ signal }) => listResources(p, signal) });

export function useResources(p: ResourceListParams, enabled = true) {
  return useQuery({ ...listResourcesQueryOptions(p), placeholderData: keepPreviousData, enabled });
}
