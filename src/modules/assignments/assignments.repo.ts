/** All SQL of assignments (agency → commune for a period) and their help teams. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListAssignmentsQuery, TeamMemberInput } from '../../contracts/assistance.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';

/** Columns describing a unit `alias` as a `UnitRefRow` (prefix `unit_`). */
export const unitRefColumns = (alias: string) => {
  const a = sql.raw(alias);
  return sql`${a}.id as unit_id, ${a}.code as unit_code, ${a}.name as unit_name, ${a}.valid_from as unit_valid_from, ${a}.valid_to as unit_valid_to`;
};
export interface UnitRefRow {
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  unit_valid_from: string | null;
  unit_valid_to: string | null;
}

/** A unit and, transitively, the units it was formed from (one recursive query). */
export function selfAndPredecessors(unitId: string): SQL {
  // Collected into an array first: PostgreSQL then expects a handful of ids and reads the outer table by index.
  // As a bare recursive CTE it is estimated at hundreds of rows and joined by hash after a full scan of the outer
  // table (8–12 ms per use on the national benchmark dataset instead of 0.3 ms; see ARCHITECTURE.md, Decisions).
  return sql`(select unnest(array(
    with recursive l(id) as (
      select ${unitId}::uuid
      union
      select s.predecessor_id from unit_succession s join l on s.successor_id = l.id
    ) select id from l
  )))`;
}

/** `alias` (with valid_from/valid_to) in force on the date. */
export function inForce(alias: string, date: string): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.valid_from <= ${date}::date and (${a}.valid_to is null or ${a}.valid_to > ${date}::date))`;
}

export interface AssignmentRow extends UnitRefRow {
  id: string;
  agency_id: string;
  agency_name: string;
  agency_kind: string;
  valid_from: string;
  valid_to: string | null;
  legal_basis_doc: string;
  legal_basis_date: string;
  leader_name: string;
  note: string | null;
  replaces_id: string | null;
  is_demo: boolean;
  created_at: Date | string;
  via_predecessor: boolean;
}

const columns = (askedUnit: string | null) => sql`
  a.id, a.agency_id, g.name as agency_name, g.kind as agency_kind, ${unitRefColumns('u')},
  a.valid_from, a.valid_to, a.legal_basis_doc, a.legal_basis_date, a.leader_name, a.note, a.replaces_id, a.is_demo, a.created_at,
  ${askedUnit ? sql`(a.unit_id <> ${askedUnit}::uuid)` : sql`false`} as via_predecessor`;
const from = sql`assignment a join agency g on g.id = a.agency_id join unit u on u.id = a.unit_id`;

/** Assignments in the actor's scope, filtered (a commune's list includes its predecessors'), newest first. */
export async function listAssignments(db: Db, actor: Actor, q: ListAssignmentsQuery): Promise<{ rows: AssignmentRow[]; total: number }> {
  const conds: SQL[] = [inScope(actor, sql`a.unit_id`)];
  if (q.unitId) conds.push(sql`a.unit_id in ${selfAndPredecessors(q.unitId)}`);
  if (q.agencyId) conds.push(sql`a.agency_id = ${q.agencyId}`);
  if (q.asOf) conds.push(inForce('a', q.asOf));
  if (q.to) conds.push(sql`a.valid_from <= ${q.to}::date`);
  if (q.from) conds.push(sql`(a.valid_to is null or a.valid_to > ${q.from}::date)`);
  const rows = await queryRows<AssignmentRow & { total: number }>(
    db,
    sql`select ${columns(q.unitId ?? null)}, count(*) over ()::int as total from ${from}
        where ${sql.join(conds, sql` and `)}
        order by a.valid_from desc, u.name collate "C", g.name collate "C"
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findAssignment(db: Db, id: string): Promise<AssignmentRow | undefined> {
  return queryOne<AssignmentRow>(db, sql`select ${columns(null)} from ${from} where a.id = ${id}`);
}

export async function findAssignmentsByIds(db: Db, ids: readonly string[]): Promise<AssignmentRow[]> {
  if (ids.length === 0) return [];
  return queryRows<AssignmentRow>(
    db,
    sql`select ${columns(null)} from ${from} where a.id in (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) order by u.name collate "C"`,
  );
}

export interface TeamMemberRow {
  id: string;
  assignment_id: string;
  user_id: string | null;
  name: string;
  role: string;
}

/** The teams of several assignments, in their listed order. */
export async function findTeams(db: Db, assignmentIds: readonly string[]): Promise<TeamMemberRow[]> {
  if (assignmentIds.length === 0) return [];
  return queryRows<TeamMemberRow>(
    db,
    sql`select id, assignment_id, user_id, name, role from team_member
        where assignment_id in (${sql.join(
          assignmentIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) order by assignment_id, position`,
  );
}

