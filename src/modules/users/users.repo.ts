/** All SQL of the users feature. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListUsersQuery, Role } from '../../contracts/users.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { isGlobal } from '../../platform/auth/policy.js';
import { scopeUnitIds } from '../../platform/auth/scope.repo.js';
import { likeEscape, searchKey } from '../../platform/text.js';

export interface UserRow {
  id: string;
  login: string;
  name: string;
  email: string | null;
  agency_id: string | null;
  agency_name: string | null;
  roles: Role[];
  status: 'active' | 'disabled';
  locked_until: Date | null;
  last_login_at: Date | null;
  is_demo: boolean;
  scope: Array<{ unitId: string; code: string | null; name: string }>;
}

/**
 * Users the actor may administer: everyone for a system administrator; for the steering office, the
 * non-administrators whose scope units and agency all lie inside its own scope.
 */
export function manageableUsers(actor: Actor): SQL {
  if (isGlobal(actor)) return sql`true`;
  const ids = scopeUnitIds(actor)!;
  return sql`(not ('system_admin' = any(u.roles))
    and not exists (select 1 from user_scope us where us.user_id = u.id and us.unit_id not in ${ids})
    and (u.agency_id is null or exists (select 1 from agency ag where ag.id = u.agency_id and ag.unit_id in ${ids})))`;
}

const columns = sql`u.id, u.login, u.name, u.email, u.agency_id, a.name as agency_name, u.roles, u.status, u.locked_until,
  u.last_login_at, u.is_demo,
  coalesce((select json_agg(json_build_object('unitId', s.unit_id, 'code', su.code, 'name', su.name) order by su.name)
            from user_scope s join unit su on su.id = s.unit_id where s.user_id = u.id), '[]'::json) as scope`;

export async function listUsers(db: Db, actor: Actor, q: ListUsersQuery): Promise<{ rows: UserRow[]; total: number }> {
  const conds: SQL[] = [manageableUsers(actor)];
  if (q.q) {
    const key = `%${likeEscape(searchKey(q.q))}%`;
    conds.push(sql`(u.search_name like ${key} or u.login like ${key})`);
  }
  if (q.role) conds.push(sql`${q.role} = any(u.roles)`);
  if (q.agencyId) conds.push(sql`u.agency_id = ${q.agencyId}`);
  if (q.status) conds.push(sql`u.status = ${q.status}`);
  const rows = await queryRows<UserRow & { total: number }>(
    db,
    sql`select ${columns}, count(*) over ()::int as total
        from app_user u left join agency a on a.id = u.agency_id
        where ${sql.join(conds, sql` and `)}
        order by u.name collate "C", u.login limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One user if the actor may administer them. */
export async function findManageableUser(db: Db, actor: Actor, id: string): Promise<UserRow | undefined> {
  return queryOne<UserRow>(
    db,
    sql`select ${columns} from app_user u left join agency a on a.id = u.agency_id where u.id = ${id} and ${manageableUsers(actor)}`,
  );
}

export async function findAgencyUnit(db: Db, agencyId: string): Promise<string | undefined> {
  return (await queryOne<{ unit_id: string }>(db, sql`select unit_id from agency where id = ${agencyId}`))?.unit_id;
}

export interface NewUser {
  login: string;
  name: string;
  email: string | null;
  agencyId: string | null;
  roles: Role[];
  passwordHash: string;
  isDemo?: boolean;
}

export async function insertUser(tx: Db, u: NewUser): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into app_user (login, name, search_name, email, agency_id, roles, password_hash, is_demo)
        values (${u.login}, ${u.name}, ${searchKey(u.name)}, ${u.email}, ${u.agencyId},
                ${sql`array[${sql.join(u.roles.map((r) => sql`${r}`), sql`, `)}]::text[]`}, ${u.passwordHash}, ${u.isDemo ?? false})
        returning id`,
  );
  return row!.id;
}

export async function replaceScope(tx: Db, userId: string, unitIds: readonly string[]): Promise<void> {
  await tx.execute(sql`delete from user_scope where user_id = ${userId}`);
  if (unitIds.length === 0) return;
  await tx.execute(
    sql`insert into user_scope (user_id, unit_id) values ${sql.join(
      [...new Set(unitIds)].map((u) => sql`(${userId}, ${u})`),
      sql`, `,
    )}`,
  );
}

export async function updateUser(
  tx: Db,
  id: string,
  v: { name: string; email: string | null; agencyId: string | null; roles: Role[]; status: 'active' | 'disabled' },
): Promise<void> {
  await tx.execute(
    sql`update app_user set name = ${v.name}, search_name = ${searchKey(v.name)}, email = ${v.email}, agency_id = ${v.agencyId},
          roles = ${sql`array[${sql.join(v.roles.map((r) => sql`${r}`), sql`, `)}]::text[]`}, status = ${v.status}
        where id = ${id}`,
  );
}

export async function setPassword(tx: Db, id: string, passwordHash: string): Promise<void> {
  await tx.execute(
    sql`update app_user set password_hash = ${passwordHash}, failed_attempts = 0, locked_until = null where id = ${id}`,
  );
}
