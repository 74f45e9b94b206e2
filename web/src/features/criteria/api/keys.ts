/** Query keys of the criteria feature. */
import type { EvaluateBody, ListSetsQuery } from '../../../../../src/contracts/criteria.js';

export type SetListParams = Partial<ListSetsQuery>;

export const criteriaKeys = {
  all: ['criteria'] as const,
  lists: () => [...criteriaKeys.all, 'list'] as const,
  list: (p: SetListParams) => [...criteriaKeys.lists(), p] as const,
  details: () => [...criteriaKeys.all, 'detail'] as const,
  detail: (id: string) => [...criteriaKeys.details(), id] as const,
  diffs: () => [...criteriaKeys.all, 'diff'] as const,
  diff: (from: string, to: string) => [...criteriaKeys.diffs(), from, to] as const,
  evaluations: () => [...criteriaKeys.all, 'evaluate'] as const,
  evaluationsOf: (setId: string) => [...criteriaKeys.evaluations(), setId] as const,
  evaluation: (setId: string, body: EvaluateBody) => [...criteriaKeys.evaluationsOf(setId), body] as const,
};
