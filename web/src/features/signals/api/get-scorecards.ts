/** GET /api/signals/scorecards: Agency scorecards over a period; each number has the API query of its rows. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { scorecardsResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { signalKeys } from './keys.js';

export type ScorecardsParams = { from: string; to: string };

export function getScorecards(p: ScorecardsParams, signal?: AbortSignal) {
  return apiGet('/api/signals/scorecards', scorecardsResponse, { ...p }, signal);
}

export const scorecardsQueryOptions = (p: ScorecardsParams) => queryOptions({ queryKey: signalKeys.scorecards(p), queryFn: ({ signal }) => getScorecards(p, signal) });

export function useScorecards(p: ScorecardsParams) {
  return useQuery({ ...scorecardsQueryOptions(p), placeholderData: keepPreviousData });
}
