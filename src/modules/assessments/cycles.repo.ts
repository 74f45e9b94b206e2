/** All SQL of assessment cycles: the cycle, its communes (one assessment each, one row per indicator), counts. */
import { sql, type SQL } from 'drizzle-orm';
import type { CycleDeadlines, ReviewStep } from '../../contracts/assessments.js';
import { isGlobal } from '../../platform/auth/policy.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';
import { validOn } from '../units/units.repo.js';
import { visibleAssessments } from './assessments.repo.js';

export interface CycleRow extends UnitRefRow {
  id: string;
  name: string;
  year: number;
  set_id: string;
  set_code: string;
  set_name: string;
  set_version: number;
  set_level: 'ntm' | 'advanced' | 'model' | 'modern';
  set_is_demo: boolean;
  scope_unit_id: string | null;
  target_list_id: string | null;
  tl_title: string | null;
  tl_document_no: string | null;
  tl_year: number | null;
  deadlines: CycleDeadlines;
  review_chain: ReviewStep[];
  criterion_agencies: Record<string, string>;
  status: 'open' | 'closed';
  close_reason: string | null;
  closed_at: Date | string | null;
  version: number;
  is_demo: boolean;
  created_at: Date | string;
  n_communes: number;
  n_draft: number;
  n_in_review: number;
  n_returned: number;
  n_appraised: number;
}

const columns = sql`c.id, c.name, c.year, c.set_id, s.code as set_code, s.name as set_name, s.version as set_version, s.level as set_level,
  s.is_demo as set_is_demo, c.scope_unit_id, ${unitRefColumns('u')}, c.target_list_id, tl.title as tl_title, tl.document_no as tl_document_no, tl.year as tl_year, c.deadlines, c.review_chain, c.criterion_agencies, c.status, c.close_reason, c.closed_at, c.version,
  c.is_demo, c.created_at, n.n_communes, n.n_draft, n.n_in_review, n.n_returned, n.n_appraised`;
const from = sql`assessment_cycle c join criteria_set s on s.id = c.set_id left join unit u on u.id = c.scope_unit_id
  left join target_list tl on tl.id = c.target_list_id
  cross join lateral (
    select count(*)::int as n_communes,
      (count(*) filter (where a.status = 'draft'))::int as n_draft,
      (count(*) filter (where a.status = 'in_review'))::int as n_in_review,
      (count(*) filter (where a.status in ('returned', 'reopened')))::int as n_returned,
      (count(*) filter (where a.status = 'appraised'))::int as n_appraised
    from assessment a where a.cycle_id = c.id
  ) n`;

/**
 * Cycles with at least one assessment the actor may read, or whose whole scope unit is in the actor's scope (the office
 * keeps seeing — and can close — a cycle it has emptied of communes).
 */
function visibleCycles(actor: Actor): SQL {
  if (isGlobal(actor)) return sql`true`;
  return sql`(exists (select 1 from assessment a where a.cycle_id = c.id and ${visibleAssessments(actor)}) or ${inScope(actor, sql`c.scope_unit_id`)})`;
}

export async function listCycles(db: Db, actor: Actor, q: { limit: number; offset: number; year?: number | undefined; status?: 'open' | 'closed' | undefined }) {
  const conds: SQL[] = [visibleCycles(actor)];
  if (q.year) conds.push(sql`c.year = ${q.year}`);
  if (q.status) conds.push(sql`c.status = ${q.status}`);
  const rows = await queryRows<CycleRow & { total: number }>(
    db,
    sql`select ${columns}, count(*) over ()::int as total from ${from} where ${sql.join(conds, sql` and `)}
        order by c.year desc, c.created_at desc limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findCycle(db: Db, id: string): Promise<CycleRow | undefined> {
  return queryOne<CycleRow>(db, sql`select ${columns} from ${from} where c.id = ${id}`);
}

export async function isVisibleTo(db: Db, actor: Actor, id: string): Promise<boolean> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from assessment_cycle c where c.id = ${id} and ${visibleCycles(actor)}`);
  return row?.n === 1;
}

export async function findAgencyRefs(db: Db, ids: readonly string[]): Promise<Map<string, { id: string; name: string; kind: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string; kind: string }>(
    db,
    sql`select id, name, kind from agency where id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Communes valid on `date` under `withinUnitId` (any depth), optionally limited to `unitIds`. */
export async function communesUnder(db: Db, withinUnitId: string, date: string, unitIds?: readonly string[]): Promise<string[]> {
  const only = unitIds ? sql`and t.id in (${sql.join(unitIds.map((i) => sql`${i}::uuid`), sql`, `)})` : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive t(id) as (
          select ${withinUnitId}::uuid
          union
          select u.id from unit u join t on u.parent_id = t.id
        )
        select t.id from t join unit u on u.id = t.id
        where u.level = 'commune' and ${validOn('u', date)} ${only}
        order by u.code`,
  );
  return rows.map((r) => r.id);
}

