// The criteria engine: evaluates one commune's indicator values against a criteria set for a year.
// Pure and deterministic: the same set, attributes, year and values always give the same result.
//
// Target rule resolution (documented once, here):
//   1. Rules whose year bounds exclude the evaluated year are skipped.
//   2. Of the rest, the most specific matching rule wins. Specificity = number of attribute keys in `match`
//      (region, communeGroup, any other attribute) + 1 if the rule has a year bound. So region+year beats region,
//      region beats the general rule, and region+border beats region.
//   3. Ties are broken by order in `targets` (first wins).
//   4. If a rule that would come before the winner cannot be decided because the commune lacks an attribute it
//      tests (e.g. region not recorded), the result is missing_value (attribute_missing): we never fall back to a
//      less specific target silently.
//   5. No matching rule, or a matching rule whose value is null → target_unknown.
// Status precedence per indicator: not_applicable → missing attribute → target_unknown → missing/invalid value →
// met/not_met. target_unknown and missing_value never count as met.
//
// Speed: a province (3,321 communes × ~60 indicators) is evaluated in one call when targets change. Results are
// first written into compact per-commune slots (typed arrays); the per-indicator objects and their Vietnamese
// explanations are built only when `criteria` is read, so summary-only callers allocate almost nothing.
import { buildReason, ensureCompiled, normalizeVerdict, type CompiledIndicator, type CompiledRule, type CompiledSet } from './compile.js';
import type { ExplainContext } from './explain.js';
import { CommuneOutcome, CriterionOutcome, IndicatorOutcome } from './outcome.js';
import type {
  AttrValue,
  CommuneAttributes,
  CommuneEvaluation,
  CriteriaSetDef,
  CriterionResult,
  CriterionStatus,
  Gap,
  IndicatorStatus,
  IndicatorValue,
  IndicatorValues,
  StatusCause,
  TargetReason,
} from './types.js';

export { compileSet, validateSet, type CompiledSet } from './compile.js';

/** Attributes after overrides, with a note of which keys were changed or made unknown by which override. */
interface EvalContext extends ExplainContext {
  readonly attrs: CommuneAttributes;
  readonly overriddenBy: Readonly<Record<string, string>> | null;
  readonly uncertainBecause: Readonly<Record<string, readonly string[]>> | null;
}

// Status codes of the compact slots, in IndicatorStatus order.
const MET = 0;
const NOT_MET = 1;
const NOT_APPLICABLE = 2;
const MISSING = 3;
const UNKNOWN = 4;
const STATUS: readonly IndicatorStatus[] = ['met', 'not_met', 'not_applicable', 'missing_value', 'target_unknown'];

/** One commune's results in compact form: one slot per indicator, in set order. */
interface Slots {
  readonly status: Uint8Array;
  /** Position of the applied rule in the indicator's sorted `rules`; -1 when none. */
  readonly rule: Int16Array;
  /** Absolute gap of a not_met numeric indicator; 0 otherwise. */
  readonly gap: Float64Array;
  /** The value read for each indicator (null when not entered), kept so later edits of the input do not leak in. */
  readonly values: (IndicatorValue | null)[];
  /** Causes that carry data (missing attributes, invalid values), by slot; the others follow from status and rule. */
  causes: Map<number, StatusCause> | null;
}

const CAUSE_COMPARED: StatusCause = Object.freeze({ code: 'compared' });
const CAUSE_NOT_APPLICABLE: StatusCause = Object.freeze({ code: 'not_applicable' });
const CAUSE_VALUE_MISSING: StatusCause = Object.freeze({ code: 'value_missing' });
const CAUSE_NO_RULE: StatusCause = Object.freeze({ code: 'no_target_rule' });
const CAUSE_RULE_VALUE_UNKNOWN: StatusCause = Object.freeze({ code: 'target_value_unknown' });
const GAP_ZERO: Gap = Object.freeze({ absolute: 0, relative: 0 });
const GAP_ZERO_NON_NUMERIC: Gap = Object.freeze({ absolute: null, relative: 0 });
const GAP_FULL_NON_NUMERIC: Gap = Object.freeze({ absolute: null, relative: 1 });

