/** All SQL of the agencies feature. */
import { sql, type SQL } from 'drizzle-orm';
import type { AgencyKind, ListAgenciesQuery } from '../../contracts/agencies.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import { likeEscape, searchKey } from '../../platform/text.js';
import { validOn } from '../units/units.repo.js';

export interface AgencyRow {
  id: string;
  code: string | null;
  name: string;
  short_name: string | null;
  kind: AgencyKind;
  unit_id: string;
  unit_name: string;
  valid_from: string | null;
  valid_to: string | null;
  source_note: string | null;
  is_demo: boolean;
}

const columns = sql`a.id, a.code, a.name, a.short_name, a.kind, a.unit_id, u.name as unit_name, a.valid_from, a.valid_to, a.source_note, a.is_demo`;

/** Agencies whose unit is in the actor's scope, filtered and paged. */
export async function listAgencies(db: Db, actor: Actor, q: ListAgenciesQuery): Promise<{ rows: AgencyRow[]; total: number }> {
  const conds: SQL[] = [inScope(actor, sql`a.unit_id`)];
  if (q.asOf) conds.push(validOn('a', q.asOf));
  if (q.kind) conds.push(sql`a.kind = ${q.kind}`);
  if (q.unitId) conds.push(sql`a.unit_id = ${q.unitId}`);
  if (q.q) conds.push(sql`a.search_name like ${`%${likeEscape(searchKey(q.q))}%`}`);
  const kindOrder = sql`case a.kind when 'steering_committee' then 1 when 'coordination_office' then 2 when 'department' then 3 when 'mass_org' then 4 when 'peoples_committee' then 5 else 6 end`;
  const rows = await queryRows<AgencyRow & { total: number }>(
    db,
    sql`select ${columns}, count(*) over ()::int as total
        from agency a join unit u on u.id = a.unit_id
        where ${sql.join(conds, sql` and `)}
        order by ${kindOrder}, a.name collate "C"
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  return queryOne<AgencyRow>(db, sql`select ${columns} from agency a join unit u on u.id = a.unit_id where a.id = ${id}`);
}

export interface AgencyValues {
  code: string | null;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  unitId: string;
  validFrom: string | null;
  validTo: string | null;
  sourceNote: string | null;
  isDemo?: boolean;
}

export async function insertAgency(tx: Db, v: AgencyValues): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into agency (code, name, short_name, search_name, kind, unit_id, valid_from, valid_to, source_note, is_demo)
        values (${v.code}, ${v.name}, ${v.shortName}, ${searchKey(`${v.name} ${v.shortName ?? ''}`)}, ${v.kind}, ${v.unitId},
                ${v.validFrom}::date, ${v.validTo}::date, ${v.sourceNote}, ${v.isDemo ?? false})
        returning id`,
  );
  return row!.id;
}

export async function updateAgency(tx: Db, id: string, v: Omit<AgencyValues, 'kind' | 'unitId'>): Promise<void> {
  await tx.execute(
    sql`update agency set code = ${v.code}, name = ${v.name}, short_name = ${v.shortName},
          search_name = ${searchKey(`${v.name} ${v.shortName ?? ''}`)}, valid_from = ${v.validFrom}::date,
          valid_to = ${v.validTo}::date, source_note = ${v.sourceNote}
        where id = ${id}`,
  );
}
