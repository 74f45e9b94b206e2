/**
 * Words for criteria data, in the reader's language: which communes and years a target rule covers, why a rule was
 * chosen for a commune, the status language (colour + icon + word), sources, gaps and typed values. Pure functions.
 */
import type {
  IndicatorKindName,
  IndicatorResultDto,
  SetSummary,
  TargetRule,
  criterionStatuses,
  indicatorStatuses,
  targetStates,
} from '../../../../src/contracts/criteria.js';
import { regions } from '../../../../src/contracts/units.js';
import type { StatusTone } from '../../components/status-badge.js';
import type { MessageKey, TFunction } from '../../i18n/index.js';

type Scalar = string | number | boolean;
export type IndicatorStatusName = (typeof indicatorStatuses)[number];
export type CriterionStatusName = (typeof criterionStatuses)[number];
export type TargetStateName = (typeof targetStates)[number];

/** How a status looks: tone (colour), icon and the word that says it. Never colour alone. */
export interface StatusLook {
  tone: StatusTone;
  icon: string;
  label: MessageKey;
}

// One status language for the whole product (STYLE.md "Interface"): each status has its own colour and icon.
const MET: StatusLook = { tone: 'ok', icon: '✓', label: 'criteria.status.met' };
const NOT_MET: StatusLook = { tone: 'bad', icon: '✕', label: 'criteria.status.not_met' };
const NOT_APPLICABLE: StatusLook = { tone: 'neutral', icon: '–', label: 'criteria.status.not_applicable' };
const MISSING: StatusLook = { tone: 'warn', icon: '…', label: 'criteria.status.missing_value' };
const TARGET_UNKNOWN: StatusLook = { tone: 'info', icon: '?', label: 'criteria.status.target_unknown' };

export const indicatorStatusLook: Record<IndicatorStatusName, StatusLook> = {
  met: MET,
  not_met: NOT_MET,
  not_applicable: NOT_APPLICABLE,
  missing_value: MISSING,
  target_unknown: TARGET_UNKNOWN,
};

export const criterionStatusLook: Record<CriterionStatusName, StatusLook> = {
  met: MET,
  not_met: NOT_MET,
  not_applicable: NOT_APPLICABLE,
  undetermined: { tone: 'warn', icon: '?', label: 'criteria.status.undetermined' },
};

/** How far a target can be trusted: verified, unverified ("chưa xác minh"), demo, none ("chưa có chỉ tiêu"). */
export const targetStateLook: Record<TargetStateName, StatusLook> = {
  verified: { tone: 'ok', icon: '✓', label: 'criteria.state.verified' },
  unverified: { tone: 'unverified', icon: '!', label: 'criteria.state.unverified' },
  demo: { tone: 'demo', icon: '◇', label: 'criteria.state.demo' },
  none: { tone: 'info', icon: '?', label: 'criteria.state.none' },
};

/** The name of a region code ("Trung du và miền núi phía Bắc (TDMNPB)"), or the code when unknown. */
export function regionName(code: string, t: TFunction): string {
  return (regions as readonly string[]).includes(code) ? `${t(`region.${code as (typeof regions)[number]}`)} (${code})` : code;
}

const attrKeys = ['border', 'especiallyDifficult', 'safeZone', 'poorDistrict2018_2020', 'schoolsOver3'] as const;
type YesNoAttr = (typeof attrKeys)[number];
const isYesNoAttr = (k: string): k is YesNoAttr => (attrKeys as readonly string[]).includes(k);

/** One commune attribute test in words: "vùng …", "xã nhóm 2", "xã biên giới", "không phải xã biên giới". */
export function attributeWords(key: string, value: Scalar, t: TFunction): string {
  if (key === 'region') return t('criteria.match.region', { name: regionName(String(value), t) });
  if (key === 'communeGroup') return t('criteria.match.communeGroup', { value: String(value) });
  if (key === 'ethnicArea') return t('criteria.match.ethnicArea', { value: String(value) });
  if (isYesNoAttr(key) && typeof value === 'boolean') {
    const what = t(`criteria.attr.${key}`);
    return value ? what : t('criteria.match.not', { what });
  }
  return `${key} = ${String(value)}`;
}