function buildContext(cs: CompiledSet, attrs: CommuneAttributes, year: number): EvalContext {
  const overrideText = cs.overrideText;
  if (cs.overrides.length === 0) return { attrs, year, overriddenBy: null, uncertainBecause: null, overrideText };
  let out: Record<string, AttrValue | undefined> | null = null;
  const overriddenBy: Record<string, string> = {};
  const uncertainBecause: Record<string, string[]> = {};
  // Overrides read the original attributes, so their order does not matter and they never chain.
  for (const o of cs.overrides) {
    const holds = o.when(attrs);
    if (holds === false) continue;
    for (const [k, v] of o.entries) {
      if (attrs[k] === v) continue; // already that value: the override changes nothing
      out ??= { ...attrs };
      if (holds) {
        out[k] = v;
        overriddenBy[k] = o.def.id;
      } else {
        // Unknown whether the override applies, and it would change the value: the attribute is unknown.
        out[k] = null;
        uncertainBecause[k] = o.whenAttrs.filter((a) => attrs[a] === null || attrs[a] === undefined);
      }
    }
  }
  if (out === null) return { attrs, year, overriddenBy: null, uncertainBecause: null, overrideText };
  return { attrs: out, year, overriddenBy, uncertainBecause, overrideText };
}

function missingAttrs(ctx: EvalContext, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const v = ctx.attrs[k];
    if (v !== null && v !== undefined) continue;
    const because = ctx.uncertainBecause?.[k];
    for (const a of because && because.length > 0 ? because : [k]) if (!out.includes(a)) out.push(a);
  }
  return out;
}

// Reasons are shared, frozen objects: one per rule, or per (rule, year, override) when those matter.
function reasonFor(rule: CompiledRule, ctx: EvalContext): TargetReason {
  let override: string | undefined;
  if (ctx.overriddenBy) {
    for (const [k] of rule.attrTests) {
      override = ctx.overriddenBy[k];
      if (override !== undefined) break;
    }
  }
  if (override === undefined && rule.staticReason) return rule.staticReason;
  const key = `${rule.hasYear ? ctx.year : ''}|${override ?? ''}`;
  let reason = rule.reasonCache.get(key);
  if (!reason) {
    const base = buildReason(rule.attrTests, rule.hasYear ? ctx.year : null);
    reason = Object.freeze(override === undefined ? base : { ...base, override });
    rule.reasonCache.set(key, reason);
  }
  return reason;
}

// Describes why the value is invalid, in Vietnamese; null when the value is acceptable for the kind.
function invalidValue(ci: CompiledIndicator, v: IndicatorValue): string | null {
  switch (ci.kind) {
    case 'boolean':
      return typeof v === 'boolean' ? null : 'giá trị Có/Không';
    case 'min':
    case 'max':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'một số';
    case 'percent_min':
    case 'percent_max':
      return typeof v === 'number' && v >= 0 && v <= 100 ? null : 'tỷ lệ phần trăm từ 0 đến 100';
    case 'count_min':
    case 'count_max':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : 'số nguyên không âm';
    case 'verdict':
      if (typeof v !== 'string' || v.trim() === '') return 'một kết luận bằng chữ';
      if (ci.scaleRank && !ci.scaleRank.has(normalizeVerdict(v))) return `một trong: ${ci.def.scale?.join('; ') ?? ''}`;
      return null;
  }
}

function setCause(slots: Slots, i: number, cause: StatusCause): void {
  (slots.causes ??= new Map()).set(i, cause);
}

