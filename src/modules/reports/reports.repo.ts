/**
 * All SQL of the standard reports: readable aggregate queries over the write-time summary (commune_status), the
 * indicator rows, recognitions, assignments, activities and obstacles. Every query is limited by the caller's scope
 * and, optionally, by a unit (the unit, the units it was formed from, and everything below them).
 */
import { sql, type SQL } from 'drizzle-orm';
import { unitAreaIds } from '../../platform/auth/scope.repo.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { visitKindList } from '../activities/activities.repo.js';

/** Which communes a report covers: the actor's scope (null = everything) and an optional unit. */
export interface CommuneFilter {
  scope: SQL | null;
  unitId: string | null;
}

/** `column` passes the filter (scope and unit). */
export function passes(f: CommuneFilter, column: SQL): SQL {
  const parts: SQL[] = [];
  if (f.scope) parts.push(sql`${column} in ${f.scope}`);
  if (f.unitId) parts.push(sql`${column} in ${unitAreaIds(f.unitId)}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

export interface UnitBrief {
  id: string;
  name: string;
  level: string;
  code: string | null;
}
export async function findUnit(db: Db, id: string): Promise<UnitBrief | undefined> {
  return queryOne<UnitBrief>(db, sql`select id, name, level, code from unit where id = ${id}`);
}

export interface SetBrief {
  id: string;
  code: string;
  name: string;
  criteria_count: number;
}
export async function findSet(db: Db, id: string): Promise<SetBrief | undefined> {
  return queryOne<SetBrief>(
    db,
    sql`select id, code, name, jsonb_array_length(definition->'criteria')::int as criteria_count from criteria_set where id = ${id}`,
  );
}

/** The set most communes of the filter were summarised against in the year (the report's default set). */
export async function mainSetOfYear(db: Db, f: CommuneFilter, year: number): Promise<string | null> {
  const row = await queryOne<{ set_id: string }>(
    db,
    sql`select cs.set_id from commune_status cs where cs.year = ${year} and ${passes(f, sql`cs.unit_id`)}
        group by cs.set_id order by count(*) desc, cs.set_id limit 1`,
  );
  if (row) return row.set_id;
  const cycle = await queryOne<{ set_id: string }>(
    db,
    sql`select c.set_id from assessment_cycle c join assessment a on a.cycle_id = c.id
        where c.year = ${year} and ${passes(f, sql`a.unit_id`)} group by c.set_id order by count(*) desc, c.set_id limit 1`,
  );
  return cycle?.set_id ?? null;
}

export interface CriterionDefRow {
  number: string;
  name: string;
}
/** The criteria of a set, in the set's order. */
export async function criteriaOfSet(db: Db, setId: string): Promise<CriterionDefRow[]> {
  return queryRows<CriterionDefRow>(
    db,
    sql`select c->>'number' as number, c->>'name' as name
        from criteria_set s, jsonb_array_elements(s.definition->'criteria') with ordinality as x(c, n)
        where s.id = ${setId} order by x.n`,
  );
}

export interface IndicatorDefRow {
  code: string;
  wording: string;
  kind: string;
  unit: string | null;
  criterion_number: string;
}
/** The indicators of a set, in the set's order (criterion, then indicator). */
export async function indicatorsOfSet(db: Db, setId: string): Promise<IndicatorDefRow[]> {
  return queryRows<IndicatorDefRow>(
    db,
    sql`select i->>'code' as code, i->>'wording' as wording, i->>'kind' as kind, i->>'unit' as unit, c->>'number' as criterion_number
        from criteria_set s,
             jsonb_array_elements(s.definition->'criteria') with ordinality as x(c, n),
             jsonb_array_elements(c->'indicators') with ordinality as y(i, m)
        where s.id = ${setId} order by x.n, y.m`,
  );
}

const basisCondition = (basis: 'all' | 'appraised') => (basis === 'appraised' ? sql`and cs.basis = 'appraised'` : sql``);

export interface AchievementRow {
  group_id: string | null;
  group_name: string | null;
  group_level: string | null;
  number: string;
  assessed: number;
  met: number;
  not_applicable: number;
  demo: boolean;
}
/** Per parent unit and criterion: communes summarised, met, not applicable (from the per-criterion statuses). */
export async function criteriaAchievement(db: Db, f: CommuneFilter, year: number, setId: string, basis: 'all' | 'appraised'): Promise<AchievementRow[]> {
  return queryRows<AchievementRow>(
    db,
    sql`select p.id as group_id, p.name as group_name, p.level as group_level, e->>'number' as number,
               count(*)::int as assessed,
               (count(*) filter (where e->>'status' = 'met'))::int as met,
               (count(*) filter (where e->>'status' = 'not_applicable'))::int as not_applicable,
               bool_or(cs.is_demo) as demo
        from commune_status cs
        join unit u on u.id = cs.unit_id
        left join unit p on p.id = u.parent_id
        cross join lateral jsonb_array_elements(cs.criteria) e
        where cs.year = ${year} and cs.set_id = ${setId} ${basisCondition(basis)} and ${passes(f, sql`cs.unit_id`)}
        group by p.id, p.name, p.level, e->>'number'
        order by p.name, e->>'number'`,
  );
}

export interface HistogramRow {
  year: number;
  group_id: string | null;
  group_name: string | null;
  group_level: string | null;
  criteria_met: number;
  communes: number;
  meets_standard: number;
  demo: boolean;
}
/** Communes per (year, parent unit, criteria met), for the bands and averages. */
export async function bandHistogram(db: Db, f: CommuneFilter, fromYear: number, toYear: number, setId: string, basis: 'all' | 'appraised'): Promise<HistogramRow[]> {
  return queryRows<HistogramRow>(
    db,
    sql`select cs.year, p.id as group_id, p.name as group_name, p.level as group_level, cs.criteria_met,
               count(*)::int as communes, (count(*) filter (where cs.meets_standard))::int as meets_standard, bool_or(cs.is_demo) as demo
        from commune_status cs
        join unit u on u.id = cs.unit_id
        left join unit p on p.id = u.parent_id
        where cs.year between ${fromYear} and ${toYear} and cs.set_id = ${setId} ${basisCondition(basis)} and ${passes(f, sql`cs.unit_id`)}
        group by cs.year, p.id, p.name, p.level, cs.criteria_met
        order by cs.year, p.name, cs.criteria_met`,
  );
}

export interface RecognitionCounts {
  in_force: number;
  in_year: number;
  revoked_in_year: number;
  demo: boolean;
}
/** Recognised communes: unrevoked recognitions in force at the year's end, granted in the year, revoked in the year. */
export async function recognitionCounts(db: Db, f: CommuneFilter, year: number): Promise<RecognitionCounts> {
  const row = await queryOne<RecognitionCounts>(
    db,
    sql`select
          (count(distinct r.unit_id) filter (where r.kind = 'recognition' and r.level = 'ntm' and r.year <= ${year}
             and (r.revoked_by_id is null or (select v.year from recognition v where v.id = r.revoked_by_id) > ${year})))::int as in_force,
          (count(distinct r.unit_id) filter (where r.kind = 'recognition' and r.level = 'ntm' and r.year = ${year}))::int as in_year,
          (count(*) filter (where r.kind = 'revocation' and r.year = ${year}))::int as revoked_in_year,
          coalesce(bool_or(r.is_demo), false) as demo
        from recognition r where ${passes(f, sql`r.unit_id`)}`,
  );
  return row ?? { in_force: 0, in_year: 0, revoked_in_year: 0, demo: false };
}

export interface AgencyActivityRow {
  agency_id: string;
  agency_name: string;
  communes: number;
  activities: number;
  visits: number;
  follow_ups: number;
  follow_ups_done: number;
  support_vnd: number;
  last_date: string | null;
  demo: boolean;
}
/** Per agency: communes it was assigned to during the period, activities, visits, follow-ups, support value. */
export async function activitiesByAgency(db: Db, f: CommuneFilter, from: string, to: string): Promise<AgencyActivityRow[]> {
  return queryRows<AgencyActivityRow>(
    db,
    sql`with asg as (
          select a.agency_id, count(distinct a.unit_id)::int as communes, bool_or(a.is_demo) as demo
          from assignment a
          where a.valid_from <= ${to}::date and (a.valid_to is null or a.valid_to > ${from}::date) and ${passes(f, sql`a.unit_id`)}
          group by a.agency_id
        ), act as (
          select ac.agency_id, count(*)::int as activities, (count(*) filter (where ac.kind in ${visitKindList}))::int as visits,
                 coalesce(sum(ac.support_value_vnd), 0)::bigint as support_vnd, max(ac.date) as last_date, bool_or(ac.is_demo) as demo
          from activity ac
          where ac.date between ${from}::date and ${to}::date and ${passes(f, sql`ac.unit_id`)}
          group by ac.agency_id
        ), fu as (
          select ac.agency_id, count(*)::int as total, (count(*) filter (where x.status = 'done'))::int as done
          from follow_up x join activity ac on ac.id = x.activity_id
          where ac.date between ${from}::date and ${to}::date and ${passes(f, sql`ac.unit_id`)}
          group by ac.agency_id
        ), ids as (select agency_id from asg union select agency_id from act)
        select g.id as agency_id, g.name as agency_name, coalesce(s.communes, 0) as communes, coalesce(t.activities, 0) as activities,
               coalesce(t.visits, 0) as visits, coalesce(fu.total, 0) as follow_ups, coalesce(fu.done, 0) as follow_ups_done,
               coalesce(t.support_vnd, 0)::bigint as support_vnd, t.last_date, (coalesce(s.demo, false) or coalesce(t.demo, false)) as demo
        from ids join agency g on g.id = ids.agency_id
        left join asg s on s.agency_id = g.id left join act t on t.agency_id = g.id left join fu on fu.agency_id = g.id
        order by g.name`,
  );
}

export interface ObstacleCountRow {
  level: string;
  status: string;
  n: number;
  overdue: number;
  demo: boolean;
}
/** Obstacles raised in the period, per level and status, with the open ones past their due date. */
export async function obstacleCounts(db: Db, f: CommuneFilter, from: string, to: string, today: string): Promise<ObstacleCountRow[]> {
  return queryRows<ObstacleCountRow>(
    db,
    sql`select o.level, o.status, count(*)::int as n,
               (count(*) filter (where o.status in ('new', 'accepted', 'in_progress') and o.due_date < ${today}::date))::int as overdue,
               bool_or(o.is_demo) as demo
        from obstacle o
        where (o.created_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date and ${passes(f, sql`o.unit_id`)}
        group by o.level, o.status`,
  );
}

export interface OpenObstacleRow {
  id: string;
  unit_id: string;
  unit_name: string;
  title: string;
  category: string;
  level: string;
  status: string;
  assignee_name: string | null;
  raised_on: string;
  due_date: string | null;
  age_days: number;
  demo: boolean;
}
/** The obstacles raised in the period that are still open, oldest first. */
export async function openObstacles(db: Db, f: CommuneFilter, from: string, to: string, today: string): Promise<OpenObstacleRow[]> {
  return queryRows<OpenObstacleRow>(
    db,
    sql`select o.id, u.id as unit_id, u.name as unit_name, o.title, o.category, o.level, o.status, g.name as assignee_name,
               to_char((o.created_at at time zone 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') as raised_on, o.due_date,
               (${today}::date - (o.created_at at time zone 'Asia/Ho_Chi_Minh')::date)::int as age_days, o.is_demo as demo
        from obstacle o join unit u on u.id = o.unit_id left join agency g on g.id = o.assignee_agency_id
        where o.status in ('new', 'accepted', 'in_progress')
          and (o.created_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date and ${passes(f, sql`o.unit_id`)}
        order by o.created_at, o.id`,
  );
}

export interface ValuesRow {
  assessment_id: string;
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  parent_name: string;
  status: string;
  criteria_met: number | null;
  criteria_applicable: number | null;
  is_demo: boolean;
  vals: Record<string, unknown> | string | null;
}
/** Keyset position in the indicator-values listing (parent name, commune name, assessment id). */
export interface ValuesCursor {
  parentName: string;
  unitName: string;
  id: string;
}

/**
 * One page of the communes × indicators listing: each commune's latest assessment of the year on the set, with its
 * values as one jsonb object and its summary. Keyset paging, so a national export never holds more than a page.
 */
export async function indicatorValuesPage(db: Db, f: CommuneFilter, year: number, setId: string, after: ValuesCursor | null, limit: number): Promise<ValuesRow[]> {
  const keyset = after ? sql`and (coalesce(p.name, ''), u.name, a.id) > (${after.parentName}, ${after.unitName}, ${after.id}::uuid)` : sql``;
  return queryRows<ValuesRow>(
    db,
    sql`select a.id as assessment_id, u.id as unit_id, u.code as unit_code, u.name as unit_name, coalesce(p.name, '') as parent_name,
               a.status, cs.criteria_met, cs.criteria_applicable, a.is_demo,
               (select jsonb_object_agg(r.indicator_code, r.value) from indicator_result r where r.assessment_id = a.id and r.value is not null) as vals
        from assessment a
        join assessment_cycle c on c.id = a.cycle_id
        join unit u on u.id = a.unit_id
        left join unit p on p.id = u.parent_id
        left join commune_status cs on cs.unit_id = a.unit_id and cs.year = c.year and cs.set_id = c.set_id
        where c.year = ${year} and c.set_id = ${setId} and ${passes(f, sql`a.unit_id`)}
          and a.id = (select a2.id from assessment a2 join assessment_cycle c2 on c2.id = a2.cycle_id
                      where a2.unit_id = a.unit_id and c2.year = ${year} and c2.set_id = ${setId}
                      order by c2.created_at desc, a2.id desc limit 1)
          ${keyset}
        order by coalesce(p.name, ''), u.name, a.id
        limit ${limit}`,
  );
}

/** How many communes the indicator-values listing has, and whether any of them is demonstration data. */
export async function indicatorValuesCount(db: Db, f: CommuneFilter, year: number, setId: string): Promise<{ n: number; demo: boolean }> {
  const row = await queryOne<{ n: number; demo: boolean }>(
    db,
    sql`select count(distinct a.unit_id)::int as n, coalesce(bool_or(a.is_demo), false) as demo
        from assessment a join assessment_cycle c on c.id = a.cycle_id
        where c.year = ${year} and c.set_id = ${setId} and ${passes(f, sql`a.unit_id`)}`,
  );
  return row ?? { n: 0, demo: false };
}

/** The actor's agency (the narrative report's issuing body). */
export async function findAgency(db: Db, id: string): Promise<{ name: string; kind: string } | undefined> {
  return queryOne(db, sql`select name, kind from agency where id = ${id}`);
}

/**
 * The province a report speaks for: the province above the unit (or the unit itself), else the province of the
 * actor's first scope unit, else the province in force on the date with the most communes.
 */
export async function provinceFor(db: Db, unitId: string | null, userId: string, date: string): Promise<{ name: string } | undefined> {
  const start = unitId ? sql`select ${unitId}::uuid as id` : sql`select us.unit_id as id from user_scope us where us.user_id = ${userId}`;
  const up = await queryOne<{ name: string }>(
    db,
    sql`with recursive up(id, parent_id, level, name, depth) as (
          select u.id, u.parent_id, u.level, u.name, 0 from unit u where u.id in (${start})
          union all
          select p.id, p.parent_id, p.level, p.name, up.depth + 1 from unit p join up on p.id = up.parent_id
        ) select name from up where level = 'province' order by depth limit 1`,
  );
  if (up) return up;
  return queryOne<{ name: string }>(
    db,
    sql`select p.name from unit p where p.level = 'province'
          and (p.valid_from is null or p.valid_from <= ${date}::date) and (p.valid_to is null or p.valid_to > ${date}::date)
        order by (select count(*) from unit c where c.parent_id = p.id) desc, p.name limit 1`,
  );
}

/** Which of these units lie under `unitId` (its lineage and subtree)? One query for the set. */
export async function unitsWithin(db: Db, unitIds: readonly string[], unitId: string): Promise<Set<string>> {
  const unique = [...new Set(unitIds)];
  if (!unique.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select u.id from unit u where u.id in (${sql.join(
      unique.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and u.id in ${unitAreaIds(unitId)}`,
  );
  return new Set(rows.map((r) => r.id));
}
