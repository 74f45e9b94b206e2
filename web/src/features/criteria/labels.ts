/**
 * Words for criteria data, in the reader's language: which communes and years a target rule covers, why a rule was
 * chosen for a commune, the status language (colour + icon + word), sources, gaps and typed values. Pure functions.
 */
import type { IndicatorResultDto, SetSummary, TargetRule } from '../../../../src/contracts/criteria.js';
import { regions } from '../../../../src/contracts/units.js';
import type { MessageKey, TFunction } from '../../i18n/index.js';
import { targetStateLook, type StatusLook } from '../../lib/status-language.js';

type Scalar = string | number | boolean;
export type { CriterionStatusName, IndicatorStatusName, TargetStateName } from '../../lib/status-language.js';

export { criterionStatusLook, indicatorStatusLook, targetStateLook, type StatusLook } from '../../lib/status-language.js';
export { comparator, gapWords, parseNumber, parseTypedValue, quantity, valueWords, type ParsedValue } from '../../lib/indicator-values.js';

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

/** A source text split into its parts (" ; " between documents), web addresses marked as links. */
export function sourceParts(source: string | null): { text: string; href: string | null }[] {
  if (!source) return [];
  return source
    .split(/\s+;\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((text) => ({ text, href: /^https?:\/\/\S+$/i.test(text) ? text : null }));
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
