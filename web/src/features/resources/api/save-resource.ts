/** POST /api/resources, PATCH /api/resources/:id, DELETE /api/resources/:id: every change marks lists and totals stale. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okBody } from '../../../../../src/contracts/common.js';
import { resourceEntry, type CreateResourceBody, type UpdateResourceBody } from '../../../../../src/contracts/resources.js';
import { apiRequest } from '../../../lib/api.js';
import { resourceKeys } from './keys.js';

export function createResource(body: CreateResourceBody, idempotencyKey: string) {
  return apiRequest('POST', '/api/resources', { body, idempotencyKey, schema: resourceEntry });
}

export function updateResource(id: string, body: UpdateResourceBody, idempotencyKey: string) {
  return apiRequest('PATCH', `/api/resources/${encodeURIComponent(id)}`, { body, idempotencyKey, schema: resourceEntry });
}

export function deleteResource(id: string, expectedVersion: number, idempotencyKey: string) {
  return apiRequest('DELETE', `/api/resources/${encodeURIComponent(id)}`, { query: { expectedVersion }, idempotencyKey, schema: okBody });
}

type Save = { id: null; body: CreateResourceBody; idempotencyKey: string } | { id: string; body: UpdateResourceBody; idempotencyKey: string };

export function useSaveResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Save) => (s.id === null ? createResource(s.body, s.idempotencyKey) : updateResource(s.id, s.body, s.idempotencyKey)),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

export function useDeleteResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, expectedVersion, idempotencyKey }: { id: string; expectedVersion: number; idempotencyKey: string }) =>
      deleteResource(id, expectedVersion, idempotencyKey),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}
