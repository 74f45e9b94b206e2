/**
 * Indicator values in words and back: the comparison a kind makes, numbers with units and the Vietnamese decimal comma,
 * gaps to the target, and the parsing of typed text. Pure functions, shared by criteria and assessments.
 */
import type { IndicatorKindName, IndicatorResultDto } from '../../../src/contracts/criteria.js';
import type { TFunction } from '../i18n/index.js';

type Scalar = string | number | boolean;

/** The comparison a kind makes: "≥" for minimums, "≤" for maximums, "=" for yes/no; "≥" for ranked verdicts. */
export function comparator(kind: IndicatorKindName, ranked = false): string {
  switch (kind) {
    case 'min':
    case 'percent_min':
    case 'count_min':
      return '≥';
    case 'max':
    case 'percent_max':
    case 'count_max':
      return '≤';
    case 'verdict':
      return ranked ? '≥' : '=';
    default:
      return '=';
  }
}

const isMin = (kind: IndicatorKindName) => kind === 'min' || kind === 'percent_min' || kind === 'count_min';
const isNumeric = (kind: IndicatorKindName) => kind !== 'boolean' && kind !== 'verdict';

/** A number with its unit: "80%", "45 triệu đồng/người/năm". */
export function quantity(n: number, unit: string | null, formatNumber: (n: number) => string): string {
  const s = formatNumber(n);
  if (!unit) return s;
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

/** A value or a target as words in the reader's language; null = not entered / not known. */
export function valueWords(v: Scalar | null, unit: string | null, t: TFunction, formatNumber: (n: number) => string): string {
  if (v === null) return t('criteria.value.none');
  if (typeof v === 'number') return quantity(v, unit, formatNumber);
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return v;
}

/** "còn thiếu 10%" (a minimum not reached) or "vượt 2%" (a maximum exceeded); null without a numeric gap. */
export function gapWords(
  kind: IndicatorKindName,
  gap: IndicatorResultDto['gap'],
  unit: string | null,
  t: TFunction,
  formatNumber: (n: number) => string,
): string | null {
  if (!gap || gap.absolute === null || gap.absolute === 0 || !isNumeric(kind)) return null;
  const amount = quantity(Math.abs(gap.absolute), unit, formatNumber);
  return t(isMin(kind) ? 'criteria.gap.short' : 'criteria.gap.over', { amount });
}

export type ParsedValue = { ok: true; value: number | boolean | string | null } | { ok: false };

/**
 * A value typed by a person, for an indicator kind. Numbers accept the Vietnamese decimal comma ("41,5") and a
 * trailing "%"; a dot is a decimal point when there is no comma. Empty text is "not entered" (null).
 */
export function parseTypedValue(kind: IndicatorKindName, text: string): ParsedValue {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  if (kind === 'boolean') {
    if (s === 'true') return { ok: true, value: true };
    if (s === 'false') return { ok: true, value: false };
    return { ok: false };
  }
  if (kind === 'verdict') return { ok: true, value: s };
  const n = parseNumber(s);
  return n === null ? { ok: false } : { ok: true, value: n };
}

/** "41,5" → 41.5, "1.234,5" → 1234.5, "80%" → 80, "12.5" → 12.5; null when it is not a number. */
export function parseNumber(text: string): number | null {
  let s = text.replace(/\s|%$/g, '');
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
