/**
 * Who may act on an obstacle, on top of the central matrix. The actor's sides feed the pure transition table
 * (domain/obstacles/transitions.ts):
 * - `office`: the steering office (province_office, system_admin) for a commune in its scope;
 * - `raiser`: whoever raised it, a member of the agency that raised it, or the commune's officers (in scope);
 * - `assignee`: at level `commune` the commune's officers; at the other levels the help team, staff or office of
 *   the assignee agency (at level `agency` with no assignee yet: any agency currently assigned to help the commune).
 * Raising needs the commune in scope and, for help teams and department staff, their agency currently assigned to it.
 */
import type { ObstacleAbilities, ObstacleAction } from '../../contracts/assistance.js';
import { allowedActions, type Side } from '../../domain/obstacles/transitions.js';
import { can, isGlobal } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import type { ObstacleRow } from './obstacles.repo.js';

export interface ObstacleFacts {
  /** The obstacle's commune is inside the actor's scope. */
  unitInScope: boolean;
  /** The actor's agency is currently assigned to help the commune. */
  agencyHelps: boolean;
}

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);
const isHelper = (actor: Actor) => has(actor, 'help_team') || has(actor, 'department_reviewer');

export function isOffice(actor: Actor): boolean {
  return isGlobal(actor) || has(actor, 'province_office');
}

/** The sides the actor stands on for this obstacle. */
export function sidesOf(actor: Actor, o: ObstacleRow, f: ObstacleFacts): Side[] {
  const sides: Side[] = [];
  if (isOffice(actor) && f.unitInScope) sides.push('office');
  const communeOfficer = has(actor, 'commune_officer') && f.unitInScope;
  const sameAgency = (agencyId: string | null) => actor.agencyId !== null && agencyId !== null && actor.agencyId === agencyId;
  if (o.raised_by === actor.id || (sameAgency(o.raised_by_agency_id) && isHelper(actor)) || communeOfficer) sides.push('raiser');
  // Above the commune, an agency acts through its help team, its staff or (a steering committee's) office.
  const agencyWorker = isHelper(actor) || has(actor, 'province_office');
  const assignee =
    o.level === 'commune'
      ? communeOfficer
      : agencyWorker && (sameAgency(o.assignee_agency_id) || (o.level === 'agency' && o.assignee_agency_id === null && f.agencyHelps && isHelper(actor)));
  if (assignee) sides.push('assignee');
  return sides;
}

/** May the actor write in the thread? Anyone with a side, or a helper of the commune; never on a closed obstacle. */
export function canReply(actor: Actor, o: ObstacleRow, f: ObstacleFacts): boolean {
  if (!can(actor, 'obstacle.reply') || o.status === 'closed') return false;
  return sidesOf(actor, o, f).length > 0 || (f.agencyHelps && isHelper(actor));
}

/** May the actor raise an obstacle for a commune in scope? */
export function canRaise(actor: Actor, f: ObstacleFacts): boolean {
  if (!can(actor, 'obstacle.create') || !f.unitInScope) return false;
  return isOffice(actor) || has(actor, 'commune_officer') || (isHelper(actor) && f.agencyHelps);
}

export function obstacleAbilities(actor: Actor, o: ObstacleRow, f: ObstacleFacts): ObstacleAbilities {
  const actions = can(actor, 'obstacle.transition') ? allowedActions({ status: o.status, level: o.level }, sidesOf(actor, o, f)) : [];
  const may = (a: ObstacleAction) => actions.includes(a);
  return {
    canAccept: may('accept'),
    canStart: may('start'),
    canEscalate: may('escalate'),
    canResolve: may('resolve'),
    canClose: may('close'),
    canReopen: may('reopen'),
    canReply: canReply(actor, o, f),
  };
}
