/** All SQL of resources entries and their totals. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListResourcesQuery, QuantityUnit, ResourceSource, TotalsGroupBy } from '../../contracts/resources.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import type { FileRow } from '../../platform/files/files.repo.js';
import { unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';
import { CONTRIBUTION_SOURCES, type EntryInput } from '../../domain/resources/rules.js';

/** A programme component with its programme, as the entry and totals queries select it (all null: none). */
export interface ComponentRefRow {
  component_id: string | null;
  component_code: string | null;
  component_name: string | null;
  programme_id: string | null;
  programme_code: string | null;
  programme_short_name: string | null;
}

export interface EntryRow extends UnitRefRow, ComponentRefRow {
  id: string;
  year: number;
  source: ResourceSource;
  criterion: string | null;
  work_name: string | null;
  planned_vnd: number | string | null;
  allocated_vnd: number | string | null;
  disbursed_vnd: number | string | null;
  quantity: number | string | null;
  quantity_unit: QuantityUnit | null;
  note: string | null;
  source_note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  row_version: number;
  is_demo: boolean;
  via_predecessor: boolean;
}

/**
 * A unit's lineage and everything below it: the unit, transitively the units it was formed from, and all their
 * descendants (a 2025 commune → its old communes; the 2025 province → both former provinces and their communes).
 */
export function unitLineageTree(unitId: string): SQL {
  return sql`(
    with recursive l(id) as (
      select ${unitId}::uuid
      union
      select s.predecessor_id from unit_succession s join l on s.successor_id = l.id
    ), t(id) as (
      select id from l
      union
      select u.id from unit u join t on u.parent_id = t.id
    ) select id from t
  )`;
}

/** The unit itself and its descendants (no lineage): rows outside it reached a unit through its predecessors. */
function unitOwnTree(unitId: string): SQL {
  return sql`(
    with recursive t(id) as (
      select ${unitId}::uuid
      union
      select u.id from unit u join t on u.parent_id = t.id
    ) select id from t
  )`;
}

const columns = (askedUnit: string | null) => sql`
  e.id, ${unitRefColumns('u')}, e.year, e.component_id, c.code as component_code, c.name as component_name,
  p.id as programme_id, p.code as programme_code, p.short_name as programme_short_name,
  e.source, e.criterion, e.work_name, e.planned_vnd, e.allocated_vnd, e.disbursed_vnd, e.quantity, e.quantity_unit,
  e.note, e.source_note, e.created_by, cu.name as created_by_name, e.created_at, e.updated_at, e.row_version, e.is_demo,
  ${askedUnit ? sql`(e.unit_id not in ${unitOwnTree(askedUnit)})` : sql`false`} as via_predecessor`;
const from = sql`resource_entry e join unit u on u.id = e.unit_id
  left join programme_component c on c.id = e.component_id
  left join programme p on p.id = c.programme_id
  left join app_user cu on cu.id = e.created_by`;

export interface EntryFilters {
  unitId?: string;
  year?: number;
  fromYear?: number;
  toYear?: number;
  source?: ResourceSource;
  programmeId?: string;
  componentId?: string | 'none';
}

/** The filters as one condition, always limited to the actor's scope. */
export function entryConditions(actor: Actor, f: EntryFilters): SQL {
  const conds: SQL[] = [inScope(actor, sql`e.unit_id`)];
  if (f.unitId) conds.push(sql`e.unit_id in ${unitLineageTree(f.unitId)}`);
  if (f.year !== undefined) conds.push(sql`e.year = ${f.year}`);
  if (f.fromYear !== undefined) conds.push(sql`e.year >= ${f.fromYear}`);
  if (f.toYear !== undefined) conds.push(sql`e.year <= ${f.toYear}`);
  if (f.source) conds.push(sql`e.source = ${f.source}`);
  if (f.programmeId) conds.push(sql`e.component_id in (select id from programme_component where programme_id = ${f.programmeId})`);
  if (f.componentId === 'none') conds.push(sql`e.component_id is null`);
  else if (f.componentId) conds.push(sql`e.component_id = ${f.componentId}`);
  return sql.join(conds, sql` and `);
}

const orders = {
  newest: sql`e.created_at desc, e.id`,
  year: sql`e.year desc, u.name collate "C", e.created_at desc, e.id`,
  amount: sql`coalesce(e.allocated_vnd, e.planned_vnd, 0) desc, e.id`,
} as const;

