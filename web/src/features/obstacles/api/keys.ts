/** Query keys of the obstacles feature. */
import type { ListObstaclesQuery } from '../../../../../src/contracts/assistance.js';

export type ObstacleListParams = Partial<ListObstaclesQuery>;

export const obstacleKeys = {
  all: ['obstacles'] as const,
  lists: () => [...obstacleKeys.all, 'list'] as const,
  list: (p: ObstacleListParams) => [...obstacleKeys.lists(), p] as const,
  detail: (id: string) => [...obstacleKeys.all, 'detail', id] as const,
};
