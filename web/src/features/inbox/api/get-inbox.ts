/** GET /api/inbox: what's due for the caller (obstacles to handle, follow-ups), as typed items. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { inboxResponse } from '../../../../../src/contracts/assistance.js';
import { apiGet } from '../../../lib/api.js';
import { inboxKeys } from './keys.js';

export type InboxParams = { overdue?: boolean; limit?: number; offset?: number };

export function getInbox(p: InboxParams, signal?: AbortSignal) {
  return apiGet('/api/inbox', inboxResponse, { ...p }, signal);
}

export const inboxQueryOptions = (p: InboxParams) => queryOptions({ queryKey: inboxKeys.list(p), queryFn: ({ signal }) => getInbox(p, signal) });

export function useInbox(p: InboxParams) {
  return useQuery({ ...inboxQueryOptions(p), placeholderData: keepPreviousData });
}
