// Precompilation of a criteria set: lookup maps, target rules sorted by specificity, compiled applicability
// closures and precomputed Vietnamese labels, so evaluating many communes repeats none of this work.
import { compileRule, describeAttrValue, describeRule, ruleAttributes, type RuleFn } from './applicability.js';
import { formatValue } from './format.js';
import type {
  AttrScalar,
  AttributeOverrideDef,
  CriteriaSetDef,
  CriterionDef,
  IndicatorDef,
  IndicatorKind,
  MatchedRule,
  TargetReason,
  TargetRuleDef,
} from './types.js';

/** One target rule, ready for matching. */
export interface CompiledRule {
  readonly def: TargetRuleDef;
  readonly index: number;
  /** Attribute equality tests (everything except yearFrom/yearTo), in canonical order. */
  readonly attrTests: readonly (readonly [string, AttrScalar])[];
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly hasYear: boolean;
  readonly specificity: number;
  readonly matched: MatchedRule;
  /** Reason object when it does not depend on the evaluated year (shared, frozen). */
  readonly staticReason: TargetReason | null;
  /** What the rule covers and its flags, in Vietnamese: "mức cho vùng TDMNPB, năm 2024; mức chỉ tiêu chưa được xác minh". */
  readonly note: string;
  /** The target formatted with the indicator's unit, e.g. "80%". */
  readonly targetText: string;
  /** Reasons that depend on the year or an override, built once per distinct key. */
  readonly reasonCache: Map<string, TargetReason>;
}

export interface CompiledIndicator {
  readonly def: IndicatorDef;
  readonly criterionNumber: string;
  readonly kind: IndicatorKind;
  /** Compares numbers (min/max/percent/count kinds). */
  readonly numeric: boolean;
  /** Compares "at least" (min kinds) rather than "at most". */
  readonly isMin: boolean;
  readonly applies: RuleFn | null;
  readonly applicabilityAttrs: readonly string[];
  readonly applicabilityText: string | null;
  /** Sorted: most specific first; ties keep the order of `def.targets`. */
  readonly rules: readonly CompiledRule[];
  /** Rank of each verdict label (normalized), only when the indicator has a scale. */
  readonly scaleRank: ReadonlyMap<string, number> | null;
}

export interface CompiledCriterion {
  readonly def: CriterionDef;
  readonly isKey: boolean;
  readonly indicators: readonly CompiledIndicator[];
}

export interface CompiledOverride {
  readonly def: AttributeOverrideDef;
  readonly when: RuleFn;
  readonly whenAttrs: readonly string[];
  readonly entries: readonly (readonly [string, AttrScalar])[];
}

/** A set prepared for fast evaluation; build once with `compileSet`, reuse for every commune. */
export interface CompiledSet {
  readonly compiled: true;
  readonly def: CriteriaSetDef;
  readonly criteria: readonly CompiledCriterion[];
  readonly indicatorCount: number;
  readonly indicatorByCode: ReadonlyMap<string, CompiledIndicator>;
  readonly criterionByNumber: ReadonlyMap<string, CompiledCriterion>;
  readonly overrides: readonly CompiledOverride[];
  /** Text of each attribute override by id, for explanations. */
  readonly overrideText: Readonly<Record<string, string>>;
}

const YEAR_KEYS = new Set(['yearFrom', 'yearTo']);

