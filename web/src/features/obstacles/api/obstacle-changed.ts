/** Every change answers with the whole obstacle: it replaces the cached detail, and the lists are stale. */
import type { QueryClient } from '@tanstack/react-query';
import type { ObstacleDetail } from '../../../../../src/contracts/assistance.js';
import { obstacleKeys } from './keys.js';

export function obstacleChanged(qc: QueryClient, o: ObstacleDetail): Promise<void> {
  qc.setQueryData(obstacleKeys.detail(o.id), o);
  return qc.invalidateQueries({ queryKey: obstacleKeys.lists() });
}
