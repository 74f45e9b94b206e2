/** SQL of the unit importer: batched inserts and validity updates. */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/query.js';
import { searchKey } from '../platform/text.js';

export interface ImportUnit {
  id: string;
  code: string | null;
  name: string;
  level: 'province' | 'district' | 'commune' | 'village';
  type: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  sourceNote: string | null;
}

export interface ExistingUnit {
  id: string;
  code: string | null;
  name: string;
  level: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export async function insertUnits(tx: Db, units: ImportUnit[]): Promise<void> {
  for (let i = 0; i < units.length; i += 200) {
    const chunk = units.slice(i, i + 200);
    await tx.execute(
      sql`insert into unit (id, code, name, search_name, level, type, parent_id, valid_from, valid_to, source_note) values ${sql.join(
        chunk.map(
          (u) =>
            sql`(${u.id}, ${u.code}, ${u.name}, ${searchKey(u.name)}, ${u.level}, ${u.type}, ${u.parentId}, ${u.validFrom}::date, ${u.validTo}::date, ${u.sourceNote})`,
        ),
        sql`, `,
      )}`,
    );
  }
}

/** Units (any date) whose code is one of these. */
export async function findUnitsByCodes(tx: Db, codes: string[]): Promise<ExistingUnit[]> {
  if (codes.length === 0) return [];
  return queryRows<ExistingUnit>(
    tx,
    sql`select id, code, name, level, parent_id, valid_from, valid_to from unit where code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
}

/** Units of the given levels valid on a date (for matching a reorganisation's old codes). */
export async function findUnitsValidOn(tx: Db, date: string): Promise<ExistingUnit[]> {
  return queryRows<ExistingUnit>(
    tx,
    sql`select id, code, name, level, parent_id, valid_from, valid_to from unit
        where (valid_from is null or valid_from <= ${date}::date) and (valid_to is null or valid_to > ${date}::date)`,
  );
}

/** Every unit below the given roots (one recursive query). */
export async function findSubtreeIds(tx: Db, rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with recursive t(id) as (
          select id from unit where id in (${sql.join(rootIds.map((r) => sql`${r}::uuid`), sql`, `)})
          union select u.id from unit u join t on u.parent_id = t.id)
        select id from t`,
  );
  return rows.map((r) => r.id);
}

export async function endUnits(tx: Db, ids: string[], validTo: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await tx.execute(
      sql`update unit set valid_to = ${validTo}::date where valid_to is null and id in (${sql.join(
        chunk.map((c) => sql`${c}::uuid`),
        sql`, `,
      )})`,
    );
  }
}

export async function startUnit(tx: Db, id: string, validFrom: string): Promise<void> {
  await tx.execute(sql`update unit set valid_from = ${validFrom}::date where id = ${id}`);
}

export interface ImportSuccession {
  predecessorId: string;
  successorId: string;
  effectiveDate: string;
  kind: 'merge' | 'split' | 'rename' | 'transfer' | 'reorganise';
  legalBasis: string | null;
  note: string | null;
}

export async function insertSuccessions(tx: Db, links: ImportSuccession[]): Promise<void> {
  for (let i = 0; i < links.length; i += 200) {
    const chunk = links.slice(i, i + 200);
    await tx.execute(
      sql`insert into unit_succession (predecessor_id, successor_id, effective_date, kind, legal_basis, note) values ${sql.join(
        chunk.map((l) => sql`(${l.predecessorId}, ${l.successorId}, ${l.effectiveDate}::date, ${l.kind}, ${l.legalBasis}, ${l.note})`),
        sql`, `,
      )}`,
    );
  }
}
