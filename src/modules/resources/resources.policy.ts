/**
 * Who may write resources entries, on top of the central matrix (`resource.write`): the entry's unit must be inside
 * the actor's scope. For commune officers that is their commune and the old communes it was formed from; for
 * department staff and the steering office their scope units; for help teams the communes their agency is assigned
 * to help (scope.repo.ts adds them to the scope, with their history). District reviewers and viewers only read.
 */
import type { ResourceAbilities } from '../../contracts/resources.js';
import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';

export function canWriteFor(actor: Actor, unitInScope: boolean): boolean {
  return can(actor, 'resource.write') && unitInScope;
}

export function resourceAbilities(actor: Actor, unitInScope: boolean): ResourceAbilities {
  const w = canWriteFor(actor, unitInScope);
  return { canEdit: w, canDelete: w };
}
