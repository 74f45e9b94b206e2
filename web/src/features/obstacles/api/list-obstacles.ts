/** GET /api/obstacles: obstacles filtered by commune, assignee, raiser, status, level, category, age and overdue. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listObstaclesResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { obstacleKeys, type ObstacleListParams } from './keys.js';

export function listObstacles(p: ObstacleListParams, signal?: AbortSignal) {
  return apiGet('/api/obstacles', listObstaclesResponse, { ...p }, signal);
}

export const listObstaclesQueryOptions = (p: ObstacleListParams) =>
  queryOptions({ queryKey: obstacleKeys.list(p), queryFn: ({ signal }) => listObstacles(p, signal) });

export function useObstacles(p: ObstacleListParams) {
  return useQuery({ ...listObstaclesQueryOptions(p), placeholderData: keepPreviousData });
}
