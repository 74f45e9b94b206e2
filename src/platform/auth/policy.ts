/**
 * The central role matrix: which roles may attempt which action. Feature policies (<feature>.policy.ts)
 * add the resource rules (scope, who may touch whom) on top of it; services call them before changing.
 */
import type { Role } from '../../contracts/users.js';
import { roles as allRoles } from '../../contracts/users.js';
import type { Actor } from '../context.js';
import { forbidden } from '../errors.js';

const OFFICE: readonly Role[] = ['system_admin', 'province_office'];
/** Help teams and department staff: they work in the communes their agency is assigned to help. */
const HELPERS: readonly Role[] = ['system_admin', 'help_team', 'department_reviewer'];

export const grants = {
  'unit.read': allRoles,
  'unit.setAttribute': OFFICE,
  'agency.read': allRoles,
  'agency.create': OFFICE,
  'agency.update': OFFICE,
  'user.read': OFFICE,
  'user.create': OFFICE,
  'user.update': OFFICE,
  'user.resetPassword': OFFICE,
  'audit.read': OFFICE,
  'audit.verify': ['system_admin'],
  // Criteria sets are public legal data: every role reads them. Evaluating a commune-year is open to every role
  // for communes inside the actor's scope (out of scope → NOT_FOUND).
  // National sets (no province) are the legal text as loaded from the reference files: only a system
  // administrator changes them, and only by making a new national version (`criteria.editNational`). The steering
  // office enters and confirms targets in a provincial variant (or a new version of one) owned by a province
  // inside its scope; a published version is immutable and edits make a new version (modules/criteria/criteria.policy.ts).
  'criteria.read': allRoles,
  'criteria.evaluate': allRoles,
  'criteria.edit': OFFICE,
  'criteria.publish': OFFICE,
  'criteria.import': OFFICE,
  'criteria.confirmTarget': OFFICE,
  'criteria.editNational': ['system_admin'],
  // Helping communes (issue 5; resource rules in modules/assistance/*.policy.ts). Files are read by whoever sees
  // their unit; uploaded by the roles that write records carrying them.
  'file.read': allRoles,
  'file.upload': ['system_admin', 'province_office', 'help_team', 'department_reviewer', 'commune_officer'],
  // The steering office assigns agencies (and steering-committee members) to communes.
  'assignment.read': allRoles,
  'assignment.manage': OFFICE,
  // Activities are recorded by members of an agency assigned to the commune on the activity's date.
  'activity.read': allRoles,
  'activity.create': HELPERS,
  'activity.updateFollowUp': [...HELPERS, 'province_office'],
  // Obstacles: raised by the commune, by a help team on its behalf, or by the office; transitions by the side the
  // transition table names (raiser, the assignee level, the steering office).
  'obstacle.read': allRoles,
  'obstacle.create': ['system_admin', 'province_office', 'help_team', 'department_reviewer', 'commune_officer'],
  'obstacle.transition': ['system_admin', 'province_office', 'help_team', 'department_reviewer', 'commune_officer'],
  'obstacle.reply': ['system_admin', 'province_office', 'help_team', 'department_reviewer', 'commune_officer'],
  'inbox.read': allRoles,
  // Signals and scorecards: what the steering office acts on (and leaders read).
  'signal.read': [...OFFICE, 'viewer'],
  // Assessments (issue 4; resource rules in modules/assessments/assessments.policy.ts). The steering office opens
  // cycles, records recognitions and reopens appraised assessments; communes fill; the review chain's steps review.
  'cycle.read': allRoles,
  'cycle.manage': OFFICE,
  'assessment.read': allRoles,
  'assessment.fill': ['system_admin', 'commune_officer'],
  'assessment.review': ['system_admin', 'province_office', 'district_reviewer', 'department_reviewer'],
  'assessment.reopen': OFFICE,
  'recognition.read': allRoles,
  'recognition.record': OFFICE,
  'maintenance.read': [...OFFICE, 'viewer', 'district_reviewer', 'department_reviewer'],
  'profile.read': allRoles,
  'notification.read': allRoles,
  // Excel import of a cycle's indicator values (issue 7; modules/value-import): commune officers for their commune;
  // the steering office for the communes of the cycle in its scope, on the commune's behalf (audited as such). Only
  // indicators the commune could save now are written (the workflow's editability).
  'valueImport.read': ['system_admin', 'province_office', 'commune_officer'],
  'valueImport.write': ['system_admin', 'province_office', 'commune_officer'],
  // Programmes and resources (issue 6; resource rules in modules/resources/resources.policy.ts). The programme catalog
  // is national reference data every role reads. Resources are read in scope by every role; they are written for a
  // commune in scope by its officers, the steering office, department staff (their scope) and help teams (the
  // communes their agency helps, which is their scope); district reviewers and viewers only read.
  'programme.read': allRoles,
  'resource.read': allRoles,
  'resource.write': ['system_admin', 'province_office', 'department_reviewer', 'help_team', 'commune_officer'],
  // Dashboards (issue 7; modules/dashboard): every role reads the dashboard of units inside its scope (a commune
  // officer its commune, a help team its communes); the national roll-up is for global actors.
  'dashboard.read': allRoles,
  // Maps (issue 7; modules/maps): every role reads the map of its scope; the steering office uploads, activates and
  // deletes commune boundary sets of a province in its scope.
  'map.read': allRoles,
  'map.manageBoundaries': OFFICE,
  // Standard reports and exports (issue 7; modules/reports): every role reads the reports of its scope (a commune
  // officer its own commune); the maintenance review keeps its own grant; the narrative report is for leaders.
  'report.read': allRoles,
  'report.narrative': [...OFFICE, 'viewer', 'district_reviewer', 'department_reviewer'],
  // Plans and targets (issue 6; resource rules in modules/targets/targets.policy.ts and modules/plans/plans.policy.ts).
  // The steering office draws up and adopts the province's target lists; everyone reads them in scope. A commune's
  // plans are written by its officers; the help teams (and department staff) of an agency assigned to the commune
  // add tasks for their agency and update the tasks their agency is responsible for; everyone else reads in scope.
  'targetList.read': allRoles,
  'targetList.manage': OFFICE,
  'plan.read': allRoles,
  'plan.edit': ['system_admin', 'commune_officer'],
  'plan.task': ['system_admin', 'commune_officer', 'help_team', 'department_reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof grants;

/** Does any of the actor's roles grant the action? (pure) */
export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = grants[action];
  return actor.roles.some((r) => allowed.includes(r));
}

/** Throw FORBIDDEN unless the actor's roles grant the action. */
export function authorize(actor: Actor | null, action: Action): asserts actor is Actor {
  if (!can(actor, action)) throw forbidden();
}

/** System administrators see every unit; everyone else sees their scope. */
export function isGlobal(actor: Actor): boolean {
  return actor.roles.includes('system_admin');
}
