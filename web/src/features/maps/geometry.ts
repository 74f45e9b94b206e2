/**
 * Drawing outlines without a map library (pure): delta-coded rings (see the boundaries contract) → Web Mercator →
 * a viewBox fitted to the features' extent → SVG path data, one path per commune (holes by the even-odd rule).
 */
import { decodeRing } from '../../../../src/domain/maps/simplify.js';

export interface Fitted {
  width: number;
  height: number;
  /** Per feature, in the order given: the path's `d`. */
  paths: string[];
}

const RAD = Math.PI / 180;
/** Web Mercator on the unit sphere: x = λ, y = ln tan(π/4 + φ/2) (y grows northwards). */
export function mercator(lon: number, lat: number): [number, number] {
  return [lon * RAD, Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2))];
}

/** Positions of a delta-coded ring in degrees: the server's own decoder (pure, no dependencies). */
export { decodeRing };

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Project every feature and fit the whole into a box `maxWidth` wide (or `maxHeight` high, whichever binds), with
 * `pad` units of margin. North is up; the aspect ratio of the ground is kept.
 */
export function fitPaths(features: ReadonlyArray<{ rings: readonly (readonly number[])[] }>, grid: number, maxWidth = 800, maxHeight = 800, pad = 8): Fitted {
  const projected = features.map((f) => f.rings.map((r) => decodeRing(r, grid).map(([lon, lat]) => mercator(lon, lat))));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of projected)
    for (const ring of f)
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
  if (!Number.isFinite(minX)) return { width: maxWidth, height: 0, paths: features.map(() => '') };
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((maxWidth - 2 * pad) / spanX, (maxHeight - 2 * pad) / spanY);
  const width = Math.ceil(spanX * scale + 2 * pad);
  const height = Math.ceil(spanY * scale + 2 * pad);
  const paths = projected.map((f) =>
    f
      .map((ring) => {
        const pts = ring.slice(0, -1).map(([x, y]) => `${r1(pad + (x - minX) * scale)} ${r1(pad + (maxY - y) * scale)}`);
        return pts.length ? `M${pts.join('L')}Z` : '';
      })
      .join(''),
  );
  return { width, height, paths };
}
