/** All SQL of the province's target lists: the lists, their communes and the facts the at-risk rule reads. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListTargetListsQuery, TargetLevel } from '../../contracts/plans.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { likeEscape, searchKey } from '../../platform/text.js';
import { unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';
import { visitKindList } from '../activities/activities.repo.js';
import { validOn } from '../units/units.repo.js';

const OPEN = sql.raw(`('new','accepted','in_progress')`);
const ids = (list: readonly string[]) => sql.join(list.map((i) => sql`${i}::uuid`), sql`, `);

export interface TargetListRow {
  id: string;
  province_unit_id: string;
  province_code: string | null;
  province_name: string;
  province_valid_from: string | null;
  province_valid_to: string | null;
  year: number;
  title: string;
  document_no: string | null;
  document_date: string | null;
  file_id: string | null;
  note: string | null;
  status: 'draft' | 'adopted';
  adopted_at: Date | string | null;
  row_version: number;
  is_demo: boolean;
  n_total: number;
  n_ntm: number;
  n_advanced: number;
  n_model: number;
}

/** A list is visible when its province is in scope or at least one of its communes is; counts cover visible rows. */
const visibleList = (actor: Actor): SQL =>
  sql`(${inScope(actor, sql`tl.province_unit_id`)} or exists (select 1 from target_list_commune c where c.list_id = tl.id and ${inScope(actor, sql`c.unit_id`)}))`;

const listColumns = (actor: Actor) => sql`
  tl.id, tl.province_unit_id, p.code as province_code, p.name as province_name, p.valid_from as province_valid_from, p.valid_to as province_valid_to,
  tl.year, tl.title, tl.document_no, tl.document_date, tl.file_id, tl.note, tl.status, tl.adopted_at, tl.row_version, tl.is_demo,
  n.n_total, n.n_ntm, n.n_advanced, n.n_model`;
const listFrom = (actor: Actor) => sql`target_list tl join unit p on p.id = tl.province_unit_id
  cross join lateral (
    select count(*)::int as n_total, count(*) filter (where c.target_level = 'ntm')::int as n_ntm,
           count(*) filter (where c.target_level = 'advanced')::int as n_advanced, count(*) filter (where c.target_level = 'model')::int as n_model
    from target_list_commune c where c.list_id = tl.id and ${inScope(actor, sql`c.unit_id`)}
  ) n`;

export async function listTargetLists(db: Db, actor: Actor, q: ListTargetListsQuery): Promise<{ rows: TargetListRow[]; total: number }> {
  const conds: SQL[] = [visibleList(actor)];
  if (q.year) conds.push(sql`tl.year = ${q.year}`);
  if (q.status) conds.push(sql`tl.status = ${q.status}`);
  const rows = await queryRows<TargetListRow & { total: number }>(
    db,
    sql`select ${listColumns(actor)}, count(*) over ()::int as total from ${listFrom(actor)}
        where ${sql.join(conds, sql` and `)}
        order by tl.year desc, tl.created_at desc limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One list as the actor sees it (undefined when it does not exist or is not visible). */
export async function findVisibleList(db: Db, actor: Actor, id: string): Promise<TargetListRow | undefined> {
  return queryOne<TargetListRow>(db, sql`select ${listColumns(actor)} from ${listFrom(actor)} where tl.id = ${id} and ${visibleList(actor)}`);
}

/** Lock the list row for a change (inside the mutation's transaction). */
export async function lockList(
  tx: Db,
  id: string,
): Promise<{ id: string; province_unit_id: string; year: number; status: 'draft' | 'adopted'; row_version: number; document_no: string | null; document_date: string | null } | undefined> {
  return queryOne(tx, sql`select id, province_unit_id, year, status, row_version, document_no, document_date from target_list where id = ${id} for update`);
}

/** The province unit (level province) valid on the date, if the id is one. */
export async function findProvinceOn(db: Db, unitId: string, date: string): Promise<{ id: string; name: string } | undefined> {
  return queryOne(db, sql`select u.id, u.name from unit u where u.id = ${unitId} and u.level = 'province' and ${validOn('u', date)}`);
}

export interface NewTargetList {
  provinceUnitId: string;
  year: number;
  title: string;
  documentNo: string | null;
  documentDate: string | null;
  note: string | null;
  fileId?: string | null;
  createdBy: string | null;
  isDemo?: boolean;
  status?: 'draft' | 'adopted';
}

export async function insertList(tx: Db, v: NewTargetList): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into target_list (province_unit_id, year, title, document_no, document_date, note, file_id, created_by, is_demo, status, adopted_at)
        values (${v.provinceUnitId}, ${v.year}, ${v.title}, ${v.documentNo}, ${v.documentDate}, ${v.note}, ${v.fileId ?? null}, ${v.createdBy}, ${v.isDemo ?? false},
                ${v.status ?? 'draft'}, ${v.status === 'adopted' ? sql`now()` : sql`null`})
        returning id`,
  );
  return row!.id;
}

