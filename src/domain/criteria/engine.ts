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
import { buildReason, ensureCompiled, normalizeVerdict, type CompiledIndicator, type CompiledRule, type CompiledSet } from './compile.js';
import type { ExplainContext } from './explain.js';
import { CriterionOutcome, IndicatorOutcome } from './outcome.js';
import type {
  AttrValue,
  CommuneAttributes,
  CommuneEvaluation,
  CriteriaSetDef,
  CriterionResult,
  CriterionStatus,
  Gap,
  IndicatorResult,
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

/** Evaluate one indicator for one commune (the hot path: allocates the result and, when unmet, its gap). */
function evaluateIndicator(ci: CompiledIndicator, ctx: EvalContext, raw: IndicatorValue | null | undefined): IndicatorResult {
  const value = raw === undefined ? null : raw;
  if (ci.applies) {
    const a = ci.applies(ctx.attrs);
    if (a === false) return new IndicatorOutcome(ci, ctx, 'not_applicable', value, null, null, CAUSE_NOT_APPLICABLE, null);
    if (a === null) {
      const cause: StatusCause = { code: 'attribute_missing', of: 'applicability', attrs: missingAttrs(ctx, ci.applicabilityAttrs) };
      return new IndicatorOutcome(ci, ctx, 'missing_value', value, null, null, cause, null);
    }
  }

  let winner: CompiledRule | null = null;
  let unknownKeys: string[] | null = null;
  const year = ctx.year;
  const attrs = ctx.attrs;
  for (const r of ci.rules) {
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
      winner = r;
      break;
    }
    if (matches === null && ruleUnknown) (unknownKeys ??= []).push(...ruleUnknown);
  }

  if (unknownKeys) {
    const cause: StatusCause = { code: 'attribute_missing', of: 'target', attrs: missingAttrs(ctx, unknownKeys) };
    return new IndicatorOutcome(ci, ctx, 'missing_value', value, null, null, cause, null);
  }
  if (!winner) return new IndicatorOutcome(ci, ctx, 'target_unknown', value, null, null, CAUSE_NO_RULE, null);
  const reason = reasonFor(winner, ctx);
  const target = winner.def.value;
  if (target === null) return new IndicatorOutcome(ci, ctx, 'target_unknown', value, winner, reason, CAUSE_RULE_VALUE_UNKNOWN, null);
  if (value === null) return new IndicatorOutcome(ci, ctx, 'missing_value', null, winner, reason, CAUSE_VALUE_MISSING, null);
  const invalid = invalidValue(ci, value);
  if (invalid !== null) {
    return new IndicatorOutcome(ci, ctx, 'missing_value', value, winner, reason, { code: 'value_invalid', expected: invalid }, null);
  }
  return compare(ci, ctx, value, winner, reason, target);
}

function compare(ci: CompiledIndicator, ctx: EvalContext, value: IndicatorValue, rule: CompiledRule, reason: TargetReason, target: number | boolean | string): IndicatorResult {
  let met: boolean;
  let gap: Gap;
  switch (ci.kind) {
    case 'boolean':
      met = value === target;
      gap = met ? GAP_ZERO_NON_NUMERIC : GAP_FULL_NON_NUMERIC;
      break;
    case 'verdict': {
      const v = normalizeVerdict(value as string);
      const t = normalizeVerdict(target as string);
      met = ci.scaleRank ? (ci.scaleRank.get(v) ?? -1) >= (ci.scaleRank.get(t) ?? Infinity) : v === t;
      gap = met ? GAP_ZERO_NON_NUMERIC : GAP_FULL_NON_NUMERIC;
      break;
    }
    default: {
      const v = value as number;
      const t = target as number;
      const isMin = ci.kind === 'min' || ci.kind === 'percent_min' || ci.kind === 'count_min';
      // Tolerance so that 79.99999999999999 from upstream float arithmetic is "exactly at" a target of 80.
      const eps = 1e-9 * Math.max(1, Math.abs(t));
      met = isMin ? v >= t - eps : v <= t + eps;
      if (met) gap = GAP_ZERO;
      else {
        const absolute = isMin ? t - v : v - t;
        gap = { absolute, relative: absolute / (t === 0 ? 1 : Math.abs(t)) };
      }
    }
  }
  return new IndicatorOutcome(ci, ctx, met ? 'met' : 'not_met', value, rule, reason, CAUSE_COMPARED, gap);
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
  const counts: Record<IndicatorStatus, number> = { met: 0, not_met: 0, not_applicable: 0, missing_value: 0, target_unknown: 0 };
  const criteria: CriterionResult[] = [];
  const missingCriteria: string[] = [];
  const missingIndicators: string[] = [];
  let criteriaMet = 0;
  let criteriaApplicable = 0;
  let allTargetsVerified = true;

  for (const cc of cs.criteria) {
    const results: IndicatorResult[] = [];
    let met = 0;
    let notMet = 0;
    let open = 0;
    for (const ci of cc.indicators) {
      const r = evaluateIndicator(ci, ctx, values[ci.def.code]);
      results.push(r);
      counts[r.status]++;
      if (r.status === 'met') met++;
      else if (r.status === 'not_met') notMet++;
      else if (r.status !== 'not_applicable') open++;
      if (r.status !== 'met' && r.status !== 'not_applicable') missingIndicators.push(r.code);
      if ((r.status === 'met' || r.status === 'not_met') && !r.verified) allTargetsVerified = false;
    }
    const applicable = met + notMet + open;
    // A criterion without indicators is applicable and undetermined: an empty set must never "meet" the standard.
    const status: CriterionStatus =
      results.length === 0 ? 'undetermined'
      : applicable === 0 ? 'not_applicable'
      : notMet > 0 ? 'not_met'
      : open > 0 ? 'undetermined'
      : 'met';
    const isApplicable = status !== 'not_applicable';
    if (isApplicable) criteriaApplicable++;
    if (status === 'met') criteriaMet++;
    else if (isApplicable) missingCriteria.push(cc.def.number);
    criteria.push(new CriterionOutcome(cc.def.number, cc.def.name, status, cc.isKey, results));
  }

  return {
    setCode: cs.def.code,
    year,
    criteria,
    criteriaMet,
    criteriaApplicable,
    meetsStandard: criteriaApplicable > 0 && criteriaMet === criteriaApplicable,
    allTargetsVerified,
    missing: { criteria: missingCriteria, indicators: missingIndicators },
    counts,
  };
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
