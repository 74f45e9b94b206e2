/** All SQL of the units feature: as-of hierarchy, search, attributes and lineage. */
import { sql, type SQL } from 'drizzle-orm';
import type { AttributeKey, ListUnitsQuery } from '../../contracts/units.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { inScope, scopeUnitIds } from '../../platform/auth/scope.repo.js';
import { likeEscape, searchKey } from '../../platform/text.js';

export interface UnitRow {
  id: string;
  code: string | null;
  name: string;
  level: 'province' | 'district' | 'commune' | 'village';
  type: string;
  parent_id: string | null;
  parent_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
  source_note: string | null;
  child_count: number;
}

/** `alias` valid on the date: validFrom ≤ d < validTo (null bounds are open). */
export function validOn(alias: string, date: string): SQL {
  const a = sql.raw(alias);
  return sql`((${a}.valid_from is null or ${a}.valid_from <= ${date}::date) and (${a}.valid_to is null or ${a}.valid_to > ${date}::date))`;
}

const unitColumns = (asOf: string) => sql`
  u.id, u.code, u.name, u.level, u.type, u.parent_id, p.name as parent_name,
  u.valid_from, u.valid_to, u.source_note,
  (select count(*)::int from unit c where c.parent_id = u.id and ${validOn('c', asOf)}) as child_count`;

/** List units visible to the actor as of a date, filtered; with the total for paging. */
export async function listUnits(db: Db, actor: Actor, q: ListUnitsQuery & { asOf: string }): Promise<{ rows: UnitRow[]; total: number }> {
  const conds: SQL[] = [validOn('u', q.asOf), inScope(actor, sql`u.id`)];
  if (q.level) conds.push(sql`u.level = ${q.level}`);
  if (q.parentId) conds.push(sql`u.parent_id = ${q.parentId}`);
  if (q.q) {
    const key = searchKey(q.q);
    conds.push(sql`(u.search_name like ${`%${likeEscape(key)}%`} or u.code = ${q.q.trim()})`);
  }
  if (q.roots) {
    const ids = scopeUnitIds(actor);
    // The top of the visible tree: no parent, or a parent outside the scope.
    conds.push(ids ? sql`(u.parent_id is null or u.parent_id not in ${ids})` : sql`u.parent_id is null`);
  }
  const where = sql.join(conds, sql` and `);
  const levelOrder = sql`case u.level when 'province' then 1 when 'district' then 2 when 'commune' then 3 else 4 end`;
  const rows = await queryRows<UnitRow & { total: number }>(
    db,
    sql`select ${unitColumns(q.asOf)}, count(*) over ()::int as total
        from unit u left join unit p on p.id = u.parent_id
        where ${where}
        order by ${levelOrder}, u.name collate "C", u.code
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One unit by id (any date), with its child count as of the date. */
export async function findUnit(db: Db, id: string, asOf: string): Promise<UnitRow | undefined> {
  return queryOne<UnitRow>(
    db,
    sql`select ${unitColumns(asOf)} from unit u left join unit p on p.id = u.parent_id where u.id = ${id}`,
  );
}

/** Children valid on the date. */
export async function findChildren(db: Db, id: string, asOf: string): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    db,
    sql`select ${unitColumns(asOf)} from unit u left join unit p on p.id = u.parent_id
        where u.parent_id = ${id} and ${validOn('u', asOf)} order by u.name collate "C", u.code`,
  );
}

/** Ancestors from the root down to the parent, in one recursive query. */
export async function findAncestors(db: Db, id: string, asOf: string): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    db,
    sql`with recursive up(id, depth) as (
          select parent_id, 1 from unit where id = ${id} and parent_id is not null
          union all
          select u.parent_id, up.depth + 1 from unit u join up on u.id = up.id where u.parent_id is not null
        )
        select ${unitColumns(asOf)} from up join unit u on u.id = up.id left join unit p on p.id = u.parent_id
        order by up.depth desc`,
  );
}

export interface AttributeRow {
  id: string;
  key: AttributeKey;
  value: string | number | boolean;
  valid_from: string | null;
  valid_to: string | null;
  legal_basis: string | null;
  set_by_name: string | null;
  set_at: Date;
}

/** Every version of every attribute of a unit, newest first per key. */
export async function findAttributes(db: Db, unitId: string): Promise<AttributeRow[]> {
  return queryRows<AttributeRow>(
    db,
    sql`select a.id, a.key, a.value, a.valid_from, a.valid_to, a.legal_basis, u.name as set_by_name, a.set_at
        from unit_attribute a left join app_user u on u.id = a.set_by
        where a.unit_id = ${unitId}
        order by a.key, a.valid_from desc nulls last`,
  );
}

/** The latest version of one attribute key (locked for the change). */
export async function findLatestAttribute(tx: Db, unitId: string, key: AttributeKey): Promise<AttributeRow | undefined> {
  return queryOne<AttributeRow>(
    tx,
    sql`select a.id, a.key, a.value, a.valid_from, a.valid_to, a.legal_basis, null as set_by_name, a.set_at
        from unit_attribute a where a.unit_id = ${unitId} and a.key = ${key}
        order by a.valid_from desc nulls first limit 1 for update`,
  );
}

export async function closeAttribute(tx: Db, id: string, validTo: string): Promise<void> {
  await tx.execute(sql`update unit_attribute set valid_to = ${validTo}::date where id = ${id}`);
}

export async function insertAttribute(
  tx: Db,
  a: { unitId: string; key: AttributeKey; value: unknown; validFrom: string | null; legalBasis: string | null; setBy: string | null },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into unit_attribute (unit_id, key, value, valid_from, legal_basis, set_by)
        values (${a.unitId}, ${a.key}, ${JSON.stringify(a.value)}::jsonb, ${a.validFrom}::date, ${a.legalBasis}, ${a.setBy})
        returning id`,
  );
  return row!.id;
}