export async function listEntries(db: Db, actor: Actor, q: ListResourcesQuery): Promise<{ rows: EntryRow[]; total: number }> {
  const rows = await queryRows<EntryRow & { total: number }>(
    db,
    sql`select ${columns(q.unitId ?? null)}, count(*) over ()::int as total from ${from}
        where ${entryConditions(actor, q)}
        order by ${orders[q.sort]} limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findEntry(db: Db, id: string, lock = false): Promise<EntryRow | undefined> {
  return queryOne(db, sql`select ${columns(null)} from ${from} where e.id = ${id} ${lock ? sql`for update of e` : sql``}`);
}

export async function findEntryFiles(db: Db, entryIds: readonly string[]): Promise<Array<FileRow & { entry_id: string }>> {
  if (entryIds.length === 0) return [];
  return queryRows(
    db,
    sql`select ef.entry_id, f.id, f.sha256, f.mime, f.size, f.original_name, f.unit_id, f.uploaded_by, f.created_at, f.is_demo
        from resource_entry_file ef join stored_file f on f.id = ef.file_id
        where ef.entry_id in (${sql.join(entryIds.map((i) => sql`${i}::uuid`), sql`, `)})
        order by f.created_at, f.id`,
  );
}

/** The unit's level and whether it existed (as a unit in force) at some point in the year. */
export async function unitInYear(db: Db, unitId: string, year: number): Promise<{ level: string; name: string; in_year: boolean } | undefined> {
  return queryOne(
    db,
    sql`select level, name,
          ((valid_from is null or valid_from <= ${`${year}-12-31`}::date) and (valid_to is null or valid_to > ${`${year}-01-01`}::date)) as in_year
        from unit where id = ${unitId}`,
  );
}

/** What an entry stores: the fields the rules check (domain/resources EntryInput) and the rest. */
export interface EntryValues extends EntryInput {
  componentId: string | null;
  quantityUnit: QuantityUnit | null;
  note: string | null;
}

export async function insertEntry(
  tx: Db,
  v: EntryValues & { unitId: string; createdBy: string | null; isDemo?: boolean; sourceNote?: string | null },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into resource_entry (unit_id, year, component_id, source, criterion, work_name, planned_vnd, allocated_vnd, disbursed_vnd,
          quantity, quantity_unit, note, source_note, created_by, updated_by, is_demo)
        values (${v.unitId}, ${v.year}, ${v.componentId}, ${v.source}, ${v.criterion}, ${v.workName}, ${v.plannedVnd}, ${v.allocatedVnd},
          ${v.disbursedVnd}, ${v.quantity}, ${v.quantityUnit}, ${v.note}, ${v.sourceNote ?? null}, ${v.createdBy}, ${v.createdBy}, ${v.isDemo ?? false})
        returning id`,
  );
  return row!.id;
}

