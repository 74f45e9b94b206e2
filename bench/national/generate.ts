/**
 * The benchmark datasets, generated straight into a dedicated PostgreSQL database (mtqg_bench_province or
 * mtqg_bench_national) with set-based SQL: the product's own migrations and reference data (the real Lào Cai and
 * Yên Bái units with their 2025 merge, the criteria sets), then synthetic provinces, districts and communes before
 * and after 2025-07-01 with merge lineage (unit_succession), one cycle per province and year 2021–2025, one
 * assessment per commune-year with every indicator's value (batches of unnest arrays), the commune-year summaries
 * (commune_status) computed by the product's criteria engine from those values, recognition decisions, activities
 * and obstacles, and the benchmark's users. A database whose stored fingerprint matches the spec is reused.
 *
 * Synthetic units are named "… Mô phỏng NNN" and coded "MP…" so nobody mistakes them for real places; the
 * database is for benchmarks only.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { applyVerdicts } from '../../src/domain/assessments/status.js';
import { compileSet, evaluateCommune, type CompiledSet } from '../../src/domain/criteria/index.js';
import type { CriteriaSetDef, IndicatorValue } from '../../src/domain/criteria/types.js';
import { forEvaluation } from '../../src/modules/criteria/criteria.document.js';
import { hashPassword } from '../../src/platform/auth/password.js';
import { systemCtx } from '../../src/platform/context.js';
import { migrateDatabase, migrationsFolder, openDatabase } from '../../src/platform/db/client.js';
import { setSetting } from '../../src/platform/settings.repo.js';
import { searchKey } from '../../src/platform/text.js';
import { DEMO_SET_CODE, seedCriteriaDemo } from '../../src/seed/criteria.js';
import { seedProgrammes } from '../../src/seed/programmes.js';
import { seedReference } from '../../src/seed/reference.js';
import { databaseOf, fingerprint, mergePlan, prng, specFor, spread, type DatasetSpec, type Scale } from './spec.js';

export const BENCH_PASSWORD = 'bench-password-2025';
const REFORM = '2025-07-01';
const REGIONS = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'];
/** Yes/no attributes the set's applicability rules read: false for every synthetic province. */
const FLAGS = ['especiallyDifficult', 'safeZone', 'poorDistrict2018_2020'];
const attrsOf = (region: string, schoolsOver3 = false) => ({ region, schoolsOver3, especiallyDifficult: false, safeZone: false, poorDistrict2018_2020: false });

export interface Dataset {
  scale: Scale;
  database: string;
  url: string;
  fingerprint: string;
  reused: boolean;
  seconds: number;
  counts: Record<string, number>;
  /** Ids the scenarios need. */
  benchProvinceId: string;
  setId: string;
  currentYear: number;
}

export const adminUrl = () => process.env.MTQG_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export function urlOf(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T = unknown>(q: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return (await c.query(q, values)).rows as T[];
  } finally {
    await c.end();
  }
}

function migrationTags(): string[] {
  const journal = JSON.parse(fs.readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: Array<{ tag: string }> };
  return journal.entries.map((e) => e.tag);
}

export async function dropDataset(scale: Scale): Promise<void> {
  await onServer(`drop database if exists ${databaseOf(scale)} with (force)`);
}