export interface SuccessionRow {
  predecessor_id: string;
  successor_id: string;
  effective_date: string;
  kind: 'merge' | 'split' | 'rename' | 'transfer' | 'reorganise';
  legal_basis: string | null;
}

/** Direct predecessors and successors of a unit with the linked units. */
export async function findDirectSuccessions(
  db: Db,
  id: string,
): Promise<Array<SuccessionRow & { direction: 'pred' | 'succ'; other_id: string }>> {
  return queryRows(
    db,
    sql`select s.predecessor_id, s.successor_id, s.effective_date, s.kind, s.legal_basis,
               case when s.successor_id = ${id} then 'pred' else 'succ' end as direction,
               case when s.successor_id = ${id} then s.predecessor_id else s.successor_id end as other_id
        from unit_succession s where s.successor_id = ${id} or s.predecessor_id = ${id}
        order by s.effective_date, s.predecessor_id`,
  );
}

/** Units by ids, each with its child count as of its own last valid day. */
export async function findUnitsByIds(db: Db, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return queryRows<UnitRow>(
    db,
    sql`select u.id, u.code, u.name, u.level, u.type, u.parent_id, p.name as parent_name, u.valid_from, u.valid_to, u.source_note,
          (select count(*)::int from unit c where c.parent_id = u.id
             and (c.valid_to is null or u.valid_to is null or c.valid_to >= u.valid_to)) as child_count
        from unit u left join unit p on p.id = u.parent_id
        where u.id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`,
  );
}

/** The whole lineage graph around a unit: all ancestors-in-time and descendants-in-time, two recursive walks. */
export async function findLineage(db: Db, id: string): Promise<SuccessionRow[]> {
  return queryRows<SuccessionRow>(
    db,
    sql`with recursive back(id) as (
          select ${id}::uuid
          union
          select s.predecessor_id from unit_succession s join back b on s.successor_id = b.id
        ), fwd(id) as (
          select ${id}::uuid
          union
          select s.successor_id from unit_succession s join fwd f on s.predecessor_id = f.id
        )
        select distinct s.predecessor_id, s.successor_id, s.effective_date, s.kind, s.legal_basis
        from unit_succession s
        where s.successor_id in (select id from back) or s.predecessor_id in (select id from fwd)
        order by s.effective_date`,
  );
}

export interface EffectiveAttributeRow {
  key: string;
  value: string | number | boolean;
  unit_id: string;
  unit_name: string;
  /** 0 = the unit itself, 1 = its parent ... */
  depth: number;
  valid_from: string | null;
  legal_basis: string | null;
}

/**
 * A unit's attributes as of a date, each inherited from the nearest ancestor that has it when the unit has none
 * (the region is recorded on the province). One recursive query up the ancestors; a key no one has stays unknown.
 */
export async function effectiveAttributes(db: Db, unitId: string, asOf: string): Promise<EffectiveAttributeRow[]> {
  return queryRows<EffectiveAttributeRow>(
    db,
    sql`with recursive up(id, depth) as (
          select ${unitId}::uuid, 0
          union all
          select u.parent_id, up.depth + 1 from unit u join up on u.id = up.id where u.parent_id is not null
        )
        select distinct on (a.key) a.key, a.value, a.unit_id, un.name as unit_name, up.depth, a.valid_from, a.legal_basis
        from up
        join unit_attribute a on a.unit_id = up.id and ${validOn('a', asOf)}
        join unit un on un.id = a.unit_id
        order by a.key, up.depth, a.valid_from desc nulls last`,
  );
}
