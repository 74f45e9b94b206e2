/** GET /api/signals/no-helper: Communes with no current helper. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { noHelperResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { signalKeys } from './keys.js';

export type NoHelperParams = { asOf?: string; limit?: number; offset?: number };

export function getNoHelper(p: NoHelperParams, signal?: AbortSignal) {
  return apiGet('/api/signals/no-helper', noHelperResponse, { ...p }, signal);
}

export const noHelperQueryOptions = (p: NoHelperParams) => queryOptions({ queryKey: signalKeys.noHelper(p), queryFn: ({ signal }) => getNoHelper(p, signal) });

export function useNoHelper(p: NoHelperParams) {
  return useQuery({ ...noHelperQueryOptions(p), placeholderData: keepPreviousData });
}
