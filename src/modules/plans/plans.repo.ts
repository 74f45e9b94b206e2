/** All SQL of commune plans: plans, their criteria and tasks, last year's plans, the summary and set lookups. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListPlansQuery, TargetLevel, TaskStatus } from '../../contracts/plans.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import type { TaskFields } from '../../domain/plans/carry.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { selfAndPredecessors, unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';
import type { StatusBriefRow } from '../targets/targets.repo.js';

const ids = (list: readonly string[]) => sql.join(list.map((i) => sql`${i}::uuid`), sql`, `);

export interface PlanRow extends UnitRefRow {
  id: string;
  kind: 'phase' | 'annual';
  year_from: number;
  year_to: number;
  title: string;
  target_level: TargetLevel;
  target_year: number;
  status: 'draft' | 'approved';
  note: string | null;
  copied_from_id: string | null;
  row_version: number;
  is_demo: boolean;
  updated_at: Date | string;
}

const planColumns = sql`p.id, ${unitRefColumns('u')}, p.kind, p.year_from, p.year_to, p.title, p.target_level, p.target_year, p.status, p.note,
  p.copied_from_id, p.row_version, p.is_demo, p.updated_at`;
const planFrom = sql`commune_plan p join unit u on u.id = p.unit_id`;

export async function listPlans(db: Db, actor: Actor, q: ListPlansQuery): Promise<{ rows: PlanRow[]; total: number }> {
  const conds: SQL[] = [inScope(actor, sql`p.unit_id`)];
  if (q.unitId) conds.push(sql`p.unit_id in ${selfAndPredecessors(q.unitId)}`);
  if (q.year) conds.push(sql`p.year_from <= ${q.year} and p.year_to >= ${q.year}`);
  if (q.kind) conds.push(sql`p.kind = ${q.kind}`);
  const rows = await queryRows<PlanRow & { total: number }>(
    db,
    sql`select ${planColumns}, count(*) over ()::int as total from ${planFrom} where ${sql.join(conds, sql` and `)}
        order by p.year_to desc, (p.kind = 'annual') desc, u.name collate "C" limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** A plan the actor may see (its commune in scope), else undefined. */
export async function findVisiblePlan(db: Db, actor: Actor, id: string): Promise<PlanRow | undefined> {
  return queryOne<PlanRow>(db, sql`select ${planColumns} from ${planFrom} where p.id = ${id} and ${inScope(actor, sql`p.unit_id`)}`);
}

/** Lock a plan row for a change. */
export async function lockPlan(tx: Db, id: string): Promise<{ id: string; unit_id: string; row_version: number } | undefined> {
  return queryOne(tx, sql`select id, unit_id, row_version from commune_plan where id = ${id} for update`);
}

export interface NewPlan {
  unitId: string;
  kind: 'phase' | 'annual';
  yearFrom: number;
  yearTo: number;
  title: string;
  targetLevel: TargetLevel;
  targetYear: number;
  note: string | null;
  copiedFromId: string | null;
  createdBy: string | null;
  status?: 'draft' | 'approved';
  isDemo?: boolean;
}

export async function insertPlan(tx: Db, v: NewPlan): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into commune_plan (unit_id, kind, year_from, year_to, title, target_level, target_year, note, copied_from_id, created_by, status, is_demo)
        values (${v.unitId}, ${v.kind}, ${v.yearFrom}, ${v.yearTo}, ${v.title}, ${v.targetLevel}, ${v.targetYear}, ${v.note}, ${v.copiedFromId},
                ${v.createdBy}, ${v.status ?? 'draft'}, ${v.isDemo ?? false})
        returning id`,
  );
  return row!.id;
}

export async function planExists(db: Db, unitId: string, kind: string, yearFrom: number, yearTo: number): Promise<boolean> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from commune_plan where unit_id = ${unitId} and kind = ${kind} and year_from = ${yearFrom} and year_to = ${yearTo}`,
  );
  return (row?.n ?? 0) > 0;
}

export interface PlanChange {
  title?: string | undefined;
  targetLevel?: TargetLevel | undefined;
  targetYear?: number | undefined;
  status?: 'draft' | 'approved' | undefined;
  note?: string | null | undefined;
}

