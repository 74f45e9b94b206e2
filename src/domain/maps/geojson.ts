/**
 * Reading an uploaded boundary file (pure): a GeoJSON FeatureCollection of commune outlines in WGS84. Every problem
 * is reported per feature, in Vietnamese, with a stable kind; the checks that need the database (does the code name
 * a commune at the set's date, in the actor's scope) are the service's.
 */
import type { BoundaryIssueKind } from '../../contracts/maps.js';
import type { Polygon, Pos, Ring } from './simplify.js';

export type { BoundaryIssueKind };

export interface BoundaryIssue {
  /** 1-based position of the feature in the file; null for the file as a whole. */
  feature: number | null;
  code: string | null;
  kind: BoundaryIssueKind;
  message: string;
}

export interface ParsedFeature {
  /** 1-based position in the file. */
  feature: number;
  code: string;
  polygons: Polygon[];
  points: number;
}

export interface ReadResult {
  /** Features in the file (valid or not). */
  total: number;
  codeProperty: string | null;
  features: ParsedFeature[];
  issues: BoundaryIssue[];
  /** [west, south, east, north] of the valid features. */
  bbox: [number, number, number, number] | null;
}

export const MAX_FEATURES = 5_000;
export const MAX_POSITIONS = 3_000_000;
/** The code properties tried, in order, when the uploader names none. */
export const CODE_PROPERTY_CANDIDATES = ['ma_xa', 'MA_XA', 'code', 'Code', 'CODE', 'maXa', 'MaXa', 'ma_dvhc', 'MA_DVHC', 'ma'] as const;
/** Roughly Viet Nam, islands included: longitudes 102–118 °E, latitudes 8–23.6 °N. */
export const VIETNAM_BBOX = { west: 102, south: 8, east: 118, north: 23.6 } as const;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A commune code as GSO writes it: 5 digits (numbers and shorter digit strings are padded: 2683 → "02683"). */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return String(raw).padStart(5, '0');
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (/^\d{1,5}$/.test(s)) return s.padStart(5, '0');
  return null;
}

/** The property holding the code: the first candidate present in most features (null when none is). */
export function detectCodeProperty(propertyBags: ReadonlyArray<Record<string, unknown> | null>): string | null {
  let best: { name: string; n: number } | null = null;
  for (const name of CODE_PROPERTY_CANDIDATES) {
    const n = propertyBags.filter((p) => p && p[name] !== undefined && p[name] !== null && p[name] !== '').length;
    if (n > 0 && (!best || n > best.n)) best = { name, n };
  }
  return best?.name ?? null;
}

type RingCheck = { ok: true; ring: Ring } | { ok: false; kind: BoundaryIssueKind; message: string };

function checkRing(raw: unknown, where: string): RingCheck {
  if (!Array.isArray(raw)) return { ok: false, kind: 'coordinates', message: `${where}: vòng không phải danh sách tọa độ` };
  const ring: Pos[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || p.length < 2 || !isNum(p[0]) || !isNum(p[1])) {
      return { ok: false, kind: 'coordinates', message: `${where}: có tọa độ không phải cặp số [kinh độ, vĩ độ]` };
    }
    ring.push([p[0], p[1]]);
  }
  const v = VIETNAM_BBOX;
  const inside = ([x, y]: Pos) => x >= v.west && x <= v.east && y >= v.south && y <= v.north;
  if (!ring.every(inside) && ring.every(([x, y]) => inside([y, x]))) {
    return { ok: false, kind: 'swapped', message: `${where}: kinh độ và vĩ độ bị đảo chỗ; GeoJSON ghi [kinh độ, vĩ độ]` };
  }
  for (const [x, y] of ring) {
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      return Math.abs(x) > 1000 || Math.abs(y) > 1000
        ? { ok: false, kind: 'projected', message: `${where}: tọa độ có vẻ tính bằng mét (VN-2000 hoặc UTM); hãy xuất tệp theo WGS84 (kinh độ, vĩ độ)` }
        : { ok: false, kind: 'out_of_range', message: `${where}: tọa độ ngoài phạm vi WGS84 (kinh độ −180…180, vĩ độ −90…90)` };
    }
  }
  if (!ring.every(inside)) {
    return { ok: false, kind: 'outside_vietnam', message: `${where}: có tọa độ nằm ngoài lãnh thổ Việt Nam (kinh độ 102–118, vĩ độ 8–23,6)` };
  }
  if (ring.length < 4) return { ok: false, kind: 'ring_short', message: `${where}: vòng chỉ có ${ring.length} điểm (cần ít nhất 4, điểm cuối trùng điểm đầu)` };
  const a = ring[0]!;
  const z = ring[ring.length - 1]!;
  if (a[0] !== z[0] || a[1] !== z[1]) return { ok: false, kind: 'ring_open', message: `${where}: vòng không khép kín (điểm cuối phải trùng điểm đầu)` };
  return { ok: true, ring };
}

