/** GET /api/obstacles/:id: one obstacle with its events (status changes, escalations, replies with files). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { obstacleDetail } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { obstacleKeys } from './keys.js';

export function getObstacle(id: string, signal?: AbortSignal) {
  return apiGet(`/api/obstacles/${encodeURIComponent(id)}`, obstacleDetail, undefined, signal);
}

export const obstacleQueryOptions = (id: string) => queryOptions({ queryKey: obstacleKeys.detail(id), queryFn: ({ signal }) => getObstacle(id, signal) });

export function useObstacle(id: string) {
  return useQuery(obstacleQueryOptions(id));
}