/** Change the plan (or only bump its version) at the expected row version; false → CONFLICT. */
export async function updatePlan(tx: Db, id: string, expectedVersion: number, c: PlanChange): Promise<boolean> {
  const sets: SQL[] = [sql`row_version = row_version + 1`, sql`updated_at = now()`];
  if (c.title !== undefined) sets.push(sql`title = ${c.title}`);
  if (c.targetLevel !== undefined) sets.push(sql`target_level = ${c.targetLevel}`);
  if (c.targetYear !== undefined) sets.push(sql`target_year = ${c.targetYear}`);
  if (c.status !== undefined) sets.push(sql`status = ${c.status}`);
  if (c.note !== undefined) sets.push(sql`note = ${c.note}`);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update commune_plan set ${sql.join(sets, sql`, `)} where id = ${id} and row_version = ${expectedVersion} returning id`,
  );
  return rows.length === 1;
}

export interface CriterionRow {
  plan_id: string;
  criterion_number: string;
  target_year: number;
  note: string | null;
  copied: boolean;
}

export async function criteriaOfPlans(db: Db, planIds: readonly string[]): Promise<CriterionRow[]> {
  if (planIds.length === 0) return [];
  return queryRows<CriterionRow>(
    db,
    sql`select plan_id, criterion_number, target_year, note, copied from plan_criterion where plan_id in (${ids(planIds)})
        order by plan_id, length(criterion_number), criterion_number`,
  );
}

/** Replace the plan's criteria with these. */
export async function replaceCriteria(
  tx: Db,
  planId: string,
  items: ReadonlyArray<{ criterionNumber: string; targetYear: number; note: string | null; copied?: boolean }>,
): Promise<void> {
  await tx.execute(sql`delete from plan_criterion where plan_id = ${planId}`);
  if (items.length === 0) return;
  await tx.execute(
    sql`insert into plan_criterion (plan_id, criterion_number, target_year, note, copied)
        select ${planId}::uuid, x.n, x.y, x.note, x.copied
        from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ n: i.criterionNumber, y: i.targetYear, note: i.note, copied: i.copied ?? false })))}::jsonb)
          as x(n text, y int, note text, copied boolean)`,
  );
}

export interface TaskRow {
  id: string;
  plan_id: string;
  criterion_number: string | null;
  title: string;
  responsible_agency_id: string | null;
  responsible_agency_name: string | null;
  responsible_agency_kind: string | null;
  responsible_name: string | null;
  deadline: string | null;
  estimated_cost_vnd: number | string | null;
  status: TaskStatus;
  progress_note: string | null;
  done_at: string | null;
  copied_from_task_id: string | null;
  position: number;
  row_version: number;
  updated_at: Date | string;
  updated_by_name: string | null;
}

const taskColumns = sql`t.id, t.plan_id, t.criterion_number, t.title, t.responsible_agency_id, g.name as responsible_agency_name,
  g.kind as responsible_agency_kind, t.responsible_name, t.deadline, t.estimated_cost_vnd, t.status, t.progress_note, t.done_at,
  t.copied_from_task_id, t.position, t.row_version, t.updated_at, uu.name as updated_by_name`;
const taskFrom = sql`plan_task t left join agency g on g.id = t.responsible_agency_id left join app_user uu on uu.id = t.updated_by`;

export async function tasksOfPlans(db: Db, planIds: readonly string[]): Promise<TaskRow[]> {
  if (planIds.length === 0) return [];
  return queryRows<TaskRow>(db, sql`select ${taskColumns} from ${taskFrom} where t.plan_id in (${ids(planIds)}) order by t.plan_id, t.position, t.created_at, t.id`);
}

export async function findTask(db: Db, planId: string, taskId: string): Promise<TaskRow | undefined> {
  return queryOne<TaskRow>(db, sql`select ${taskColumns} from ${taskFrom} where t.id = ${taskId} and t.plan_id = ${planId}`);
}

export interface NewTask extends TaskFields {
  doneAt?: string | null;
  copiedFromTaskId?: string | null;
}

export async function insertTasks(tx: Db, planId: string, tasks: readonly NewTask[], actorId: string | null): Promise<string[]> {
  if (tasks.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into plan_task (plan_id, criterion_number, title, responsible_agency_id, responsible_name, deadline, estimated_cost_vnd, status,
                               progress_note, done_at, copied_from_task_id, position, created_by, updated_by)
        select ${planId}::uuid, x.criterion_number, x.title, x.responsible_agency_id, x.responsible_name, x.deadline, x.estimated_cost_vnd, x.status,
               x.progress_note, x.done_at, x.copied_from_task_id,
               (select coalesce(max(position), 0) from plan_task where plan_id = ${planId}) + x.ord, ${actorId}::uuid, ${actorId}::uuid
        from jsonb_to_recordset(${JSON.stringify(
          tasks.map((t, i) => ({
            ord: i + 1,
            criterion_number: t.criterionNumber,
            title: t.title,
            responsible_agency_id: t.responsibleAgencyId,
            responsible_name: t.responsibleName,
            deadline: t.deadline,
            estimated_cost_vnd: t.estimatedCostVnd,
            status: t.status,
            progress_note: t.progressNote,
            done_at: t.doneAt ?? null,
            copied_from_task_id: t.copiedFromTaskId ?? null,
          })),
        )}::jsonb)
          as x(ord int, criterion_number text, title text, responsible_agency_id uuid, responsible_name text, deadline date, estimated_cost_vnd bigint,
               status text, progress_note text, done_at date, copied_from_task_id uuid)
        order by x.ord
        returning id`,
  );
  return rows.map((r) => r.id);
}

