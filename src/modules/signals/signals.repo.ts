/** All SQL of the inbox and the signals: readable report queries over assignments, activities and obstacles. */
import { sql, type SQL } from 'drizzle-orm';
import type { ObstacleLevel, ObstacleStatus } from '../../contracts/assistance.js';
import { isGlobal } from '../../platform/auth/policy.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { visitKindList } from '../activities/activities.repo.js';
import { inForce, unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';
import { validOn } from '../units/units.repo.js';
import { assessmentInboxItems } from '../assessments/assessments.repo.js';

const VN = sql.raw(`'Asia/Ho_Chi_Minh'`);
const OPEN = sql.raw(`('new','accepted','in_progress')`);
const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);

export interface InboxRow extends UnitRefRow {
  type: 'obstacle' | 'follow_up' | 'assessment';
  id: string;
  due_date: string | null;
  overdue: boolean;
  days_overdue: number;
  obstacle_id: string | null;
  title: string | null;
  status: ObstacleStatus | null;
  level: ObstacleLevel | null;
  age_days: number | null;
  activity_id: string | null;
  text: string | null;
  owner_name: string | null;
  assessment_id: string | null;
  kind: 'form_to_fill' | 'indicators_returned' | 'review_pending' | null;
  cycle_name: string | null;
  year: number | null;
  step_label: string | null;
  item_count: number | null;
}

/** Open obstacles waiting on the actor's side (see obstacles.policy.ts `assignee`). */
function obstaclesWaitingOn(actor: Actor, today: string): SQL {
  const conds: SQL[] = [];
  const agencyWorker = has(actor, 'help_team') || has(actor, 'department_reviewer') || has(actor, 'province_office');
  if (actor.agencyId && agencyWorker) conds.push(sql`(o.level <> 'commune' and o.assignee_agency_id = ${actor.agencyId})`);
  if (has(actor, 'commune_officer')) conds.push(sql`(o.level = 'commune' and ${inScope(actor, sql`o.unit_id`)})`);
  if (isGlobal(actor) || has(actor, 'province_office')) conds.push(sql`(o.level = 'steering_committee' and ${inScope(actor, sql`o.unit_id`)})`);
  if (actor.agencyId && (has(actor, 'help_team') || has(actor, 'department_reviewer'))) {
    conds.push(sql`(o.level = 'agency' and o.assignee_agency_id is null and o.unit_id in (
      select a.unit_id from assignment a where a.agency_id = ${actor.agencyId} and ${inForce('a', today)}))`);
  }
  return conds.length ? sql`(${sql.join(conds, sql` or `)})` : sql`false`;
}

const noAssessment = sql`null::uuid as assessment_id, null::text as kind, null::text as cycle_name, null::int as year,
  null::text as step_label, null::int as item_count`;

/** What's due for the actor: obstacles waiting on them and follow-ups they (or, unnamed, their agency) own. */
export async function inbox(db: Db, actor: Actor, q: { limit: number; offset: number; overdue?: boolean | undefined }, today: string) {
  const followUpOwner = actor.agencyId
    ? sql`(f.owner_user_id = ${actor.id} or (f.owner_user_id is null and ac.agency_id = ${actor.agencyId}))`
    : sql`f.owner_user_id = ${actor.id}`;
  const rows = await queryRows<InboxRow & { total: number }>(
    db,
    sql`select x.*, count(*) over ()::int as total from (
          select 'obstacle' as type, o.id, ${unitRefColumns('u')}, o.due_date,
                 (o.due_date is not null and o.due_date < ${today}::date) as overdue,
                 greatest(0, coalesce(${today}::date - o.due_date, 0))::int as days_overdue,
                 o.id as obstacle_id, o.title, o.status, o.level,
                 (${today}::date - (o.created_at at time zone ${VN})::date)::int as age_days,
                 null::uuid as activity_id, null::text as text, null::text as owner_name, ${noAssessment}
          from obstacle o join unit u on u.id = o.unit_id
          where o.status in ${OPEN} and ${obstaclesWaitingOn(actor, today)}
          union all
          select 'follow_up', f.id, ${unitRefColumns('u')}, f.due_date,
                 (f.due_date < ${today}::date), greatest(0, ${today}::date - f.due_date)::int,
                 null::uuid, null::text, null::text, null::text, null::int,
                 ac.id, f.text, f.owner_name, ${noAssessment}
          from follow_up f join activity ac on ac.id = f.activity_id join unit u on u.id = ac.unit_id
          where f.status = 'open' and ${followUpOwner}
          union all
          ${assessmentInboxItems(actor, today)}
        ) x
        ${q.overdue === undefined ? sql`` : q.overdue ? sql`where x.overdue` : sql`where not x.overdue`}
        order by x.due_date nulls last, x.type, x.id
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export interface NoVisitRow extends UnitRefRow {
  helpers: Array<{ id: string; name: string; kind: string }> | string;
  last_visit_date: string | null;
  last_visit_id: string | null;
}

/** Helped communes (an assignment in force) whose last visit — theirs or a predecessor's — is `days` or more ago. */
export async function noVisit(db: Db, actor: Actor, q: { asOf: string; days: number; limit: number; offset: number }) {
  const rows = await queryRows<NoVisitRow & { total: number }>(
    db,
    sql`select ${unitRefColumns('u')},
               (select json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind) order by g.name)
                  from assignment a join agency g on g.id = a.agency_id
                  where a.unit_id = u.id and ${inForce('a', q.asOf)}) as helpers,
               lv.date as last_visit_date, lv.id as last_visit_id,
               count(*) over ()::int as total
        from unit u
        left join lateral (
          with recursive l(id) as (
            select u.id
            union
            select s.predecessor_id from unit_succession s join l on s.successor_id = l.id
          )
          select ac.id, ac.date from activity ac
          where ac.unit_id in (select id from l) and ac.kind in ${visitKindList} and ac.date <= ${q.asOf}::date
          order by ac.date desc, ac.created_at desc limit 1
        ) lv on true
        where u.level = 'commune' and ${validOn('u', q.asOf)} and ${inScope(actor, sql`u.id`)}
          and exists (select 1 from assignment a where a.unit_id = u.id and ${inForce('a', q.asOf)})
          and (lv.date is null or lv.date <= ${q.asOf}::date - ${q.days}::int)
        order by lv.date nulls first, u.name collate "C", u.code
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/**
 * Communes in scope, in force on the date, with no assignment in force then, and not meeting the standard by their
 * latest criteria status up to that year (communes never assessed are listed too: nothing says they meet it).
 */
