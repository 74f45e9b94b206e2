/** GET /api/assessments: forms of a cycle, of a commune (and its predecessors), or those waiting for the caller. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listAssessmentsResponse } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';
import { assessmentKeys, type AssessmentListParams } from './keys.js';
import { paths } from './paths.js';

export function listAssessments(p: AssessmentListParams, signal?: AbortSignal) {
  return apiGet(paths.assessments, listAssessmentsResponse, { ...p }, signal);
}

export const listAssessmentsQueryOptions = (p: AssessmentListParams) =>
  queryOptions({ queryKey: assessmentKeys.list(p), queryFn: ({ signal }) => listAssessments(p, signal) });

export function useAssessments(p: AssessmentListParams, enabled = true) {
  return useQuery({ ...listAssessmentsQueryOptions(p), placeholderData: keepPreviousData, enabled });
}
