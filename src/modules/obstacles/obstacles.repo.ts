/** All SQL of obstacles, their workflow updates and their thread. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListObstaclesQuery, ObstacleLevel, ObstacleStatus } from '../../contracts/assistance.js';
import { isGlobal } from '../../platform/auth/policy.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import type { FileRow } from '../../platform/files/files.repo.js';
import { selfAndPredecessors, unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';

const VN = sql.raw(`'Asia/Ho_Chi_Minh'`);
const OPEN = sql.raw(`('new','accepted','in_progress')`);

export interface ObstacleRow extends UnitRefRow {
  id: string;
  raised_by: string | null;
  raised_by_name: string | null;
  raised_by_agency_id: string | null;
  raised_by_agency_name: string | null;
  raised_by_agency_kind: string | null;
  title: string;
  description: string;
  category: 'funding' | 'land' | 'procedures' | 'capacity' | 'materials' | 'coordination' | 'other';
  criteria: string[];
  level: ObstacleLevel;
  assignee_agency_id: string | null;
  assignee_agency_name: string | null;
  assignee_agency_kind: string | null;
  due_date: string | null;
  status: ObstacleStatus;
  answer: string | null;
  resolution_doc: string | null;
  version: number;
  created_at: Date | string;
  resolved_at: Date | string | null;
  closed_at: Date | string | null;
  is_demo: boolean;
  age_days: number;
  overdue: boolean;
  days_overdue: number;
}

/** Age and overdue marks are computed against `today` (the calendar date in Vietnam). */
const columns = (today: string) => sql`
  o.id, ${unitRefColumns('u')}, o.raised_by, ru.name as raised_by_name,
  o.raised_by_agency_id, rg.name as raised_by_agency_name, rg.kind as raised_by_agency_kind,
  o.title, o.description, o.category, o.criteria, o.level,
  o.assignee_agency_id, ag.name as assignee_agency_name, ag.kind as assignee_agency_kind,
  o.due_date, o.status, o.answer, o.resolution_doc, o.version, o.created_at, o.resolved_at, o.closed_at, o.is_demo,
  (coalesce((coalesce(o.resolved_at, o.closed_at) at time zone ${VN})::date, ${today}::date)
     - (o.created_at at time zone ${VN})::date)::int as age_days,
  (o.status in ${OPEN} and o.due_date is not null and o.due_date < ${today}::date) as overdue,
  (case when o.status in ${OPEN} and o.due_date < ${today}::date then ${today}::date - o.due_date else 0 end)::int as days_overdue`;
const from = sql`obstacle o join unit u on u.id = o.unit_id
  left join app_user ru on ru.id = o.raised_by
  left join agency rg on rg.id = o.raised_by_agency_id
  left join agency ag on ag.id = o.assignee_agency_id`;

/**
 * Obstacles the actor may see: those of communes in scope, those raised by the actor, and those their agency is or
 * was assigned to handle (an assignee department must see what it has to resolve even without helping that
 * commune, and still sees it after escalating it), or that the actor acted on.
 */
export function visibleObstacles(actor: Actor): SQL {
  if (isGlobal(actor)) return sql`true`;
  const agency = actor.agencyId;
  return sql`(${inScope(actor, sql`o.unit_id`)}
    or o.raised_by = ${actor.id}
    ${agency ? sql`or o.assignee_agency_id = ${agency}` : sql``}
    or exists (select 1 from obstacle_event e where e.obstacle_id = o.id
               and (e.actor_id = ${actor.id} ${agency ? sql`or e.assignee_agency_id = ${agency}` : sql``})))`;
}

