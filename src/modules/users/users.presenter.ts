/** Users on the wire: never the password hash or the failure counters. */
import type { User } from '../../contracts/users.js';
import type { UserRow } from './users.repo.js';

export function presentUser(r: UserRow, abilities: User['abilities']): User {
  const locked = r.locked_until && new Date(r.locked_until).getTime() > Date.now() ? new Date(r.locked_until).toISOString() : null;
  return {
    id: r.id,
    login: r.login,
    name: r.name,
    email: r.email,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    roles: r.roles,
    scope: r.scope,
    status: r.status,
    lockedUntil: locked,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    isDemo: r.is_demo,
    abilities,
  };
}
