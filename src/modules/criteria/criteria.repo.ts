/** All SQL of the criteria feature: sets as versioned jsonb documents, their summaries, locks and ownership checks. */
import { sql, type SQL } from 'drizzle-orm';
import type { ListSetsQuery, StandardLevelName } from '../../contracts/criteria.js';
import type { CriteriaSetDef } from '../../domain/criteria/index.js';
import { scopeUnitIds } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { likeEscape } from '../../platform/text.js';

export interface SetRow {
  id: string;
  code: string;
  name: string;
  level: StandardLevelName;
  legal_basis: string;
  valid_from: string;
  valid_to: string | null;
  version: number;
  status: 'draft' | 'published';
  is_demo: boolean;
  province_unit_id: string | null;
  province_name: string | null;
  parent_set_id: string | null;
  parent_code: string | null;
  parent_name: string | null;
  parent_version: number | null;
  parent_status: 'draft' | 'published' | null;
  parent_is_demo: boolean | null;
  published_at: Date | string | null;
  created_by_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  row_version: number;
  n_criteria: number;
  n_indicators: number;
  n_targets: number;
  n_verified: number;
  n_unverified: number;
  n_demo: number;
  n_without_target: number;
}

export interface SetWithDefinition extends SetRow {
  definition: CriteriaSetDef;
}

// Counts over the document, computed by the database so lists never load whole definitions.
const statsJoin = sql`cross join lateral (
    select
      (select count(*) from jsonb_array_elements(s.definition->'criteria'))::int as n_criteria,
      count(i.ind)::int as n_indicators,
      coalesce(sum(t.n), 0)::int as n_targets,
      coalesce(sum(t.verified), 0)::int as n_verified,
      coalesce(sum(t.unverified), 0)::int as n_unverified,
      coalesce(sum(t.demo), 0)::int as n_demo,
      (count(*) filter (where t.valued = 0))::int as n_without_target
    from jsonb_array_elements(s.definition->'criteria') c
    cross join lateral jsonb_array_elements(c->'indicators') i(ind)
    cross join lateral (
      select count(*) as n,
        count(*) filter (where x->'value' <> 'null'::jsonb and coalesce((x->>'verified')::boolean, false) and not coalesce((x->>'demo')::boolean, false)) as verified,
        count(*) filter (where x->'value' <> 'null'::jsonb and not coalesce((x->>'verified')::boolean, false) and not coalesce((x->>'demo')::boolean, false)) as unverified,
        count(*) filter (where coalesce((x->>'demo')::boolean, false)) as demo,
        count(*) filter (where x->'value' <> 'null'::jsonb) as valued
      from jsonb_array_elements(i.ind->'targets') x
    ) t
  ) st`;

const summaryColumns = sql`
  s.id, s.code, s.name, s.level, s.legal_basis, s.valid_from, s.valid_to, s.version, s.status, s.is_demo,
  s.province_unit_id, pu.name as province_name,
  s.parent_set_id, ps.code as parent_code, ps.name as parent_name, ps.version as parent_version,
  ps.status as parent_status, ps.is_demo as parent_is_demo,
  s.published_at, cu.name as created_by_name, s.created_at, s.updated_at, s.row_version,
  st.n_criteria, st.n_indicators, st.n_targets, st.n_verified, st.n_unverified, st.n_demo, st.n_without_target`;

const summaryFrom = sql`criteria_set s
  left join unit pu on pu.id = s.province_unit_id
  left join criteria_set ps on ps.id = s.parent_set_id
  left join app_user cu on cu.id = s.created_by
  ${statsJoin}`;

