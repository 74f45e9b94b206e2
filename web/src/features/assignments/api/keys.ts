/** Query keys of the assignments feature. */
import type { ListAssignmentsQuery } from '../../../../../src/contracts/assistance.js';

export type AssignmentListParams = Partial<ListAssignmentsQuery>;

export const assignmentKeys = {
  all: ['assignments'] as const,
  lists: () => [...assignmentKeys.all, 'list'] as const,
  list: (p: AssignmentListParams) => [...assignmentKeys.lists(), p] as const,
  detail: (id: string) => [...assignmentKeys.all, 'detail', id] as const,
};
