/** Who may act on a boundary set, on top of the central matrix: the steering office with the set's province in scope. */
import type { z } from 'zod';
import type { boundarySetAbilities as abilitiesSchema } from '../../contracts/maps.js';
import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';

export type BoundarySetAbilities = z.infer<typeof abilitiesSchema>;

/** Abilities of a set for the actor; `provinceInScope` is the scope fact loaded by the service. */
export function boundarySetAbilities(actor: Actor, set: { is_active: boolean }, provinceInScope: boolean): BoundarySetAbilities {
  const manage = can(actor, 'map.manageBoundaries') && provinceInScope;
  return { activate: manage && !set.is_active, deactivate: manage && set.is_active, delete: manage };
}
