import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSet, evaluateCommune } from './engine.js';
import { criteriaSet, criterion, indicator, rule, singleIndicatorSet } from './test-fixtures.js';
import type {
  ApplicabilityRule,
  CommuneAttributes,
  CriteriaSetDef,
  IndicatorDef,
  IndicatorKind,
  IndicatorResult,
  IndicatorValue,
  TargetMatch,
  TargetRuleDef,
} from './types.js';

type NumericKind = Extract<IndicatorKind, 'min' | 'max' | 'percent_min' | 'percent_max'>;

function evalOne(kind: IndicatorKind, target: TargetRuleDef['value'], value: IndicatorValue | undefined, scale?: readonly string[]): IndicatorResult {
  const ind: Partial<IndicatorDef> = { kind, unit: null, targets: [rule(target)], ...(scale ? { scale } : {}) };
  const r = evaluateCommune(singleIndicatorSet(ind), {}, 2024, { '1.1': value }).criteria[0]?.indicators[0];
  if (!r) throw new Error('no result');
  return r;
}

const numericKind = fc.constantFrom<NumericKind>('min', 'max', 'percent_min', 'percent_max');
const pct = fc.double({ min: 0, max: 100, noNaN: true });
const isMin = (k: IndicatorKind): boolean => k.endsWith('min');

