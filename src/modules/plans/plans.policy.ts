/**
 * Who may act on a commune plan, on top of the central matrix (`plan.edit`, `plan.task`):
 * - a commune officer (or a system administrator) writes the plans of the communes in scope — the plan, its criteria
 *   and every task — as long as the commune is still in force (a merged commune's plans are read-only history);
 * - a help team member or department staff whose agency is assigned to help the commune today adds tasks (for their
 *   own agency) and updates the status and progress note of the tasks their agency is responsible for;
 * - everyone else with the commune in scope (steering office, departments, district, viewers) reads.
 */
import type { PlanSummary } from '../../contracts/plans.js';
import { can, isGlobal } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';

export interface PlanFacts {
  /** The plan's commune is in force today. */
  unitActive: boolean;
  /** The actor's agency is assigned to help the commune today. */
  agencyHelps: boolean;
}

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);
export const isHelper = (actor: Actor) => has(actor, 'help_team') || has(actor, 'department_reviewer');

/** Writes the whole plan (the commune's own officers). Scope is checked by loading the plan. */
export function canEditPlan(actor: Actor, f: PlanFacts): boolean {
  return can(actor, 'plan.edit') && f.unitActive && (isGlobal(actor) || has(actor, 'commune_officer'));
}

/** Works on tasks as a helper of the commune (not the commune itself). */
export function helpsAsAgency(actor: Actor, f: PlanFacts): boolean {
  return can(actor, 'plan.task') && f.unitActive && isHelper(actor) && f.agencyHelps && actor.agencyId !== null;
}

export function planAbilities(actor: Actor, f: PlanFacts): PlanSummary['abilities'] {
  const edit = canEditPlan(actor, f);
  return { canEdit: edit, canAddTask: edit || helpsAsAgency(actor, f) };
}

/** May the actor update this task? Helpers only the tasks of their agency. */
export function canEditTask(actor: Actor, f: PlanFacts, task: { responsible_agency_id: string | null }): boolean {
  return canEditPlan(actor, f) || (helpsAsAgency(actor, f) && task.responsible_agency_id === actor.agencyId);
}
