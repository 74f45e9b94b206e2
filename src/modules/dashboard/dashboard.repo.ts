/**
 * All SQL of the dashboards. Everything reads the write-time summaries (commune_status, recognition, obstacle,
 * activity) with a handful of set-based queries per (unit, year, set); the service caches the result until the data
 * version (`dataVersion`) moves.
 */
import { sql, type SQL } from 'drizzle-orm';
import { isGlobal } from '../../platform/auth/policy.js';
import { unitAreaIds } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { visitKindList } from '../activities/activities.repo.js';
import { validOn } from '../units/units.repo.js';

export const OPEN = sql.raw(`('new','accepted','in_progress')`);

/**
 * The data version the dashboards depend on: the newest audit record other than sign-ins and notification read marks
 * (neither moves a figure). Every application write
 * that changes a figure (workflow transitions writing commune_status, recognitions, obstacles, activities, unit
 * attributes, plans …) records its audit event in the same transaction, so the version and the data become visible
 * together. Autosaves are not audited, and they do not change commune_status either.
 */
const versionExpr = sql`(select a.seq from audit_event a where a.action not like 'auth.%' and a.action not like 'notification.%' order by a.seq desc limit 1)`;

/** The current data version (see `versionExpr`): one indexed row. */
export async function dataVersion(db: Db): Promise<string> {
  const row = await queryOne<{ version: string | null }>(db, sql`select ${versionExpr}::text as version`);
  return row?.version ?? '0';
}

export interface AccessRow {
  in_scope: boolean;
  id: string | null;
  code: string | null;
  name: string | null;
  level: string | null;
}

/**
 * The unit and whether it is inside the actor's scope. The scope test walks up from the unit (ancestors) and
 * compares with the scope units' lineage — the same set `scopeUnitIds` describes (lineage, then descendants),
 * without expanding every descendant.
 */
export async function access(db: Db, actor: Actor, unitId: string, today: string): Promise<AccessRow | null> {
  const assigned = actor.agencyId
    ? sql`union select a.unit_id from assignment a where a.agency_id = ${actor.agencyId}
            and a.valid_from <= ${today}::date and (a.valid_to is null or a.valid_to > ${today}::date)`
    : sql``;
  const inScope = isGlobal(actor)
    ? sql`true`
    : sql`(with recursive lineage(id) as (
             select us.unit_id from user_scope us where us.user_id = ${actor.id} ${assigned}
             union
             select s.predecessor_id from unit_succession s join lineage l on s.successor_id = l.id
           ), anc(id) as (
             select ${unitId}::uuid
             union
             select u.parent_id from unit u join anc on u.id = anc.id where u.parent_id is not null
           ) select exists (select 1 from anc where anc.id in (select id from lineage)))`;
  const row = await queryOne<AccessRow>(db, sql`select ${inScope} as in_scope, u.id, u.code, u.name, u.level from unit u where u.id = ${unitId}`);
  return row ?? null;
}

/** The actor's top scope unit (province before district before commune), else a commune its agency helps today. */
export async function defaultUnit(db: Db, actor: Actor, today: string): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`select id from (
          select u.id, case u.level when 'province' then 0 when 'district' then 1 when 'commune' then 2 else 3 end as rank,
                 (u.valid_to is null) as current, u.name
          from user_scope us join unit u on u.id = us.unit_id where us.user_id = ${actor.id}
          union all
          select u.id, 4, true, u.name from assignment a join unit u on u.id = a.unit_id
          where ${actor.agencyId ?? null}::uuid is not null and a.agency_id = ${actor.agencyId ?? null}::uuid
            and a.valid_from <= ${today}::date and (a.valid_to is null or a.valid_to > ${today}::date)
        ) x order by rank, current desc, name collate "C" limit 1`,
  );
  return row?.id ?? null;
}

/**
 * The communes and units of a dashboard's area, resolved once per computation (`areaIds`) and passed to every query
 * as one uuid[] parameter; null = the whole country. Resolving the recursive area once, instead of inside each
 * statement, also lets PostgreSQL start each statement from the area's few hundred ids (index lookups) rather than
 * scan the country and filter late.
 */
