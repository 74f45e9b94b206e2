/** Who may change an agency: the steering office, for agencies of units in its scope. */
import type { Actor } from '../../platform/context.js';
import { can } from '../../platform/auth/policy.js';

export function agencyAbilities(actor: Actor) {
  return { canEdit: can(actor, 'agency.update') };
}