/** Evaluate one indicator into slot `i`; returns its status code. The hot path: allocates nothing when data is complete. */
function evaluateIndicator(ci: CompiledIndicator, ctx: EvalContext, value: IndicatorValue | null, slots: Slots, i: number): number {
  slots.rule[i] = -1;
  if (ci.applies) {
    const a = ci.applies(ctx.attrs);
    if (a === false) return NOT_APPLICABLE;
    if (a === null) {
      setCause(slots, i, { code: 'attribute_missing', of: 'applicability', attrs: missingAttrs(ctx, ci.applicabilityAttrs) });
      return MISSING;
    }
  }

  const year = ctx.year;
  const attrs = ctx.attrs;
  const rules = ci.rules;
  let winner = -1;
  let unknownKeys: string[] | null = null;
  for (let ri = 0; ri < rules.length; ri++) {
    const r = rules[ri] as CompiledRule;
    if (r.hasYear && ((r.yearFrom !== null && year < r.yearFrom) || (r.yearTo !== null && year > r.yearTo))) continue;
    let matches: boolean | null = true;
    let ruleUnknown: string[] | null = null;
    for (const [k, expected] of r.attrTests) {
      const actual = attrs[k];
      if (actual === null || actual === undefined) {
        matches = null;
        (ruleUnknown ??= []).push(k);
      } else if (actual !== expected) {
        matches = false;
        break;
      }
    }
    if (matches === true) {
      winner = ri;
      break;
    }
    if (matches === null && ruleUnknown) (unknownKeys ??= []).push(...ruleUnknown);
  }

  if (unknownKeys) {
    setCause(slots, i, { code: 'attribute_missing', of: 'target', attrs: missingAttrs(ctx, unknownKeys) });
    return MISSING;
  }
  if (winner < 0) return UNKNOWN;
  slots.rule[i] = winner;
  const target = (rules[winner] as CompiledRule).def.value;
  if (target === null) return UNKNOWN;
  if (value === null) return MISSING;
  const invalid = invalidValue(ci, value);
  if (invalid !== null) {
    setCause(slots, i, { code: 'value_invalid', expected: invalid });
    return MISSING;
  }

  switch (ci.kind) {
    case 'boolean':
      return value === target ? MET : NOT_MET;
    case 'verdict': {
      const v = normalizeVerdict(value as string);
      const t = normalizeVerdict(target as string);
      const met = ci.scaleRank ? (ci.scaleRank.get(v) ?? -1) >= (ci.scaleRank.get(t) ?? Infinity) : v === t;
      return met ? MET : NOT_MET;
    }
    default: {
      const v = value as number;
      const t = target as number;
      // Tolerance so that 79.99999999999999 from upstream float arithmetic is "exactly at" a target of 80.
      const eps = 1e-9 * Math.max(1, Math.abs(t));
      if (ci.isMin ? v >= t - eps : v <= t + eps) return MET;
      slots.gap[i] = ci.isMin ? t - v : v - t;
      return NOT_MET;
    }
  }
}

/** Relative gap of a not_met indicator: absolute / |target| (denominator 1 for a zero target); 1 for yes/no and verdicts. */
function relativeGap(ci: CompiledIndicator, rule: CompiledRule, absolute: number): number {
  if (!ci.numeric) return 1;
  const t = rule.def.value as number;
  return absolute / (t === 0 ? 1 : Math.abs(t));
}

function causeOf(status: number, rule: CompiledRule | null, slots: Slots, i: number): StatusCause {
  if (status === MET || status === NOT_MET) return CAUSE_COMPARED;
  if (status === NOT_APPLICABLE) return CAUSE_NOT_APPLICABLE;
  const stored = slots.causes?.get(i);
  if (stored) return stored;
  if (status === MISSING) return CAUSE_VALUE_MISSING;
  return rule ? CAUSE_RULE_VALUE_UNKNOWN : CAUSE_NO_RULE;
}

function gapOf(ci: CompiledIndicator, status: number, rule: CompiledRule | null, absolute: number): Gap | null {
  if (status === MET) return ci.numeric ? GAP_ZERO : GAP_ZERO_NON_NUMERIC;
  if (status !== NOT_MET || !rule) return null;
  return ci.numeric ? { absolute, relative: relativeGap(ci, rule, absolute) } : GAP_FULL_NON_NUMERIC;
}

// Builds the per-criterion and per-indicator result objects from the slots (on first read of `criteria`).
function materialize(cs: CompiledSet, ctx: EvalContext, slots: Slots, criterionStatus: readonly CriterionStatus[]): CriterionResult[] {
  let i = 0;
  return cs.criteria.map((cc, k) => {
    const indicators = cc.indicators.map((ci) => {
      const status = slots.status[i] as number;
      const ri = slots.rule[i] as number;
      const rule = ri >= 0 ? (ci.rules[ri] ?? null) : null;
      const out = new IndicatorOutcome(ci, ctx, STATUS[status] as IndicatorStatus, slots.values[i] ?? null, rule,
        rule ? reasonFor(rule, ctx) : null, causeOf(status, rule, slots, i), gapOf(ci, status, rule, slots.gap[i] as number));
      i++;
      return out;
    });
    return new CriterionOutcome(cc.def.number, cc.def.name, criterionStatus[k] as CriterionStatus, cc.isKey, indicators);
  });
}

