/**
 * PUT /api/assessments/:id/results/:code: one indicator row of the commune's form. The body carries the row's base
 * version and the client's opId; the idempotency key is the opId too, so a retried save is one action for the server.
 * A stale base answers CONFLICT with the other version in `details.current`.
 */
import { indicatorResult, saveResultResponse, type IndicatorResult } from '../../../../../src/contracts/assessments.js';
import { apiRequest, isApiError } from '../../../lib/api.js';
import type { SaveOp } from '../save-state.js';
import { paths } from './paths.js';

export function saveResult(assessmentId: string, code: string, op: SaveOp) {
  const body = { value: op.draft.value, note: op.draft.note, carriedOver: op.draft.carriedOver, baseVersion: op.baseVersion, opId: op.opId };
  return apiRequest('PUT', paths.result(assessmentId, code), { body, idempotencyKey: op.opId, schema: saveResultResponse });
}

/** The other version a CONFLICT (or INVALID_TRANSITION after a submit) carries, when it does. */
export function currentOf(err: unknown): IndicatorResult | null {
  if (!isApiError(err)) return null;
  const parsed = indicatorResult.safeParse(err.details.current);
  return parsed.success ? parsed.data : null;
}
