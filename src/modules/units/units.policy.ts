/** Who may do what with units, on top of the central role matrix. */
import type { Actor } from '../../platform/context.js';
import { can } from '../../platform/auth/policy.js';

/** Abilities of the actor on a unit already known to be in scope. */
export function unitAbilities(actor: Actor, inScope: boolean) {
  return { canSetAttribute: inScope && can(actor, 'unit.setAttribute') };
}