/** Evaluate one commune: per-indicator status with target and reason, per-criterion and overall results. */
export function evaluateCommune(
  set: CriteriaSetDef | CompiledSet,
  attrs: CommuneAttributes,
  year: number,
  values: IndicatorValues,
): CommuneEvaluation {
  const cs = ensureCompiled(set);
  const ctx = buildContext(cs, attrs, year);
  const n = cs.indicatorCount;
  const slots: Slots = { status: new Uint8Array(n), rule: new Int16Array(n), gap: new Float64Array(n), values: new Array<IndicatorValue | null>(n), causes: null };
  const counts = new Int32Array(STATUS.length);
  const criterionStatus: CriterionStatus[] = [];
  const missingCriteria: string[] = [];
  const missingIndicators: string[] = [];
  let criteriaMet = 0;
  let criteriaApplicable = 0;
  let allTargetsVerified = true;
  let relativeGapSum = 0;
  let i = 0;

  for (const cc of cs.criteria) {
    let met = 0;
    let notMet = 0;
    let open = 0;
    for (const ci of cc.indicators) {
      const raw = values[ci.def.code];
      const value = raw === undefined ? null : raw;
      slots.values[i] = value;
      const s = evaluateIndicator(ci, ctx, value, slots, i);
      slots.status[i] = s;
      counts[s] = (counts[s] ?? 0) + 1;
      if (s === MET || s === NOT_MET) {
        const rule = ci.rules[slots.rule[i] as number] as CompiledRule;
        if (!rule.def.verified) allTargetsVerified = false;
        if (s === MET) met++;
        else {
          notMet++;
          relativeGapSum += relativeGap(ci, rule, slots.gap[i] as number);
        }
      } else if (s !== NOT_APPLICABLE) open++;
      if (s !== MET && s !== NOT_APPLICABLE) missingIndicators.push(ci.def.code);
      i++;
    }
    // A criterion without indicators is applicable and undetermined: an empty set must never "meet" the standard.
    const status: CriterionStatus =
      cc.indicators.length === 0 ? 'undetermined'
      : met + notMet + open === 0 ? 'not_applicable'
      : notMet > 0 ? 'not_met'
      : open > 0 ? 'undetermined'
      : 'met';
    criterionStatus.push(status);
    if (status !== 'not_applicable') criteriaApplicable++;
    if (status === 'met') criteriaMet++;
    else if (status !== 'not_applicable') missingCriteria.push(cc.def.number);
  }

  return new CommuneOutcome(
    {
      setCode: cs.def.code,
      year,
      criteriaMet,
      criteriaApplicable,
      meetsStandard: criteriaApplicable > 0 && criteriaMet === criteriaApplicable,
      allTargetsVerified,
      relativeGapSum,
      missing: { criteria: missingCriteria, indicators: missingIndicators },
      counts: { met: counts[MET] ?? 0, not_met: counts[NOT_MET] ?? 0, not_applicable: counts[NOT_APPLICABLE] ?? 0, missing_value: counts[MISSING] ?? 0, target_unknown: counts[UNKNOWN] ?? 0 },
    },
    () => materialize(cs, ctx, slots, criterionStatus),
  );
}

/** One commune's input for batch evaluation. */
export interface CommuneInput {
  readonly id: string;
  readonly attrs: CommuneAttributes;
  readonly values: IndicatorValues;
}

/** Evaluate many communes against one set and year, compiling the set once. */
export function evaluateCommunes(
  set: CriteriaSetDef | CompiledSet,
  year: number,
  communes: readonly CommuneInput[],
): { id: string; evaluation: CommuneEvaluation }[] {
  const cs = ensureCompiled(set);
  return communes.map((c) => ({ id: c.id, evaluation: evaluateCommune(cs, c.attrs, year, c.values) }));
}