/** Is this obstacle visible to the actor (see visibleObstacles)? */
export async function isVisibleTo(db: Db, actor: Actor, id: string): Promise<boolean> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from obstacle o where o.id = ${id} and ${visibleObstacles(actor)}`);
  return row?.n === 1;
}

export function obstacleConditions(actor: Actor, q: Partial<ListObstaclesQuery>, today: string): SQL {
  const conds: SQL[] = [visibleObstacles(actor)];
  if (q.unitId) conds.push(sql`o.unit_id in ${selfAndPredecessors(q.unitId)}`);
  if (q.assigneeAgencyId) conds.push(sql`o.assignee_agency_id = ${q.assigneeAgencyId}`);
  if (q.raisedByAgencyId) conds.push(sql`o.raised_by_agency_id = ${q.raisedByAgencyId}`);
  if (q.status) conds.push(sql`o.status = ${q.status}`);
  if (q.open === true) conds.push(sql`o.status in ${OPEN}`);
  if (q.open === false) conds.push(sql`o.status not in ${OPEN}`);
  if (q.level) conds.push(sql`o.level = ${q.level}`);
  if (q.category) conds.push(sql`o.category = ${q.category}`);
  if (q.overdue === true) conds.push(sql`(o.status in ${OPEN} and o.due_date < ${today}::date)`);
  if (q.overdue === false) conds.push(sql`not (o.status in ${OPEN} and o.due_date is not null and o.due_date < ${today}::date)`);
  if (q.minAgeDays !== undefined) {
    conds.push(sql`(o.status in ${OPEN} and ${today}::date - (o.created_at at time zone ${VN})::date >= ${q.minAgeDays})`);
  }
  if (q.resolvedFrom) conds.push(sql`(o.resolved_at at time zone ${VN})::date >= ${q.resolvedFrom}::date`);
  if (q.resolvedTo) conds.push(sql`(o.resolved_at at time zone ${VN})::date <= ${q.resolvedTo}::date`);
  return sql.join(conds, sql` and `);
}

const orders = {
  newest: sql`o.created_at desc, o.id`,
  oldest: sql`o.created_at, o.id`,
  due: sql`o.due_date nulls last, o.created_at, o.id`,
} as const;

export async function listObstacles(db: Db, actor: Actor, q: ListObstaclesQuery, today: string): Promise<{ rows: ObstacleRow[]; total: number }> {
  const rows = await queryRows<ObstacleRow & { total: number }>(
    db,
    sql`select ${columns(today)}, count(*) over ()::int as total from ${from}
        where ${obstacleConditions(actor, q, today)}
        order by ${orders[q.sort]} limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Open overdue obstacles the actor sees, counted by level. */
export async function overdueByLevel(db: Db, actor: Actor, today: string): Promise<Array<{ level: ObstacleLevel; count: number }>> {
  return queryRows(
    db,
    sql`select o.level, count(*)::int as count from obstacle o
        where ${obstacleConditions(actor, { overdue: true }, today)} group by o.level`,
  );
}

export async function findObstacle(db: Db, id: string, today: string): Promise<ObstacleRow | undefined> {
  return queryOne<ObstacleRow>(db, sql`select ${columns(today)} from ${from} where o.id = ${id}`);
}

export interface NewObstacle {
  unitId: string;
  raisedBy: string | null;
  raisedByAgencyId: string | null;
  title: string;
  description: string;
  category: ObstacleRow['category'];
  criteria: string[];
  level: ObstacleLevel;
  assigneeAgencyId: string | null;
  dueDate: string | null;
  status?: ObstacleStatus;
  isDemo?: boolean;
  createdAt?: string;
}

const textArray = (list: readonly string[]) =>
  list.length
    ? sql`array[${sql.join(
        list.map((c) => sql`${c}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

export async function insertObstacle(tx: Db, v: NewObstacle): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into obstacle (unit_id, raised_by, raised_by_agency_id, title, description, category, criteria, level, assignee_agency_id, due_date, status, is_demo, created_at)
        values (${v.unitId}, ${v.raisedBy}, ${v.raisedByAgencyId}, ${v.title}, ${v.description}, ${v.category}, ${textArray(v.criteria)},
                ${v.level}, ${v.assigneeAgencyId}, ${v.dueDate}, ${v.status ?? 'new'}, ${v.isDemo ?? false},
                ${v.createdAt ? sql`${v.createdAt}::timestamptz` : sql`now()`})
        returning id`,
  );
  return row!.id;
}

export interface TransitionChange {
  status: ObstacleStatus;
  level: ObstacleLevel;
  assigneeAgencyId: string | null;
  dueDate: string | null;
  answer?: string | null;
  resolutionDoc?: string | null;
  /** 'now' sets the timestamp, 'clear' empties it, undefined leaves it. */
  resolvedAt?: 'now' | 'clear';
  closedAt?: 'now' | 'clear';
}

/**
 * Apply a transition only if the obstacle is still in the status and version it was read in: zero rows means
 * someone else changed it first (the caller answers CONFLICT).
 */
export async function applyTransition(
  tx: Db,
  id: string,
  expected: { status: ObstacleStatus; version: number },
  c: TransitionChange,
): Promise<boolean> {
  const stamp = (v: 'now' | 'clear' | undefined, col: string) =>
    v === 'now' ? sql`, ${sql.raw(col)} = now()` : v === 'clear' ? sql`, ${sql.raw(col)} = null` : sql``;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update obstacle set status = ${c.status}, level = ${c.level}, assignee_agency_id = ${c.assigneeAgencyId},
          due_date = ${c.dueDate}, version = version + 1
          ${c.answer !== undefined ? sql`, answer = ${c.answer}` : sql``}
          ${c.resolutionDoc !== undefined ? sql`, resolution_doc = ${c.resolutionDoc}` : sql``}
          ${stamp(c.resolvedAt, 'resolved_at')} ${stamp(c.closedAt, 'closed_at')}
        where id = ${id} and status = ${expected.status} and version = ${expected.version}
        returning id`,
  );
  return rows.length === 1;
}

