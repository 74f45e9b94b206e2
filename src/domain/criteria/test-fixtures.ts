// Builders of small synthetic criteria sets for the engine's tests. Not used by production code.
import type { CriteriaSetDef, CriterionDef, IndicatorDef, RevocationRuleDef, TargetRuleDef } from './types.js';

/** A target rule with defaults: general match, verified, with a source. */
export function rule(value: TargetRuleDef['value'], match: TargetRuleDef['match'] = {}, extra: Partial<TargetRuleDef> = {}): TargetRuleDef {
  return { match, value, source: 'test', verified: true, ...extra };
}

/** An indicator with defaults: percent_min with one general target of 80. */
export function indicator(code: string, extra: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    code,
    wording: `Chỉ tiêu ${code}`,
    kind: 'percent_min',
    unit: '%',
    applicability: null,
    targets: [rule(80)],
    ...extra,
  };
}

/** A criterion holding the given indicators. */
export function criterion(number: string, indicators: readonly IndicatorDef[], extra: Partial<CriterionDef> = {}): CriterionDef {
  return { number, code: `TC${number}`, name: `Tiêu chí ${number}`, group: null, guidedByAgencyKind: null, indicators, ...extra };
}

/** A set holding the given criteria. */
export function criteriaSet(criteria: readonly CriterionDef[], extra: Partial<CriteriaSetDef> = {}): CriteriaSetDef {
  return {
    code: 'TEST',
    name: 'Bộ tiêu chí thử',
    level: 'ntm',
    legalBasis: 'test',
    validFrom: '2022-01-01',
    validTo: null,
    version: 1,
    criteria,
    recognitionRules: [],
    ...extra,
  };
}

/** A set with one indicator (code "1.1" in criterion "1"). */
export function singleIndicatorSet(ind: Partial<IndicatorDef>): CriteriaSetDef {
  return criteriaSet([criterion('1', [indicator('1.1', ind)])]);
}

/** QĐ 18/2022-shaped revocation rules: 30–50% with a key criterion, and 50% or more. */
export function revocationRules(keyCriteria: readonly string[], upperInclusive = true): RevocationRuleDef[] {
  const common = { kind: 'revocation' as const, legalBasis: 'QĐ 18/2022/QĐ-TTg', source: 'test', verified: true, text: 'test' };
  return [
    {
      ...common,
      id: 'band-30-50-key',
      failingShare: { minPercent: 30, minInclusive: true, maxPercent: 50, maxInclusive: upperInclusive },
      requiresKeyCriterion: true,
      keyCriteria,
    },
    {
      ...common,
      id: 'band-50-plus',
      failingShare: { minPercent: 50, minInclusive: true, maxPercent: null, maxInclusive: false },
      requiresKeyCriterion: false,
      keyCriteria: [],
    },
  ];
}

/** A set of `n` criteria "1".."n", each with one yes/no indicator "k.1" whose target is true. */
export function yesNoSet(n: number, extra: Partial<CriteriaSetDef> = {}): CriteriaSetDef {
  const criteria = Array.from({ length: n }, (_, i) =>
    criterion(String(i + 1), [indicator(`${i + 1}.1`, { kind: 'boolean', unit: null, targets: [rule(true)] })]),
  );
  return criteriaSet(criteria, extra);
}

/** Values for `yesNoSet`: the listed criteria fail, the listed ones are missing, the rest pass. */
export function yesNoValues(n: number, failing: readonly number[], missing: readonly number[] = []): Record<string, boolean | undefined> {
  const values: Record<string, boolean | undefined> = {};
  for (let i = 1; i <= n; i++) values[`${i}.1`] = missing.includes(i) ? undefined : !failing.includes(i);
  return values;
}
