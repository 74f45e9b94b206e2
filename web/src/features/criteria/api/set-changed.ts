/** What every change of a set does to the cache: the answer is the new set; lists, diffs and evaluations are stale. */
import type { QueryClient } from '@tanstack/react-query';
import type { SetDetail } from '../../../../../src/contracts/criteria.js';
import { criteriaKeys } from './keys.js';

export function setChanged(qc: QueryClient, set: SetDetail): Promise<void> {
  qc.setQueryData(criteriaKeys.detail(set.id), set);
  return Promise.all([
    qc.invalidateQueries({ queryKey: criteriaKeys.lists() }),
    qc.invalidateQueries({ queryKey: criteriaKeys.diffs() }),
    qc.invalidateQueries({ queryKey: criteriaKeys.evaluationsOf(set.id) }),
  ]).then(() => undefined);
}