export interface TaskChange {
  criterionNumber?: string | null | undefined;
  title?: string | undefined;
  responsibleAgencyId?: string | null | undefined;
  responsibleName?: string | null | undefined;
  deadline?: string | null | undefined;
  estimatedCostVnd?: number | null | undefined;
  status?: TaskStatus | undefined;
  progressNote?: string | null | undefined;
  /** Set with the status: the day it was done, or null when reopened. */
  doneAt?: string | null | undefined;
}

/** Change a task at the expected row version; false → CONFLICT. */
export async function updateTask(tx: Db, taskId: string, expectedVersion: number, c: TaskChange, actorId: string): Promise<boolean> {
  const sets: SQL[] = [sql`row_version = row_version + 1`, sql`updated_at = now()`, sql`updated_by = ${actorId}`];
  const col = (name: string, v: unknown) => (v !== undefined ? sets.push(sql`${sql.raw(name)} = ${v}`) : 0);
  col('criterion_number', c.criterionNumber);
  col('title', c.title);
  col('responsible_agency_id', c.responsibleAgencyId);
  col('responsible_name', c.responsibleName);
  col('deadline', c.deadline);
  col('estimated_cost_vnd', c.estimatedCostVnd);
  col('status', c.status);
  col('progress_note', c.progressNote);
  col('done_at', c.doneAt);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update plan_task set ${sql.join(sets, sql`, `)} where id = ${taskId} and row_version = ${expectedVersion} returning id`,
  );
  return rows.length === 1;
}

/** The annual plans of `year` of the commune and of the communes it was formed from. */
export async function annualPlansOf(db: Db, unitId: string, year: number): Promise<PlanRow[]> {
  return queryRows<PlanRow>(
    db,
    sql`select ${planColumns} from ${planFrom} where p.kind = 'annual' and p.year_from = ${year} and p.unit_id in ${selfAndPredecessors(unitId)}
        order by (p.unit_id = ${unitId}) desc, u.name collate "C"`,
  );
}

/** The latest summary of each unit at the level in or before the year (appraised first within a year). */
export async function latestStatuses(db: Db, unitIds: readonly string[], level: TargetLevel | null, year: number): Promise<Map<string, StatusBriefRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<StatusBriefRow & { unit_id: string }>(
    db,
    sql`select x.id as unit_id, st.* from unit x
        join lateral (
          select cs.year as status_year, s.code as set_code, cs.criteria_met, cs.criteria_applicable, cs.missing, cs.meets_standard, cs.basis
          from commune_status cs join criteria_set s on s.id = cs.set_id
          where cs.unit_id = x.id ${level ? sql`and s.level = ${level}` : sql``} and cs.year <= ${year}
          order by cs.year desc, (cs.basis = 'appraised') desc, cs.computed_at desc limit 1
        ) st on true
        where x.id in (${ids(unitIds)})`,
  );
  return new Map(rows.map((r) => [r.unit_id, r]));
}

/** Criteria (number, name) of the published national set of the level in force in the period (newest version). */
export async function criteriaOptions(db: Db, level: TargetLevel, yearFrom: number, yearTo: number): Promise<Array<{ number: string; name: string }>> {
  const row = await queryOne<{ criteria: Array<{ number: string; name: string }> | string | null }>(
    db,
    sql`select (select json_agg(json_build_object('number', c->>'number', 'name', c->>'name') order by ord)
                from jsonb_array_elements(s.definition->'criteria') with ordinality as e(c, ord)) as criteria
        from criteria_set s
        where s.level = ${level} and s.province_unit_id is null and s.status = 'published'
          and (s.valid_from is null or s.valid_from <= make_date(${yearTo}, 12, 31))
          and (s.valid_to is null or s.valid_to > make_date(${yearFrom}, 1, 1))
          and jsonb_array_length(coalesce(s.definition->'criteria', '[]'::jsonb)) > 0
        order by s.valid_from desc nulls last, s.version desc limit 1`,
  );
  const v = row?.criteria ?? null;
  return (typeof v === 'string' ? JSON.parse(v) : v) ?? [];
}

/** The commune (level commune) with its validity, or undefined. */
export async function findCommune(db: Db, unitId: string): Promise<{ id: string; name: string; level: string; valid_from: string | null; valid_to: string | null } | undefined> {
  return queryOne(db, sql`select id, name, level, valid_from, valid_to from unit where id = ${unitId}`);
}

/** Annual plans of the year for communes in scope (the province summary). */
export async function annualPlansInScope(db: Db, actor: Actor, year: number): Promise<PlanRow[]> {
  return queryRows<PlanRow>(
    db,
    sql`select ${planColumns} from ${planFrom} where p.kind = 'annual' and p.year_from = ${year} and ${inScope(actor, sql`p.unit_id`)}
        order by u.name collate "C"`,
  );
}
