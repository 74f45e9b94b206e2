/** GET /api/assessments/:id/form: the assessment, every indicator with its row, target and live status, the summary. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { assessmentForm } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';
import { assessmentKeys } from './keys.js';
import { paths } from './paths.js';

export function getForm(id: string, signal?: AbortSignal) {
  return apiGet(paths.form(id), assessmentForm, undefined, signal);
}

export const formQueryOptions = (id: string) => queryOptions({ queryKey: assessmentKeys.form(id), queryFn: ({ signal }) => getForm(id, signal) });

export function useAssessmentForm(id: string) {
  // The form's rows are edited locally: a background refetch must not replace what the person is typing.
  return useQuery({ ...formQueryOptions(id), refetchOnWindowFocus: false });
}
