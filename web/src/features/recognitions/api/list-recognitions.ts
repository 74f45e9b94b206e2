/** GET /api/communes/:unitId/recognitions: recognition and revocation decisions of a commune and its predecessors. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { listRecognitionsResponse } from '../../../../../src/contracts/assessments.js';
import { apiGet } from '../../../lib/api.js';
import { recognitionKeys } from './keys.js';

export function listRecognitions(unitId: string, signal?: AbortSignal) {
  return apiGet(`/api/communes/${encodeURIComponent(unitId)}/recognitions`, listRecognitionsResponse, undefined, signal);
}

export const recognitionsQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: recognitionKeys.unit(unitId), queryFn: ({ signal }) => listRecognitions(unitId, signal) });

export function useRecognitions(unitId: string) {
  return useQuery(recognitionsQueryOptions(unitId));
}
