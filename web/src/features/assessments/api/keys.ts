/** Query keys of the assessments feature (cycles, assessments, forms, histories). */
import type { ListAssessmentsQuery } from '../../../../../src/contracts/assessments.js';

export type CycleListParams = { year?: number | undefined; status?: 'open' | 'closed' | undefined; limit?: number; offset?: number };
export type AssessmentListParams = Partial<ListAssessmentsQuery>;

export const assessmentKeys = {
  all: ['assessments'] as const,
  cycles: (p: CycleListParams) => [...assessmentKeys.all, 'cycles', p] as const,
  lists: () => [...assessmentKeys.all, 'list'] as const,
  list: (p: AssessmentListParams) => [...assessmentKeys.lists(), p] as const,
  form: (id: string) => [...assessmentKeys.all, 'form', id] as const,
  history: (id: string) => [...assessmentKeys.all, 'history', id] as const,
};
