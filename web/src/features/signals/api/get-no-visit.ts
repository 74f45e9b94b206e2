/** GET /api/signals/no-visit: Helped communes with no visit (visit kinds) in the last N days. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { noVisitResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { signalKeys } from './keys.js';

export type NoVisitParams = { days?: number; asOf?: string; limit?: number; offset?: number };

export function getNoVisit(p: NoVisitParams, signal?: AbortSignal) {
  return apiGet('/api/signals/no-visit', noVisitResponse, { ...p }, signal);
}

export const noVisitQueryOptions = (p: NoVisitParams) => queryOptions({ queryKey: signalKeys.noVisit(p), queryFn: ({ signal }) => getNoVisit(p, signal) });

export function useNoVisit(p: NoVisitParams) {
  return useQuery({ ...noVisitQueryOptions(p), placeholderData: keepPreviousData });
}
