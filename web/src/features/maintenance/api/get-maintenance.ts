/** GET /api/maintenance?year=: recognised communes of the caller's scope, with their risk of losing the standard. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { maintenanceResponse } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';

export interface MaintenanceParams {
  year: number;
  withinUnitId?: string | undefined;
  limit?: number;
  offset?: number;
}

export const maintenanceKeys = { all: ['maintenance'] as const, list: (p: MaintenanceParams) => ['maintenance', p] as const };

export function getMaintenance(p: MaintenanceParams, signal?: AbortSignal) {
  return apiGet('/api/maintenance', maintenanceResponse, { ...p }, signal);
}

export const maintenanceQueryOptions = (p: MaintenanceParams) =>
  queryOptions({ queryKey: maintenanceKeys.list(p), queryFn: ({ signal }) => getMaintenance(p, signal) });

export function useMaintenance(p: MaintenanceParams) {
  return useQuery({ ...maintenanceQueryOptions(p), placeholderData: keepPreviousData });
}
