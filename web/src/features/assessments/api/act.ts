/**
 * The assessment-level actions: submit (or resubmit), a reviewer's verdicts and returns in one request (`review`;
 * `verdicts` and `return` remain for single-purpose callers), forward to the
 * next step, final appraisal, reopening. Each answers the assessment; the form and lists are read again after.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  assessment,
  type AssessmentActionBody,
  type ReopenBody,
  type ReturnBody,
  type ReviewBody,
  type VerdictsBody,
} from '../../../../../src/contracts/assessments.js';
import { apiRequest } from '../../../lib/api.js';
import { assessmentKeys } from './keys.js';
import { paths } from './paths.js';

export type AssessmentAction =
  | { action: 'submit' | 'forward' | 'appraise'; body: AssessmentActionBody }
  | { action: 'verdicts'; body: VerdictsBody }
  | { action: 'return'; body: ReturnBody }
  | { action: 'review'; body: ReviewBody }
  | { action: 'reopen'; body: ReopenBody };

export function act(id: string, a: AssessmentAction, idempotencyKey: string) {
  return apiRequest('POST', paths.action(id, a.action), { body: a.body, idempotencyKey, schema: assessment });
}

export function useAssessmentAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ a, idempotencyKey }: { a: AssessmentAction; idempotencyKey: string }) => act(id, a, idempotencyKey),
    // The commune's status, the maintenance list and the inbox follow the workflow too (their features own those keys).
    onSettled: () => qc.invalidateQueries({ predicate: (q) => [assessmentKeys.all[0], 'communeProfile', 'maintenance', 'inbox'].includes(String(q.queryKey[0])) }),
  });
}
