/**
 * Commune plans: GET/POST /api/plans, POST /api/plans/copy, GET/PATCH /api/plans/:id, PUT …/criteria,
 * POST …/tasks, PATCH …/tasks/:taskId, GET /api/plans/summary. Every change answers with the whole plan.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  listPlansResponse,
  planDetail,
  plansSummaryResponse,
  type CopyPlanBody,
  type CreatePlanBody,
  type CreateTaskBody,
  type PlanDetail,
  type SetPlanCriteriaBody,
  type UpdatePlanBody,
  type UpdateTaskBody,
} from '../../../../../src/contracts/plans.js';
import { apiGet, apiRequest } from '../../../lib/api.js';
import { planKeys } from './keys.js';

export interface PlansParams {
  unitId?: string | undefined;
  year?: number | undefined;
  kind?: 'phase' | 'annual' | undefined;
}

export function usePlans(p: PlansParams) {
  return useQuery({
    queryKey: planKeys.plans(p),
    queryFn: ({ signal }) => apiGet('/api/plans', listPlansResponse, { ...p, limit: 200 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.plan(id), queryFn: ({ signal }) => apiGet(`/api/plans/${encodeURIComponent(id)}`, planDetail, {}, signal) });
}

export function usePlansSummary(year: number, enabled = true) {
  return useQuery({ queryKey: planKeys.summary(year), queryFn: ({ signal }) => apiGet('/api/plans/summary', plansSummaryResponse, { year }, signal), enabled });
}

function planChanged(qc: QueryClient, p: PlanDetail): void {
  qc.setQueryData(planKeys.plan(p.id), p);
  void qc.invalidateQueries({ queryKey: ['plans', 'plans'] });
  void qc.invalidateQueries({ queryKey: ['plans', 'summary'] });
  void qc.invalidateQueries({ queryKey: planKeys.listAll });
}

type Keyed<B> = { body: B; idempotencyKey: string };

export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<CreatePlanBody>) => apiRequest('POST', '/api/plans', { body, idempotencyKey, schema: planDetail }),
    onSuccess: (p) => planChanged(qc, p),
  });
}

export function useCopyPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<CopyPlanBody>) => apiRequest('POST', '/api/plans/copy', { body, idempotencyKey, schema: planDetail }),
    onSuccess: (p) => planChanged(qc, p),
  });
}

export function useUpdatePlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<UpdatePlanBody>) => apiRequest('PATCH', `/api/plans/${encodeURIComponent(id)}`, { body, idempotencyKey, schema: planDetail }),
    onSuccess: (p) => planChanged(qc, p),
  });
}

export function useSetPlanCriteria(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<SetPlanCriteriaBody>) =>
      apiRequest('PUT', `/api/plans/${encodeURIComponent(id)}/criteria`, { body, idempotencyKey, schema: planDetail }),
    onSuccess: (p) => planChanged(qc, p),
  });
}

export function useCreateTask(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Keyed<CreateTaskBody>) => apiRequest('POST', `/api/plans/${encodeURIComponent(id)}/tasks`, { body, idempotencyKey, schema: planDetail }),
    onSuccess: (p) => planChanged(qc, p),
  });
}

export function useUpdateTask(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body, idempotencyKey }: Keyed<UpdateTaskBody> & { taskId: string }) =>
      apiRequest('PATCH', `/api/plans/${encodeURIComponent(id)}/tasks/${encodeURIComponent(taskId)}`, { body, idempotencyKey, schema: planDetail }),
    onSuccess: (p) => planChanged(qc, p),
  });
}

/** After a CONFLICT: fetch the plan again so the next attempt uses the current versions. */
export function useRefreshPlan(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: planKeys.plan(id) });
}
