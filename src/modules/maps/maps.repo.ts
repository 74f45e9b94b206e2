/** All SQL of maps: boundary sets and their features, code resolution, and the per-commune values the map colours. */
import { sql, type SQL } from 'drizzle-orm';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { validOn } from '../units/units.repo.js';

/** The unit and every unit below it, across time (one recursive CTE). */
const subtree = (unitId: string): SQL =>
  sql`(with recursive t(id) as (select ${unitId}::uuid union select x.id from unit x join t on x.parent_id = t.id) select id from t)`;

export interface ResolvedCode {
  code: string;
  unit_id: string;
  name: string;
  province_id: string | null;
  province_name: string | null;
}

/** Communes valid on `asOf` with these codes, each with its province (nearest ancestor of level province). */
export async function resolveCommuneCodes(db: Db, codes: readonly string[], asOf: string): Promise<ResolvedCode[]> {
  if (codes.length === 0) return [];
  return queryRows<ResolvedCode>(
    db,
    sql`with recursive c as (
          select u.id, u.code, u.name from unit u
          where u.level = 'commune' and ${validOn('u', asOf)} and u.code in (${sql.join(
            codes.map((x) => sql`${x}`),
            sql`, `,
          )})
        ), up(commune_id, id, level, name, depth) as (
          select c.id, p.id, p.level, p.name, 1 from c join unit u on u.id = c.id join unit p on p.id = u.parent_id
          union all
          select up.commune_id, p.id, p.level, p.name, up.depth + 1 from up join unit x on x.id = up.id join unit p on p.id = x.parent_id
          where up.level <> 'province' and up.depth < 6
        )
        select c.code, c.id as unit_id, c.name,
               (select up.id from up where up.commune_id = c.id and up.level = 'province' limit 1) as province_id,
               (select up.name from up where up.commune_id = c.id and up.level = 'province' limit 1) as province_name
        from c`,
  );
}

/** Communes of a province valid on a date (code and name), for the "units without a feature" warning. */
export async function communesUnder(db: Db, unitId: string, asOf: string): Promise<Array<{ unit_id: string; code: string | null; name: string }>> {
  return queryRows(
    db,
    sql`select u.id as unit_id, u.code, u.name from unit u
        where u.level = 'commune' and ${validOn('u', asOf)} and u.id in ${subtree(unitId)}
        order by u.code nulls last, u.name`,
  );
}

export interface BoundarySetRow {
  id: string;
  name: string;
  province_unit_id: string;
  province_code: string | null;
  province_name: string;
  year_from: number;
  year_to: number | null;
  as_of: string;
  code_property: string;
  file_id: string;
  file_name: string;
  file_size: number | string;
  feature_count: number;
  bbox: [number, number, number, number] | string;
  points_original: number;
  points_simplified: number;
  payload_gzip_bytes: number;
  is_active: boolean;
  uploaded_by_name: string | null;
  created_at: Date | string;
}

const setColumns = sql`s.id, s.name, s.province_unit_id, pu.code as province_code, pu.name as province_name, s.year_from, s.year_to,
  to_char(s.as_of, 'YYYY-MM-DD') as as_of, s.code_property, s.file_id, f.original_name as file_name, f.size as file_size, s.feature_count, s.bbox,
  s.points_original, s.points_simplified, s.payload_gzip_bytes, s.is_active, au.name as uploaded_by_name, s.created_at`;
const setFrom = sql`boundary_set s join unit pu on pu.id = s.province_unit_id join stored_file f on f.id = s.file_id
  left join app_user au on au.id = s.uploaded_by`;

/** Sets with at least one feature in the actor's scope (optionally covering a year), newest first. */
export async function listSets(db: Db, actor: Actor, year: number | undefined): Promise<BoundarySetRow[]> {
  const covers = year === undefined ? sql`true` : sql`s.year_from <= ${year} and (s.year_to is null or s.year_to >= ${year})`;
  return queryRows<BoundarySetRow>(
    db,
    sql`select ${setColumns} from ${setFrom}
        where ${covers} and exists (select 1 from boundary_feature bf where bf.set_id = s.id and ${inScope(actor, sql`bf.unit_id`)})
        order by s.is_active desc, s.year_from desc, s.created_at desc`,
  );
}