export interface NewEvent {
  obstacleId: string;
  kind: 'create' | 'comment' | 'accept' | 'start' | 'escalate' | 'resolve' | 'close' | 'reopen';
  text: string | null;
  fromStatus: ObstacleStatus | null;
  toStatus: ObstacleStatus | null;
  fromLevel: ObstacleLevel | null;
  toLevel: ObstacleLevel | null;
  assigneeAgencyId: string | null;
  actorId: string | null;
  at?: string;
}

export async function insertEvent(tx: Db, e: NewEvent, fileIds: readonly string[]): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into obstacle_event (obstacle_id, kind, text, from_status, to_status, from_level, to_level, assignee_agency_id, actor_id, at, seq)
        values (${e.obstacleId}, ${e.kind}, ${e.text}, ${e.fromStatus}, ${e.toStatus}, ${e.fromLevel}, ${e.toLevel}, ${e.assigneeAgencyId},
                ${e.actorId}, ${e.at ? sql`${e.at}::timestamptz` : sql`now()`},
                (select coalesce(max(seq), 0) + 1 from obstacle_event where obstacle_id = ${e.obstacleId}))
        returning id`,
  );
  for (const f of fileIds) await tx.execute(sql`insert into obstacle_event_file (event_id, file_id) values (${row!.id}, ${f})`);
  return row!.id;
}

export interface EventRow {
  id: string;
  kind: NewEvent['kind'];
  text: string | null;
  from_status: ObstacleStatus | null;
  to_status: ObstacleStatus | null;
  from_level: ObstacleLevel | null;
  to_level: ObstacleLevel | null;
  assignee_agency_id: string | null;
  assignee_agency_name: string | null;
  assignee_agency_kind: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Date | string;
}

export async function findEvents(db: Db, obstacleId: string): Promise<EventRow[]> {
  return queryRows<EventRow>(
    db,
    sql`select e.id, e.kind, e.text, e.from_status, e.to_status, e.from_level, e.to_level,
               e.assignee_agency_id, g.name as assignee_agency_name, g.kind as assignee_agency_kind,
               e.actor_id, a.name as actor_name, e.at
        from obstacle_event e left join agency g on g.id = e.assignee_agency_id left join app_user a on a.id = e.actor_id
        where e.obstacle_id = ${obstacleId} order by e.seq`,
  );
}

export async function findEventFiles(db: Db, obstacleId: string): Promise<Array<FileRow & { event_id: string }>> {
  return queryRows(
    db,
    sql`select ef.event_id, f.id, f.sha256, f.mime, f.size, f.original_name, f.unit_id, f.uploaded_by, f.created_at, f.is_demo
        from obstacle_event_file ef join obstacle_event e on e.id = ef.event_id join stored_file f on f.id = ef.file_id
        where e.obstacle_id = ${obstacleId} order by f.created_at, f.id`,
  );
}

/**
 * The steering committee above a commune: an agency of that kind whose unit is an ancestor of the commune or one of
 * those ancestors' predecessors (the 2025 province's committee may still be recorded on a former province).
 */
export async function findSteeringCommittee(db: Db, unitId: string, today: string): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`with recursive up(id) as (
          select parent_id from unit where id = ${unitId} and parent_id is not null
          union
          select u.parent_id from unit u join up on u.id = up.id where u.parent_id is not null
        ), related(id) as (
          select id from up
          union
          select s.predecessor_id from unit_succession s join related r on s.successor_id = r.id
        )
        select g.id from agency g
        where g.kind = 'steering_committee' and g.unit_id in (select id from related)
          and (g.valid_to is null or g.valid_to > ${today}::date)
        order by g.valid_from desc nulls last, g.name collate "C" limit 1`,
  );
  return row?.id ?? null;
}
