/** Boundary sets: GET /api/maps/boundary-sets, POST …/:id/activation, DELETE …/:id. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { boundarySetSummary, listBoundarySetsResponse } from '../../../../../src/contracts/maps.js';
import { okBody } from '../../../../../src/contracts/common.js';
import { apiGet, apiRequest } from '../../../lib/api.js';
import { mapKeys } from './keys.js';

export function useBoundarySets(year?: number) {
  return useQuery({ queryKey: mapKeys.sets(year), queryFn: ({ signal }) => apiGet('/api/maps/boundary-sets', listBoundarySetsResponse, { year }, signal) });
}

export function useSetActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest('POST', `/api/maps/boundary-sets/${id}/activation`, { body: { active }, schema: boundarySetSummary }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mapKeys.all }),
  });
}

export function useDeleteSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/api/maps/boundary-sets/${id}`, { schema: okBody }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mapKeys.all }),
  });
}
