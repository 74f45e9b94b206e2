/** GET /api/assessments/:id/history: every round (returns, reopenings) and every verdict. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { assessmentHistory } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';
import { assessmentKeys } from './keys.js';
import { paths } from './paths.js';

export function getHistory(id: string, signal?: AbortSignal) {
  return apiGet(paths.history(id), assessmentHistory, undefined, signal);
}

export const historyQueryOptions = (id: string) => queryOptions({ queryKey: assessmentKeys.history(id), queryFn: ({ signal }) => getHistory(id, signal) });

export function useAssessmentHistory(id: string) {
  return useQuery(historyQueryOptions(id));
}