function checkPolygon(raw: unknown, where: string): { polygon: Polygon } | { kind: BoundaryIssueKind; message: string } {
  if (!Array.isArray(raw) || raw.length === 0) return { kind: 'coordinates', message: `${where}: đa giác không có vòng nào` };
  const rings: Ring[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = checkRing(raw[i], i === 0 ? `${where}, vòng ngoài` : `${where}, lỗ thủng ${i}`);
    if (!r.ok) return r;
    rings.push(r.ring);
  }
  return { polygon: rings };
}

/**
 * Parse and check a boundary file. `codeProperty` is the uploader's choice; without it the property is detected
 * among CODE_PROPERTY_CANDIDATES. A feature with any problem is reported and left out of `features`.
 */
export function readBoundaryFile(text: string, codeProperty?: string | null): ReadResult {
  const fail = (kind: BoundaryIssueKind, message: string): ReadResult => ({ total: 0, codeProperty: null, features: [], issues: [{ feature: null, code: null, kind, message }], bbox: null });
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail('json', `Tệp không phải JSON hợp lệ (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObj(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    return fail('not_collection', 'Tệp phải là một GeoJSON FeatureCollection (có "type": "FeatureCollection" và danh sách "features")');
  }
  if (isObj(doc.crs)) {
    const name = isObj(doc.crs.properties) ? String(doc.crs.properties.name ?? '') : '';
    if (!/CRS84|EPSG::?4326\b/i.test(name)) return fail('crs', `Hệ tọa độ "${name || 'không rõ'}" không được hỗ trợ; hãy xuất tệp theo WGS84 (EPSG:4326)`);
  }
  const raw = doc.features as unknown[];
  if (raw.length === 0) return fail('no_features', 'Tệp không có đối tượng (feature) nào');
  if (raw.length > MAX_FEATURES) return fail('too_many_features', `Tệp có ${raw.length} đối tượng; tối đa ${MAX_FEATURES}`);

  const bags = raw.map((f) => (isObj(f) && isObj(f.properties) ? f.properties : null));
  const prop = codeProperty?.trim() || detectCodeProperty(bags);
  const issues: BoundaryIssue[] = [];
  if (!prop) {
    issues.push({
      feature: null,
      code: null,
      kind: 'no_code_property',
      message: `Không tìm thấy thuộc tính chứa mã xã (đã thử ${CODE_PROPERTY_CANDIDATES.join(', ')}); hãy chọn tên thuộc tính`,
    });
  }
  const features: ParsedFeature[] = [];
  const firstOf = new Map<string, number>();
  let positions = 0;
  const box = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  raw.forEach((f, i) => {
    const n = i + 1;
    const where = `Đối tượng ${n}`;
    if (!isObj(f) || f.type !== 'Feature') {
      issues.push({ feature: n, code: null, kind: 'not_feature', message: `${where}: không phải một Feature GeoJSON` });
      return;
    }
    let code: string | null = null;
    if (prop) {
      const value = bags[i]?.[prop];
      if (value === undefined || value === null || value === '') {
        issues.push({ feature: n, code: null, kind: 'no_code', message: `${where}: thiếu mã xã trong thuộc tính "${prop}"` });
      } else {
        code = normaliseCode(value);
        if (!code) issues.push({ feature: n, code: String(value), kind: 'bad_code', message: `${where}: mã "${String(value)}" không phải mã xã (5 chữ số)` });
      }
    }
    const label = code ? `${where} (mã ${code})` : where;
    const g = f.geometry;
    if (!isObj(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      const t = isObj(g) ? String(g.type) : 'không có';
      issues.push({ feature: n, code, kind: 'geometry_type', message: `${label}: hình học "${t}" — chỉ nhận Polygon hoặc MultiPolygon` });
      return;
    }
    const rawPolys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (!Array.isArray(rawPolys) || rawPolys.length === 0) {
      issues.push({ feature: n, code, kind: 'coordinates', message: `${label}: thiếu tọa độ` });
      return;
    }
    const polygons: Polygon[] = [];
    for (let k = 0; k < rawPolys.length; k++) {
      const r = checkPolygon(rawPolys[k], g.type === 'Polygon' ? label : `${label}, đa giác ${k + 1}`);
      if ('kind' in r) {
        issues.push({ feature: n, code, kind: r.kind, message: r.message });
        return;
      }
      polygons.push(r.polygon);
    }
    const points = polygons.reduce((s, p) => s + p.reduce((t, ring) => t + ring.length, 0), 0);
    positions += points;
    if (!code) return;
    const first = firstOf.get(code);
    if (first !== undefined) {
      issues.push({ feature: n, code, kind: 'duplicate_code', message: `${label}: mã xã trùng với đối tượng ${first}; mỗi xã chỉ được có một đối tượng` });
      return;
    }
    firstOf.set(code, n);
    for (const p of polygons)
      for (const [x, y] of p[0]!) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
    features.push({ feature: n, code, polygons, points });
  });
  if (positions > MAX_POSITIONS) {
    issues.unshift({ feature: null, code: null, kind: 'too_many_points', message: `Tệp có ${positions} điểm tọa độ; tối đa ${MAX_POSITIONS} (hãy giản lược trước khi tải lên)` });
  }
  return { total: raw.length, codeProperty: prop ?? null, features, issues, bbox: features.length ? box : null };
}
