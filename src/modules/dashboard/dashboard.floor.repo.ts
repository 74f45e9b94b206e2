/**
 * The raw-SQL floor of the dashboard (issue 7: "API time within 2× of the raw-SQL floor for the same aggregate"), for
 * the benchmark and for the tests that prove the floor and the API compute the same figures. Every aggregate the
 * dashboard shows is computed here by PostgreSQL itself, with no application code between the statements:
 *  - the core (`dashboardFloorQuery`: totals, bands, per-criterion rates, recognised; by province for the nation);
 *  - the trend through lineage (`trendByYear`, the API's own statement: it is an aggregate already);
 *  - improvement within groups (score − last year's mapped score, ranked per group with rank(), the groups' sizes,
 *    average deltas and leaders, improved / declined) and the top and bottom of the ranking by score;
 *  - obstacles by level and status, activities and visits in 30/90 days (the API's own statements: they are
 *    aggregates already), and today's communes without a visit or with open obstacles through their lineage.
 * Left out: target-commune progress, whose at-risk flag is an application rule (src/domain/plans), not an
 * aggregate — the floor is therefore, if anything, smaller than the API's work.
 * The statements run at once on the pool, after the unit's area is resolved once (as the API does).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { validOn } from '../units/units.repo.js';
import {
  activityCounts,
  mappedScores,
  scoreSql,
  trendByYear,
  type TrendRow,
  areaIds,
  attCte,
  attr,
  communesTodaySql,
  dashboardFloorQuery,
  inArea,
  obstacleCounts,
  type ActivityCountRow,
  type Area,
  type FloorRow,
  type ObstacleAggRow,
} from './dashboard.repo.js';

export interface FloorQuery {
  year: number;
  setId: string;
  unitId: string | null;
  criterionCount: number;
  bandMins: readonly number[];
  /** Years of the trend: `year` and the four before it. */
  trendYears?: number;
  today: string;
  /** Size of the ranking lists (top / bottom) and of each group's leaders. */
  rankSize?: number;
  groupTop?: number;
}

export interface FloorImprovement {
  improved: number;
  declined: number;
  groups: Array<{ key: string; communes: number; ranked: number; avg_delta: number | null; top: Array<{ id: string; rank: number; delta: number }> }>;
  top: Array<{ id: string; score: number }>;
  bottom: Array<{ id: string; score: number }>;
}

export interface FloorVisitsRow {
  communes: number;
  without_visit30: number;
  without_visit90: number;
  with_open: number;
}

export interface FloorResult {
  core: FloorRow[];
  trend: TrendRow[];
  improvement: FloorImprovement;
  obstacles: ObstacleAggRow[];
  activities: ActivityCountRow;
  visits: FloorVisitsRow;
}

export async function floorImprovement(db: Db, area: Area, q: FloorQuery): Promise<FloorImprovement> {
  const n = q.criterionCount;
  const date = `${q.year}-12-31`;
  const row = await queryOne<{ r: FloorImprovement | string }>(
    db,
    sql`with recursive ${attCte(date)}, ${mappedScores(area, q.setId, q.year - 1, q.year - 1, n, date)},
        cur as (
          select c.id, c.name, ${scoreSql('cs', n)} as score,
                 case when coalesce(g1x.v, g2x.v, g3x.v) is not null then 'cg:' || coalesce(g1x.v, g2x.v, g3x.v)
                      when coalesce(r1x.v, r2x.v, r3x.v) is not null then 'rg:' || coalesce(r1x.v, r2x.v, r3x.v)
                      else 'p:' || coalesce(p.id::text, 'none') end as grp
          from unit c
          left join unit p on p.id = c.parent_id
          left join unit gp on gp.id = p.parent_id
          left join commune_status cs on cs.unit_id = c.id and cs.year = ${q.year} and cs.set_id = ${q.setId}
          ${attr('g1', 'c', 'communeGroup')} ${attr('g2', 'p', 'communeGroup')} ${attr('g3', 'gp', 'communeGroup')}
          ${attr('r1', 'c', 'region')} ${attr('r2', 'p', 'region')} ${attr('r3', 'gp', 'region')}
          where c.level = 'commune' and ${validOn('c', date)} and ${inArea(area, sql`c.id`)}
        ), d as (
          select cur.id, cur.name, cur.grp, cur.score, cur.score - m.score as delta
          from cur left join mapped m on m.target = cur.id and m.year = ${q.year - 1}::int
        ), r as (
          select d.*, rank() over (partition by d.grp order by d.delta desc) as grank from d where d.delta is not null
        ), g as (
          select d.grp, count(*)::int as communes, count(r.id)::int as ranked, round(avg(r.delta), 1)::float8 as avg_delta,
                 coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'rank', r.grank, 'delta', r.delta) order by r.grank, r.score desc)
                          filter (where r.grank <= ${q.groupTop ?? 5}), '[]'::jsonb) as top
          from d left join r on r.id = d.id group by d.grp
        )
        select jsonb_build_object(
          'improved', (select count(*) from d where d.delta > 0),
          'declined', (select count(*) from d where d.delta < 0),
          'groups', (select coalesce(jsonb_agg(jsonb_build_object('key', g.grp, 'communes', g.communes, 'ranked', g.ranked,
                                                                  'avg_delta', g.avg_delta, 'top', g.top) order by g.ranked desc), '[]'::jsonb) from g),
          'top', (select coalesce(jsonb_agg(x), '[]'::jsonb) from (select d.id, d.score from d where d.score is not null order by d.score desc limit ${q.rankSize ?? 10}) x),
          'bottom', (select coalesce(jsonb_agg(x), '[]'::jsonb) from (select d.id, d.score from d where d.score is not null order by d.score limit ${q.rankSize ?? 10}) x)
        ) as r`,
  );
  const r = row!.r;
  return typeof r === 'string' ? (JSON.parse(r) as FloorImprovement) : r;
}

export async function floorVisits(db: Db, area: Area, today: string): Promise<FloorVisitsRow> {
  const row = await queryOne<FloorVisitsRow>(
    db,
    sql`select count(*)::int as communes,
               (count(*) filter (where t.last_visit is null or t.last_visit::date <= ${today}::date - 30))::int as without_visit30,
               (count(*) filter (where t.last_visit is null or t.last_visit::date <= ${today}::date - 90))::int as without_visit90,
               (count(*) filter (where t.open_obstacles > 0))::int as with_open
        from (${communesTodaySql(area, today)}) t`,
  );
  return row!;
}

/** Every aggregate of the dashboard in raw SQL: the area once, then the statements at once on the pool. */
export async function dashboardFloor(db: Db, q: FloorQuery): Promise<FloorResult> {
  const area = q.unitId ? await areaIds(db, q.unitId) : null;
  const [core, trend, improvement, obstacles, activities, visits] = await Promise.all([
    dashboardFloorQuery(db, q),
    trendByYear(db, area, q.setId, q.year - (q.trendYears ?? 5) + 1, q.year, q.criterionCount, q.today),
    floorImprovement(db, area, q),
    obstacleCounts(db, area, q.today),
    activityCounts(db, area, q.today),
    floorVisits(db, area, q.today),
  ]);
  return { core, trend, improvement, obstacles, activities, visits };
}
