/**
 * Target lists: GET/POST /api/target-lists, GET/PATCH /api/target-lists/:id, POST …/transitions, POST …/communes,
 * DELETE …/communes/:unitId, GET …/candidates. Every change answers with the whole list, which replaces the cache.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  listTargetListsResponse,
  targetCandidatesResponse,
  targetListDetail,
  type AddTargetCommunesBody,
  type CreateTargetListBody,
  type TargetListDetail,
  type TransitionTargetListBody,
  type UpdateTargetListBody,
} from '../../../../../src/contracts/plans.js';
import { listUnitsResponse } from '../../../../../src/contracts/units.js';
import { apiGet, apiRequest } from '../../../lib/api.js';
import { planKeys } from './keys.js';

export interface TargetListsParams {
  year?: number | undefined;
  status?: 'draft' | 'adopted' | undefined;
}

export function useTargetLists(p: TargetListsParams) {
  return useQuery({
    queryKey: planKeys.lists(p),
    queryFn: ({ signal }) => apiGet('/api/target-lists', listTargetListsResponse, { ...p, limit: 200 }, signal),
    placeholderData: keepPreviousData,
  });
}

export const targetListQueryOptions = (id: string) =>
  queryOptions({ queryKey: planKeys.list(id), queryFn: ({ signal }) => apiGet(`/api/target-lists/${encodeURIComponent(id)}`, targetListDetail, {}, signal) });

export function useTargetList(id: string) {
  return useQuery(targetListQueryOptions(id));
}

export function useTargetCandidates(id: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.candidates(id, q),
    queryFn: ({ signal }) => apiGet(`/api/target-lists/${encodeURIComponent(id)}/candidates`, targetCandidatesResponse, { q: q || undefined }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Provinces in the caller's scope in force on 31 December of the year (the list's province). */
export function useProvinces(year: number) {
  return useQuery({
    queryKey: planKeys.provinces(year),
    queryFn: ({ signal }) => apiGet('/api/units', listUnitsResponse, { level: 'province', asOf: `${year}-12-31`, limit: 50 }, signal),
  });
}

function listChanged(qc: QueryClient, l: TargetListDetail): void {
  qc.setQueryData(planKeys.list(l.id), l);
  void qc.invalidateQueries({ queryKey: ['plans', 'target-lists'] });
  void qc.invalidateQueries({ queryKey: ['plans', 'target-list', l.id, 'candidates'] });
}

type Keyed<B> = { body: B; idempotencyKey: string };

export function useCreateTargetList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<CreateTargetListBody>) => apiRequest('POST', '/api/target-lists', { body, idempotencyKey, schema: targetListDetail }),
    onSuccess: (l) => listChanged(qc, l),
  });
}

export function useUpdateTargetList(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<UpdateTargetListBody>) =>
      apiRequest('PATCH', `/api/target-lists/${encodeURIComponent(id)}`, { body, idempotencyKey, schema: targetListDetail }),
    onSuccess: (l) => listChanged(qc, l),
  });
}

export function useTransitionTargetList(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<TransitionTargetListBody>) =>
      apiRequest('POST', `/api/target-lists/${encodeURIComponent(id)}/transitions`, { body, idempotencyKey, schema: targetListDetail }),
    onSuccess: (l) => listChanged(qc, l),
  });
}

export function useAddTargetCommunes(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<AddTargetCommunesBody>) =>
      apiRequest('POST', `/api/target-lists/${encodeURIComponent(id)}/communes`, { body, idempotencyKey, schema: targetListDetail }),
    onSuccess: (l) => listChanged(qc, l),
  });
}

export function useRemoveTargetCommune(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, expectedVersion }: { unitId: string; expectedVersion: number }) =>
      apiRequest('DELETE', `/api/target-lists/${encodeURIComponent(id)}/communes/${encodeURIComponent(unitId)}`, { query: { expectedVersion }, schema: targetListDetail }),
    onSuccess: (l) => listChanged(qc, l),
  });
}

/** After a CONFLICT: fetch the list again so the next attempt uses its current version. */
export function useRefreshTargetList(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: planKeys.list(id) });
}
