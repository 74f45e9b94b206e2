/** SQL of the audit log page. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListAuditQuery } from '../../contracts/audit.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { isGlobal } from '../../platform/auth/policy.js';
import { scopeUnitIds } from '../../platform/auth/scope.repo.js';
import { addDays } from '../../platform/dates.js';

export interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_login: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
}

/**
 * Events the actor may read: all for a system administrator; for others, events on units in scope and
 * events on users they administer. Dates are calendar days in Asia/Ho_Chi_Minh.
 */
export async function listAudit(db: Db, actor: Actor, q: ListAuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
  const conds: SQL[] = [];
  if (!isGlobal(actor)) {
    const ids = scopeUnitIds(actor)!;
    conds.push(sql`(e.unit_id in ${ids} or (e.entity_type = 'user' and e.entity_id in (
      select u.id::text from app_user u where not ('system_admin' = any(u.roles))
        and not exists (select 1 from user_scope us where us.user_id = u.id and us.unit_id not in ${ids})
        and exists (select 1 from user_scope us where us.user_id = u.id))))`);
  }
  if (q.unitId) conds.push(sql`e.unit_id = ${q.unitId}`);
  if (q.actorId) conds.push(sql`e.actor_id = ${q.actorId}`);
  if (q.entityType) conds.push(sql`e.entity_type = ${q.entityType}`);
  if (q.action) conds.push(sql`e.action = ${q.action}`);
  if (q.from) conds.push(sql`e.at >= (${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (q.to) conds.push(sql`e.at < (${addDays(q.to, 1)}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  const where = conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const rows = await queryRows<AuditRow & { total: number }>(
    db,
    sql`select e.seq, e.at, e.actor_id, e.actor_login, au.name as actor_name, e.action, e.entity_type, e.entity_id, e.unit_id,
               un.name as unit_name, e.before, e.after, e.request_id, e.ip, count(*) over ()::int as total
        from audit_event e left join app_user au on au.id = e.actor_id left join unit un on un.id = e.unit_id
        ${where}
        order by e.seq desc limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
