/** GET /api/resources/totals: totals and disbursement rates by unit, source, component or year. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { resourceTotalsResponse } from '../../../../../src/contracts/resources.js';
import { apiGet } from '../../../lib/api.js';
import { resourceKeys, type ResourceTotalsParams } from './keys.js';

export function getResourceTotals(p: ResourceTotalsParams, signal?: AbortSignal) {
  return apiGet('/api/resources/totals', resourceTotalsResponse, { ...p }, signal);
}

export const resourceTotalsQueryOptions = (p: ResourceTotalsParams) =>
  queryOptions({ queryKey: resourceKeys.totals(p), queryFn: ({ signal }) => getResourceTotals(p, signal) });

export function useResourceTotals(p: ResourceTotalsParams) {
  return useQuery({ ...resourceTotalsQueryOptions(p), placeholderData: keepPreviousData });
}