export interface NewCycle {
  setId: string;
  year: number;
  name: string;
  scopeUnitId: string;
  targetListId?: string | null;
  deadlines: CycleDeadlines;
  reviewChain: ReviewStep[];
  criterionAgencies: Record<string, string>;
  createdBy: string | null;
  isDemo?: boolean;
}

export async function insertCycle(tx: Db, v: NewCycle): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into assessment_cycle (set_id, year, name, scope_unit_id, target_list_id, deadlines, review_chain, criterion_agencies, created_by, is_demo)
        values (${v.setId}, ${v.year}, ${v.name}, ${v.scopeUnitId}, ${v.targetListId ?? null}, ${JSON.stringify(v.deadlines)}::jsonb, ${JSON.stringify(v.reviewChain)}::jsonb,
                ${JSON.stringify(v.criterionAgencies)}::jsonb, ${v.createdBy}, ${v.isDemo ?? false})
        returning id`,
  );
  return row!.id;
}

/** One assessment per commune and one indicator row per indicator of the set, in the set's order (two statements). */
export async function createAssessments(tx: Db, cycleId: string, unitIds: readonly string[], isDemo: boolean): Promise<number> {
  if (unitIds.length === 0) return 0;
  await tx.execute(
    sql`insert into assessment (cycle_id, unit_id, is_demo)
        select ${cycleId}, x, ${isDemo} from unnest(array[${sql.join(unitIds.map((i) => sql`${i}::uuid`), sql`, `)}]) x`,
  );
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with ins as (
          insert into indicator_result (assessment_id, indicator_code, criterion_number, position)
          select a.id, i.ind->>'code', c.crit->>'number', (c.ord * 1000 + i.ord)::int
          from assessment a join assessment_cycle cy on cy.id = a.cycle_id join criteria_set s on s.id = cy.set_id
          cross join lateral jsonb_array_elements(s.definition->'criteria') with ordinality c(crit, ord)
          cross join lateral jsonb_array_elements(c.crit->'indicators') with ordinality i(ind, ord)
          where a.cycle_id = ${cycleId} and a.unit_id in (${sql.join(unitIds.map((i) => sql`${i}::uuid`), sql`, `)})
          returning 1
        ) select count(*)::int as n from ins`,
  );
  return rows[0]?.n ?? 0;
}

export async function updateCycle(
  tx: Db,
  id: string,
  expectedVersion: number,
  c: {
    name?: string | undefined;
    deadlines?: CycleDeadlines | undefined;
    criterionAgencies?: Record<string, string> | undefined;
    close?: { reason: string; by: string } | undefined;
    /** Record the target list communes were added from, when the cycle has none yet. */
    targetListId?: string | undefined;
  },
): Promise<boolean> {
  const sets: SQL[] = [sql`version = version + 1`];
  if (c.name !== undefined) sets.push(sql`name = ${c.name}`);
  if (c.deadlines !== undefined) sets.push(sql`deadlines = ${JSON.stringify(c.deadlines)}::jsonb`);
  if (c.criterionAgencies !== undefined) sets.push(sql`criterion_agencies = ${JSON.stringify(c.criterionAgencies)}::jsonb`);
  if (c.targetListId !== undefined) sets.push(sql`target_list_id = coalesce(target_list_id, ${c.targetListId}::uuid)`);
  if (c.close) sets.push(sql`status = 'closed', close_reason = ${c.close.reason}, closed_at = now(), closed_by = ${c.close.by}`);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update assessment_cycle set ${sql.join(sets, sql`, `)} where id = ${id} and version = ${expectedVersion} and status = 'open' returning id`,
  );
  return rows.length === 1;
}

export interface CycleMemberRow {
  unit_id: string;
  unit_name: string;
  assessment_id: string;
  status: string;
  n_filled: number;
}

/** The cycle's communes among `unitIds`, with their assessment's status and how many values were entered. */
export async function membersAmong(db: Db, cycleId: string, unitIds: readonly string[]): Promise<CycleMemberRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<CycleMemberRow>(
    db,
    sql`select a.unit_id, u.name as unit_name, a.id as assessment_id, a.status,
               (select count(*) from indicator_result r where r.assessment_id = a.id and (r.value is not null or r.version > 1))::int as n_filled
        from assessment a join unit u on u.id = a.unit_id
        where a.cycle_id = ${cycleId} and a.unit_id in (${sql.join(unitIds.map((i) => sql`${i}::uuid`), sql`, `)})`,
  );
}

/** Take draft assessments out of the cycle (their rows cascade). */
export async function deleteDraftAssessments(tx: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`delete from assessment where status = 'draft' and id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}) returning id`,
  );
  return rows.length;
}