export interface ListChange {
  title?: string | undefined;
  documentNo?: string | null | undefined;
  documentDate?: string | null | undefined;
  note?: string | null | undefined;
  fileId?: string | null | undefined;
  status?: 'draft' | 'adopted' | undefined;
  adoptedBy?: string | null | undefined;
}

/** Apply a change only at the expected row version (zero rows → the caller answers CONFLICT); bumps the version. */
export async function updateList(tx: Db, id: string, expectedVersion: number, c: ListChange): Promise<boolean> {
  const sets: SQL[] = [sql`row_version = row_version + 1`, sql`updated_at = now()`];
  if (c.title !== undefined) sets.push(sql`title = ${c.title}`);
  if (c.documentNo !== undefined) sets.push(sql`document_no = ${c.documentNo}`);
  if (c.documentDate !== undefined) sets.push(sql`document_date = ${c.documentDate}`);
  if (c.note !== undefined) sets.push(sql`note = ${c.note}`);
  if (c.fileId !== undefined) sets.push(sql`file_id = ${c.fileId}`);
  if (c.status === 'adopted') sets.push(sql`status = 'adopted'`, sql`adopted_at = now()`, sql`adopted_by = ${c.adoptedBy ?? null}`);
  if (c.status === 'draft') sets.push(sql`status = 'draft'`, sql`adopted_at = null`, sql`adopted_by = null`);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update target_list set ${sql.join(sets, sql`, `)} where id = ${id} and row_version = ${expectedVersion} returning id`,
  );
  return rows.length === 1;
}

/** Of these units, the communes valid on `date` below the province (one recursive query). */
export async function communesUnderOn(db: Db, provinceId: string, date: string, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive t(id) as (select ${provinceId}::uuid union select u.id from unit u join t on u.parent_id = t.id)
        select u.id from unit u join t on t.id = u.id
        where u.level = 'commune' and ${validOn('u', date)} and u.id in (${ids(unitIds)})`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function listedUnitIds(db: Db, listId: string): Promise<Set<string>> {
  const rows = await queryRows<{ unit_id: string }>(db, sql`select unit_id from target_list_commune where list_id = ${listId}`);
  return new Set(rows.map((r) => r.unit_id));
}

export interface NewListCommune {
  unitId: string;
  targetLevel: TargetLevel;
  helperAgencyId: string | null;
  note: string | null;
}

export async function insertCommunes(tx: Db, listId: string, items: readonly NewListCommune[], addedBy: string | null): Promise<void> {
  if (items.length === 0) return;
  await tx.execute(
    sql`insert into target_list_commune (list_id, unit_id, target_level, helper_agency_id, note, added_by)
        select ${listId}::uuid, x.unit_id, x.target_level, x.helper_agency_id, x.note, ${addedBy}::uuid
        from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ unit_id: i.unitId, target_level: i.targetLevel, helper_agency_id: i.helperAgencyId, note: i.note })))}::jsonb)
          as x(unit_id uuid, target_level text, helper_agency_id uuid, note text)`,
  );
}

export async function deleteCommune(tx: Db, listId: string, unitId: string): Promise<{ target_level: string; note: string | null } | undefined> {
  return queryOne(tx, sql`delete from target_list_commune where list_id = ${listId} and unit_id = ${unitId} returning target_level, note`);
}

/** Which agency ids exist (for the optional helper named by the document). */
export async function existingAgencies(db: Db, agencyIds: readonly string[]): Promise<Set<string>> {
  if (agencyIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(db, sql`select id from agency where id in (${ids(agencyIds)})`);
  return new Set(rows.map((r) => r.id));
}

export interface StatusBriefRow {
  status_year: number | null;
  set_code: string | null;
  criteria_met: number | null;
  criteria_applicable: number | null;
  missing: string[] | string | null;
  meets_standard: boolean | null;
  basis: 'self' | 'appraised' | null;
}

/** The latest summary of unit `u` at `level` in or before `year` (appraised first within a year). */
const latestStatus = (level: SQL, year: SQL) => sql`
  left join lateral (
    select cs.year as status_year, s.code as set_code, cs.criteria_met, cs.criteria_applicable, cs.missing, cs.meets_standard, cs.basis
    from commune_status cs join criteria_set s on s.id = cs.set_id
    where cs.unit_id = u.id and s.level = ${level} and cs.year <= ${year}
    order by cs.year desc, (cs.basis = 'appraised') desc, cs.computed_at desc limit 1
  ) st on true`;

export interface CandidateRow extends UnitRefRow, StatusBriefRow {
  parent_name: string | null;
  in_list: boolean;
}

/** Communes valid on 31 December of the list's year below its province, in scope, with their latest NTM summary. */
export async function candidates(db: Db, actor: Actor, list: { id: string; province_unit_id: string; year: number }, q: { q?: string | undefined; limit: number }): Promise<CandidateRow[]> {
  const date = `${list.year}-12-31`;
  const key = q.q ? searchKey(q.q) : '';
  return queryRows<CandidateRow>(
    db,
    sql`with recursive t(id) as (select ${list.province_unit_id}::uuid union select u.id from unit u join t on u.parent_id = t.id)
        select ${unitRefColumns('u')}, par.name as parent_name, st.*,
               exists (select 1 from target_list_commune c where c.list_id = ${list.id} and c.unit_id = u.id) as in_list
        from unit u join t on t.id = u.id left join unit par on par.id = u.parent_id
        ${latestStatus(sql`'ntm'`, sql`${list.year}`)}
        where u.level = 'commune' and ${validOn('u', date)} and ${inScope(actor, sql`u.id`)}
          ${key ? sql`and (u.search_name like ${`%${likeEscape(key)}%`} or u.code = ${q.q!.trim()})` : sql``}
        order by par.name collate "C" nulls first, u.name collate "C"
        limit ${q.limit}`,
  );
}

export interface ProgressRow extends UnitRefRow, StatusBriefRow {
  list_id: string;
  year: number;
  target_level: TargetLevel;
  note: string | null;
  parent_name: string | null;
  doc_helper_id: string | null;
  doc_helper_name: string | null;
  doc_helper_kind: string | null;
  helpers: Array<{ id: string; name: string; kind: string }> | string | null;
  open_obstacles: number;
  overdue_obstacles: number;
  max_days_overdue: number;
  last_visit: string | null;
  plan_id: string | null;
}

/**
 * The communes of the lists (in the actor's scope) with everything the at-risk rule reads, observed on
 * `factsAsOf` of each list (today, or 31 December of a past year): helpers in force, open and overdue obstacles and
 * the last visit (own or a predecessor's), the latest summary at the target level, the annual plan of the year.
 */
export async function progressRows(db: Db, actor: Actor, filter: { listIds?: readonly string[]; year?: number }, today: string): Promise<ProgressRow[]> {
  const conds: SQL[] = [inScope(actor, sql`u.id`)];
  if (filter.listIds) conds.push(filter.listIds.length ? sql`tl.id in (${ids(filter.listIds)})` : sql`false`);
  if (filter.year !== undefined) conds.push(sql`tl.year = ${filter.year}`);
  const asOf = sql`least(${today}::date, make_date(tl.year, 12, 31))`;
  return queryRows<ProgressRow>(
    db,
    sql`select tl.id as list_id, tl.year, c.target_level, c.note, ${unitRefColumns('u')}, par.name as parent_name,
               c.helper_agency_id as doc_helper_id, dh.name as doc_helper_name, dh.kind as doc_helper_kind,
               (select json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind) order by g.name)
                  from assignment a join agency g on g.id = a.agency_id
                  where a.unit_id = u.id and a.valid_from <= ${asOf} and (a.valid_to is null or a.valid_to > ${asOf})) as helpers,
               ob.open_obstacles, ob.overdue_obstacles, ob.max_days_overdue, lv.last_visit, pl.id as plan_id, st.*
        from target_list tl join target_list_commune c on c.list_id = tl.id join unit u on u.id = c.unit_id
        left join unit par on par.id = u.parent_id
        left join agency dh on dh.id = c.helper_agency_id
        cross join lateral (
          with recursive l(id) as (select u.id union select s.predecessor_id from unit_succession s join l on s.successor_id = l.id)
          select count(*) filter (where o.status in ${OPEN})::int as open_obstacles,
                 count(*) filter (where o.status in ${OPEN} and o.due_date < ${asOf})::int as overdue_obstacles,
                 coalesce(max(${asOf} - o.due_date) filter (where o.status in ${OPEN} and o.due_date < ${asOf}), 0)::int as max_days_overdue
          from obstacle o where o.unit_id in (select id from l)
        ) ob
        left join lateral (
          with recursive l(id) as (select u.id union select s.predecessor_id from unit_succession s join l on s.successor_id = l.id)
          select max(ac.date)::text as last_visit from activity ac
          where ac.unit_id in (select id from l) and ac.kind in ${visitKindList} and ac.date <= ${asOf}
        ) lv on true
        left join lateral (
          select p.id from commune_plan p where p.unit_id = u.id and p.kind = 'annual' and p.year_from = tl.year limit 1
        ) pl on true
        ${latestStatus(sql`c.target_level`, sql`tl.year`)}
        where ${sql.join(conds, sql` and `)}
        order by tl.year desc, tl.id, par.name collate "C" nulls first, u.name collate "C"`,
  );
}

/** The communes of a target list and the level each aims at (e.g. for opening an assessment cycle on them). */
export async function communesOfTargetList(db: Db, listId: string): Promise<Array<{ unitId: string; targetLevel: TargetLevel }>> {
  return queryRows(db, sql`select unit_id as "unitId", target_level as "targetLevel" from target_list_commune where list_id = ${listId} order by added_at, unit_id`);
}

