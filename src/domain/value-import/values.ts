// Reading one spreadsheet cell as an indicator value, by the indicator's kind (pure). The accepted values are the
// engine's kind definitions (domain/criteria/types.ts IndicatorKind; engine.ts invalidValue): boolean, any finite
// number for min/max, 0–100 for percentages, non-negative integers for counts, a label (of the scale, when the
// indicator has one) for verdicts. engine-agreement.test.ts checks that what we accept is what the engine accepts.
import { searchKey } from '../../platform/text.js';
import { normalizeVerdict } from '../criteria/compile.js';
import type { IndicatorKind, IndicatorValue } from '../criteria/types.js';

/** A cell as read from the workbook: text, number, boolean or empty. */
export type Cell = string | number | boolean | null;

/** The longest verdict text (contracts/assessments VALUE_TEXT_MAX). */
export const VALUE_TEXT_MAX = 200;

export type ValueProblem = 'VALUE_WRONG_TYPE' | 'VALUE_OUT_OF_RANGE' | 'VALUE_NOT_IN_SCALE' | 'VALUE_TOO_LONG';
export type ReadValue = { ok: true; value: IndicatorValue } | { ok: false; code: ValueProblem; message: string };

/** Fold case, diacritics and spacing: "Không đạt" → "khong dat" (the same key as the search columns use). */
export const fold: (s: string) => string = searchKey;

/** Text of a cell, trimmed; null when empty. */
export function cellText(c: Cell): string | null {
  if (c === null) return null;
  const s = String(c).trim();
  return s === '' ? null : s;
}

const TRUE_WORDS = new Set(['co', 'dat', 'x', 'true', 'yes', '1']);
const FALSE_WORDS = new Set(['khong', 'khong dat', 'chua dat', 'false', 'no', '0']);

/** "80", "80%", "1.234,5", "45,5", "12.5" → number; anything else → null. */
export function readNumber(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (typeof c !== 'string') return null;
  let s = c.replace(/[\s\u00a0%]/g, '');
  if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
  else if (s.includes(',')) s = s.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const shown = (c: Cell) => (typeof c === 'string' ? `"${c.length > 40 ? `${c.slice(0, 40)}…` : c}"` : String(c));

/** A number in percent (unit "%"), whatever the kind says: 0–100 (the national set types rates as min/max with "%"). */
export const isPercent = (kind: IndicatorKind, unit: string | null | undefined) => kind === 'percent_min' || kind === 'percent_max' || unit?.trim() === '%';

/**
 * Does an Excel number format show its number as a percentage (the stored number is the shown one ÷ 100)? A "%"
 * counts unless it is literal text: quoted (0" %"), escaped with a backslash, or in a [bracket] section.
 */
export function isPercentFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt) return false;
  return numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
}

/** The percentage a percent-formatted cell shows (0.85 → 85), without the float noise of ×100 (0.285 → 28.5). */
export function percentOfCell(n: number): number {
  return Number.parseFloat((n * 100).toPrecision(12));
}

/** What the kind accepts, in Vietnamese (for the template's "Giá trị cho phép" column and messages). */
export function allowedText(kind: IndicatorKind, scale: readonly string[] | undefined, unit?: string | null): string {
  if (isPercent(kind, unit)) return 'Số từ 0 đến 100';
  switch (kind) {
    case 'boolean':
      return 'Có hoặc Không';
    case 'min':
    case 'max':
      return 'Một số';
    case 'percent_min':
    case 'percent_max':
      return 'Số từ 0 đến 100';
    case 'count_min':
    case 'count_max':
      return 'Số nguyên không âm';
    case 'verdict':
      return scale && scale.length > 0 ? `Một trong: ${scale.join('; ')}` : 'Kết luận bằng chữ';
  }
}

/**
 * Read a non-empty cell as a value of the kind, or say what is wrong (Vietnamese, with a stable code). Stricter than
 * the engine in one place: a number whose unit is "%" must lie in 0–100 even when its kind is plain min/max.
 */
