/** All SQL of the activity log and its follow-ups. */
import { sql, type SQL } from 'drizzle-orm';
import type { ActivityKind, FollowUpInput, FollowUpStatus, ListActivitiesQuery } from '../../contracts/assistance.js';
import { visitKinds } from '../../contracts/assistance.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import type { FileRow } from '../../platform/files/files.repo.js';
import { selfAndPredecessors, unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';

export interface ActivityRow extends UnitRefRow {
  id: string;
  agency_id: string;
  agency_name: string;
  agency_kind: string;
  kind: ActivityKind;
  date: string;
  participants: string;
  content: string;
  results: string | null;
  support_value_vnd: number | string | null;
  support_description: string | null;
  criteria: string[];
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date | string;
  is_demo: boolean;
}

const columns = sql`
  ac.id, ac.agency_id, g.name as agency_name, g.kind as agency_kind, ${unitRefColumns('u')},
  ac.kind, ac.date, ac.participants, ac.content, ac.results, ac.support_value_vnd, ac.support_description, ac.criteria,
  ac.created_by, cu.name as created_by_name, ac.created_at, ac.is_demo`;
const from = sql`activity ac join agency g on g.id = ac.agency_id join unit u on u.id = ac.unit_id left join app_user cu on cu.id = ac.created_by`;

export const visitKindList = sql`(${sql.join(
  visitKinds.map((k) => sql`${k}`),
  sql`, `,
)})`;

export interface ActivityFilter {
  unitId?: string | undefined;
  agencyId?: string | undefined;
  kind?: ActivityKind | undefined;
  visit?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function conditions(actor: Actor, q: ActivityFilter): SQL {
  const conds: SQL[] = [inScope(actor, sql`ac.unit_id`)];
  if (q.unitId) conds.push(sql`ac.unit_id in ${selfAndPredecessors(q.unitId)}`);
  if (q.agencyId) conds.push(sql`ac.agency_id = ${q.agencyId}`);
  if (q.kind) conds.push(sql`ac.kind = ${q.kind}`);
  if (q.visit === true) conds.push(sql`ac.kind in ${visitKindList}`);
  if (q.visit === false) conds.push(sql`ac.kind not in ${visitKindList}`);
  if (q.from) conds.push(sql`ac.date >= ${q.from}::date`);
  if (q.to) conds.push(sql`ac.date <= ${q.to}::date`);
  return sql.join(conds, sql` and `);
}

/** Activities in scope, filtered, newest first. */
export async function listActivities(db: Db, actor: Actor, q: ListActivitiesQuery): Promise<{ rows: ActivityRow[]; total: number }> {
  const rows = await queryRows<ActivityRow & { total: number }>(
    db,
    sql`select ${columns}, count(*) over ()::int as total from ${from}
        where ${conditions(actor, q)}
        order by ac.date desc, ac.created_at desc
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Activities in scope between two dates, oldest first (calendar). */
export async function activitiesBetween(db: Db, actor: Actor, q: ActivityFilter & { from: string; to: string }): Promise<ActivityRow[]> {
  return queryRows<ActivityRow>(db, sql`select ${columns} from ${from} where ${conditions(actor, q)} order by ac.date, ac.created_at`);
}

export async function findActivity(db: Db, id: string): Promise<ActivityRow | undefined> {
  return queryOne<ActivityRow>(db, sql`select ${columns} from ${from} where ac.id = ${id}`);
}

export interface FollowUpRow {
  id: string;
  activity_id: string;
  text: string;
  owner_name: string;
  owner_user_id: string | null;
  due_date: string;
  status: FollowUpStatus;
  done_at: Date | string | null;
}

const ids = (list: readonly string[]) =>
  sql.join(
    list.map((i) => sql`${i}::uuid`),
    sql`, `,
  );

export async function findFollowUps(db: Db, activityIds: readonly string[]): Promise<FollowUpRow[]> {
  if (activityIds.length === 0) return [];
  return queryRows<FollowUpRow>(
    db,
    sql`select id, activity_id, text, owner_name, owner_user_id, due_date, status, done_at from follow_up
        where activity_id in (${ids(activityIds)}) order by activity_id, position`,
  );
}

export async function findActivityFiles(db: Db, activityIds: readonly string[]): Promise<Array<FileRow & { activity_id: string }>> {
  if (activityIds.length === 0) return [];
  return queryRows(
    db,
    sql`select af.activity_id, f.id, f.sha256, f.mime, f.size, f.original_name, f.unit_id, f.uploaded_by, f.created_at, f.is_demo
        from activity_file af join stored_file f on f.id = af.file_id
        where af.activity_id in (${ids(activityIds)}) order by f.created_at, f.id`,
  );
}

export interface NewActivity {
  unitId: string;
  agencyId: string;
  kind: ActivityKind;
  date: string;
  participants: string;
  content: string;
  results: string | null;
  supportValueVnd: number | null;
  supportDescription: string | null;
  criteria: string[];
  createdBy: string | null;
  isDemo?: boolean;
}

const textArray = (list: readonly string[]) =>
  list.length ? sql`array[${sql.join(
    list.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]` : sql`'{}'::text[]`;

export async function insertActivity(tx: Db, v: NewActivity, fileIds: readonly string[], followUps: readonly FollowUpInput[]): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into activity (unit_id, agency_id, kind, date, participants, content, results, support_value_vnd, support_description, criteria, created_by, is_demo)
        values (${v.unitId}, ${v.agencyId}, ${v.kind}, ${v.date}, ${v.participants}, ${v.content}, ${v.results}, ${v.supportValueVnd},
                ${v.supportDescription}, ${textArray(v.criteria)}, ${v.createdBy}, ${v.isDemo ?? false})
        returning id`,
  );
  const id = row!.id;
  for (const f of fileIds) await tx.execute(sql`insert into activity_file (activity_id, file_id) values (${id}, ${f})`);
  for (const [i, f] of followUps.entries()) {
    await tx.execute(
      sql`insert into follow_up (activity_id, text, owner_name, owner_user_id, due_date, position)
          values (${id}, ${f.text}, ${f.ownerName}, ${f.ownerUserId ?? null}, ${f.dueDate}, ${i})`,
    );
  }
  return id;
}

export async function findFollowUp(db: Db, activityId: string, id: string): Promise<FollowUpRow | undefined> {
  return queryOne<FollowUpRow>(
    db,
    sql`select id, activity_id, text, owner_name, owner_user_id, due_date, status, done_at from follow_up where id = ${id} and activity_id = ${activityId}`,
  );
}

export async function setFollowUpStatus(tx: Db, id: string, status: FollowUpStatus): Promise<void> {
  await tx.execute(
    sql`update follow_up set status = ${status}, done_at = ${status === 'done' ? sql`now()` : sql`null`} where id = ${id}`,
  );
}