// Canonical order of match keys in reasons and labels: the ones officials think in first.
function keyOrder(a: string, b: string): number {
  const rank = (k: string): number => (k === 'region' ? 0 : k === 'communeGroup' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function yearLabel(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return from === to ? `năm ${from}` : `năm ${from}-${to}`;
  if (from !== null) return `từ năm ${from}`;
  return `đến năm ${String(to)}`;
}

function compileTargetRule(def: TargetRuleDef, index: number, unit: string | null): CompiledRule {
  const attrTests: [string, AttrScalar][] = [];
  for (const [k, v] of Object.entries(def.match)) {
    if (YEAR_KEYS.has(k) || v === undefined) continue;
    attrTests.push([k, v]);
  }
  attrTests.sort((a, b) => keyOrder(a[0], b[0]));
  const yearFrom = def.match.yearFrom ?? null;
  const yearTo = def.match.yearTo ?? null;
  const hasYear = yearFrom !== null || yearTo !== null;
  // Specificity: one point per attribute key and one for a year bound (from/to together count once), so a
  // region+year rule beats a region rule, which beats the general (default) rule.
  const specificity = attrTests.length + (hasYear ? 1 : 0);
  const keys = attrTests.map(([k]) => k);
  if (hasYear) keys.push('year');
  const parts = attrTests.map(([k, v]) => describeAttrValue(k, v));
  if (hasYear) parts.push(yearLabel(yearFrom, yearTo));
  const staticReason = hasYear ? null : Object.freeze(buildReason(attrTests, null));
  let note = parts.length === 0 ? 'mức chung' : `mức cho ${parts.join(', ')}`;
  if (!def.verified) note += '; mức chỉ tiêu chưa được xác minh';
  if (def.demo === true) note += '; dữ liệu minh họa';
  return {
    def,
    index,
    attrTests,
    yearFrom,
    yearTo,
    hasYear,
    specificity,
    matched: Object.freeze({ index, keys: Object.freeze(keys), match: def.match }),
    staticReason,
    note,
    targetText: formatValue(def.value, unit),
    reasonCache: new Map(),
  };
}

/** Build the machine-readable reason for a matched rule; `year` is set when the rule has a year bound. */
export function buildReason(attrTests: readonly (readonly [string, AttrScalar])[], year: number | null): TargetReason {
  const keys = attrTests.map(([k]) => k);
  if (year !== null) keys.push('year');
  const reason: Record<string, string | number | boolean> = { by: keys.length === 0 ? 'default' : keys.join('+') };
  for (const [k, v] of attrTests) reason[k] = v;
  if (year !== null) reason['year'] = year;
  return reason as TargetReason;
}

// toLowerCase, not toLocaleLowerCase('vi'): the same result for Vietnamese letters and many times faster.
function normalizeLabel(s: string): string {
  return s.normalize('NFC').trim().toLowerCase();
}

/** Normalize a verdict label for comparison (Unicode NFC, trimmed, lower-case). */
export const normalizeVerdict = normalizeLabel;

function compileIndicator(def: IndicatorDef, criterionNumber: string): CompiledIndicator {
  const rules = def.targets.map((t, i) => compileTargetRule(t, i, def.unit));
  rules.sort((a, b) => b.specificity - a.specificity || a.index - b.index);
  return {
    def,
    criterionNumber,
    kind: def.kind,
    numeric: isNumericKind(def.kind),
    isMin: def.kind === 'min' || def.kind === 'percent_min' || def.kind === 'count_min',
    applies: def.applicability ? compileRule(def.applicability) : null,
    applicabilityAttrs: def.applicability ? ruleAttributes(def.applicability) : [],
    applicabilityText: def.applicability ? describeRule(def.applicability) : null,
    rules,
    scaleRank: def.scale ? new Map(def.scale.map((label, i) => [normalizeLabel(label), i])) : null,
  };
}

const NUMERIC_KINDS: ReadonlySet<IndicatorKind> = new Set(['min', 'max', 'percent_min', 'percent_max', 'count_min', 'count_max']);

/** Whether a kind compares numbers. */
export function isNumericKind(kind: IndicatorKind): boolean {
  return NUMERIC_KINDS.has(kind);
}

/** List data problems of a set (duplicate codes, target values of the wrong type, ...); empty when sound. */
export function validateSet(set: CriteriaSetDef): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  const numbers = new Set<string>();
  for (const c of set.criteria) {
    if (numbers.has(c.number)) problems.push(`criterion ${c.number}: duplicate number`);
    numbers.add(c.number);
    for (const ind of c.indicators) {
      if (codes.has(ind.code)) problems.push(`indicator ${ind.code}: duplicate code`);
      codes.add(ind.code);
      if (ind.scale && ind.kind !== 'verdict') problems.push(`indicator ${ind.code}: scale given for kind ${ind.kind}`);
      const scale = ind.scale ? new Set(ind.scale.map(normalizeLabel)) : null;
      ind.targets.forEach((t, i) => {
        const where = `indicator ${ind.code} target #${i}`;
        const v = t.value;
        if (t.match.yearFrom !== undefined && t.match.yearTo !== undefined && t.match.yearFrom > t.match.yearTo) {
          problems.push(`${where}: yearFrom after yearTo`);
        }
        if (v === null) return;
        if (isNumericKind(ind.kind) && (typeof v !== 'number' || !Number.isFinite(v))) problems.push(`${where}: expected a number`);
        if (ind.kind === 'boolean' && typeof v !== 'boolean') problems.push(`${where}: expected true/false`);
        if (ind.kind === 'verdict') {
          if (typeof v !== 'string') problems.push(`${where}: expected a label`);
          else if (scale && !scale.has(normalizeLabel(v))) problems.push(`${where}: label "${v}" not in scale`);
        }
        if ((ind.kind === 'percent_min' || ind.kind === 'percent_max') && typeof v === 'number' && (v < 0 || v > 100)) {
          problems.push(`${where}: percent outside 0-100`);
        }
      });
    }
  }
  for (const r of set.recognitionRules) {
    if (r.kind !== 'revocation') continue;
    for (const n of r.keyCriteria) if (!numbers.has(n)) problems.push(`rule ${r.id}: unknown key criterion ${n}`);
  }
  return problems;
}

/** Prepare a set for evaluation; throws when `validateSet` finds problems, since results would be wrong. */
export function compileSet(set: CriteriaSetDef): CompiledSet {
  const problems = validateSet(set);
  if (problems.length > 0) throw new Error(`criteria set ${set.code} is invalid:\n- ${problems.join('\n- ')}`);
  const indicatorByCode = new Map<string, CompiledIndicator>();
  const criterionByNumber = new Map<string, CompiledCriterion>();
  const criteria = set.criteria.map((c): CompiledCriterion => {
    const indicators = c.indicators.map((i) => compileIndicator(i, c.number));
    for (const ci of indicators) indicatorByCode.set(ci.def.code, ci);
    const cc = { def: c, isKey: c.isKey === true, indicators };
    criterionByNumber.set(c.number, cc);
    return cc;
  });
  const overrides = (set.attributeOverrides ?? []).map((o) => ({
    def: o,
    when: compileRule(o.when),
    whenAttrs: ruleAttributes(o.when),
    entries: Object.entries(o.set),
  }));
  const overrideText = Object.fromEntries(overrides.map((o) => [o.def.id, o.def.text]));
  return { compiled: true, def: set, criteria, indicatorCount: indicatorByCode.size, indicatorByCode, criterionByNumber, overrides, overrideText };
}

// Keyed by identity: set definitions are treated as immutable values (build a new object to change one).
const cache = new WeakMap<CriteriaSetDef, CompiledSet>();

/** Return the compiled form of a set, compiling a plain definition once and caching it by identity. */
export function ensureCompiled(set: CriteriaSetDef | CompiledSet): CompiledSet {
  if ('compiled' in set) return set;
  let c = cache.get(set);
  if (!c) {
    c = compileSet(set);
    cache.set(set, c);
  }
  return c;
}
