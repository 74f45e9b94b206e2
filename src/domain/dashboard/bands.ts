/**
 * The customary distribution bands of "criteria met per commune".
 *
 * For the 19-criteria set the reports use 19 / 15–18 / 10–14 / 5–9 / under 5. For a set of n criteria the analogue
 * keeps the same proportions: the top band is "all n", and the lower bounds of the next three bands are
 * round(n·15/19), round(n·10/19), round(n·5/19) — which gives exactly 15, 10, 5 for n = 19 and, for the 10-criteria
 * set, 10 / 8–9 / 5–7 / 3–4 / under 3. Bounds that would collide on a very small set are dropped, so the bands always
 * partition 0..n without gaps or overlaps.
 */

export interface Band {
  /** Stable key used in filters, e.g. "19", "15-18", "0-4". */
  readonly key: string;
  readonly min: number;
  readonly max: number;
}

/** The bands for a set of `n` criteria, highest first. */
export function bandsFor(n: number): Band[] {
  if (!Number.isInteger(n) || n < 1) return [{ key: '0', min: 0, max: 0 }];
  const lows = [15, 10, 5].map((k) => Math.round((n * k) / 19));
  const bounds: number[] = [n];
  for (const low of lows) {
    const prev = bounds[bounds.length - 1]!;
    if (low < prev && low > 0) bounds.push(low);
  }
  const bands: Band[] = [{ key: String(n), min: n, max: n }];
  for (let i = 1; i < bounds.length; i++) {
    const min = bounds[i]!;
    const max = bounds[i - 1]! - 1;
    bands.push({ key: `${min}-${max}`, min, max });
  }
  const lastMin = bands[bands.length - 1]!.min;
  if (lastMin > 0) bands.push({ key: `0-${lastMin - 1}`, min: 0, max: lastMin - 1 });
  return bands;
}

/** The band a score falls in (scores outside 0..n are clamped). */
export function bandOf(bands: readonly Band[], score: number): Band {
  const top = bands[0]!;
  const s = Math.max(0, Math.min(top.max, Math.floor(score)));
  return bands.find((b) => s >= b.min && s <= b.max) ?? bands[bands.length - 1]!;
}