describe('engine properties', () => {
  it('moving a value towards the target never turns met into not_met, nor widens the gap', () => {
    fc.assert(
      fc.property(numericKind, pct, pct, fc.double({ min: 0, max: 1, noNaN: true }), (kind, target, value, f) => {
        const moved = Math.min(100, Math.max(0, value + f * (target - value)));
        const before = evalOne(kind, target, value);
        const after = evalOne(kind, target, moved);
        if (before.status === 'met') expect(after.status).toBe('met');
        expect(after.gap?.absolute ?? 0).toBeLessThanOrEqual((before.gap?.absolute ?? 0) + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('improving a value (up for min, down for max; up the verdict scale) never turns met into not_met', () => {
    fc.assert(
      fc.property(numericKind, pct, pct, pct, (kind, target, value, step) => {
        const better = Math.min(100, Math.max(0, isMin(kind) ? value + step : value - step));
        if (evalOne(kind, target, value).status === 'met') expect(evalOne(kind, target, better).status).toBe('met');
      }),
      { numRuns: 500 },
    );
    const scale = ['D', 'C', 'B', 'A'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (t, v, up) => {
        const better = Math.min(3, v + up);
        if (evalOne('verdict', scale[t] ?? 'A', scale[v], scale).status === 'met') {
          expect(evalOne('verdict', scale[t] ?? 'A', scale[better], scale).status).toBe('met');
        }
      }),
    );
  });

  it('met ⇒ gap 0, and not_met ⇒ a positive relative gap', () => {
    const anyCase = fc.oneof(
      fc.tuple(numericKind, pct, pct).map(([k, t, v]) => evalOne(k, t, v)),
      fc.tuple(fc.constantFrom<IndicatorKind>('count_min', 'count_max'), fc.nat(50), fc.nat(50)).map(([k, t, v]) => evalOne(k, t, v)),
      fc.tuple(fc.boolean(), fc.boolean()).map(([t, v]) => evalOne('boolean', t, v)),
    );
    fc.assert(
      fc.property(anyCase, (r) => {
        if (r.status === 'met') {
          expect(r.gap?.relative).toBe(0);
          expect(r.gap?.absolute === 0 || r.gap?.absolute === null).toBe(true);
        } else {
          expect(r.status).toBe('not_met');
          expect(r.gap?.relative ?? 0).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// ---- random sets, communes and values ----

const REGIONS = ['TDMNPB', 'DBSH', 'BTB'] as const;
const GROUPS = ['1', '2', '3'] as const;

const matchArb: fc.Arbitrary<TargetMatch> = fc
  .record(
    {
      region: fc.constantFrom(...REGIONS),
      communeGroup: fc.constantFrom(...GROUPS),
      border: fc.boolean(),
      years: fc.tuple(fc.integer({ min: 2021, max: 2026 }), fc.integer({ min: 0, max: 3 })),
    },
    { requiredKeys: [] },
  )
  .map(({ years, ...attrs }) => (years ? { ...attrs, yearFrom: years[0], yearTo: years[0] + years[1] } : attrs));

const applicabilityArb: fc.Arbitrary<ApplicabilityRule | null> = fc.oneof(
  fc.constant(null),
  fc.boolean().map((b): ApplicabilityRule => ({ attr: 'border', eq: b })),
  fc.subarray([...REGIONS], { minLength: 1 }).map((r): ApplicabilityRule => ({ attr: 'region', in: r })),
  fc.constantFrom(...GROUPS).map((g): ApplicabilityRule => ({ not: { attr: 'communeGroup', eq: g } })),
);

const indicatorArb = fc
  .record({
    kind: fc.constantFrom<IndicatorKind>('boolean', 'min', 'max', 'percent_min', 'percent_max', 'count_min'),
    applicability: applicabilityArb,
    rules: fc.array(fc.record({ match: matchArb, raw: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), verified: fc.boolean() }), { maxLength: 4 }),
  })
  .map(({ kind, applicability, rules }) => ({
    kind,
    unit: null,
    applicability,
    targets: rules.map((r) => rule(r.raw === null ? null : kind === 'boolean' ? r.raw % 2 === 0 : r.raw, r.match, { verified: r.verified })),
  }));

const setArb: fc.Arbitrary<CriteriaSetDef> = fc
  .array(fc.array(indicatorArb, { maxLength: 4 }), { minLength: 1, maxLength: 6 })
  .map((crits) => criteriaSet(crits.map((inds, ci) => criterion(String(ci + 1), inds.map((d, ii) => indicator(`${ci + 1}.${ii + 1}`, d))))));

const attrsArb: fc.Arbitrary<CommuneAttributes> = fc.record(
  {
    region: fc.constantFrom(...REGIONS, null),
    communeGroup: fc.constantFrom(...GROUPS, null),
    border: fc.constantFrom(true, false, null),
  },
  { requiredKeys: [] },
);

const valueArb: fc.Arbitrary<IndicatorValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.boolean(),
);

const caseArb = setArb.chain((set) => {
  const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
  return fc.record({
    set: fc.constant(set),
    attrs: attrsArb,
    year: fc.integer({ min: 2021, max: 2027 }),
    values: fc.tuple(...codes.map(() => valueArb)).map((vs) => Object.fromEntries(codes.map((c, i) => [c, vs[i]]))),
  });
});

describe('aggregation properties', () => {
  it('criteriaMet ≤ criteriaApplicable, counts add up, meetsStandard ⇔ all applicable met', () => {
    fc.assert(
      fc.property(caseArb, ({ set, attrs, year, values }) => {
        const ev = evaluateCommune(set, attrs, year, values);
        const total = set.criteria.reduce((n, c) => n + c.indicators.length, 0);
        expect(ev.criteriaMet).toBeLessThanOrEqual(ev.criteriaApplicable);
        expect(Object.values(ev.counts).reduce((a, b) => a + b, 0)).toBe(total);
        expect(ev.meetsStandard).toBe(ev.criteriaApplicable > 0 && ev.criteriaMet === ev.criteriaApplicable);
        expect(ev.missing.criteria.length).toBe(ev.criteriaApplicable - ev.criteriaMet);
        for (const c of ev.criteria) {
          if (c.met) expect(c.indicators.every((i) => i.status === 'met' || i.status === 'not_applicable')).toBe(true);
          if (c.indicators.some((i) => i.status === 'missing_value' || i.status === 'target_unknown')) expect(c.met).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('evaluation is deterministic: same inputs, same result, whether the set is compiled, cached or copied', () => {
    fc.assert(
      fc.property(caseArb, ({ set, attrs, year, values }) => {
        const first = evaluateCommune(set, attrs, year, values);
        // JSON includes the lazily built explanations, so they are compared too.
        expect(JSON.stringify(evaluateCommune(set, attrs, year, values))).toBe(JSON.stringify(first));
        expect(evaluateCommune(set, attrs, year, values)).toEqual(first);
        expect(evaluateCommune(compileSet(set), attrs, year, values)).toEqual(first);
        const copy = JSON.parse(JSON.stringify(set)) as CriteriaSetDef;
        expect(evaluateCommune(copy, { ...attrs }, year, { ...values })).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
