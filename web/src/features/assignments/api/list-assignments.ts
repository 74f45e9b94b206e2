/** GET /api/assignments: a commune's assignments (with its predecessors'), an agency's communes, or all, with history. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listAssignmentsResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { assignmentKeys, type AssignmentListParams } from './keys.js';

export function listAssignments(p: AssignmentListParams, signal?: AbortSignal) {
  return apiGet('/api/assignments', listAssignmentsResponse, { ...p }, signal);
}

export const listAssignmentsQueryOptions = (p: AssignmentListParams) =>
  queryOptions({ queryKey: assignmentKeys.list(p), queryFn: ({ signal }) => listAssignments(p, signal) });

export function useAssignments(p: AssignmentListParams) {
  return useQuery({ ...listAssignmentsQueryOptions(p), placeholderData: keepPreviousData });
}