export interface NewAssignment {
  agencyId: string;
  unitId: string;
  validFrom: string;
  validTo: string | null;
  legalBasisDoc: string;
  legalBasisDate: string;
  leaderName: string;
  note: string | null;
  replacesId: string | null;
  createdBy: string | null;
  isDemo?: boolean;
}

export async function insertAssignment(tx: Db, v: NewAssignment, team: readonly TeamMemberInput[]): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into assignment (agency_id, unit_id, valid_from, valid_to, legal_basis_doc, legal_basis_date, leader_name, note, replaces_id, created_by, is_demo)
        values (${v.agencyId}, ${v.unitId}, ${v.validFrom}, ${v.validTo}, ${v.legalBasisDoc}, ${v.legalBasisDate}, ${v.leaderName},
                ${v.note}, ${v.replacesId}, ${v.createdBy}, ${v.isDemo ?? false})
        returning id`,
  );
  const id = row!.id;
  for (const [i, m] of team.entries()) {
    await tx.execute(
      sql`insert into team_member (assignment_id, user_id, name, role, position) values (${id}, ${m.userId ?? null}, ${m.name}, ${m.role}, ${i})`,
    );
  }
  return id;
}

/** Another assignment of the agency to the unit overlapping [from, to). */
export async function findOverlap(
  db: Db,
  v: { agencyId: string; unitId: string; validFrom: string; validTo: string | null; exceptId?: string },
): Promise<{ id: string; valid_from: string; valid_to: string | null } | undefined> {
  return queryOne(
    db,
    sql`select id, valid_from, valid_to from assignment
        where agency_id = ${v.agencyId} and unit_id = ${v.unitId}
          and (valid_to is null or valid_to > ${v.validFrom}::date)
          ${v.validTo ? sql`and valid_from < ${v.validTo}::date` : sql``}
          ${v.exceptId ? sql`and id <> ${v.exceptId}` : sql``}
        limit 1`,
  );
}

/** End an assignment, only if its end is still what was read (zero rows → someone changed it). */
export async function endAssignment(tx: Db, id: string, expectedValidTo: string | null, validTo: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update assignment set valid_to = ${validTo}
        where id = ${id} and valid_to is not distinct from ${expectedValidTo}::date returning id`,
  );
  return rows.length === 1;
}

export interface AgencyBrief {
  id: string;
  name: string;
  kind: string;
  valid_from: string | null;
  valid_to: string | null;
}
export async function findAgencyBrief(db: Db, id: string): Promise<AgencyBrief | undefined> {
  return queryOne<AgencyBrief>(db, sql`select id, name, kind, valid_from, valid_to from agency where id = ${id}`);
}

export interface UnitBrief {
  id: string;
  level: string;
  valid_from: string | null;
  valid_to: string | null;
}
export async function findUnitsBrief(db: Db, ids: readonly string[]): Promise<UnitBrief[]> {
  if (ids.length === 0) return [];
  return queryRows<UnitBrief>(
    db,
    sql`select id, level, valid_from, valid_to from unit where id in (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`,
  );
}

/** Is the agency assigned to help the unit on the date? */
export async function isAgencyAssigned(db: Db, agencyId: string, unitId: string, date: string): Promise<boolean> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from assignment a where a.agency_id = ${agencyId} and a.unit_id = ${unitId} and ${inForce('a', date)}`,
  );
  return (row?.n ?? 0) > 0;
}

/** The agencies assigned to the unit on the date (first = earliest assigned). */
export async function helpersOf(db: Db, unitId: string, date: string): Promise<Array<{ id: string; name: string; kind: string }>> {
  return queryRows(
    db,
    sql`select g.id, g.name, g.kind from assignment a join agency g on g.id = a.agency_id
        where a.unit_id = ${unitId} and ${inForce('a', date)} order by a.valid_from, g.name collate "C"`,
  );
}

/** Which of these units the agency is assigned to help on the date (one query). */
export async function unitsHelpedBy(db: Db, agencyId: string | null, unitIds: readonly string[], date: string): Promise<Set<string>> {
  if (!agencyId || unitIds.length === 0) return new Set();
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`select distinct a.unit_id from assignment a where a.agency_id = ${agencyId} and ${inForce('a', date)}
        and a.unit_id in (${sql.join(
          [...new Set(unitIds)].map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
  );
  return new Set(rows.map((r) => r.unit_id));
}
