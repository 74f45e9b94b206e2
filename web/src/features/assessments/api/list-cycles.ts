/** GET /api/cycles: the assessment cycles the caller sees, newest first. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listCyclesResponse } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';
import { assessmentKeys, type CycleListParams } from './keys.js';
import { paths } from './paths.js';

export function listCycles(p: CycleListParams, signal?: AbortSignal) {
  return apiGet(paths.cycles, listCyclesResponse, { ...p }, signal);
}

export const listCyclesQueryOptions = (p: CycleListParams) =>
  queryOptions({ queryKey: assessmentKeys.cycles(p), queryFn: ({ signal }) => listCycles(p, signal) });

export function useCycles(p: CycleListParams) {
  return useQuery({ ...listCyclesQueryOptions(p), placeholderData: keepPreviousData });
}
