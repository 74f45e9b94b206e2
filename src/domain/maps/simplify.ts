/**
 * Geometry for display (pure): Douglas–Peucker simplification of closed rings, spherical area, and the compact wire
 * form — coordinates quantised to a 1e-4 degree grid (≈ 11 m) and delta-coded, so a province of ~100 communes is a
 * few tens of kilobytes before compression.
 */

/** [longitude, latitude] in degrees (WGS84). */
export type Pos = readonly [number, number];
export type Ring = readonly Pos[];
/** A polygon: the outer ring, then its holes. */
export type Polygon = readonly Ring[];

/** Quantisation: integer units per degree. */
export const GRID = 10_000;

/**
 * Squared distance from p to the segment a–b, on a local plane where a degree of longitude is shortened by
 * cos(latitude) (`kx`), so the tolerance means the same on the ground in both directions.
 */
function segDist2(p: Pos, a: Pos, b: Pos, kx: number): number {
  const ax = a[0] * kx;
  const ay = a[1];
  const dx = b[0] * kx - ax;
  const dy = b[1] - ay;
  const px = p[0] * kx - ax;
  const py = p[1] - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : (px * dx + py * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = px - t * dx;
  const ey = py - t * dy;
  return ex * ex + ey * ey;
}

/** The longitude scale at a latitude (degrees). */
export const lonScale = (lat: number): number => Math.cos((lat * Math.PI) / 180);

/**
 * Douglas–Peucker on an open polyline: keeps both ends and every point farther than `tolerance` (degrees of
 * latitude) from the simplified line. Iterative (no recursion depth limit on long rings). Every dropped point lies
 * within the tolerance of the segment that replaced it.
 */
export function douglasPeucker(points: readonly Pos[], tolerance: number, kx = 1): Pos[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, n - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let maxD = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segDist2(points[i]!, points[first]!, points[last]!, kx);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index !== -1 && maxD > tol2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplify a closed ring (first position = last). The ring is cut at its first point and at the point farthest from
 * it, each half simplified, so the result stays a closed ring with at least 4 positions (a triangle at least).
 */
export function simplifyRing(ring: Ring, tolerance: number, kx = 1): Pos[] {
  const open = ring.slice(0, -1);
  if (open.length <= 3) return ring.slice();
  const start = open[0]!;
  let far = 1;
  let farD = -1;
  for (let i = 1; i < open.length; i++) {
    const dx = (open[i]![0] - start[0]) * kx;
    const dy = open[i]![1] - start[1];
    const d = dx * dx + dy * dy;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = douglasPeucker(open.slice(0, far + 1), tolerance, kx);
  const b = douglasPeucker([...open.slice(far), start], tolerance, kx);
  let out: Pos[] = [...a, ...b.slice(1)];
  if (out.length < 4) {
    // Collapsed to a line: keep the third point that is farthest from it, so the outline keeps some area.
    let third = -1;
    let best = -1;
    for (let i = 1; i < open.length; i++) {
      if (i === far) continue;
      const d = segDist2(open[i]!, start, open[far]!, kx);
      if (d > best) {
        best = d;
        third = i;
      }
    }
    const idx = [0, far, third].sort((x, y) => x - y);
    out = [...idx.map((i) => open[i]!), start];
  }
  return out;
}

/** Area of a ring on the sphere in km² (always ≥ 0), by the spherical-excess sum used by d3 and turf. */
export function ringAreaKm2(ring: Ring): number {
  const R = 6_371.0088;
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[i + 1]!;
    sum += (q[0] - p[0]) * rad * (2 + Math.sin(p[1] * rad) + Math.sin(q[1] * rad));
  }
  return Math.abs((sum * R * R) / 2);
}

/** Area of polygons in km²: outer rings minus their holes. */
export function areaKm2(polygons: readonly Polygon[]): number {
  let a = 0;
  for (const poly of polygons) {
    poly.forEach((ring, i) => {
      a += (i === 0 ? 1 : -1) * ringAreaKm2(ring);
    });
  }
  return Math.max(0, a);
}

/**
 * A closed ring on the integer grid, delta-coded: [x0, y0, dx1, dy1, …] (the closing position included).
 * Consecutive positions that fall on the same grid point merge; a ring that collapses below 4 positions is null.
 */
export function encodeRing(ring: Ring, grid = GRID): number[] | null {
  const pts: Array<[number, number]> = [];
  for (const p of ring) {
    const x = Math.round(p[0] * grid);
    const y = Math.round(p[1] * grid);
    const last = pts[pts.length - 1];
    if (!last || last[0] !== x || last[1] !== y) pts.push([x, y]);
  }
  if (pts.length < 4) return null;
  const out: number[] = [pts[0]![0], pts[0]![1]];
  for (let i = 1; i < pts.length; i++) out.push(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]);
  return out;
}

/** The inverse of encodeRing: positions in degrees. */
export function decodeRing(flat: readonly number[], grid = GRID): Pos[] {
  const out: Pos[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    x = i === 0 ? flat[0]! : x + flat[i]!;
    y = i === 0 ? flat[1]! : y + flat[i + 1]!;
    out.push([x / grid, y / grid]);
  }
  return out;
}

export interface SimplifiedFeature {
  /** Every ring of every polygon, encoded; holes are drawn with the even-odd rule. */
  rings: number[][];
  pointsBefore: number;
  pointsAfter: number;
}

/**
 * Simplify and encode a feature's polygons. Rings that vanish at display scale (an islet, a tiny hole) are dropped,
 * except that a feature always keeps its largest outer ring.
 */
export function simplifyFeature(polygons: readonly Polygon[], tolerance: number, grid = GRID): SimplifiedFeature {
  let pointsBefore = 0;
  let pointsAfter = 0;
  const rings: number[][] = [];
  let largest: { ring: Ring; area: number } | null = null;
  for (const poly of polygons) {
    poly.forEach((ring, i) => {
      pointsBefore += ring.length;
      if (i === 0) {
        const area = ringAreaKm2(ring);
        if (!largest || area > largest.area) largest = { ring, area };
      }
      const kx = lonScale(ring[0]![1]);
      const enc = encodeRing(simplifyRing(ring, tolerance, kx), grid);
      if (enc) {
        rings.push(enc);
        pointsAfter += enc.length / 2;
      }
    });
  }
  if (rings.length === 0 && largest) {
    // Smaller than the grid: keep the outline unsimplified at full precision of the grid (never an empty commune).
    const l = largest as { ring: Ring };
    const flat: number[] = [];
    let px = 0;
    let py = 0;
    l.ring.forEach((p, i) => {
      const x = Math.round(p[0] * grid * 10) / 10;
      const y = Math.round(p[1] * grid * 10) / 10;
      flat.push(i === 0 ? x : x - px, i === 0 ? y : y - py);
      px = x;
      py = y;
    });
    rings.push(flat);
    pointsAfter += l.ring.length;
  }
  return { rings, pointsBefore, pointsAfter };
}

/** The display tolerance for a set spanning `span` degrees: about a third of a pixel across a 1,500 px wide map. */
export function toleranceFor(span: number): number {
  return Math.min(0.002, Math.max(0.0002, span / 1500));
}