export async function noHelper(db: Db, actor: Actor, q: { asOf: string; limit: number; offset: number }) {
  const year = Number(q.asOf.slice(0, 4));
  const rows = await queryRows<
    UnitRefRow & { total: number; status_year: number | null; criteria_met: number | null; criteria_applicable: number | null; basis: 'self' | 'appraised' | null }
  >(
    db,
    sql`select ${unitRefColumns('u')}, cs.year as status_year, cs.criteria_met, cs.criteria_applicable, cs.basis,
               count(*) over ()::int as total
        from unit u
        left join lateral (
          select s.year, s.criteria_met, s.criteria_applicable, s.basis, s.meets_standard from commune_status s
          where s.unit_id = u.id and s.year <= ${year}
          order by s.year desc, (s.basis = 'appraised') desc, s.computed_at desc limit 1
        ) cs on true
        where u.level = 'commune' and ${validOn('u', q.asOf)} and ${inScope(actor, sql`u.id`)}
          and not exists (select 1 from assignment a where a.unit_id = u.id and ${inForce('a', q.asOf)})
          and coalesce(cs.meets_standard, false) = false
        order by cs.criteria_met nulls last, u.name collate "C", u.code
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export interface ScorecardRow {
  agency_id: string;
  agency_name: string;
  agency_kind: string;
  communes_helped: number;
  visits: number;
  activities: number;
  follow_ups: number;
  follow_ups_closed: number;
  obstacles_resolved: number;
  median_days_to_resolve: number | null;
  support_value_vnd: number | string;
}

/**
 * Per agency, over [from, to] (inclusive) and the actor's scope: communes helped (assignments overlapping the
 * period), visits and activities dated in it, their follow-ups (all / done), obstacles assigned to the agency and
 * resolved in it with the median days from raised to resolved, and the value of support given.
 */
export async function scorecards(db: Db, actor: Actor, from: string, to: string): Promise<ScorecardRow[]> {
  const scopeA = inScope(actor, sql`a.unit_id`);
  const scopeAc = inScope(actor, sql`ac.unit_id`);
  const scopeO = inScope(actor, sql`o.unit_id`);
  return queryRows<ScorecardRow>(
    db,
    sql`with communes as (
          select a.agency_id, count(distinct a.unit_id)::int as n
          from assignment a
          where a.valid_from <= ${to}::date and (a.valid_to is null or a.valid_to > ${from}::date) and ${scopeA}
          group by a.agency_id
        ), acts as (
          select ac.agency_id, count(*)::int as activities,
                 (count(*) filter (where ac.kind in ${visitKindList}))::int as visits,
                 coalesce(sum(ac.support_value_vnd), 0)::bigint as support
          from activity ac
          where ac.date between ${from}::date and ${to}::date and ${scopeAc}
          group by ac.agency_id
        ), fus as (
          select ac.agency_id, count(*)::int as total, (count(*) filter (where f.status = 'done'))::int as done
          from follow_up f join activity ac on ac.id = f.activity_id
          where ac.date between ${from}::date and ${to}::date and ${scopeAc}
          group by ac.agency_id
        ), obs as (
          select o.assignee_agency_id as agency_id, count(*)::int as resolved,
                 round((percentile_cont(0.5) within group (
                   order by extract(epoch from (o.resolved_at - o.created_at)) / 86400.0))::numeric, 1)::float8 as median_days
          from obstacle o
          where o.resolved_at is not null and o.assignee_agency_id is not null
            and (o.resolved_at at time zone ${VN})::date between ${from}::date and ${to}::date and ${scopeO}
          group by o.assignee_agency_id
        ), agencies as (
          select agency_id from communes union select agency_id from acts union select agency_id from obs
        )
        select g.id as agency_id, g.name as agency_name, g.kind as agency_kind,
               coalesce(c.n, 0) as communes_helped, coalesce(x.visits, 0) as visits, coalesce(x.activities, 0) as activities,
               coalesce(f.total, 0) as follow_ups, coalesce(f.done, 0) as follow_ups_closed,
               coalesce(o.resolved, 0) as obstacles_resolved, o.median_days as median_days_to_resolve,
               coalesce(x.support, 0) as support_value_vnd
        from agencies s join agency g on g.id = s.agency_id
        left join communes c on c.agency_id = g.id left join acts x on x.agency_id = g.id
        left join fus f on f.agency_id = g.id left join obs o on o.agency_id = g.id
        order by g.name collate "C"`,
  );
}