export type Area = readonly string[] | null;

export const inArea = (area: Area, column: SQL): SQL => (area ? sql`${column} = any(${`{${area.join(',')}}`}::uuid[])` : sql`true`);

/** The ids of a unit's area (the unit, its predecessors and everything below them — `unitAreaIds`). */
export async function areaIds(db: Db, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select a.id::text as id from ${unitAreaIds(unitId)} a`);
  return rows.map((r) => r.id);
}

export interface SetRow {
  id: string;
  code: string;
  name: string;
  criteria: Array<{ number: string; name: string }> | string;
}

/** The criteria of a set (number and name, in the set's order). */
export async function findSet(db: Db, setId: string): Promise<SetRow | null> {
  const row = await queryOne<SetRow>(
    db,
    sql`select s.id, s.code, s.name,
               coalesce((select jsonb_agg(jsonb_build_object('number', c->>'number', 'name', c->>'name') order by o)
                         from jsonb_array_elements(s.definition->'criteria') with ordinality as x(c, o)), '[]'::jsonb) as criteria
        from criteria_set s where s.id = ${setId}`,
  );
  return row ?? null;
}

export interface SetUsageRow {
  year: number;
  set_id: string;
  code: string;
  name: string;
  communes: number;
}

/** Which sets have results in which years (for the pickers and the default set). */
export async function setUsage(db: Db): Promise<SetUsageRow[]> {
  return queryRows<SetUsageRow>(
    db,
    sql`select x.year, x.set_id, s.code, s.name, x.communes
        from (select year, set_id, count(*)::int as communes from commune_status group by year, set_id) x
        join criteria_set s on s.id = x.set_id
        order by x.year, x.communes desc, s.code`,
  );
}

export interface CommuneRow {
  id: string;
  code: string | null;
  name: string;
  parent_id: string | null;
  parent_code: string | null;
  parent_name: string | null;
  parent_level: string | null;
  province_id: string | null;
  province_code: string | null;
  province_name: string | null;
  commune_group: string | null;
  region: string | null;
  level: 'ntm' | 'advanced' | 'model' | 'modern' | null;
  criteria_met: number | null;
  criteria_applicable: number | null;
  meets_standard: boolean | null;
  basis: 'self' | 'appraised' | null;
  criteria: Array<{ number: string; status: string }> | string | null;
}

/** The CTE `att`: the newest value in force on `date` per unit of the attributes communeGroup and region. */
export const attCte = (date: string): SQL =>
  sql`att as (
          select distinct on (a.unit_id, a.key) a.unit_id, a.key, a.value #>> '{}' as v from unit_attribute a
          where a.key in ('communeGroup', 'region') and ${validOn('a', date)}
          order by a.unit_id, a.key, a.valid_from desc nulls last
        )`;

/** The attribute (picked in the `att` CTE: the newest value in force per unit and key) of a unit, joined by hash. */
export const attr = (alias: string, unit: string, key: string) =>
  sql`left join att ${sql.raw(alias + 'x')} on ${sql.raw(alias + 'x')}.unit_id = ${sql.raw(unit)}.id and ${sql.raw(alias + 'x')}.key = ${key}`;

/**
 * The communes of the area (null = the whole country) in force at the end of the year, with their parent and
 * province, their commune group and region (own attribute, else the nearest ancestor's), the highest recognition in
 * force that year (own decisions, not revoked by the end of the year) and their summary for the year and set.
 * Unordered: the service ranks and sorts.
 */
export async function communesOfYear(db: Db, area: Area, year: number, setId: string): Promise<CommuneRow[]> {
  const date = `${year}-12-31`;
  return queryRows<CommuneRow>(
    db,
    sql`with ${attCte(date)}
        select c.id, c.code, c.name, p.id as parent_id, p.code as parent_code, p.name as parent_name, p.level as parent_level,
               case when p.level = 'province' then p.id else gp.id end as province_id,
               case when p.level = 'province' then p.code else gp.code end as province_code,
               case when p.level = 'province' then p.name else gp.name end as province_name,
               coalesce(g1x.v, g2x.v, g3x.v) as commune_group, coalesce(r1x.v, r2x.v, r3x.v) as region,
               lv.level, cs.criteria_met, cs.criteria_applicable, cs.meets_standard, cs.basis, cs.criteria
        from unit c
        left join unit p on p.id = c.parent_id
        left join unit gp on gp.id = p.parent_id
        left join commune_status cs on cs.unit_id = c.id and cs.year = ${year} and cs.set_id = ${setId}
        left join (
          select distinct on (r.unit_id) r.unit_id, r.level from recognition r
          where r.kind = 'recognition' and r.year <= ${year}
            and (r.revoked_by_id is null or exists (select 1 from recognition v where v.id = r.revoked_by_id and v.year > ${year}))
          order by r.unit_id, case r.level when 'modern' then 4 when 'model' then 3 when 'advanced' then 2 else 1 end desc
        ) lv on lv.unit_id = c.id
        ${attr('g1', 'c', 'communeGroup')} ${attr('g2', 'p', 'communeGroup')} ${attr('g3', 'gp', 'communeGroup')}
        ${attr('r1', 'c', 'region')} ${attr('r2', 'p', 'region')} ${attr('r3', 'gp', 'region')}
        where c.level = 'commune' and ${validOn('c', date)} and ${inArea(area, sql`c.id`)}`,
  );
}

/** The score (`scoreOf` of the domain) of a commune_status row; null without one (least() would ignore the null). */
export const scoreSql = (alias: string, n: number): SQL => {
  const a = sql.raw(alias);
  return sql`case when ${a}.criteria_met is not null then least(${n}::int, ${a}.criteria_met + greatest(0, ${n}::int - ${a}.criteria_applicable)) end`;
};

/**
 * Lineage, in SQL: the statuses of the set in the years [fromYear, toYear] of the area's communes, scored, walked
 * forward along unit_succession (links effective by `onDate`) to the communes in force on `onDate` (a commune that
 * still exists maps to itself, a split one to each successor), and combined per (year, target) in CTE `mapped`.
 * Rule: a merged commune's score is the plain mean of its predecessors' scores, one decimal (no population or area to
 * weight by), so a province's average stays comparable across the 2025 mergers; it meets the standard only if every
 * predecessor did; `parts` = how many communes were combined. (Rejected: "a criterion is met only if every
 * predecessor met it" — it understated merged communes so much that every trend showed a false jump at the merger;
 * on the demo data the 2024 average of the new communes fell from 6.9 to 2.3.)
 */
export const mappedScores = (area: Area, setId: string, fromYear: number, toYear: number, n: number, onDate: string): SQL => sql`
  st as (
    select cs.unit_id, cs.year, ${scoreSql('cs', n)} as score, cs.meets_standard from commune_status cs
    where cs.set_id = ${setId} and cs.year between ${fromYear}::int and ${toYear}::int and ${inArea(area, sql`cs.unit_id`)}
  ), fwd(origin, id) as (
    select distinct unit_id, unit_id from st
    union
    select f.origin, s.successor_id from fwd f join unit_succession s on s.predecessor_id = f.id where s.effective_date <= ${onDate}::date
  ), mapped as (
    select st.year, f.id as target, count(*)::int as parts, round(avg(st.score)::numeric, 1) as score, bool_and(st.meets_standard) as meets
    from fwd f join unit t on t.id = f.id and t.level = 'commune' and ${validOn('t', onDate)} join st on st.unit_id = f.origin
    group by st.year, f.id
  )`;

export interface TrendRow {
  year: number;
  communes: number;
  avg_met: number | null;
  meets_standard: number;
  merged: number;
}

/** The trend: per year, today's communes covered (`onDate`), their mean mapped score, meeting the standard, merged. */
export async function trendByYear(db: Db, area: Area, setId: string, fromYear: number, toYear: number, n: number, onDate: string): Promise<TrendRow[]> {
  return queryRows<TrendRow>(
    db,
    sql`with recursive ${mappedScores(area, setId, fromYear, toYear, n, onDate)}
        select year, count(*)::int as communes, round(avg(score), 1)::float8 as avg_met,
               (count(*) filter (where meets))::int as meets_standard, (count(*) filter (where parts > 1))::int as merged
        from mapped group by year order by year`,
  );
}

export interface MappedScoreRow {
  target: string;
  score: number;
}

/** Last year's scores mapped onto the communes in force at the end of `year` (the improvement's baseline). */
export async function previousScores(db: Db, area: Area, setId: string, year: number, n: number): Promise<MappedScoreRow[]> {
  return queryRows<MappedScoreRow>(
    db,
    sql`with recursive ${mappedScores(area, setId, year - 1, year - 1, n, `${year}-12-31`)}
        select target, score::float8 as score from mapped`,
  );
}

export interface ObstacleAggRow {
  level: string;
  status: string;
  n: number;
  overdue: number;
}

/** Open obstacles of the area by level and status, with the overdue ones (due before today). */
export async function obstacleCounts(db: Db, area: Area, today: string): Promise<ObstacleAggRow[]> {
  return queryRows<ObstacleAggRow>(
    db,
    sql`select o.level, o.status, count(*)::int as n, (count(*) filter (where o.due_date < ${today}::date))::int as overdue
        from obstacle o where o.status in ${OPEN} and ${inArea(area, sql`o.unit_id`)}
        group by o.level, o.status order by o.level, o.status`,
  );
}

export interface ActivityCountRow {
  activities30: number;
  activities90: number;
  visits30: number;
  visits90: number;
}

/** Activities (and visits among them) dated in the last 30 and 90 days, in the area. */
export async function activityCounts(db: Db, area: Area, today: string): Promise<ActivityCountRow> {
  const row = await queryOne<ActivityCountRow>(
    db,
    sql`select (count(*) filter (where ac.date > ${today}::date - 30))::int as activities30,
               count(*)::int as activities90,
               (count(*) filter (where ac.date > ${today}::date - 30 and ac.kind in ${visitKindList}))::int as visits30,
               (count(*) filter (where ac.kind in ${visitKindList}))::int as visits90
        from activity ac
        where ac.date > ${today}::date - 90 and ac.date <= ${today}::date and ${inArea(area, sql`ac.unit_id`)}`,
  );
  return row ?? { activities30: 0, activities90: 0, visits30: 0, visits90: 0 };
}

export interface TodayCommuneRow {
  id: string;
  code: string | null;
  name: string;
  parent_name: string | null;
  last_visit: string | null;
  open_obstacles: number;
  overdue_obstacles: number;
}

/**
 * The area's communes in force today with, through their lineage (own and predecessors' records), the date of the
 * last visit (field visit, guidance, inspection) and their open and overdue obstacles.
 */
export async function communesToday(db: Db, area: Area, today: string): Promise<TodayCommuneRow[]> {
  return queryRows<TodayCommuneRow>(db, communesTodaySql(area, today));
}

/** The statement of `communesToday` (also the raw-SQL floor's input for the visit and obstacle counts). */
export function communesTodaySql(area: Area, today: string): SQL {
  return sql`with recursive cur as (
          select c.id from unit c where c.level = 'commune' and ${validOn('c', today)} and ${inArea(area, sql`c.id`)}
        ), back(cid, id) as (
          select id, id from cur
          union
          select b.cid, s.predecessor_id from back b join unit_succession s on s.successor_id = b.id
        ), visits as (
          select b.cid, max(ac.date)::text as last_visit from back b
          join activity ac on ac.unit_id = b.id and ac.kind in ${visitKindList} and ac.date <= ${today}::date
          group by b.cid
        ), obs as (
          select b.cid, count(distinct o.id)::int as open_obstacles,
                 (count(distinct o.id) filter (where o.due_date < ${today}::date))::int as overdue_obstacles
          from back b join obstacle o on o.unit_id = b.id and o.status in ${OPEN}
          group by b.cid
        )
        select c.id, c.code, c.name, p.name as parent_name, v.last_visit,
               coalesce(ob.open_obstacles, 0) as open_obstacles, coalesce(ob.overdue_obstacles, 0) as overdue_obstacles
        from cur join unit c on c.id = cur.id left join unit p on p.id = c.parent_id
        left join visits v on v.cid = c.id left join obs ob on ob.cid = c.id
        order by c.name collate "C", c.code`;
}

export interface FloorRow {
  province_id: string | null;
  communes: number;
  assessed: number;
  appraised: number;
  avg_met: number | null;
  meets_standard: number;
  recognised: number;
  bands: Record<string, number> | string;
  criteria: Record<string, { met: number; assessed: number }> | string;
}

/**
 * The raw-SQL floor of the dashboard's core aggregate, for the benchmark: in one statement, for the unit's communes
 * in force at the end of the year (or every commune, grouped by province, for the national roll-up) — communes,
 * assessed, appraised, average score (not-applicable criteria count as met), meeting the standard, recognised, the
 * distribution over the bands of `bandMins` (lower bounds, highest first) and per criterion met / assessed.
 */
export async function dashboardFloorQuery(
  db: Db,
  q: { year: number; setId: string; unitId: string | null; criterionCount: number; bandMins: readonly number[] },
): Promise<FloorRow[]> {
  const date = `${q.year}-12-31`;
  const bandCase = sql.join(
    q.bandMins.map((m) => sql`when x.score >= ${m} then ${String(m)}`),
    sql` `,
  );
  const national = q.unitId === null;
  return queryRows<FloorRow>(
    db,
    sql`with x as (
          select ${national ? sql`case when p.level = 'province' then p.id else gp.id end` : sql`null::uuid`} as province_id,
                 cs.unit_id is not null as assessed, cs.basis, cs.meets_standard, cs.criteria,
                 least(${q.criterionCount}, cs.criteria_met + greatest(0, ${q.criterionCount} - cs.criteria_applicable)) as score,
                 exists (select 1 from recognition r where r.unit_id = c.id and r.kind = 'recognition' and r.year <= ${q.year}
                         and (r.revoked_by_id is null or exists (select 1 from recognition v where v.id = r.revoked_by_id and v.year > ${q.year}))) as recognised
          from unit c
          left join unit p on p.id = c.parent_id left join unit gp on gp.id = p.parent_id
          left join commune_status cs on cs.unit_id = c.id and cs.year = ${q.year} and cs.set_id = ${q.setId}
          where c.level = 'commune' and ${validOn('c', date)} and ${q.unitId ? sql`c.id in ${unitAreaIds(q.unitId)}` : sql`true`}
        ), b as (
          select province_id, case ${bandCase} else '0' end as band, count(*)::int as n from x where assessed group by 1, 2
        ), k as (
          select province_id, e->>'number' as number, (count(*) filter (where e->>'status' = 'met'))::int as met,
                 (count(*) filter (where e->>'status' <> 'not_applicable'))::int as assessed
          from x, jsonb_array_elements(x.criteria) e where x.assessed group by 1, 2
        )
        select t.province_id, t.communes, t.assessed, t.appraised, t.avg_met, t.meets_standard, t.recognised,
               coalesce((select jsonb_object_agg(b.band, b.n) from b where b.province_id is not distinct from t.province_id), '{}'::jsonb) as bands,
               coalesce((select jsonb_object_agg(k.number, jsonb_build_object('met', k.met, 'assessed', k.assessed)) from k
                         where k.province_id is not distinct from t.province_id), '{}'::jsonb) as criteria
        from (
          select province_id, count(*)::int as communes, (count(*) filter (where assessed))::int as assessed,
                 (count(*) filter (where basis = 'appraised'))::int as appraised,
                 round(avg(score) filter (where assessed), 1)::float8 as avg_met,
                 (count(*) filter (where meets_standard))::int as meets_standard,
                 (count(*) filter (where recognised))::int as recognised
          from x group by province_id
        ) t order by t.province_id`,
  );
}
