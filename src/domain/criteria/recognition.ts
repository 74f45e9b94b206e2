// Recognition and revocation rules applied to an evaluation. The rules are data (RecognitionRuleDef) carried by
// the set with their legal basis and source; this file only interprets them.
import { ensureCompiled, type CompiledSet } from './compile.js';
import { formatNumber } from './format.js';
import type { CommuneEvaluation, CriteriaSetDef, RecognitionConditionDef, RevocationRuleDef } from './types.js';

/** Outcome of one revocation rule. */
export interface RevocationRuleOutcome {
  readonly id: string;
  /** Holds on the criteria known to fail. */
  readonly triggered: boolean;
  /** Could hold once undetermined criteria are settled (missing data or unknown targets). */
  readonly possible: boolean;
}

/** Outcome of the set's revocation rules for one commune. */
export interface RevocationOutcome {
  readonly triggered: boolean;
  /** First triggered rule in the set's order; null when none. */
  readonly ruleId: string | null;
  /** True when no rule is triggered but one could be once undetermined criteria are known. */
  readonly indeterminate: boolean;
  readonly failing: {
    /** Criteria known not met (status not_met); undetermined criteria are not counted as failing. */
    readonly criteria: readonly string[];
    readonly undetermined: readonly string[];
    readonly applicable: number;
    /** failing / applicable × 100. */
    readonly percent: number;
  };
  readonly keyCriteriaFailing: readonly string[];
  readonly rules: readonly RevocationRuleOutcome[];
  readonly why: string;
}

// Integer arithmetic (failing × 100 vs percent × applicable) so that exactly 30% or 50% is never lost to rounding.
function inBand(rule: RevocationRuleDef, failing: number, applicable: number): boolean {
  const { minPercent, minInclusive, maxPercent, maxInclusive } = rule.failingShare;
  const share = failing * 100;
  const lo = minPercent * applicable;
  if (minInclusive ? share < lo : share <= lo) return false;
  if (maxPercent === null) return true;
  const hi = maxPercent * applicable;
  return maxInclusive ? share <= hi : share < hi;
}

function keySet(cs: CompiledSet, rule: RevocationRuleDef): ReadonlySet<string> {
  if (rule.keyCriteria.length > 0) return new Set(rule.keyCriteria);
  return new Set(cs.criteria.filter((c) => c.isKey).map((c) => c.def.number));
}

function describeBand(rule: RevocationRuleDef): string {
  const { minPercent, minInclusive, maxPercent, maxInclusive } = rule.failingShare;
  const lo = `${minInclusive ? 'từ' : 'trên'} ${formatNumber(minPercent)}%`;
  const band = maxPercent === null ? `${lo} trở lên` : `${lo} đến ${maxInclusive ? '' : 'dưới '}${formatNumber(maxPercent)}%`;
  return rule.requiresKeyCriterion ? `${band} và có tiêu chí trọng yếu` : band;
}

/** Apply the set's revocation rules (e.g. QĐ 18/2022/QĐ-TTg) to a commune's evaluation. */
export function evaluateRevocation(set: CriteriaSetDef | CompiledSet, evaluation: CommuneEvaluation): RevocationOutcome {
  const cs = ensureCompiled(set);
  const rules = cs.def.recognitionRules.filter((r): r is RevocationRuleDef => r.kind === 'revocation');
  const failing = evaluation.criteria.filter((c) => c.status === 'not_met').map((c) => c.number);
  const undetermined = evaluation.criteria.filter((c) => c.status === 'undetermined').map((c) => c.number);
  const applicable = evaluation.criteriaApplicable;
  const percent = applicable === 0 ? 0 : (failing.length * 100) / applicable;
  const allKeys = new Set(rules.flatMap((r) => [...keySet(cs, r)]));
  const keyCriteriaFailing = failing.filter((n) => allKeys.has(n));

  const outcomes = rules.map((rule): RevocationRuleOutcome => {
    if (applicable === 0) return { id: rule.id, triggered: false, possible: false };
    const keys = keySet(cs, rule);
    const keyFails = failing.some((n) => keys.has(n));
    const keyMayFail = keyFails || undetermined.some((n) => keys.has(n));
    const triggered = inBand(rule, failing.length, applicable) && (!rule.requiresKeyCriterion || keyFails);
    let possible = triggered;
    // Any number of the undetermined criteria may turn out failing; the rule is possible if some count fits.
    for (let k = failing.length; !possible && k <= failing.length + undetermined.length; k++) {
      possible = inBand(rule, k, applicable) && (!rule.requiresKeyCriterion || keyMayFail);
    }
    return { id: rule.id, triggered, possible };
  });

  const hit = outcomes.find((o) => o.triggered);
  const hitRule = hit ? rules.find((r) => r.id === hit.id) : undefined;
  const indeterminate = !hit && outcomes.some((o) => o.possible);
  const share = `${failing.length}/${applicable} tiêu chí (${formatNumber(percent)}%) không đạt`;
  let why: string;
  if (rules.length === 0) why = 'Bộ tiêu chí chưa có quy định thu hồi.';
  else if (hitRule) {
    const keys = hitRule.requiresKeyCriterion ? `, trong đó có tiêu chí ${keyCriteriaFailing.join(', ')}` : '';
    why = `Thuộc trường hợp thu hồi: ${share}${keys}; quy định: ${describeBand(hitRule)} (${hitRule.legalBasis}).`;
  } else if (indeterminate) {
    why = `Chưa đủ căn cứ: ${share}, còn ${undetermined.length} tiêu chí chưa xác định (${undetermined.join(', ')}) có thể dẫn tới thu hồi.`;
  } else why = `Không thuộc trường hợp thu hồi: ${share}.`;

  return {
    triggered: hit !== undefined,
    ruleId: hit?.id ?? null,
    indeterminate,
    failing: { criteria: failing, undetermined, applicable, percent },
    keyCriteriaFailing,
    rules: outcomes,
    why,
  };
}

/** Status of one recognition condition. */
export interface RecognitionConditionOutcome {
  readonly id: string;
  readonly status: 'met' | 'not_met' | 'unknown';
  readonly text: string;
}

/**
 * Check the set's recognition conditions: `meets_standard` from the evaluation, the others from facts entered by
 * people (keyed by condition id; missing = unknown). `recognisable` is null while any condition is unknown.
 */
export function evaluateRecognition(
  set: CriteriaSetDef | CompiledSet,
  evaluation: CommuneEvaluation,
  facts: Readonly<Record<string, boolean | null | undefined>> = {},
): { recognisable: boolean | null; conditions: RecognitionConditionOutcome[] } {
  const cs = ensureCompiled(set);
  const defs = cs.def.recognitionRules.filter((r): r is RecognitionConditionDef => r.kind === 'recognition_condition');
  const conditions = defs.map((d): RecognitionConditionOutcome => {
    const fact = d.check === 'meets_standard' ? evaluation.meetsStandard : facts[d.id];
    return { id: d.id, status: fact === true ? 'met' : fact === false ? 'not_met' : 'unknown', text: d.text };
  });
  // No conditions recorded means we cannot say, not that recognition is automatic.
  const recognisable = conditions.some((c) => c.status === 'not_met') ? false
    : defs.length === 0 || conditions.some((c) => c.status === 'unknown') ? null
    : true;
  return { recognisable, conditions };
}