/** The dataset of a scale: reused when its fingerprint matches, else (re)generated. */
export async function ensureDataset(scale: Scale, log: (m: string) => void = console.log): Promise<Dataset> {
  const spec = specFor(scale);
  const name = databaseOf(scale);
  const fp = fingerprint(spec, migrationTags());
  const url = urlOf(name);
  const exists = (await onServer<{ n: number }>('select count(*)::int as n from pg_database where datname = $1', [name]))[0]!.n > 0;
  if (exists) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const r = await c.query<{ value: { fingerprint: string } & Omit<Dataset, 'reused' | 'url'> }>(`select value from app_setting where key = 'bench_dataset'`).catch(() => ({ rows: [] }));
      const stored = r.rows[0]?.value;
      if (stored?.fingerprint === fp) {
        log(`dataset ${name}: reused (fingerprint ${fp})`);
        return { ...stored, url, reused: true };
      }
    } finally {
      await c.end();
    }
    log(`dataset ${name}: fingerprint changed or incomplete — generating again`);
    await dropDataset(scale);
  }
  await onServer(`create database ${name}`);
  try {
    const made = await generate(spec, url, fp, log);
    return { ...made, url, reused: false };
  } catch (err) {
    await dropDataset(scale).catch(() => {});
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------

type Col = readonly [name: string, type: string];

/** `insert into table (cols) select * from unnest($1::t1[], …)` in batches of rows (arrays of column values). */
async function insertRows(c: pg.PoolClient | pg.Client, table: string, cols: readonly Col[], rows: readonly unknown[][], batch = 20_000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const arrays = cols.map((_, k) => chunk.map((r) => r[k] ?? null));
    const text = `insert into ${table} (${cols.map(([n]) => n).join(', ')}) select * from unnest(${cols.map(([, t], k) => `$${k + 1}::${t}[]`).join(', ')})`;
    await c.query(text, arrays);
  }
}

