/** Who may change assignments, on top of the central matrix: the steering office, for communes in its scope. */
import type { Assignment } from '../../contracts/assistance.js';
import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';

/** Buttons on an assignment the actor already sees (so it is in scope). Only open or future-ending rows change. */
export function assignmentAbilities(actor: Actor, a: { valid_to: string | null }, today: string): Assignment['abilities'] {
  const open = a.valid_to === null || a.valid_to > today;
  const manage = can(actor, 'assignment.manage');
  return { canEnd: manage && open, canReplace: manage && open };
}
