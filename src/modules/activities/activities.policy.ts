/**
 * Who may record and update activities, on top of the central matrix: a member of an agency assigned to help the
 * commune on the activity's date (help team, department staff); a system administrator may record for any assigned
 * agency. Follow-ups are updated by their owner, by the activity's agency, or by the steering office.
 */
import type { Activity, FollowUp } from '../../contracts/assistance.js';
import { can, isGlobal } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';

export function canUpdateFollowUp(actor: Actor, activityAgencyId: string, ownerUserId: string | null): boolean {
  if (!can(actor, 'activity.updateFollowUp')) return false;
  if (isGlobal(actor) || actor.roles.includes('province_office')) return true;
  return ownerUserId === actor.id || (actor.agencyId !== null && actor.agencyId === activityAgencyId);
}

export function activityAbilities(actor: Actor, agencyId: string): Activity['abilities'] {
  return { canUpdateFollowUps: canUpdateFollowUp(actor, agencyId, null) };
}

export function followUpAbilities(actor: Actor, agencyId: string, ownerUserId: string | null): FollowUp['abilities'] {
  return { canUpdate: canUpdateFollowUp(actor, agencyId, ownerUserId) };
}
