import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaKm2, decodeRing, douglasPeucker, encodeRing, lonScale, ringAreaKm2, simplifyFeature, simplifyRing, toleranceFor, type Pos } from './simplify.js';

/** Distance from p to segment a–b on the same local plane the simplifier uses. */
function segDist(p: Pos, a: Pos, b: Pos, kx: number): number {
  const [ax, ay, bx, by, px, py] = [a[0] * kx, a[1], b[0] * kx, b[1], p[0] * kx, p[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** A star-shaped closed ring around a centre in northern Viet Nam: radii vary, so it is wiggly but simple. */
const ringArb = fc
  .record({
    cx: fc.double({ min: 103.5, max: 106, noNaN: true }),
    cy: fc.double({ min: 21, max: 22.8, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.01, max: 0.1, noNaN: true }), { minLength: 5, maxLength: 300 }),
  })
  .map(({ cx, cy, radii }) => {
    const pts: Pos[] = radii.map((r, i) => {
      const a = (2 * Math.PI * i) / radii.length;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    });
    return [...pts, pts[0]!];
  });

describe('Douglas–Peucker', () => {
  it('keeps the ends and drops points on a straight line', () => {
    const line: Pos[] = [
      [0, 0],
      [1, 0.00001],
      [2, 0],
      [3, 0],
    ];
    expect(douglasPeucker(line, 0.001)).toEqual([
      [0, 0],
      [3, 0],
    ]);
  });

  it('keeps a point farther than the tolerance', () => {
    const line: Pos[] = [
      [0, 0],
      [1, 0.5],
      [2, 0],
    ];
    expect(douglasPeucker(line, 0.1)).toHaveLength(3);
    expect(douglasPeucker(line, 0.6)).toHaveLength(2);
  });

  it('every dropped point lies within the tolerance of the kept line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 104, max: 105, noNaN: true }), fc.double({ min: 21, max: 22, noNaN: true })), { minLength: 3, maxLength: 200 }), fc.double({ min: 0.0001, max: 0.05, noNaN: true }), (pts, tol) => {
        const kx = lonScale(21.5);
        const out = douglasPeucker(pts as Pos[], tol, kx);
        expect(out[0]).toEqual(pts[0]);
        expect(out[out.length - 1]).toEqual(pts[pts.length - 1]);
        // kept points are a subsequence; each original point is near the segment of the kept points around it
        let k = 0;
        for (let i = 0; i < pts.length; i++) {
          if (out[k + 1] && pts[i] === out[k + 1]) k++;
          if (pts[i] === out[k]) continue;
          expect(segDist(pts[i] as Pos, out[k]!, out[k + 1]!, kx)).toBeLessThanOrEqual(tol + 1e-12);
        }
      }),
    );
  });
});

describe('simplifyRing', () => {
  it('returns closed rings with at least 4 positions and never more points (property)', () => {
    fc.assert(
      fc.property(ringArb, fc.double({ min: 0.0001, max: 0.2, noNaN: true }), (ring, tol) => {
        const out = simplifyRing(ring, tol, lonScale(ring[0]![1]));
        expect(out.length).toBeGreaterThanOrEqual(4);
        expect(out.length).toBeLessThanOrEqual(ring.length);
        expect(out[0]).toEqual(out[out.length - 1]);
        for (const p of out) expect(ring).toContainEqual(p);
      }),
    );
  });

  it('reduces a finely sampled circle a lot and keeps its area within a few percent', () => {
    const n = 2000;
    const ring: Pos[] = Array.from({ length: n }, (_, i) => [104 + 0.05 * Math.cos((2 * Math.PI * i) / n), 22 + 0.05 * Math.sin((2 * Math.PI * i) / n)] as Pos);
    ring.push(ring[0]!);
    const out = simplifyRing(ring, 0.0005, lonScale(22));
    expect(out.length).toBeLessThan(n / 10);
    expect(Math.abs(ringAreaKm2(out) - ringAreaKm2(ring)) / ringAreaKm2(ring)).toBeLessThan(0.03);
  });

  it('keeps a triangle when the tolerance is huge', () => {
    const ring: Pos[] = [
      [104, 22],
      [104.1, 22],
      [104.1, 22.1],
      [104.05, 22.15],
      [104, 22.1],
      [104, 22],
    ];
    const out = simplifyRing(ring, 10);
    expect(out).toHaveLength(4);
    expect(ringAreaKm2(out)).toBeGreaterThan(0);
  });
});

describe('area', () => {
  it('a 0.1° square near 22°N is about 11.1 × 10.3 km', () => {
    const sq: Pos[] = [
      [104, 22],
      [104.1, 22],
      [104.1, 22.1],
      [104, 22.1],
      [104, 22],
    ];
    expect(ringAreaKm2(sq)).toBeGreaterThan(112);
    expect(ringAreaKm2(sq)).toBeLessThan(117);
  });

  it('subtracts holes', () => {
    const outer: Pos[] = [
      [104, 22],
      [104.1, 22],
      [104.1, 22.1],
      [104, 22.1],
      [104, 22],
    ];
    const hole: Pos[] = [
      [104.02, 22.02],
      [104.02, 22.07],
      [104.07, 22.07],
      [104.07, 22.02],
      [104.02, 22.02],
    ];
    expect(areaKm2([[outer, hole]])).toBeCloseTo(ringAreaKm2(outer) - ringAreaKm2(hole), 6);
  });
});

describe('encoding', () => {
  it('round-trips through the 1e-4 degree grid within half a grid step (property)', () => {
    fc.assert(
      fc.property(ringArb, (ring) => {
        const enc = encodeRing(ring);
        if (!enc) return;
        const dec = decodeRing(enc);
        expect(dec[0]).toEqual(dec[dec.length - 1]);
        for (const p of dec) {
          const near = ring.some((q) => Math.abs(q[0] - p[0]) <= 0.00005 + 1e-9 && Math.abs(q[1] - p[1]) <= 0.00005 + 1e-9);
          expect(near).toBe(true);
        }
      }),
    );
  });

  it('merges points on the same grid cell and drops a ring that collapses', () => {
    expect(
      encodeRing([
        [104, 22],
        [104.00001, 22.00001],
        [104.00002, 22],
        [104, 22],
      ]),
    ).toBeNull();
    expect(
      encodeRing([
        [104, 22],
        [104.001, 22],
        [104.001, 22.001],
        [104, 22],
      ]),
    ).toEqual([1_040_000, 220_000, 10, 0, 0, 10, -10, -10]);
  });

  it('simplifyFeature drops islets but never the whole commune', () => {
    const big: Pos[] = [
      [104, 22],
      [104.1, 22],
      [104.1, 22.1],
      [104, 22.1],
      [104, 22],
    ];
    const islet: Pos[] = [
      [104.2, 22.2],
      [104.20001, 22.2],
      [104.20001, 22.20001],
      [104.2, 22.2],
    ];
    const f = simplifyFeature([[big], [islet]], 0.001);
    expect(f.rings).toHaveLength(1);
    expect(f.pointsBefore).toBe(9);
    const tiny = simplifyFeature([[islet]], 0.001);
    expect(tiny.rings).toHaveLength(1);
    expect(decodeRing(tiny.rings[0]!).length).toBe(4);
  });

  it('chooses a tolerance between 0.0002° and 0.002°', () => {
    expect(toleranceFor(0.01)).toBe(0.0002);
    expect(toleranceFor(1.5)).toBeCloseTo(0.001);
    expect(toleranceFor(30)).toBe(0.002);
  });
});
