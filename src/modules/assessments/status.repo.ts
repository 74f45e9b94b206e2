/** All SQL of the commune status summary (commune_status): upsert in the workflow's transaction, reads for lists. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { selfAndPredecessors, unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';
import { validOn } from '../units/units.repo.js';

export interface StatusInput {
  unitId: string;
  year: number;
  setId: string;
  assessmentId: string | null;
  criteriaMet: number;
  criteriaApplicable: number;
  meetsStandard: boolean;
  missing: string[];
  criteria: Array<{ number: string; status: string }>;
  basis: 'self' | 'appraised';
  isDemo: boolean;
}

/** Write the commune-year summary (one row per unit, year and set). */
export async function upsertStatus(tx: Db, s: StatusInput): Promise<void> {
  await tx.execute(
    sql`insert into commune_status (unit_id, year, set_id, assessment_id, criteria_met, criteria_applicable, meets_standard, missing, criteria, basis, is_demo, computed_at)
        values (${s.unitId}, ${s.year}, ${s.setId}, ${s.assessmentId}, ${s.criteriaMet}, ${s.criteriaApplicable}, ${s.meetsStandard},
                ${JSON.stringify(s.missing)}::jsonb, ${JSON.stringify(s.criteria)}::jsonb, ${s.basis}, ${s.isDemo}, now())
        on conflict (unit_id, year, set_id) do update set assessment_id = excluded.assessment_id, criteria_met = excluded.criteria_met,
          criteria_applicable = excluded.criteria_applicable, meets_standard = excluded.meets_standard, missing = excluded.missing,
          criteria = excluded.criteria, basis = excluded.basis, is_demo = excluded.is_demo, computed_at = now()`,
  );
}

export interface StatusRow extends UnitRefRow {
  year: number;
  set_id: string;
  set_code: string;
  assessment_id: string | null;
  criteria_met: number;
  criteria_applicable: number;
  meets_standard: boolean;
  missing: string[] | string;
  criteria: Array<{ number: string; status: string }> | string;
  basis: 'self' | 'appraised';
  computed_at: Date | string;
  via_predecessor: boolean;
}

/** Every year's summary of a commune and of its predecessors, newest first. */
export async function statusHistory(db: Db, unitId: string): Promise<StatusRow[]> {
  return queryRows<StatusRow>(
    db,
    sql`select ${unitRefColumns('u')}, cs.year, cs.set_id, s.code as set_code, cs.assessment_id, cs.criteria_met, cs.criteria_applicable,
               cs.meets_standard, cs.missing, cs.criteria, cs.basis, cs.computed_at, (cs.unit_id <> ${unitId}) as via_predecessor
        from commune_status cs join unit u on u.id = cs.unit_id join criteria_set s on s.id = cs.set_id
        where cs.unit_id in ${selfAndPredecessors(unitId)}
        order by cs.year desc, (cs.unit_id = ${unitId}) desc, u.name collate "C"`,
  );
}

export interface MaintenanceRow extends UnitRefRow {
  recognition_id: string | null;
  level: 'ntm' | 'advanced' | 'model' | 'modern' | null;
  recognition_year: number | null;
  decision_no: string | null;
  status_year: number | null;
  set_id: string | null;
  set_code: string | null;
  set_row_version: number | null;
  assessment_id: string | null;
  criteria_met: number | null;
  criteria_applicable: number | null;
  meets_standard: boolean | null;
  criteria: Array<{ number: string; status: string }> | string | null;
  prev_year: number | null;
  prev_met: number | null;
  /** Communes the unit was formed from (through lineage, any depth). */
  n_predecessors: number;
  /** Their recognitions in force in the year (the latest per predecessor), when the unit has none of its own. */
  predecessor_recognitions: PredecessorRecognition[] | string | null;
}

export interface PredecessorRecognition {
  id: string;
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  unit_valid_from: string | null;
  unit_valid_to: string | null;
  level: 'ntm' | 'advanced' | 'model' | 'modern';
  year: number;
  decision_no: string | null;
}

/**
 * Communes valid in the year that are to be reviewed for maintenance, in scope: those with an unrevoked recognition of
 * their own granted in or before the year, and — when they have none — those formed (merger, lineage at any depth) from
 * communes holding such a recognition (their recognitions come along as the basis). Each with its latest appraised
 * summary in or before the year and the one of the year before it.
 */
