/** GET /api/audit: audit events, newest first, filtered by unit, actor, entity type, action and dates. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listAuditResponse, type ListAuditQuery } from '../../../../../src/contracts/audit.js';
import { apiGet } from '../../../lib/api.js';
import { auditKeys } from './keys.js';

export function listAudit(p: Partial<ListAuditQuery>, signal?: AbortSignal) {
  return apiGet('/api/audit', listAuditResponse, p, signal);
}

export const listAuditQueryOptions = (p: Partial<ListAuditQuery>) =>
  queryOptions({ queryKey: auditKeys.list(p), queryFn: ({ signal }) => listAudit(p, signal), staleTime: 0 });

export function useAuditEvents(p: Partial<ListAuditQuery>) {
  return useQuery({ ...listAuditQueryOptions(p), placeholderData: keepPreviousData });
}
