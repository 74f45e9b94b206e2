/**
 * POST /api/criteria/sets/:id/evaluate: the result of a commune-year for the values typed so far. A read, so it is a
 * query (cached per set, commune, year and values), though it is sent as POST because the values travel in the body.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { evaluationResponse, type EvaluateBody } from '../../../../../src/contracts/criteria.js';
import { apiRequest } from '../../../lib/api.js';
import { criteriaKeys } from './keys.js';

export function evaluateSet(setId: string, body: EvaluateBody, signal?: AbortSignal) {
  return apiRequest('POST', `/api/criteria/sets/${encodeURIComponent(setId)}/evaluate`, { body, signal, schema: evaluationResponse });
}

export const evaluationQueryOptions = (setId: string, body: EvaluateBody) =>
  queryOptions({
    queryKey: criteriaKeys.evaluation(setId, body),
    queryFn: ({ signal }) => evaluateSet(setId, body, signal),
    staleTime: 5 * 60_000,
  });

/** The evaluation; keeps the previous result on screen while the next one (after a value changed) loads. */
export function useEvaluation(setId: string, body: EvaluateBody | null) {
  return useQuery({
    ...evaluationQueryOptions(setId, body ?? { unitId: '', year: 0, values: {} }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
