/** Pure figures for the benchmarks: percentiles (nearest rank), medians, rounding, budgets. */

/** Nearest-rank percentile of an ascending array (p in 0–100); NaN for an empty array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Median of any array (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Summary of raw latencies in ms (rounded to 0.1 ms). */
export function summarise(latencies: readonly number[]): LatencySummary {
  const s = [...latencies].sort((a, b) => a - b);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN;
  return {
    count: s.length,
    mean: round1(mean),
    p50: round1(percentile(s, 50)),
    p95: round1(percentile(s, 95)),
    p99: round1(percentile(s, 99)),
    max: round1(s.at(-1) ?? Number.NaN),
  };
}

/** Ratio API/floor rounded to 0.01, or null when the floor is not measurable (0 or missing). */
export function ratio(api: number | null | undefined, floor: number | null | undefined): number | null {
  if (api == null || floor == null || !Number.isFinite(api) || !Number.isFinite(floor) || floor <= 0) return null;
  return Math.round((api / floor) * 100) / 100;
}
