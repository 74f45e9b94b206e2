/** GET /api/dashboard and /api/dashboard/communes: the figures of a year for a unit, and the rows behind one. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { dashboardCommunesResponse, dashboardResponse } from '../../../../../src/contracts/dashboard.js';
import { apiGet } from '../../../lib/api.js';

export interface DashboardParams {
  year: number;
  setId?: string | undefined;
  unitId?: string | undefined;
}

export interface DashboardCommunesParams extends DashboardParams {
  filter: string;
  limit: number;
  offset: number;
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (p: DashboardParams) => ['dashboard', 'figures', p] as const,
  communes: (p: DashboardCommunesParams) => ['dashboard', 'communes', p] as const,
};

export function getDashboard(p: DashboardParams, signal?: AbortSignal) {
  return apiGet('/api/dashboard', dashboardResponse, { ...p }, signal);
}

export function getDashboardCommunes(p: DashboardCommunesParams, signal?: AbortSignal) {
  return apiGet('/api/dashboard/communes', dashboardCommunesResponse, { ...p }, signal);
}

export const dashboardQueryOptions = (p: DashboardParams) =>
  queryOptions({ queryKey: dashboardKeys.figures(p), queryFn: ({ signal }) => getDashboard(p, signal) });

/** The figures; the browser revalidates with the ETag, so a refetch of an unchanged dashboard is a 304. */
export function useDashboard(p: DashboardParams) {
  return useQuery({ ...dashboardQueryOptions(p), placeholderData: keepPreviousData });
}

export function useDashboardCommunes(p: DashboardCommunesParams) {
  return useQuery({
    queryKey: dashboardKeys.communes(p),
    queryFn: ({ signal }) => getDashboardCommunes(p, signal),
    placeholderData: keepPreviousData,
  });
}
