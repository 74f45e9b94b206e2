// Vietnamese formatting for the engine's explanations. Hand-rolled rather than Intl.NumberFormat because it runs
// for every indicator of every commune (hundreds of thousands of calls per province evaluation).
import type { IndicatorValue, TargetValue } from './types.js';

/** Format a number the Vietnamese way: "." groups thousands, "," marks decimals, at most 2 decimals. */
export function formatNumber(n: number): string {
  // Fast path: small integers (most counts and percentages) need no grouping or decimal comma.
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const rounded = Math.round(n * 100) / 100;
  const negative = rounded < 0;
  const [intPart = '0', frac] = String(Math.abs(rounded)).split('.');
  const grouped = intPart.length > 3 ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : intPart;
  return (negative ? '-' : '') + grouped + (frac ? `,${frac}` : '');
}

/** Format a number with its unit: "80%", "45 triệu đồng/người/năm". */
export function formatQuantity(n: number, unit: string | null): string {
  const s = formatNumber(n);
  if (unit === null || unit === '') return s;
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

/** Format an entered value or a target for a sentence. */
export function formatValue(v: IndicatorValue | TargetValue, unit: string | null): string {
  if (v === null) return 'chưa có';
  if (typeof v === 'number') return formatQuantity(v, unit);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return `"${v}"`;
}