/** Replace an entry's values if it is still at `expectedVersion`; false when someone changed it meanwhile. */
export async function updateEntry(tx: Db, id: string, expectedVersion: number, v: EntryValues, by: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update resource_entry set year = ${v.year}, component_id = ${v.componentId}, source = ${v.source}, criterion = ${v.criterion},
          work_name = ${v.workName}, planned_vnd = ${v.plannedVnd}, allocated_vnd = ${v.allocatedVnd}, disbursed_vnd = ${v.disbursedVnd},
          quantity = ${v.quantity}, quantity_unit = ${v.quantityUnit}, note = ${v.note}, updated_by = ${by}, updated_at = now(),
          row_version = row_version + 1
        where id = ${id} and row_version = ${expectedVersion} returning id`,
  );
  return rows.length === 1;
}

export async function deleteEntry(tx: Db, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`delete from resource_entry where id = ${id} and row_version = ${expectedVersion} returning id`);
  return rows.length === 1;
}

export async function replaceEntryFiles(tx: Db, entryId: string, fileIds: readonly string[]): Promise<void> {
  await tx.execute(sql`delete from resource_entry_file where entry_id = ${entryId}`);
  if (fileIds.length === 0) return;
  await tx.execute(
    sql`insert into resource_entry_file (entry_id, file_id) values ${sql.join(
      fileIds.map((f) => sql`(${entryId}, ${f})`),
      sql`, `,
    )}`,
  );
}

// ───────────────────────────── totals ─────────────────────────────

export interface AmountsRow {
  entries: number;
  planned_vnd: number;
  allocated_vnd: number;
  disbursed_vnd: number;
  allocated_disbursable_vnd: number;
  labour_days: number;
  land_m2: number;
}
export interface TotalsRow extends AmountsRow, ComponentRefRow {
  key: string | null;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_level: string | null;
  unit_valid_from: string | null;
  unit_valid_to: string | null;
  predecessors: number | null;
  source: ResourceSource | null;
  year: number | null;
}

const CONTRIB = sql.raw(`(${CONTRIBUTION_SOURCES.map((s) => `'${s}'`).join(',')})`);
/** Sums as float8: exact for whole numbers below 2^53 (9·10^15 VND), and a plain number on both drivers. */
const amounts = sql`count(e.id)::int as entries,
  coalesce(sum(e.planned_vnd), 0)::float8 as planned_vnd,
  coalesce(sum(e.allocated_vnd), 0)::float8 as allocated_vnd,
  coalesce(sum(e.disbursed_vnd), 0)::float8 as disbursed_vnd,
  coalesce(sum(e.allocated_vnd) filter (where e.source not in ${CONTRIB}), 0)::float8 as allocated_disbursable_vnd,
  coalesce(sum(e.quantity) filter (where e.quantity_unit = 'labour_day'), 0)::float8 as labour_days,
  coalesce(sum(e.quantity) filter (where e.quantity_unit = 'm2'), 0)::float8 as land_m2`;

/** The matching entries once, summed. */
export async function totalOf(db: Db, actor: Actor, f: EntryFilters): Promise<AmountsRow> {
  const row = await queryOne<AmountsRow>(db, sql`select ${amounts} from resource_entry e where ${entryConditions(actor, f)}`);
  return row!;
}

/**
 * Totals per group. By unit, every entry rolls forward along unit_succession to the commune-level unit(s) in force on
 * `asOf` (itself when it still is): a merged commune sums its predecessors' history. Rows name units even outside the
 * actor's scope (unit names are public), but only in-scope entries are summed.
 */
export async function totalsBy(db: Db, actor: Actor, f: EntryFilters, groupBy: TotalsGroupBy, asOf: string): Promise<TotalsRow[]> {
  const e = sql`select e.* from resource_entry e where ${entryConditions(actor, f)}`;
  const nulls = {
    unit: sql`null::uuid as unit_id, null::text as unit_code, null::text as unit_name, null::text as unit_level, null::text as unit_valid_from, null::text as unit_valid_to, null::int as predecessors`,
    source: sql`null::text as source`,
    component: sql`null::uuid as component_id, null::text as component_code, null::text as component_name, null::uuid as programme_id, null::text as programme_code, null::text as programme_short_name`,
    year: sql`null::int as year`,
  };
  const pick = (g: TotalsGroupBy, own: SQL) => ({ ...nulls, [g]: own });
  if (groupBy === 'unit') {
    const cols = pick('unit', sql`t.id as unit_id, t.code as unit_code, t.name as unit_name, t.level as unit_level,
        t.valid_from::text as unit_valid_from, t.valid_to::text as unit_valid_to,
        count(distinct e.unit_id) filter (where e.unit_id <> t.id)::int as predecessors`);
    return queryRows(
      db,
      sql`with recursive e as (${e}),
        fwd(origin, id) as (
          select distinct unit_id, unit_id from e
          union
          select f.origin, s.successor_id from unit_succession s join fwd f on s.predecessor_id = f.id
        )
        select t.id::text as key, ${cols.unit}, ${cols.source}, ${cols.component}, ${cols.year}, ${amounts}
        from e join fwd on fwd.origin = e.unit_id
        join unit t on t.id = fwd.id and t.level = 'commune'
          and (t.valid_from is null or t.valid_from <= ${asOf}::date) and (t.valid_to is null or t.valid_to > ${asOf}::date)
        group by t.id, t.code, t.name, t.level, t.valid_from, t.valid_to
        order by t.name collate "C", t.id`,
    );
  }
  if (groupBy === 'source') {
    const cols = pick('source', sql`e.source as source`);
    return queryRows(
      db,
      sql`with e as (${e}) select e.source as key, ${cols.unit}, ${cols.source}, ${cols.component}, ${cols.year}, ${amounts}
          from e group by e.source order by e.source`,
    );
  }
  if (groupBy === 'year') {
    const cols = pick('year', sql`e.year as year`);
    return queryRows(
      db,
      sql`with e as (${e}) select e.year::text as key, ${cols.unit}, ${cols.source}, ${cols.component}, ${cols.year}, ${amounts}
          from e group by e.year order by e.year`,
    );
  }
  const cols = pick(
    'component',
    sql`c.id as component_id, c.code as component_code, c.name as component_name, p.id as programme_id, p.code as programme_code, p.short_name as programme_short_name`,
  );
  return queryRows(
    db,
    sql`with e as (${e}) select coalesce(c.id::text, 'none') as key, ${cols.unit}, ${cols.source}, ${cols.component}, ${cols.year}, ${amounts}
        from e left join programme_component c on c.id = e.component_id left join programme p on p.id = c.programme_id
        group by c.id, c.code, c.name, c.position, p.id, p.code, p.short_name, p.position
        order by p.position nulls last, c.position`,
  );
}
