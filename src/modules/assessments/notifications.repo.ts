/** All SQL of in-app notifications: recipients worked out from the review chain, list and read marks. */
import { sql, type SQL } from 'drizzle-orm';
import type { notificationKinds, ReviewStep } from '../../contracts/assessments.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';

export type NotificationKind = (typeof notificationKinds)[number];

/** Active users of the commune (commune officers with the commune in their scope). */
export function communeOfficers(unitId: string): SQL {
  return sql`select u.id from app_user u join user_scope us on us.user_id = u.id
             where u.status = 'active' and 'commune_officer' = any(u.roles) and us.unit_id = ${unitId}`;
}

/** Active reviewers of a step for a commune. */
export function stepReviewers(step: ReviewStep, unitParentId: string | null, criterionAgencies: Record<string, string>): SQL {
  if (step.routing === 'unit_parent') {
    if (!unitParentId) return sql`select null::uuid as id where false`;
    return sql`select u.id from app_user u join user_scope us on us.user_id = u.id
               where u.status = 'active' and 'district_reviewer' = any(u.roles) and us.unit_id = ${unitParentId}`;
  }
  const agencies = step.routing === 'agency' ? (step.agencyId ? [step.agencyId] : []) : [...new Set(Object.values(criterionAgencies))];
  if (agencies.length === 0) return sql`select null::uuid as id where false`;
  return sql`select u.id from app_user u where u.status = 'active'
             and u.agency_id in (${sql.join(agencies.map((a) => sql`${a}::uuid`), sql`, `)})
             and u.roles && array['department_reviewer', 'province_office', 'district_reviewer']::text[]`;
}

/** One notification for each recipient of the subquery; returns the new rows' ids. */
export async function notify(
  tx: Db,
  recipients: SQL,
  n: { kind: NotificationKind; title: string; assessmentId: string; unitId: string; dueDate: string | null },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into notification (user_id, kind, title, assessment_id, unit_id, due_date)
        select distinct r.id, ${n.kind}::text, ${n.title}::text, ${n.assessmentId}::uuid, ${n.unitId}::uuid, ${n.dueDate}::date from (${recipients}) r where r.id is not null
        returning id`,
  );
  return rows.map((r) => r.id);
}

export interface EmailClaimRow {
  id: string;
  kind: NotificationKind;
  title: string;
  due_date: string | null;
  email: string;
  user_name: string;
  unit_name: string | null;
}

/**
 * Claim the not-yet-emailed notifications among `ids` whose recipient is active and has an e-mail address:
 * `emailed_at` is set now, so a concurrent sender cannot send them twice (undo with `unclaimEmail` on failure).
 * Ids of rolled-back transactions simply match nothing.
 */
export async function claimForEmail(db: Db, ids: readonly string[]): Promise<EmailClaimRow[]> {
  if (ids.length === 0) return [];
  return queryRows<EmailClaimRow>(
    db,
    sql`update notification n set emailed_at = now()
        from app_user au
        where n.id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})
          and n.emailed_at is null and au.id = n.user_id and au.status = 'active' and coalesce(trim(au.email), '') <> ''
        returning n.id, n.kind, n.title, n.due_date::text as due_date, trim(au.email) as email, au.name as user_name,
                  (select un.name from unit un where un.id = n.unit_id) as unit_name`,
  );
}

export async function unclaimEmail(db: Db, id: string): Promise<void> {
  await db.execute(sql`update notification set emailed_at = null where id = ${id}`);
}

export interface NotificationRow extends UnitRefRow {
  id: string;
  kind: NotificationKind;
  title: string;
  assessment_id: string | null;
  due_date: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

export async function listNotifications(db: Db, userId: string, q: { limit: number; offset: number; unread?: boolean | undefined }) {
  const rows = await queryRows<NotificationRow & { total: number }>(
    db,
    sql`select n.id, n.kind, n.title, n.assessment_id, n.due_date, n.created_at, n.read_at, ${unitRefColumns('u')}, count(*) over ()::int as total
        from notification n left join unit u on u.id = n.unit_id
        where n.user_id = ${userId} ${q.unread ? sql`and n.read_at is null` : sql``}
        order by n.created_at desc, n.id limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function markRead(tx: Db, userId: string, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update notification set read_at = coalesce(read_at, now()) where id = ${id} and user_id = ${userId} returning id`,
  );
  return rows.length === 1;
}

/** Mark every unread notification of the user read; returns how many were marked. */
export async function markAllRead(tx: Db, userId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with m as (update notification set read_at = now() where user_id = ${userId} and read_at is null returning 1) select count(*)::int as n from m`,
  );
  return rows[0]?.n ?? 0;
}

/** How many unread notifications the user has. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from notification where user_id = ${userId} and read_at is null`);
  return rows[0]?.n ?? 0;
}
