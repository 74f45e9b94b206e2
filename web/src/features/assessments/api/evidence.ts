/** POST/DELETE /api/assessments/:id/results/:code/evidence: attach an uploaded file to a row, or take it off. */
import { evidenceResponse } from '../../../../../src/contracts/assessments.js';
import { apiRequest } from '../../../lib/api.js';
import { paths } from './paths.js';

export function attachEvidence(assessmentId: string, code: string, fileId: string, idempotencyKey?: string) {
  return apiRequest('POST', paths.evidence(assessmentId, code), { body: { fileId }, schema: evidenceResponse, ...(idempotencyKey ? { idempotencyKey } : {}) });
}

export function detachEvidence(assessmentId: string, code: string, fileId: string) {
  return apiRequest('DELETE', paths.evidenceFile(assessmentId, code, fileId), { schema: evidenceResponse });
}
