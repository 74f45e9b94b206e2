/** Boundary sets, features and map values on the wire. */
import type { BoundaryFeatureOut, BoundarySetSummary, MapCommuneValue } from '../../contracts/maps.js';
import type { BoundarySetRow, FeatureRow, ValueRow } from './maps.repo.js';
import type { BoundarySetAbilities } from './maps.policy.js';

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export function presentSet(r: BoundarySetRow, abilities: BoundarySetAbilities): BoundarySetSummary {
  return {
    id: r.id,
    name: r.name,
    province: { unitId: r.province_unit_id, code: r.province_code, name: r.province_name },
    yearFrom: r.year_from,
    yearTo: r.year_to,
    asOf: r.as_of,
    codeProperty: r.code_property,
    fileId: r.file_id,
    fileName: r.file_name,
    fileSize: Number(r.file_size),
    featureCount: r.feature_count,
    bbox: json(r.bbox),
    pointsOriginal: r.points_original,
    pointsSimplified: r.points_simplified,
    payloadGzipBytes: r.payload_gzip_bytes,
    isActive: r.is_active,
    uploadedBy: r.uploaded_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    abilities,
  };
}

export function presentFeature(r: FeatureRow): BoundaryFeatureOut {
  return { unitId: r.unit_id, code: r.code, rings: json(r.geometry).rings, areaKm2: Math.round(Number(r.area_km2) * 100) / 100 };
}

/** [west, south, east, north] in grid units of delta-coded rings (null when there are none). */
export function ringsBbox(features: readonly BoundaryFeatureOut[]): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of features) {
    for (const ring of f.rings) {
      let x = 0;
      let y = 0;
      for (let i = 0; i + 1 < ring.length; i += 2) {
        x = i === 0 ? ring[0]! : x + ring[i]!;
        y = i === 0 ? ring[1]! : y + ring[i + 1]!;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

export function presentValue(r: ValueRow): MapCommuneValue {
  return {
    unitId: r.unit_id,
    code: r.code,
    name: r.name,
    parent: r.parent_id ? { unitId: r.parent_id, name: r.parent_name ?? '', level: r.parent_level ?? '' } : null,
    criteriaMet: r.criteria_met,
    criteriaApplicable: r.criteria_applicable,
    meetsStandard: r.meets_standard,
    basis: r.basis,
    recognisedLevel: r.recognised_level,
  };
}
