/**
 * Who may act on an assessment, on top of the central matrix. The actor's sides feed the pure transition table
 * (domain/assessments/transitions.ts):
 * - `commune`: commune officers with the commune in scope;
 * - `reviewer`: the current step's reviewers — `unit_parent`: district reviewers with the commune in scope; `agency`:
 *   the step's agency (its reviewers or office staff); `per_criterion_agency`: the departments the criteria are routed
 *   to, each for its own criteria only;
 * - `office`: the steering office with the commune in scope.
 * System administrators stand on every side.
 */
import type { AssessmentAbilities, ReviewStep } from '../../contracts/assessments.js';
import { allowedActions, type Side } from '../../domain/assessments/transitions.js';
import { can, isGlobal } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import type { AssessmentRow } from './assessments.repo.js';

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);
const REVIEW_ROLES = ['province_office', 'district_reviewer', 'department_reviewer'] as const;

export function currentStepOf(a: Pick<AssessmentRow, 'review_chain' | 'current_step'>): ReviewStep | null {
  return a.current_step === null ? null : (a.review_chain[a.current_step] ?? null);
}

/** Criterion numbers the actor reviews at the current step (empty: none). */
export function reviewableCriteria(actor: Actor, a: AssessmentRow, unitInScope: boolean, allCriteria: readonly string[]): string[] {
  const step = currentStepOf(a);
  if (!step || !can(actor, 'assessment.review')) return [];
  if (isGlobal(actor)) return [...allCriteria];
  if (step.routing === 'unit_parent') return has(actor, 'district_reviewer') && unitInScope ? [...allCriteria] : [];
  if (step.routing === 'agency') {
    return actor.agencyId && step.agencyId === actor.agencyId && REVIEW_ROLES.some((r) => has(actor, r)) ? [...allCriteria] : [];
  }
  if (!actor.agencyId || !(has(actor, 'department_reviewer') || has(actor, 'province_office'))) return [];
  return allCriteria.filter((n) => a.criterion_agencies[n] === actor.agencyId);
}

/** The sides the actor stands on for this assessment. */
export function sidesOf(actor: Actor, unitInScope: boolean, reviewable: readonly string[]): Side[] {
  const sides: Side[] = [];
  if (isGlobal(actor) || (has(actor, 'commune_officer') && unitInScope && can(actor, 'assessment.fill'))) sides.push('commune');
  if (reviewable.length > 0) sides.push('reviewer');
  if (can(actor, 'assessment.reopen') && (isGlobal(actor) || unitInScope)) sides.push('office');
  return sides;
}

export function assessmentAbilities(
  actor: Actor,
  a: AssessmentRow,
  unitInScope: boolean,
  allCriteria: readonly string[],
): AssessmentAbilities {
  const reviewable = reviewableCriteria(actor, a, unitInScope, allCriteria);
  const sides = sidesOf(actor, unitInScope, reviewable);
  const open = a.cycle_status === 'open';
  const actions = allowedActions(
    { status: a.status, currentStep: a.current_step, stepCount: a.review_chain.length },
    sides,
    { submitted: a.n_submitted, returned: a.n_returned },
  );
  const may = (x: (typeof actions)[number]) => actions.includes(x);
  // A closed cycle is read-only: no action on its assessments.
  const reviewing = open && may('verdict') && (a.n_submitted > 0 || a.status === 'in_review');
  return {
    canEdit: open && may('save') && (a.status === 'draft' || a.n_returned > 0),
    canSubmit: open && may('submit'),
    canReview: reviewing,
    canReturn: open && may('return'),
    canForward: open && may('forward'),
    canAppraise: open && may('appraise'),
    canReopen: open && may('reopen'),
    reviewableCriteria: reviewing ? reviewable : [],
  };
}