export async function findSet(db: Db, id: string, forUpdate = false): Promise<BoundarySetRow | undefined> {
  if (forUpdate) await db.execute(sql`select id from boundary_set where id = ${id} for update`);
  return queryOne<BoundarySetRow>(db, sql`select ${setColumns} from ${setFrom} where s.id = ${id}`);
}

/** The uploaded GeoJSON as a stored file of the province (its bytes are in the content store, see platform/files). */
export async function insertStoredFile(
  tx: Db,
  v: { sha256: string; mime: string; size: number; originalName: string; unitId: string; uploadedBy: string },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into stored_file (sha256, mime, size, original_name, unit_id, uploaded_by)
        values (${v.sha256}, ${v.mime}, ${v.size}, ${v.originalName}, ${v.unitId}, ${v.uploadedBy}) returning id`,
  );
  return row!.id;
}

export interface NewSet {
  name: string;
  provinceUnitId: string;
  yearFrom: number;
  yearTo: number | null;
  asOf: string;
  codeProperty: string;
  fileId: string;
  featureCount: number;
  bbox: [number, number, number, number];
  pointsOriginal: number;
  pointsSimplified: number;
  payloadGzipBytes: number;
  uploadedBy: string | null;
}

export async function insertSet(tx: Db, v: NewSet): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into boundary_set (name, province_unit_id, year_from, year_to, as_of, code_property, file_id, feature_count, bbox,
                                  points_original, points_simplified, payload_gzip_bytes, is_active, uploaded_by)
        values (${v.name}, ${v.provinceUnitId}, ${v.yearFrom}, ${v.yearTo}, ${v.asOf}, ${v.codeProperty}, ${v.fileId}, ${v.featureCount},
                ${JSON.stringify(v.bbox)}::jsonb, ${v.pointsOriginal}, ${v.pointsSimplified}, ${v.payloadGzipBytes}, false, ${v.uploadedBy})
        returning id`,
  );
  return row!.id;
}

export interface NewFeature {
  unitId: string;
  code: string;
  rings: number[][];
  areaKm2: number;
}

/** Insert features in batches (one statement per 200 features). */
export async function insertFeatures(tx: Db, setId: string, features: readonly NewFeature[]): Promise<void> {
  for (let i = 0; i < features.length; i += 200) {
    const batch = features.slice(i, i + 200);
    await tx.execute(
      sql`insert into boundary_feature (set_id, unit_id, code, geometry, area_km2) values ${sql.join(
        batch.map((f) => sql`(${setId}, ${f.unitId}, ${f.code}, ${JSON.stringify({ rings: f.rings })}::jsonb, ${f.areaKm2})`),
        sql`, `,
      )}`,
    );
  }
}

/**
 * Make a set the active one for its province and years: other active sets of the same province whose years overlap
 * are deactivated first. Returns the ids deactivated.
 */
export async function activate(tx: Db, set: { id: string; province_unit_id: string; year_from: number; year_to: number | null }): Promise<string[]> {
  // One activation per province at a time: two concurrent activations must not both stay active.
  await tx.execute(sql`select pg_advisory_xact_lock(72727107, hashtext(${set.province_unit_id}::text))`);
  const hi = set.year_to ?? 9999;
  const off = await queryRows<{ id: string }>(
    tx,
    sql`update boundary_set set is_active = false
        where is_active and id <> ${set.id} and province_unit_id = ${set.province_unit_id}
          and year_from <= ${hi} and coalesce(year_to, 9999) >= ${set.year_from}
        returning id`,
  );
  await tx.execute(sql`update boundary_set set is_active = true where id = ${set.id}`);
  return off.map((r) => r.id);
}

