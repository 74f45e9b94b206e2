import { describe, expect, it } from 'vitest';
import { evaluateCommune, type CriteriaSetDef, type TargetRuleDef } from '../../domain/criteria/index.js';
import { diffSets } from './criteria.diff.js';
import { forEvaluation, matchKey, sourceText, withTarget } from './criteria.document.js';

const rule = (over: Partial<TargetRuleDef>): TargetRuleDef => ({ match: {}, value: 80, source: 'QĐ 318', verified: true, ...over });

const base: CriteriaSetDef = {
  code: 'T',
  name: 'Bộ thử',
  level: 'ntm',
  legalBasis: 'QĐ 318',
  validFrom: '2022-03-08',
  validTo: null,
  version: 1,
  recognitionRules: [],
  criteria: [
    {
      number: '1',
      code: 'TC1',
      name: 'Một',
      group: null,
      guidedByAgencyKind: null,
      indicators: [
        { code: '1.1', wording: 'A', kind: 'percent_min', unit: '%', applicability: null, targets: [rule({}), rule({ match: { region: 'TN' }, value: 70 })] },
        { code: '1.2', wording: 'B', kind: 'boolean', unit: null, applicability: null, targets: [] },
      ],
    },
    { number: '2', code: 'TC2', name: 'Hai', group: null, guidedByAgencyKind: null, indicators: [] },
  ],
};

describe('set documents', () => {
  it('identify a target rule by its match whatever the key order', () => {
    expect(matchKey({ region: 'TN', yearFrom: 2024 })).toBe(matchKey({ yearFrom: 2024, region: 'TN' }));
    expect(matchKey({})).not.toBe(matchKey({ region: 'TN' }));
    const { def, before, index } = withTarget(base, '1.1', rule({ match: { region: 'TN' }, value: 75 }));
    expect(before?.value).toBe(70);
    expect(index).toBe(1);
    expect(def.criteria[0]!.indicators[0]!.targets.map((t) => t.value)).toEqual([80, 75]);
    expect(base.criteria[0]!.indicators[0]!.targets[1]!.value).toBe(70); // the input is not changed
    expect(() => withTarget(base, '9.9', rule({}))).toThrow(/9\.9/);
    expect(sourceText({ document: 'QĐ 318/QĐ-TTg', article: 'Điều 1', page: '4' })).toBe('QĐ 318/QĐ-TTg, Điều 1, tr. 4');
    expect(sourceText({ document: 'QĐ 318/QĐ-TTg' })).toBe('QĐ 318/QĐ-TTg');
  });

  it('evaluate unconfirmed targets as unknown, confirmed and demo targets as they are', () => {
    const def = withTarget(withTarget(base, '1.1', rule({ value: 90, verified: false })).def, '1.2', rule({ value: true, verified: false, demo: true })).def;
    const view = forEvaluation(def);
    expect(forEvaluation(base)).toBe(base);
    const ev = evaluateCommune(view, { region: 'DBSH' }, 2024, { '1.1': 95, '1.2': true });
    const [i11, i12] = ev.criteria[0]!.indicators;
    expect(i11).toMatchObject({ status: 'target_unknown', target: null });
    expect(i12).toMatchObject({ status: 'met', demo: true });
    expect(def.criteria[0]!.indicators[0]!.targets[0]!.value).toBe(90);
  });

  it('diff added, removed and changed parts and leave the rest out', () => {
    const after: CriteriaSetDef = {
      ...base,
      name: 'Bộ thử, bản 2',
      criteria: [
        {
          ...base.criteria[0]!,
          indicators: [
            { ...base.criteria[0]!.indicators[0]!, wording: 'A sửa', targets: [rule({ value: 85, verified: false })] },
            base.criteria[0]!.indicators[1]!,
            { code: '1.3', wording: 'C', kind: 'boolean', unit: null, applicability: null, targets: [] },
          ],
        },
        { number: '3', code: 'TC3', name: 'Ba', group: null, guidedByAgencyKind: null, indicators: [] },
      ],
    };
    const d = diffSets(base, after);
    expect(d.header).toEqual([{ field: 'name', before: 'Bộ thử', after: 'Bộ thử, bản 2' }]);
    expect(d.criteria.map((c) => [c.number, c.change])).toEqual([['1', 'changed'], ['2', 'removed'], ['3', 'added']]);
    const [i11, i13] = d.criteria[0]!.indicators;
    expect(i11!.fields).toEqual([{ field: 'wording', before: 'A', after: 'A sửa' }]);
    expect(i11!.targets.map((x) => [x.matchText, x.change])).toEqual([['mức chung', 'changed'], ['vùng TN', 'removed']]);
    expect(i11!.targets[0]!.fields.map((f) => f.field)).toEqual(['value', 'verified']);
    expect(i13).toMatchObject({ code: '1.3', change: 'added' });
    expect(d.counts).toEqual({ added: 2, removed: 2, changed: 3 });
    expect(diffSets(base, base)).toEqual({ header: [], criteria: [], counts: { added: 0, removed: 0, changed: 0 } });
  });
});