export function readValue(kind: IndicatorKind, scale: readonly string[] | undefined, c: Cell, unit?: string | null): ReadValue {
  if (isPercent(kind, unit) && kind !== 'percent_min' && kind !== 'percent_max') {
    const read = readValue(kind, scale, c);
    if (read.ok && typeof read.value === 'number' && (read.value < 0 || read.value > 100)) {
      return { ok: false, code: 'VALUE_OUT_OF_RANGE', message: `Tỷ lệ phải từ 0 đến 100 (đọc được ${String(read.value).replace('.', ',')})` };
    }
    return read;
  }
  switch (kind) {
    case 'boolean': {
      if (typeof c === 'boolean') return { ok: true, value: c };
      const k = fold(String(c));
      if (TRUE_WORDS.has(k)) return { ok: true, value: true };
      if (FALSE_WORDS.has(k)) return { ok: true, value: false };
      return { ok: false, code: 'VALUE_WRONG_TYPE', message: `Cần ghi Có hoặc Không (đọc được ${shown(c)})` };
    }
    case 'min':
    case 'max': {
      const n = readNumber(c);
      return n === null ? { ok: false, code: 'VALUE_WRONG_TYPE', message: `Cần một số (đọc được ${shown(c)})` } : { ok: true, value: n };
    }
    case 'percent_min':
    case 'percent_max': {
      const n = readNumber(c);
      if (n === null) return { ok: false, code: 'VALUE_WRONG_TYPE', message: `Cần một tỷ lệ phần trăm là số từ 0 đến 100 (đọc được ${shown(c)})` };
      if (n < 0 || n > 100) return { ok: false, code: 'VALUE_OUT_OF_RANGE', message: `Tỷ lệ phải từ 0 đến 100 (đọc được ${String(n).replace('.', ',')})` };
      return { ok: true, value: n };
    }
    case 'count_min':
    case 'count_max': {
      const n = readNumber(c);
      if (n === null) return { ok: false, code: 'VALUE_WRONG_TYPE', message: `Cần một số nguyên không âm (đọc được ${shown(c)})` };
      if (!Number.isInteger(n) || n < 0) return { ok: false, code: 'VALUE_OUT_OF_RANGE', message: `Số lượng phải là số nguyên không âm (đọc được ${String(n).replace('.', ',')})` };
      return { ok: true, value: n };
    }
    case 'verdict': {
      if (typeof c !== 'string') return { ok: false, code: 'VALUE_WRONG_TYPE', message: `Cần một kết luận bằng chữ (đọc được ${shown(c)})` };
      const t = c.trim();
      if (t.length > VALUE_TEXT_MAX) return { ok: false, code: 'VALUE_TOO_LONG', message: `Kết luận dài quá ${VALUE_TEXT_MAX} ký tự` };
      if (scale && scale.length > 0) {
        // Exact (as the engine compares), else typed without diacritics when that names one label only.
        const key = normalizeVerdict(t);
        const folded = scale.filter((l) => fold(l) === fold(t));
        const label = scale.find((l) => normalizeVerdict(l) === key) ?? (folded.length === 1 ? folded[0] : undefined);
        if (label === undefined) return { ok: false, code: 'VALUE_NOT_IN_SCALE', message: `Kết luận phải là một trong: ${scale.join('; ')} (đọc được ${shown(c)})` };
        return { ok: true, value: label };
      }
      return { ok: true, value: t };
    }
  }
}

/** Same value for the indicator (numbers to 1e-9; verdict labels ignoring case and diacritics). */
export function sameValue(a: IndicatorValue | null, b: IndicatorValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (typeof a === 'string' && typeof b === 'string') return normalizeVerdict(a) === normalizeVerdict(b);
  return a === b;
}

/** A value as a spreadsheet cell (booleans as Có/Không, so the template reads back the same). */
export function valueCell(v: IndicatorValue | null): string | number | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return v;
}
