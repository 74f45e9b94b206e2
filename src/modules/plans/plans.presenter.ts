/** Commune plans, their criteria and tasks on the wire. */
import type { PlanSummary, PlanTask } from '../../contracts/plans.js';
import type { TaskProgress } from '../../domain/plans/progress.js';
import { isOverdue } from '../../domain/plans/progress.js';
import { presentAgencyRef, presentUnitRef } from '../assignments/assignments.presenter.js';
import type { PlanRow, TaskRow } from './plans.repo.js';

const iso = (v: Date | string) => new Date(v).toISOString();
export const costOf = (v: number | string | null) => (v === null ? null : Number(v));

export function presentPlan(r: PlanRow, progress: TaskProgress, abilities: PlanSummary['abilities']): PlanSummary {
  return {
    id: r.id,
    unit: presentUnitRef(r),
    kind: r.kind,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    title: r.title,
    targetLevel: r.target_level,
    targetYear: r.target_year,
    status: r.status,
    note: r.note,
    copiedFromId: r.copied_from_id,
    rowVersion: r.row_version,
    isDemo: r.is_demo,
    updatedAt: iso(r.updated_at),
    progress,
    abilities,
  };
}

export function presentTask(t: TaskRow, today: string, canEdit: boolean): PlanTask {
  const cost = costOf(t.estimated_cost_vnd);
  return {
    id: t.id,
    criterionNumber: t.criterion_number,
    title: t.title,
    responsibleAgency: presentAgencyRef(t.responsible_agency_id, t.responsible_agency_name, t.responsible_agency_kind),
    responsibleName: t.responsible_name,
    deadline: t.deadline,
    estimatedCostVnd: cost,
    status: t.status,
    progressNote: t.progress_note,
    doneAt: t.done_at,
    copied: t.copied_from_task_id !== null,
    overdue: isOverdue({ status: t.status, deadline: t.deadline, estimatedCostVnd: cost }, today),
    rowVersion: t.row_version,
    updatedAt: iso(t.updated_at),
    updatedByName: t.updated_by_name,
    abilities: { canEdit },
  };
}