interface UnitRow {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  type: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

interface Commune {
  id: string;
  provinceId: string;
  region: string;
  /** Latent development level 0–1 in 2021, rising over the years. */
  base: number;
  /** The commune has more than 3 schools (a target of criterion 5 depends on it). */
  schools: boolean;
  old: boolean;
}

async function generate(spec: DatasetSpec, url: string, fp: string, log: (m: string) => void): Promise<Omit<Dataset, 'reused' | 'url'>> {
  const t0 = performance.now();
  const rand = prng(spec.seed);
  const step = (m: string) => log(`  [${((performance.now() - t0) / 1000).toFixed(0)} s] ${m}`);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const c = await pool.connect();
  try {
    await migrateDatabase(database);
    const ctx = systemCtx('bench');
    await seedReference(database.db, ctx);
    await seedCriteriaDemo(database.db, ctx);
    await seedProgrammes(database.db, ctx);
    step('migrated, reference data and criteria sets loaded');
    await c.query('set synchronous_commit = off');

    // ---------------------------------------------------------------- units
    const real = (await c.query<{ id: string; level: string; valid_from: string | null; valid_to: string | null; parent_id: string | null }>(
      `select id, level, valid_from::text, valid_to::text, parent_id from unit where level in ('province','commune')`,
    )).rows;
    const realOldCommunes = real.filter((u) => u.level === 'commune' && u.valid_to !== null);
    const realNewCommunes = real.filter((u) => u.level === 'commune' && u.valid_from === REFORM);
    const realOldProvinces = real.filter((u) => u.level === 'province' && u.valid_to !== null);
    const realNewProvinces = real.filter((u) => u.level === 'province' && u.valid_from === REFORM);
    const synthNewProvinces = spec.newProvinces - realNewProvinces.length;
    const synthOldProvinces = spec.oldProvinces - realOldProvinces.length;
    const synthNewCommunes = spec.newCommunes - realNewCommunes.length;
    const synthOldCommunes = spec.oldCommunes - realOldCommunes.length;
    if (synthNewProvinces < 1 || synthOldProvinces < synthNewProvinces || synthNewCommunes < spec.benchProvinceCommunes || synthOldCommunes < synthNewCommunes) {
      throw new Error('dataset spec smaller than the reference data it extends');
    }
    const units: UnitRow[] = [];
    const succession: Array<[string, string]> = [];
    const regionOf = new Map<string, string>();
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    // new provinces (today) and their communes; the first is the benchmark's province
    const newProvinceIds: string[] = [];
    for (let p = 0; p < synthNewProvinces; p++) {
      const id = randomUUID();
      newProvinceIds.push(id);
      regionOf.set(id, REGIONS[p % REGIONS.length]!);
      units.push({ id, code: `MP${pad(p + 1, 2)}`, name: p === 0 ? 'Tỉnh Mô phỏng 01 (tỉnh benchmark)' : `Tỉnh Mô phỏng ${pad(p + 1, 2)}`, level: 'province', type: 'Tỉnh', parentId: null, validFrom: REFORM, validTo: null });
    }
    const newPerProvince = [spec.benchProvinceCommunes, ...spread(synthNewCommunes - spec.benchProvinceCommunes, synthNewProvinces - 1)];
    const newCommunesOf: string[][] = newProvinceIds.map(() => []);
    let seq = 0;
    newProvinceIds.forEach((pid, p) => {
      for (let k = 0; k < newPerProvince[p]!; k++) {
        const id = randomUUID();
        seq++;
        newCommunesOf[p]!.push(id);
        units.push({ id, code: `MP${pad(seq, 5)}`, name: `Xã Mô phỏng ${pad(seq, 4)}`, level: 'commune', type: 'Xã', parentId: pid, validFrom: REFORM, validTo: null });
      }
    });
    // old provinces (before the reform), each merged into one new province; districts; communes
    const oldPerProvince = spread(synthOldCommunes, synthOldProvinces);
    const oldCommunesOfNew: string[][] = newProvinceIds.map(() => []);
    const oldProvinceIds: string[] = [];
    seq = 0;
    for (let o = 0; o < synthOldProvinces; o++) {
      const target = o % synthNewProvinces;
      const id = randomUUID();
      oldProvinceIds.push(id);
      regionOf.set(id, regionOf.get(newProvinceIds[target]!)!);
      units.push({ id, code: `MPC${pad(o + 1, 2)}`, name: `Tỉnh Mô phỏng cũ ${pad(o + 1, 2)}`, level: 'province', type: 'Tỉnh', parentId: null, validFrom: null, validTo: REFORM });
      succession.push([id, newProvinceIds[target]!]);
      const perDistrict = spread(oldPerProvince[o]!, spec.districtsPerOldProvince);
      perDistrict.forEach((n, d) => {
        const did = randomUUID();
        units.push({ id: did, code: `MPH${pad(o + 1, 2)}${pad(d + 1, 2)}`, name: `Huyện Mô phỏng ${pad(o + 1, 2)}.${pad(d + 1, 2)}`, level: 'district', type: 'Huyện', parentId: id, validFrom: null, validTo: REFORM });
        for (let k = 0; k < n; k++) {
          const cid = randomUUID();
          seq++;
          oldCommunesOfNew[target]!.push(cid);
          units.push({ id: cid, code: `MPX${pad(seq, 5)}`, name: `Xã Mô phỏng cũ ${pad(seq, 4)}`, level: 'commune', type: 'Xã', parentId: did, validFrom: null, validTo: REFORM });
        }
      });
    }
    newProvinceIds.forEach((_, p) => {
      const plan = mergePlan(oldCommunesOfNew[p]!.length, newCommunesOf[p]!.length);
      plan.forEach((succ, i) => succession.push([oldCommunesOfNew[p]![i]!, newCommunesOf[p]![succ]!]));
    });
    await insertRows(
      c,
      'unit',
      [['id', 'uuid'], ['code', 'text'], ['name', 'text'], ['search_name', 'text'], ['level', 'text'], ['type', 'text'], ['parent_id', 'uuid'], ['valid_from', 'date'], ['valid_to', 'date'], ['source_note', 'text']],
      units.map((u) => [u.id, u.code, u.name, searchKey(u.name), u.level, u.type, u.parentId, u.validFrom, u.validTo, 'Đơn vị mô phỏng của bộ dữ liệu benchmark']),
    );
    await insertRows(
      c,
      'unit_succession',
      [['predecessor_id', 'uuid'], ['successor_id', 'uuid'], ['effective_date', 'date'], ['kind', 'text'], ['note', 'text']],
      succession.map(([a, b]) => [a, b, REFORM, 'merge', 'benchmark']),
    );
    await insertRows(
      c,
      'unit_attribute',
      [['unit_id', 'uuid'], ['key', 'text'], ['value', 'jsonb'], ['valid_from', 'date'], ['legal_basis', 'text']],
      [...regionOf].flatMap(([id, r]) => [
        [id, 'region', JSON.stringify(r), null, 'benchmark'],
        ...FLAGS.map((k) => [id, k, 'false', null, 'benchmark']),
      ]),
    );
    step(`units: ${units.length} synthetic (+ reference), ${succession.length} lineage links`);

    // agencies: a coordination office and three departments per synthetic new province
    const agencyRows: unknown[][] = [];
    const officeOf = new Map<string, string>();
    const departmentsOf = new Map<string, string[]>();
    for (const pid of newProvinceIds) {
      const office = randomUUID();
      officeOf.set(pid, office);
      agencyRows.push([office, 'Văn phòng Điều phối NTM (mô phỏng)', searchKey('Văn phòng Điều phối NTM (mô phỏng)'), 'coordination_office', pid]);
      const deps: string[] = [];
      for (const n of ['Sở Nông nghiệp và Môi trường', 'Sở Xây dựng', 'Sở Y tế']) {
        const id = randomUUID();
        deps.push(id);
        agencyRows.push([id, `${n} (mô phỏng)`, searchKey(n), 'department', pid]);
      }
      departmentsOf.set(pid, deps);
    }
    await insertRows(c, 'agency', [['id', 'uuid'], ['name', 'text'], ['search_name', 'text'], ['kind', 'text'], ['unit_id', 'uuid']], agencyRows);

    // ---------------------------------------------------------------- communes to assess
    const setRow = (await c.query<{ id: string; definition: CriteriaSetDef }>(
      `select id, definition from criteria_set where code = $1 and status = 'published' order by version desc limit 1`,
      [DEMO_SET_CODE],
    )).rows[0];
    if (!setRow) throw new Error(`criteria set ${DEMO_SET_CODE} missing`);
    const compiled = compileSet(forEvaluation(setRow.definition));
    const criteriaNumbers = setRow.definition.criteria.map((cr) => cr.number);
    const perCriterion = new Map(setRow.definition.criteria.map((cr) => [cr.number, cr.indicators.length]));
    const indicators = setRow.definition.criteria.flatMap((cr) => cr.indicators.map((i) => ({ code: i.code, criterion: cr.number, kind: i.kind, scale: i.scale })));
    const realRegion = async (id: string) =>
      (await c.query<{ v: string }>(
        `with recursive up(id, parent_id, d) as (select id, parent_id, 0 from unit where id = $1 union all select u.id, u.parent_id, up.d + 1 from unit u join up on u.id = up.parent_id)
         select a.value #>> '{}' as v from up join unit_attribute a on a.unit_id = up.id and a.key = 'region' order by up.d limit 1`,
        [id],
      )).rows[0]?.v ?? 'TDMNPB';
    const provinceOfUnit = new Map(units.filter((u) => u.level !== 'province').map((u) => [u.id, u.parentId!]));
    const provinceOf = (id: string) => {
      const p = provinceOfUnit.get(id)!;
      return provinceOfUnit.has(p) ? provinceOfUnit.get(p)! : p;
    };
    const communes: Commune[] = [];
    for (const u of units) if (u.level === 'commune') communes.push({ id: u.id, provinceId: provinceOf(u.id), region: regionOf.get(provinceOf(u.id))!, base: 0.55 + rand() * 0.4, schools: rand() < 0.4, old: u.validTo !== null });
    const realProvinceOf = new Map<string, string>();
    for (const u of [...realOldCommunes, ...realNewCommunes]) {
      const parent = real.find((x) => x.id === u.parent_id);
      const pid = parent ? parent.id : (await c.query<{ p: string }>(`select coalesce(p.parent_id, p.id) as p from unit p where p.id = $1`, [u.parent_id])).rows[0]!.p;
      realProvinceOf.set(u.id, pid);
      communes.push({ id: u.id, provinceId: pid, region: await realRegion(u.id), base: 0.55 + rand() * 0.4, schools: rand() < 0.4, old: u.valid_to !== null });
    }

    await insertRows(
      c,
      'unit_attribute',
      [['unit_id', 'uuid'], ['key', 'text'], ['value', 'jsonb'], ['valid_from', 'date'], ['legal_basis', 'text']],
      communes.map((x) => [x.id, 'schoolsOver3', String(x.schools), null, 'benchmark']),
    );

    // ---------------------------------------------------------------- cycles, assessments, values, summaries
    const targetCache = new Map<string, Map<string, number | boolean | string | null>>();
    const targetsFor = (region: string, schools: boolean, year: number) => {
      const key = `${region}|${schools}|${year}`;
      let t = targetCache.get(key);
      if (!t) {
        const ev = evaluateCommune(compiled, attrsOf(region, schools), year, {});
        t = new Map(ev.criteria.flatMap((cr) => cr.indicators.map((i) => [i.code, i.target] as const)));
        targetCache.set(key, t);
      }
      return t;
    };
    const currentYear = Math.max(...spec.years);
    const chainOld = [
      { key: 'district', level: 'district', label: 'UBND huyện thẩm tra', routing: 'unit_parent' },
      { key: 'province', level: 'province', label: 'Văn phòng Điều phối NTM tỉnh thẩm định', routing: 'unit_parent' },
    ];
    const chainNew = (office: string | undefined) => [
      { key: 'department', level: 'department', label: 'Sở, ngành phụ trách tiêu chí thẩm định', routing: 'per_criterion_agency' },
      office
        ? { key: 'coordination', level: 'coordination_office', label: 'Văn phòng Điều phối NTM tỉnh', routing: 'agency', agencyId: office }
        : { key: 'province', level: 'province', label: 'Văn phòng Điều phối NTM tỉnh thẩm định', routing: 'unit_parent' },
    ];
    const cycles = new Map<string, string>(); // province|year → cycle id
    const cycleRows: unknown[][] = [];
    const provincesByYear = (year: number) => [...new Set(communes.filter((x) => (year < currentYear ? x.old : !x.old)).map((x) => x.provinceId))];
    for (const year of spec.years) {
      for (const pid of provincesByYear(year)) {
        const id = randomUUID();
        cycles.set(`${pid}|${year}`, id);
        const open = year === currentYear;
        const depts = departmentsOf.get(pid);
        const routing = depts && open ? Object.fromEntries(setRow.definition.criteria.map((cr, i) => [cr.number, depts[i % depts.length]!])) : {};
        cycleRows.push([
          id, setRow.id, year, `Đánh giá xã NTM năm ${year} (mô phỏng)`, pid, JSON.stringify({ submit: `${year}-10-31`, steps: {} }),
          JSON.stringify(open ? chainNew(officeOf.get(pid)) : chainOld), JSON.stringify(routing), open ? 'open' : 'closed', open ? null : 'Đã kết thúc năm đánh giá',
        ]);
      }
    }
    await insertRows(
      c,
      'assessment_cycle',
      [['id', 'uuid'], ['set_id', 'uuid'], ['year', 'int'], ['name', 'text'], ['scope_unit_id', 'uuid'], ['deadlines', 'jsonb'], ['review_chain', 'jsonb'], ['criterion_agencies', 'jsonb'], ['status', 'text'], ['close_reason', 'text']],
      cycleRows,
    );

    const valueFor = (kind: string, target: number | boolean | string | null, met: boolean, scale: readonly string[] | undefined): IndicatorValue => {
      const r = rand();
      switch (kind) {
        case 'boolean': {
          const want = typeof target === 'boolean' ? target : true;
          return met ? want : !want;
        }
        case 'verdict': {
          const s = scale ?? ['Không đạt', 'Đạt'];
          const ti = typeof target === 'string' ? Math.max(0, s.indexOf(target)) : s.length - 1;
          return met ? s[Math.min(s.length - 1, ti + (r < 0.2 ? 1 : 0))]! : s[Math.max(0, ti - 1)]!;
        }
        default: {
          const t = typeof target === 'number' ? target : 50;
          const isMax = kind.endsWith('max');
          let v = met ? (isMax ? t * (0.4 + 0.6 * r) : t * (1 + 0.3 * r)) : isMax ? t * (1.05 + 0.5 * r) + 1 : t * (0.4 + 0.55 * r);
          if (kind.startsWith('percent')) v = Math.min(100, Math.max(0, Math.round(v * 10) / 10));
          else if (kind.startsWith('count')) v = Math.max(0, isMax ? Math.floor(v) : Math.ceil(v));
          else v = Math.round(v * 10) / 10;
          return v;
        }
      }
    };

    const aCols: Col[] = [['id', 'uuid'], ['cycle_id', 'uuid'], ['unit_id', 'uuid'], ['status', 'text'], ['current_step', 'int'], ['version', 'int'], ['submitted_at', 'timestamptz'], ['appraised_at', 'timestamptz'], ['locked', 'bool']];
    const rCols: Col[] = [['assessment_id', 'uuid'], ['indicator_code', 'text'], ['criterion_number', 'text'], ['position', 'int'], ['value', 'jsonb'], ['state', 'text'], ['updated_at', 'timestamptz']];
    const sCols: Col[] = [['unit_id', 'uuid'], ['year', 'int'], ['set_id', 'uuid'], ['assessment_id', 'uuid'], ['criteria_met', 'int'], ['criteria_applicable', 'int'], ['meets_standard', 'bool'], ['missing', 'jsonb'], ['criteria', 'jsonb'], ['basis', 'text']];
    let nAssessments = 0;
    let nValues = 0;
    let nStatuses = 0;
    const firstMet = new Map<string, number>(); // commune → first appraised year meeting the standard
    const drafts: Array<{ id: string; unitId: string }> = [];
    for (const year of spec.years) {
      const list = communes.filter((x) => (year < currentYear ? x.old : !x.old));
      for (let from = 0; from < list.length; from += 500) {
        const aRows: unknown[][] = [];
        const rRows: unknown[][] = [];
        const sRows: unknown[][] = [];
        for (const cm of list.slice(from, from + 500)) {
          const id = randomUUID();
          const u = rand();
          const status = year < currentYear ? 'appraised' : u < spec.currentYearMix.draft ? 'draft' : u < spec.currentYearMix.draft + spec.currentYearMix.inReview ? 'in_review' : 'appraised';
          const at = `${year}-11-15T08:00:00+07:00`;
          aRows.push([id, cycles.get(`${cm.provinceId}|${year}`), cm.id, status, status === 'draft' ? null : status === 'in_review' ? 0 : 1, 1, status === 'draft' ? null : at, status === 'appraised' ? at : null, status === 'appraised']);
          if (status === 'draft' && cm.provinceId === newProvinceIds[0]) drafts.push({ id, unitId: cm.id });
          const level = Math.min(0.995, cm.base + 0.09 * (year - spec.years[0]!));
          const targets = targetsFor(cm.region, cm.schools, year);
          const values: Record<string, IndicatorValue | null> = {};
          // per criterion: met with the commune's level; a criterion not met has at least one indicator short
          const criterionMet = new Map(criteriaNumbers.map((n) => [n, rand() < level]));
          const failing = new Map(criteriaNumbers.map((n) => [n, Math.floor(rand() * (perCriterion.get(n) ?? 1))]));
          const seen = new Map<string, number>();
          indicators.forEach((ind, pos) => {
            const k = seen.get(ind.criterion) ?? 0;
            seen.set(ind.criterion, k + 1);
            const met = criterionMet.get(ind.criterion) || (k !== failing.get(ind.criterion) && rand() < 0.7);
            const v = status === 'draft' && rand() < 0.4 ? null : valueFor(ind.kind, targets.get(ind.code) ?? null, met, ind.scale);
            values[ind.code] = v;
            rRows.push([id, ind.code, ind.criterion, pos, v === null ? null : JSON.stringify(v), status === 'draft' ? 'draft' : status === 'in_review' ? 'submitted' : 'appraised', v === null ? null : at]);
          });
          if (status !== 'draft') {
            const f = applyVerdicts(evaluateCommune(compiled, attrsOf(cm.region, cm.schools), year, values), new Map());
            sRows.push([cm.id, year, setRow.id, id, f.criteriaMet, f.criteriaApplicable, f.meetsStandard, JSON.stringify(f.missing), JSON.stringify(f.criteria.map((x) => ({ number: x.number, status: x.status }))), status === 'appraised' ? 'appraised' : 'self']);
            if (status === 'appraised' && f.meetsStandard && !firstMet.has(cm.id)) firstMet.set(cm.id, year);
          }
        }
        await c.query('begin');
        await insertRows(c, 'assessment', aCols, aRows);
        await insertRows(c, 'indicator_result', rCols, rRows);
        await insertRows(c, 'commune_status', sCols, sRows);
        await c.query('commit');
        nAssessments += aRows.length;
        nValues += rRows.length;
        nStatuses += sRows.length;
      }
      step(`${year}: ${list.length} assessments; total values ${nValues.toLocaleString('en')}`);
    }

    // ---------------------------------------------------------------- recognitions, activities, obstacles
    const recRows: unknown[][] = [];
    for (const [unitId, year] of firstMet) {
      recRows.push([unitId, 'recognition', 'ntm', year, `${100 + recRows.length}/QĐ-UBND (mô phỏng)`, `${year}-12-20`, 'Chủ tịch UBND tỉnh (mô phỏng)']);
      if (year <= currentYear - 2 && rand() < 0.15) recRows.push([unitId, 'recognition', 'advanced', year + 2, `${100 + recRows.length}/QĐ-UBND (mô phỏng)`, `${year + 2}-12-20`, 'Chủ tịch UBND tỉnh (mô phỏng)']);
    }
    await insertRows(c, 'recognition', [['unit_id', 'uuid'], ['kind', 'text'], ['level', 'text'], ['year', 'int'], ['decision_no', 'text'], ['decision_date', 'date'], ['signer', 'text']], recRows);
    const current = communes.filter((x) => !x.old && departmentsOf.has(x.provinceId));
    const today = new Date();
    const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    const kinds = ['field_visit', 'guidance', 'communication', 'inspection', 'support', 'conference'];
    const actRows: unknown[][] = [];
    for (let i = 0; i < spec.activities; i++) {
      const cm = current[Math.floor(rand() * current.length)]!;
      const deps = departmentsOf.get(cm.provinceId)!;
      actRows.push([cm.id, deps[i % deps.length], kinds[i % kinds.length], daysAgo(Math.floor(rand() * 365)), 'Tổ công tác (mô phỏng)', 'Hướng dẫn, kiểm tra thực hiện tiêu chí (mô phỏng)']);
    }
    await insertRows(c, 'activity', [['unit_id', 'uuid'], ['agency_id', 'uuid'], ['kind', 'text'], ['date', 'date'], ['participants', 'text'], ['content', 'text']], actRows);
    const cats = ['funding', 'land', 'procedures', 'capacity', 'materials', 'coordination', 'other'];
    const levels = ['commune', 'agency', 'department', 'steering_committee'];
    const statuses = ['new', 'accepted', 'in_progress', 'resolved', 'closed'];
    const obsRows: unknown[][] = [];
    for (let i = 0; i < spec.obstacles; i++) {
      const cm = current[Math.floor(rand() * current.length)]!;
      const deps = departmentsOf.get(cm.provinceId)!;
      obsRows.push([cm.id, deps[(i + 1) % deps.length], 'Vướng mắc (mô phỏng)', 'Nội dung vướng mắc mô phỏng cho benchmark', cats[i % cats.length], levels[i % levels.length], deps[i % deps.length], daysAgo(Math.floor(rand() * 120) - 60), statuses[i % statuses.length]]);
    }
    await insertRows(
      c,
      'obstacle',
      [['unit_id', 'uuid'], ['raised_by_agency_id', 'uuid'], ['title', 'text'], ['description', 'text'], ['category', 'text'], ['level', 'text'], ['assignee_agency_id', 'uuid'], ['due_date', 'date'], ['status', 'text']],
      obsRows,
    );
    step(`${recRows.length} recognitions, ${actRows.length} activities, ${obsRows.length} obstacles`);

    // ---------------------------------------------------------------- users of the scenarios
    const hash = await hashPassword(BENCH_PASSWORD);
    const benchProvinceId = newProvinceIds[0]!;
    const userRows: unknown[][] = [];
    const scopeRows: unknown[][] = [];
    const addUser = (login: string, name: string, roles: string[], scope: string[]) => {
      const id = randomUUID();
      userRows.push([id, login, name, searchKey(name), roles, hash]);
      for (const u of scope) scopeRows.push([id, u]);
    };
    addUser('bench.quantri', 'Quản trị benchmark', ['system_admin'], []);
    addUser('bench.tinh', 'Văn phòng điều phối benchmark', ['province_office'], [benchProvinceId]);
    const officers = drafts.slice(0, spec.officers);
    officers.forEach((d, i) => addUser(`bench.xa.${i}`, `Cán bộ xã benchmark ${i}`, ['commune_officer'], [d.unitId]));
    for (const r of userRows) await c.query('insert into app_user (id, login, name, search_name, roles, password_hash) values ($1, $2, $3, $4, $5::text[], $6)', r);
    await insertRows(c, 'user_scope', [['user_id', 'uuid'], ['unit_id', 'uuid']], scopeRows);

    // the steady state of a live database: statistics, and the visibility map autovacuum would have written (without
    // it PostgreSQL cannot use index-only scans, and the first reads of every page pay for the hint bits)
    await c.query('vacuum (analyze)');
    const counts = {
      units: Number((await c.query(`select count(*) from unit`)).rows[0].count),
      communesToday: Number((await c.query(`select count(*) from unit where level = 'commune' and valid_to is null and (valid_from is null or valid_from <= current_date)`)).rows[0].count),
      communesBefore2025: Number((await c.query(`select count(*) from unit where level = 'commune' and valid_to = '${REFORM}'`)).rows[0].count),
      lineageLinks: Number((await c.query(`select count(*) from unit_succession`)).rows[0].count),
      assessments: nAssessments,
      indicatorValues: nValues,
      communeStatus: nStatuses,
      recognitions: recRows.length,
      activities: actRows.length,
      obstacles: obsRows.length,
      benchProvinceCommunes: newPerProvince[0]!,
      officersWithDraft: officers.length,
    };
    const made = { scale: spec.scale, database: databaseOf(spec.scale), fingerprint: fp, seconds: Math.round((performance.now() - t0) / 1000), counts, benchProvinceId, setId: setRow.id, currentYear };
    await setSetting(database.db, 'bench_dataset', made);
    step(`done: ${JSON.stringify(counts)}`);
    return made;
  } finally {
    c.release();
    await pool.end();
    await database.close();
  }
}