export async function deactivate(tx: Db, id: string): Promise<void> {
  await tx.execute(sql`update boundary_set set is_active = false where id = ${id}`);
}

export async function deleteSet(tx: Db, id: string): Promise<void> {
  await tx.execute(sql`delete from boundary_set where id = ${id}`);
}

export interface FeatureRow {
  unit_id: string;
  code: string;
  geometry: { rings: number[][] } | string;
  area_km2: number;
  set_id: string;
  set_name: string;
  province_name: string;
}

/**
 * Features of the active sets covering the year, for communes valid on 31 December of the year, in scope, under
 * `unitId` when given.
 */
export async function activeFeatures(db: Db, actor: Actor, year: number, unitId: string | undefined): Promise<FeatureRow[]> {
  return queryRows<FeatureRow>(
    db,
    sql`select f.unit_id, f.code, f.geometry, f.area_km2, s.id as set_id, s.name as set_name, pu.name as province_name
        from boundary_feature f
        join boundary_set s on s.id = f.set_id
        join unit pu on pu.id = s.province_unit_id
        join unit u on u.id = f.unit_id
        where s.is_active and s.year_from <= ${year} and (s.year_to is null or s.year_to >= ${year})
          and ${validOn('u', `${year}-12-31`)} and ${inScope(actor, sql`f.unit_id`)}
          ${unitId ? sql`and f.unit_id in ${subtree(unitId)}` : sql``}
        order by f.code`,
  );
}

export interface ValueRow {
  unit_id: string;
  code: string | null;
  name: string;
  parent_id: string | null;
  parent_name: string | null;
  parent_level: string | null;
  criteria_met: number | null;
  criteria_applicable: number | null;
  meets_standard: boolean | null;
  basis: 'self' | 'appraised' | null;
  recognised_level: 'ntm' | 'advanced' | 'model' | 'modern' | null;
}

/**
 * Per commune valid on 31 December of the year (in scope, under `unitId`): its parent on that date, the write-time
 * summary of the year for the set (commune_status), and the highest recognition in force in the year (granted in or
 * before it and not revoked by then).
 */
export async function communeValues(db: Db, actor: Actor, year: number, setId: string, unitId: string | undefined): Promise<ValueRow[]> {
  const date = `${year}-12-31`;
  return queryRows<ValueRow>(
    db,
    sql`select u.id as unit_id, u.code, u.name, p.id as parent_id, p.name as parent_name, p.level as parent_level,
               cs.criteria_met, cs.criteria_applicable, cs.meets_standard, cs.basis,
               (select r.level from recognition r
                 where r.unit_id = u.id and r.kind = 'recognition' and r.year <= ${year}
                   and (r.revoked_by_id is null or exists (select 1 from recognition v where v.id = r.revoked_by_id and v.year > ${year}))
                 order by case r.level when 'modern' then 4 when 'model' then 3 when 'advanced' then 2 else 1 end desc
                 limit 1) as recognised_level
        from unit u
        left join unit p on p.id = u.parent_id
        left join commune_status cs on cs.unit_id = u.id and cs.year = ${year} and cs.set_id = ${setId}
        where u.level = 'commune' and ${validOn('u', date)} and ${inScope(actor, sql`u.id`)}
          ${unitId ? sql`and u.id in ${subtree(unitId)}` : sql``}
        order by p.name collate "C", u.name collate "C"`,
  );
}

export async function findCriteriaSetBrief(db: Db, id: string): Promise<{ id: string; code: string; name: string; criteria_count: number } | undefined> {
  return queryOne(
    db,
    sql`select s.id, s.code, s.name, (select count(*) from jsonb_array_elements(s.definition->'criteria'))::int as criteria_count
        from criteria_set s where s.id = ${id}`,
  );
}

export async function findUnitBrief(db: Db, id: string): Promise<{ id: string; name: string; level: string } | undefined> {
  return queryOne(db, sql`select id, name, level from unit where id = ${id}`);
}