/** A year range in words: "năm 2025", "năm 2022–2025", "từ năm 2024", "đến năm 2023"; null when unbounded. */
export function yearWords(from: number | undefined, to: number | undefined, t: TFunction): string | null {
  if (from !== undefined && to !== undefined) return from === to ? t('criteria.match.year', { year: from }) : t('criteria.match.years', { from, to });
  if (from !== undefined) return t('criteria.match.yearFrom', { year: from });
  if (to !== undefined) return t('criteria.match.yearTo', { year: to });
  return null;
}

const num = (v: Scalar | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const keyRank = (k: string): number => (k === 'region' ? 0 : k === 'communeGroup' ? 1 : 2);

/**
 * Which communes and years a target rule covers, in words: region, commune group and the other attributes first,
 * then the years; the empty match is the general target ("mức chung").
 */
export function matchWords(match: Readonly<Record<string, Scalar | undefined>>, t: TFunction): string {
  // Parsed matches may carry keys set to undefined (a field left empty): they match nothing, so they say nothing.
  const parts = Object.entries(match)
    .filter(([k, v]) => k !== 'yearFrom' && k !== 'yearTo' && v !== undefined)
    .sort(([a], [b]) => keyRank(a) - keyRank(b) || a.localeCompare(b))
    .map(([k, v]) => attributeWords(k, v!, t));
  const years = yearWords(num(match.yearFrom), num(match.yearTo), t);
  if (years) parts.push(years);
  return parts.length === 0 ? t('criteria.match.general') : parts.join(', ');
}

/**
 * Why the rule that gives a commune its target was chosen, from the evaluation's `reason` and matched rule:
 * "Theo vùng … của xã" / "Theo năm đánh giá 2025" / "Mức chung …", plus the provision that made it apply.
 */
export function reasonWords(
  r: Pick<IndicatorResultDto, 'reason' | 'matchedRule'>,
  t: TFunction,
  overrides: Readonly<Record<string, string>> = {},
): string | null {
  if (!r.reason) return null;
  const by = String(r.reason.by ?? 'default');
  const parts: string[] = [];
  if (by !== 'default') {
    for (const key of by.split('+')) {
      if (key === 'year') {
        const rule = r.matchedRule?.match ?? {};
        const range = yearWords(num(rule.yearFrom), num(rule.yearTo), t);
        parts.push(t('criteria.reason.year', { year: String(r.reason.year ?? ''), range: range ?? '' }));
      } else if (r.reason[key] !== undefined) {
        parts.push(attributeWords(key, r.reason[key], t));
      }
    }
  }
  let text = parts.length === 0 ? t('criteria.reason.default') : t('criteria.reason.by', { what: parts.join('; ') });
  const via = r.reason.override;
  if (typeof via === 'string') text += ` ${t('criteria.reason.override', { rule: overrides[via] ?? via })}`;
  return text;
}

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

/** A source text split into its parts (" ; " between documents), web addresses marked as links. */
export function sourceParts(source: string | null): { text: string; href: string | null }[] {
  if (!source) return [];
  return source
    .split(/\s+;\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((text) => ({ text, href: /^https?:\/\/\S+$/i.test(text) ? text : null }));
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

/** The year an evaluation starts at: this year, kept inside the set's validity. */
export function defaultYear(set: Pick<SetSummary, 'validFrom' | 'validTo'>, today: string): number {
  const y = Number(today.slice(0, 4));
  const from = Number(set.validFrom.slice(0, 4));
  const to = set.validTo ? Number(set.validTo.slice(0, 4)) : null;
  if (y < from) return from;
  if (to !== null && y > to) return to;
  return y;
}

/** The trust state of a target rule with its notice, for a badge. */
export function ruleState(rule: Pick<TargetRule, 'state'>): StatusLook {
  return targetStateLook[rule.state];
}

/** Set-level words: the standard level ("Nông thôn mới", "nâng cao" ...). */
export const levelLabel = (level: SetSummary['level']): MessageKey => `criteria.level.${level}`;

/** A set's validity as the document states it: "từ 08/03/2022" or "từ 08/03/2022 đến 31/12/2025". */
export function setValidityText(s: Pick<SetSummary, 'validFrom' | 'validTo'>, t: TFunction, date: (iso: string) => string): string {
  return s.validTo ? t('criteria.validity.fromTo', { from: date(s.validFrom), to: date(s.validTo) }) : t('criteria.validity.from', { from: date(s.validFrom) });
}
