/** GET /api/signals/overdue-obstacles: Overdue obstacles, counted by level. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { overdueObstaclesResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { signalKeys } from './keys.js';

export type OverdueObstaclesParams = { asOf?: string; limit?: number; offset?: number };

export function getOverdueObstacles(p: OverdueObstaclesParams, signal?: AbortSignal) {
  return apiGet('/api/signals/overdue-obstacles', overdueObstaclesResponse, { ...p }, signal);
}

export const overdueQueryOptions = (p: OverdueObstaclesParams) => queryOptions({ queryKey: signalKeys.overdue(p), queryFn: ({ signal }) => getOverdueObstacles(p, signal) });

export function useOverdueObstacles(p: OverdueObstaclesParams) {
  return useQuery({ ...overdueQueryOptions(p), placeholderData: keepPreviousData });
}