/** Sets matching the filter (national sets first, then by code and newest version); with the total for paging. */
export async function listSets(db: Db, q: ListSetsQuery): Promise<{ rows: SetRow[]; total: number }> {
  const conds: SQL[] = [sql`true`];
  if (q.code) conds.push(sql`s.code = ${q.code}`);
  if (q.level) conds.push(sql`s.level = ${q.level}`);
  if (q.status) conds.push(sql`s.status = ${q.status}`);
  if (q.kind === 'national') conds.push(sql`s.province_unit_id is null`);
  if (q.kind === 'variant') conds.push(sql`s.province_unit_id is not null`);
  if (q.provinceUnitId) conds.push(sql`s.province_unit_id = ${q.provinceUnitId}`);
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    conds.push(sql`(s.code ilike ${like} or s.name ilike ${like})`);
  }
  const rows = await queryRows<SetRow & { total: number }>(
    db,
    sql`select ${summaryColumns}, count(*) over ()::int as total
        from ${summaryFrom}
        where ${sql.join(conds, sql` and `)}
        order by (s.province_unit_id is not null), s.valid_from, s.code, s.version desc
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One set's summary row, or undefined. */
export async function findSet(db: Db, id: string): Promise<SetRow | undefined> {
  return queryOne<SetRow>(db, sql`select ${summaryColumns} from ${summaryFrom} where s.id = ${id}`);
}

/** One set with its whole document. */
export async function findSetWithDefinition(db: Db, id: string): Promise<SetWithDefinition | undefined> {
  return queryOne<SetWithDefinition>(db, sql`select ${summaryColumns}, s.definition from ${summaryFrom} where s.id = ${id}`);
}

export interface LockedSet {
  id: string;
  code: string;
  version: number;
  status: 'draft' | 'published';
  province_unit_id: string | null;
  is_demo: boolean;
  row_version: number;
  definition: CriteriaSetDef;
}

/** The set's row locked for the rest of the transaction (SELECT … FOR UPDATE): edits of a draft serialise here. */
export async function lockSet(tx: Db, id: string): Promise<LockedSet | undefined> {
  return queryOne<LockedSet>(
    tx,
    sql`select id, code, version, status, province_unit_id, is_demo, row_version, definition
        from criteria_set where id = ${id} for update`,
  );
}

export interface NewSet {
  code: string;
  name: string;
  level: StandardLevelName;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
  version: number;
  parentSetId: string | null;
  provinceUnitId: string | null;
  status: 'draft' | 'published';
  isDemo: boolean;
  definition: CriteriaSetDef;
  createdBy: string | null;
}

/** Insert a set; a published one gets its publication time now. Returns the id. */
export async function insertSet(tx: Db, s: NewSet): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into criteria_set (code, name, level, legal_basis, valid_from, valid_to, version, parent_set_id, province_unit_id,
          status, is_demo, definition, published_at, published_by, created_by)
        values (${s.code}, ${s.name}, ${s.level}, ${s.legalBasis}, ${s.validFrom}::date, ${s.validTo}::date, ${s.version},
          ${s.parentSetId}::uuid, ${s.provinceUnitId}::uuid, ${s.status}, ${s.isDemo}, ${JSON.stringify(s.definition)}::jsonb,
          ${s.status === 'published' ? sql`now()` : sql`null`}, ${s.status === 'published' ? s.createdBy : null}::uuid, ${s.createdBy}::uuid)
        returning id`,
  );
  return row!.id;
}

/** Replace a draft's document (and the columns mirrored from it) and bump its row version. */
export async function replaceDefinition(tx: Db, id: string, def: CriteriaSetDef): Promise<void> {
  await tx.execute(
    sql`update criteria_set set definition = ${JSON.stringify(def)}::jsonb, name = ${def.name}, legal_basis = ${def.legalBasis},
          valid_from = ${def.validFrom}::date, valid_to = ${def.validTo}::date,
          row_version = row_version + 1, updated_at = now()
        where id = ${id} and status = 'draft'`,
  );
}

/** Publish a draft: from now on the row is never changed. */
export async function markPublished(tx: Db, id: string, actorId: string): Promise<void> {
  await tx.execute(
    sql`update criteria_set set status = 'published', published_at = now(), published_by = ${actorId}::uuid,
          row_version = row_version + 1, updated_at = now()
        where id = ${id} and status = 'draft'`,
  );
}

/** The next version number of a code. */
export async function nextVersion(tx: Db, code: string): Promise<number> {
  const row = await queryOne<{ v: number }>(tx, sql`select coalesce(max(version), 0)::int + 1 as v from criteria_set where code = ${code}`);
  return row?.v ?? 1;
}

/** Codes that start with a prefix (to number new variants). */
export async function codesStartingWith(tx: Db, prefix: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(tx, sql`select distinct code from criteria_set where code like ${`${likeEscape(prefix)}%`}`);
  return rows.map((r) => r.code);
}

export async function codeExists(db: Db, code: string): Promise<boolean> {
  return (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from criteria_set where code = ${code}`))!.n > 0;
}

export interface ProvinceRow {
  id: string;
  name: string;
  level: string;
  search_name: string;
}

/** A unit that may own a variant (checked to be a province by the caller). */
export async function findUnitForOwnership(db: Db, id: string): Promise<ProvinceRow | undefined> {
  return queryOne<ProvinceRow>(db, sql`select id, name, level, search_name from unit where id = ${id}`);
}

/** Which of these provinces are inside the actor's scope: one query for the whole list. */
export async function provincesInScope(db: Db, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const scope = scopeUnitIds(actor);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select u.id from unit u where u.id in (${sql.join(
      unique.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) ${scope ? sql`and u.id in ${scope}` : sql``}`,
  );
  return new Set(rows.map((r) => r.id));
}

/** The newest published national set of a code. */
export async function findLatestNational(db: Db, code: string): Promise<{ id: string; definition: CriteriaSetDef } | undefined> {
  return queryOne(
    db,
    sql`select id, definition from criteria_set
        where code = ${code} and province_unit_id is null and status = 'published'
        order by version desc limit 1`,
  );
}

/** The province formed on a date (the demo variant's owner). */
export async function findProvinceFormedOn(db: Db, date: string): Promise<{ id: string; name: string } | undefined> {
  return queryOne(db, sql`select id, name from unit where level = 'province' and valid_from = ${date}::date order by name limit 1`);
}

/** Delete every demonstration set (one statement: children and parents together); returns how many. */
export async function deleteDemoSets(tx: Db): Promise<number> {
  const rows = await queryRows<{ id: string }>(tx, sql`delete from criteria_set where is_demo returning id`);
  return rows.length;
}
