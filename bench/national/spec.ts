/**
 * What a benchmark dataset holds (pure): the scale's unit counts, years and volumes, the layout of synthetic
 * provinces and communes around the real reference data, and the fingerprint that decides whether a database
 * generated earlier can be reused.
 */
import { createHash } from 'node:crypto';
import { mulberry32 as prng } from '../../src/seed/random.js';

/** mulberry32 (src/seed/random.ts): the generator's seeded PRNG. */
export { prng };

export type Scale = 'province' | 'national';

export interface DatasetSpec {
  scale: Scale;
  /** Bump when the generator's output changes. */
  generatorVersion: number;
  /** PRNG seed: the same spec always yields the same data. */
  seed: number;
  /** Communes in force today (after 2025-07-01), the reference's new province included. */
  newCommunes: number;
  /** Provinces in force today, the reference's new province included. */
  newProvinces: number;
  /** Communes in force before 2025-07-01 (approximate: the reference's own are kept as they are). */
  oldCommunes: number;
  /** Provinces before 2025-07-01, the reference's two included. */
  oldProvinces: number;
  districtsPerOldProvince: number;
  /** Communes of the benchmark's own province (province dashboard, province export). */
  benchProvinceCommunes: number;
  years: number[];
  /** Shares of the current year's assessments: draft, in review, appraised (the rest). */
  currentYearMix: { draft: number; inReview: number };
  activities: number;
  obstacles: number;
  /** Commune officers with a draft form each (save scenario). */
  officers: number;
}

const YEARS = [2021, 2022, 2023, 2024, 2025];

export function specFor(scale: Scale): DatasetSpec {
  const common = { generatorVersion: 4, seed: 20251127, years: YEARS, currentYearMix: { draft: 0.5, inReview: 0.3 }, officers: 50, benchProvinceCommunes: 150, districtsPerOldProvince: 10 };
  return scale === 'national'
    ? { scale, ...common, newCommunes: 3321, newProvinces: 34, oldCommunes: 8000, oldProvinces: 63, activities: 40_000, obstacles: 8_000 }
    : { scale, ...common, newCommunes: 99 + 150, newProvinces: 2, oldCommunes: 320 + 300, oldProvinces: 4, activities: 3_000, obstacles: 600 };
}

/** Database name of a scale's dataset. */
export const databaseOf = (scale: Scale) => `mtqg_bench_${scale}`;

/**
 * The fingerprint of a dataset: its spec and the migrations it was generated under. A database whose stored
 * fingerprint differs (other spec, new generator, new migration) is generated again.
 */
export function fingerprint(spec: DatasetSpec, migrationTags: readonly string[]): string {
  const canonical = JSON.stringify({ spec: sortKeys(spec), migrations: [...migrationTags] });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

/** Split `total` into `parts` near-equal integers (the first ones take the remainder). */
export function spread(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * Merge lineage inside one new province: `olds` predecessor communes onto `news` successors, in order, each successor
 * receiving a contiguous run of at least one predecessor. Returns, per predecessor index, its successor index.
 */
export function mergePlan(olds: number, news: number): number[] {
  if (news <= 0) throw new Error('a merge needs at least one successor');
  if (olds < news) throw new Error(`${olds} predecessors cannot cover ${news} successors`);
  const sizes = spread(olds, news);
  const out: number[] = [];
  sizes.forEach((n, succ) => {
    for (let i = 0; i < n; i++) out.push(succ);
  });
  return out;
}

