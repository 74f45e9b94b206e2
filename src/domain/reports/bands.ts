/**
 * Report maths (pure): the customary bands of criteria met per commune, averages and rates.
 *
 * For the 19-criteria set the provinces report 19 / 15–18 / 10–14 / 5–9 / under 5. For a set of another size the
 * analogue keeps the same proportions of the whole (15/19, 10/19, 5/19, rounded): the 10-criteria set of 2026–2030
 * gives 10 / 8–9 / 5–7 / 3–4 / under 3. That analogue is our convention, not a legal band: the report says so.
 */

export interface Band {
  /** Stable key: all, b2, b3, b4, low. */
  key: 'all' | 'b2' | 'b3' | 'b4' | 'low';
  /** Inclusive bounds of criteria met. */
  min: number;
  max: number;
  /** "19 tiêu chí", "15–18 tiêu chí", "dưới 5 tiêu chí". */
  label: string;
  labelEn: string;
}

const SHARES = [15 / 19, 10 / 19, 5 / 19] as const;

/** The five bands for a set of `n` criteria (n ≥ 1), highest first; empty bands are dropped for tiny sets. */
export function bandsFor(n: number): Band[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`bandsFor: ${n} criteria`);
  const [ra, rb, rc] = SHARES.map((s) => Math.round(n * s)) as [number, number, number];
  const a = Math.min(ra, n);
  const b = Math.min(rb, a);
  const c = Math.min(Math.max(1, rc), b);
  const bounds: Array<[Band['key'], number, number]> = [
    ['all', n, n],
    ['b2', a, n - 1],
    ['b3', b, a - 1],
    ['b4', c, b - 1],
    ['low', 0, c - 1],
  ];
  return bounds
    .filter(([, min, max]) => max >= min)
    .map(([key, min, max]) => ({
      key,
      min,
      max,
      label: key === 'all' ? `${n} tiêu chí` : key === 'low' ? `Dưới ${max + 1} tiêu chí` : min === max ? `${min} tiêu chí` : `${min}–${max} tiêu chí`,
      labelEn: key === 'all' ? `${n} criteria` : key === 'low' ? `Under ${max + 1} criteria` : min === max ? `${min} criteria` : `${min}–${max} criteria`,
    }));
}

/** The band a commune with `met` criteria falls in. */
export function bandOf(bands: readonly Band[], met: number): Band['key'] {
  const b = bands.find((x) => met >= x.min && met <= x.max);
  return b ? b.key : met > bands[0]!.max ? 'all' : 'low';
}

export interface BandSummary {
  communes: number;
  /** Average criteria met per commune, one decimal (null when no commune). */
  average: number | null;
  /** Communes per band key, in the order of `bandsFor`. */
  counts: Array<{ key: Band['key']; count: number }>;
}

/** Summarise a histogram of criteria met (met → number of communes). */
export function summariseBands(bands: readonly Band[], histogram: ReadonlyArray<{ met: number; communes: number }>): BandSummary {
  const counts = new Map<Band['key'], number>(bands.map((b) => [b.key, 0]));
  let communes = 0;
  let sum = 0;
  for (const h of histogram) {
    if (h.communes <= 0) continue;
    communes += h.communes;
    sum += h.met * h.communes;
    const k = bandOf(bands, h.met);
    counts.set(k, (counts.get(k) ?? 0) + h.communes);
  }
  return { communes, average: communes ? round1(sum / communes) : null, counts: bands.map((b) => ({ key: b.key, count: counts.get(b.key) ?? 0 })) };
}

/** A percentage 0–100 with one decimal; null when the denominator is 0. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round1((part * 100) / whole) : null;
}

/** Round half away from zero to one decimal (the way the figures are printed in reports). */
export function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + Number.EPSILON * 10)) / 10;
}