export async function maintenance(db: Db, scope: SQL, year: number, withinUnitId: string | null): Promise<MaintenanceRow[]> {
  const date = `${year}-12-31`;
  const within = withinUnitId
    ? sql`and u.id in (with recursive t(id) as (select ${withinUnitId}::uuid union select x.id from unit x join t on x.parent_id = t.id) select id from t)`
    : sql``;
  return queryRows<MaintenanceRow>(
    db,
    sql`select ${unitRefColumns('u')}, rc.id as recognition_id, rc.level, rc.year as recognition_year, rc.decision_no,
               cs.year as status_year, cs.set_id, s.code as set_code, s.row_version as set_row_version, cs.assessment_id,
               cs.criteria_met, cs.criteria_applicable, cs.meets_standard, cs.criteria,
               pv.year as prev_year, pv.criteria_met as prev_met, pr.n_predecessors, pr.recognitions as predecessor_recognitions
        from unit u
        left join lateral (
          select r.* from recognition r where r.unit_id = u.id and r.kind = 'recognition' and r.revoked_by_id is null and r.year <= ${year}
          order by r.year desc, r.created_at desc limit 1
        ) rc on true
        cross join lateral (
          with recursive l(id) as (
            select u.id
            union
            select su.predecessor_id from unit_succession su join l on su.successor_id = l.id
          )
          select (select count(*) from l join unit pu on pu.id = l.id where l.id <> u.id and pu.level = 'commune')::int as n_predecessors,
                 (select jsonb_agg(jsonb_build_object('id', x.id, 'unit_id', x.unit_id, 'unit_code', x.code, 'unit_name', x.name,
                           'unit_valid_from', x.valid_from, 'unit_valid_to', x.valid_to, 'level', x.level, 'year', x.year, 'decision_no', x.decision_no)
                         order by x.name collate "C")
                  from (
                    select distinct on (r.unit_id) r.id, r.unit_id, pu.code, pu.name, pu.valid_from, pu.valid_to, r.level, r.year, r.decision_no
                    from l join recognition r on r.unit_id = l.id join unit pu on pu.id = r.unit_id
                    where l.id <> u.id and r.kind = 'recognition' and r.revoked_by_id is null and r.year <= ${year}
                    order by r.unit_id, r.year desc, r.created_at desc
                  ) x) as recognitions
        ) pr
        left join lateral (
          select c.* from commune_status c where c.unit_id = u.id and c.basis = 'appraised' and c.year <= ${year}
          order by c.year desc limit 1
        ) cs on true
        left join criteria_set s on s.id = cs.set_id
        left join lateral (
          select c.year, c.criteria_met from commune_status c where c.unit_id = u.id and c.basis = 'appraised' and c.year = cs.year - 1
          limit 1
        ) pv on true
        where u.level = 'commune' and ${validOn('u', date)} and u.id in ${scope} ${within}
          and (rc.id is not null or pr.recognitions is not null)
        order by u.name collate "C"`,
  );
}

export interface AssistanceCounts {
  helpers: number;
  activities: number;
  open_obstacles: number;
}

/** Counts from the assistance tables for the commune and its predecessors (helpers in force today). */
export async function assistanceCounts(db: Db, unitId: string, today: string): Promise<AssistanceCounts> {
  const row = await queryOne<AssistanceCounts>(
    db,
    sql`select
          (select count(*) from assignment a where a.unit_id = ${unitId} and a.valid_from <= ${today}::date and (a.valid_to is null or a.valid_to > ${today}::date))::int as helpers,
          (select count(*) from activity ac where ac.unit_id in ${selfAndPredecessors(unitId)})::int as activities,
          (select count(*) from obstacle o where o.unit_id in ${selfAndPredecessors(unitId)} and o.status in ('new', 'accepted', 'in_progress'))::int as open_obstacles`,
  );
  return row ?? { helpers: 0, activities: 0, open_obstacles: 0 };
}

/** The commune's assessment of a year (the latest cycle), if any. */
export async function assessmentOfYear(db: Db, unitId: string, year: number): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`select a.id from assessment a join assessment_cycle c on c.id = a.cycle_id where a.unit_id = ${unitId} and c.year = ${year}
        order by c.created_at desc limit 1`,
  );
  return row?.id ?? null;
}
