/** Rules of user administration on top of the role matrix. */
import type { Role } from '../../contracts/users.js';
import type { Actor } from '../../platform/context.js';
import { can, isGlobal } from '../../platform/auth/policy.js';
import { forbidden } from '../../platform/errors.js';

/** Only a system administrator may grant the system administrator role. */
export function assertMayGrant(actor: Actor, roles: readonly Role[]): void {
  if (roles.includes('system_admin') && !isGlobal(actor)) throw forbidden('Chỉ quản trị hệ thống mới cấp được vai trò quản trị hệ thống');
}

/** Abilities on a user the actor can already see (visibility itself is a scope query). */
export function userAbilities(actor: Actor) {
  return { canEdit: can(actor, 'user.update'), canResetPassword: can(actor, 'user.resetPassword') };
}
