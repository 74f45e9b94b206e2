/** GET /api/reports: the standard reports with what the caller may do with each. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { reportCatalog } from '../../../../../src/contracts/reports.js';
import { apiGet } from '../../../lib/api.js';
import { reportKeys } from './keys.js';

export function getReportCatalog(signal?: AbortSignal) {
  return apiGet('/api/reports', reportCatalog, undefined, signal);
}

export const reportCatalogQueryOptions = () => queryOptions({ queryKey: reportKeys.catalog(), queryFn: ({ signal }) => getReportCatalog(signal), staleTime: 5 * 60_000 });

export function useReportCatalog() {
  return useQuery(reportCatalogQueryOptions());
}
