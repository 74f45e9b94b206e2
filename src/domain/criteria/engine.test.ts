import { describe, expect, it } from 'vitest';
import { compileSet, evaluateCommune, evaluateCommunes, validateSet } from './engine.js';
import { criteriaSet, criterion, indicator, rule, singleIndicatorSet } from './test-fixtures.js';
import type { AttributeOverrideDef, CommuneAttributes, IndicatorDef, IndicatorResult, IndicatorValue } from './types.js';

function one(ind: Partial<IndicatorDef>, value: IndicatorValue | null | undefined, attrs: CommuneAttributes = {}, year = 2024): IndicatorResult {
  const ev = evaluateCommune(singleIndicatorSet(ind), attrs, year, { '1.1': value });
  const r = ev.criteria[0]?.indicators[0];
  if (!r) throw new Error('no result');
  return r;
}

describe('indicator kinds', () => {
  const scale = ['Không hoàn thành nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'];
  it.each([
    // kind, target, value, status, absolute gap, relative gap
    ['boolean', true, true, 'met', null, 0],
    ['boolean', true, false, 'not_met', null, 1],
    ['boolean', false, false, 'met', null, 0], // e.g. 9.1 "Nhà tạm, dột nát: Không"
    ['boolean', false, true, 'not_met', null, 1],
    ['min', 45, 50, 'met', 0, 0],
    ['min', 45, 45, 'met', 0, 0], // exactly at the target
    ['min', 45, 36, 'not_met', 9, 0.2],
    ['max', 10, 10, 'met', 0, 0],
    ['max', 10, 9.5, 'met', 0, 0],
    ['max', 10, 12.5, 'not_met', 2.5, 0.25],
    ['percent_min', 80, 80, 'met', 0, 0],
    ['percent_min', 80, 100, 'met', 0, 0],
    ['percent_min', 80, 60, 'not_met', 20, 0.25],
    ['percent_max', 5, 5, 'met', 0, 0],
    ['percent_max', 5, 0, 'met', 0, 0],
    ['percent_max', 5, 6, 'not_met', 1, 0.2],
    ['count_min', 2, 2, 'met', 0, 0],
    ['count_min', 2, 1, 'not_met', 1, 0.5],
    ['count_max', 0, 0, 'met', 0, 0],
    ['count_max', 0, 3, 'not_met', 3, 3], // target 0: relative gap uses denominator 1
    ['verdict', 'Đạt', 'Đạt', 'met', null, 0],
    ['verdict', 'Đạt', ' đạt ', 'met', null, 0], // case and spacing do not matter
    ['verdict', 'Đạt', 'Không đạt', 'not_met', null, 1],
  ] as const)('%s target %s, value %s → %s', (kind, target, value, status, abs, rel) => {
    const r = one({ kind, unit: null, targets: [rule(target)] }, value);
    expect(r.status).toBe(status);
    expect(r.target).toBe(target);
    expect(r.gap?.absolute).toBe(abs);
    expect(r.gap?.relative).toBeCloseTo(rel, 12);
    expect(r.cause).toEqual({ code: 'compared' });
  });

  it.each([
    ['Hoàn thành xuất sắc nhiệm vụ', 'met'],
    ['Hoàn thành tốt nhiệm vụ', 'met'],
    ['Hoàn thành nhiệm vụ', 'not_met'],
    ['Không hoàn thành nhiệm vụ', 'not_met'],
  ] as const)('verdict on a scale: "%s" against "Hoàn thành tốt nhiệm vụ" → %s', (value, status) => {
    const r = one({ kind: 'verdict', unit: null, scale, targets: [rule('Hoàn thành tốt nhiệm vụ')] }, value);
    expect(r.status).toBe(status);
    expect(r.why).toContain('trở lên');
  });

  it.each([
    ['percent_min', 101, 'tỷ lệ phần trăm từ 0 đến 100'],
    ['percent_min', -1, 'tỷ lệ phần trăm từ 0 đến 100'],
    ['count_min', 1.5, 'số nguyên không âm'],
    ['count_max', -1, 'số nguyên không âm'],
    ['min', Number.NaN, 'một số'],
    ['min', 'nhiều', 'một số'],
    ['boolean', 1, 'giá trị Có/Không'],
    ['verdict', 42, 'một kết luận bằng chữ'],
  ] as const)('%s rejects %s as invalid (missing_value)', (kind, value, expected) => {
    const target = kind === 'boolean' ? true : kind === 'verdict' ? 'Đạt' : 5;
    const r = one({ kind, unit: null, targets: [rule(target)] }, value);
    expect(r.status).toBe('missing_value');
    expect(r.cause).toEqual({ code: 'value_invalid', expected });
    expect(r.gap).toBeNull();
  });

  it('rejects a verdict label outside the scale', () => {
    const r = one({ kind: 'verdict', unit: null, scale, targets: [rule('Hoàn thành nhiệm vụ')] }, 'Xuất sắc');
    expect(r.status).toBe('missing_value');
    expect(r.cause.code).toBe('value_invalid');
  });

  it('counts a float-arithmetic value just under the target as exactly at it', () => {
    const r = one({ kind: 'percent_min', targets: [rule(80)] }, 0.8 * 100 - 1e-13);
    expect(r.status).toBe('met');
    expect(r.gap).toEqual({ absolute: 0, relative: 0 });
  });

  it('explains met and not met in Vietnamese with numbers formatted vi-VN', () => {
    expect(one({ targets: [rule(80)] }, 85.5).why).toBe('Đạt: 85,5% ≥ 80% (mức chung).');
    expect(one({ targets: [rule(80)] }, 62.25).why).toBe('Chưa đạt: 62,25% < 80% (mức chung), còn thiếu 17,75%.');
    expect(one({ kind: 'min', unit: 'triệu đồng/người/năm', targets: [rule(1500)] }, 1200).why).toBe(
      'Chưa đạt: 1.200 triệu đồng/người/năm < 1.500 triệu đồng/người/năm (mức chung), còn thiếu 300 triệu đồng/người/năm.',
    );
  });
});

describe('target resolution', () => {
  const targets = [
    rule(80), // 0: general
    rule(70, { region: 'TDMNPB' }), // 1
    rule(75, { region: 'TDMNPB', yearFrom: 2024, yearTo: 2025 }), // 2
    rule(60, { communeGroup: '3' }), // 3
    rule(90, { region: 'DBSH' }), // 4
    rule(85, { yearFrom: 2025 }), // 5: year only, open-ended
  ];
  const ind = { targets };

  it.each([
    [{ region: 'TDMNPB', communeGroup: '1' }, 2023, 70, 1, { by: 'region', region: 'TDMNPB' }],
    [{ region: 'TDMNPB', communeGroup: '1' }, 2024, 75, 2, { by: 'region+year', region: 'TDMNPB', year: 2024 }],
    [{ region: 'TDMNPB', communeGroup: '1' }, 2025, 75, 2, { by: 'region+year', region: 'TDMNPB', year: 2025 }],
    [{ region: 'TDMNPB', communeGroup: '1' }, 2026, 70, 1, { by: 'region', region: 'TDMNPB' }], // region beats year-only by order (tie)
    [{ region: 'DBSH', communeGroup: '1' }, 2024, 90, 4, { by: 'region', region: 'DBSH' }],
    [{ region: 'BTB', communeGroup: '1' }, 2024, 80, 0, { by: 'default' }],
    [{ region: 'BTB', communeGroup: '1' }, 2025, 85, 5, { by: 'year', year: 2025 }],
    [{ region: 'TDMNPB', communeGroup: '3' }, 2023, 70, 1, { by: 'region', region: 'TDMNPB' }], // tie → first in order
    [{ region: 'BTB', communeGroup: '3' }, 2023, 60, 3, { by: 'communeGroup', communeGroup: '3' }],
  ] as const)('%j in %i → target %i from rule #%i', (attrs, year, target, index, reason) => {
    const r = one(ind, 100, attrs, year);
    expect(r.target).toBe(target);
    expect(r.matchedRule?.index).toBe(index);
    expect(r.matchedRule?.match).toBe(targets[index]?.match);
    expect(r.reason).toEqual(reason);
    expect(r.status).toBe('met');
  });

  it('lists the match keys of the applied rule', () => {
    expect(one(ind, 100, { region: 'TDMNPB' }, 2024).matchedRule?.keys).toEqual(['region', 'year']);
    expect(one(ind, 100, { region: 'BTB', communeGroup: '2' }, 2024).matchedRule?.keys).toEqual([]);
  });

  it('says missing_value instead of falling back to the general target when the region is not recorded', () => {
    const r = one(ind, 100, { communeGroup: '1' }, 2024);
    expect(r.status).toBe('missing_value');
    expect(r.cause).toEqual({ code: 'attribute_missing', of: 'target', attrs: ['region'] });
    expect(r.target).toBeNull();
    expect(r.why).toBe('Thiếu thông tin của xã (vùng) nên chưa xác định được mức chỉ tiêu áp dụng.');
  });

  it('also needs an attribute tested by an equally specific earlier rule, since it could win the tie', () => {
    const r = one(ind, 100, { region: 'DBSH' }, 2024);
    expect(r.status).toBe('missing_value');
    expect(r.cause).toEqual({ code: 'attribute_missing', of: 'target', attrs: ['communeGroup'] });
  });

  it('falls back when the more specific rule is decided false despite an unknown attribute', () => {
    const t = [rule(80), rule(99, { region: 'TDMNPB', border: true })];
    const r = one({ targets: t }, 85, { region: 'DBSH' });
    expect(r.target).toBe(80);
    expect(r.status).toBe('met');
  });

  it('is target_unknown when no rule matches, and when the matching rule has no value', () => {
    const none = one({ targets: [rule(70, { region: 'TDMNPB' })] }, 90, { region: 'DBSH' });
    expect(none.status).toBe('target_unknown');
    expect(none.cause).toEqual({ code: 'no_target_rule' });
    expect(none.matchedRule).toBeNull();
    const empty = one({ targets: [] }, 90);
    expect(empty.status).toBe('target_unknown');
    const nullValue = one({ targets: [rule(null, { region: 'TDMNPB' }, { verified: false })] }, 90, { region: 'TDMNPB' });
    expect(nullValue.status).toBe('target_unknown');
    expect(nullValue.cause).toEqual({ code: 'target_value_unknown' });
    expect(nullValue.matchedRule?.index).toBe(0);
    expect(nullValue.reason).toEqual({ by: 'region', region: 'TDMNPB' });
  });

  it('reports target_unknown before a missing value, and a missing value as missing_value', () => {
    expect(one({ targets: [] }, undefined).status).toBe('target_unknown');
    const missing = one({ targets: [rule(80)] }, undefined);
    expect(missing.status).toBe('missing_value');
    expect(missing.cause).toEqual({ code: 'value_missing' });
    expect(missing.target).toBe(80);
    expect(one({ targets: [rule(80)] }, null).status).toBe('missing_value');
  });

  it('skips rules whose years exclude the evaluated year', () => {
    const t = [rule(50, { yearFrom: 2022, yearTo: 2023 }), rule(60, { yearFrom: 2024, yearTo: 2024 })];
    expect(one({ targets: t }, 55, {}, 2023).status).toBe('met');
    expect(one({ targets: t }, 55, {}, 2024).status).toBe('not_met');
    expect(one({ targets: t }, 55, {}, 2025).status).toBe('target_unknown');
  });

  it('applies unverified targets but flags them', () => {
    const r = one({ targets: [rule(80, {}, { verified: false })] }, 90);
    expect(r.status).toBe('met');
    expect(r.verified).toBe(false);
    expect(r.why).toContain('chưa được xác minh');
    const ev = evaluateCommune(singleIndicatorSet({ targets: [rule(80, {}, { verified: false })] }), {}, 2024, { '1.1': 90 });
    expect(ev.allTargetsVerified).toBe(false);
    const ok = evaluateCommune(singleIndicatorSet({ targets: [rule(80)] }), {}, 2024, { '1.1': 90 });
    expect(ok.allTargetsVerified).toBe(true);
  });

  it('includes the lazily built explanation in JSON output', () => {
    const json = JSON.parse(JSON.stringify(one({ targets: [rule(80)] }, 70))) as Record<string, unknown>;
    expect(json).toMatchObject({ code: '1.1', status: 'not_met', target: 80, why: 'Chưa đạt: 70% < 80% (mức chung), còn thiếu 10%.' });
    const ev = JSON.parse(JSON.stringify(evaluateCommune(singleIndicatorSet({}), {}, 2024, { '1.1': 90 }))) as { criteria: { why: string }[] };
    expect(ev.criteria[0]?.why).toBe('Đạt: 1/1 chỉ tiêu áp dụng đều đạt.');
  });

  it('marks demonstration targets', () => {
    const r = one({ targets: [rule(80, {}, { demo: true })] }, 90);
    expect(r.demo).toBe(true);
    expect(r.why).toContain('minh họa');
  });
});

describe('applicability', () => {
  const borderOnly = { applicability: { attr: 'border', eq: true }, targets: [rule(100)] } as const;

  it.each([
    [{ border: true }, 'met'],
    [{ border: false }, 'not_applicable'],
    [{}, 'missing_value'],
    [{ border: null }, 'missing_value'],
  ] as const)('border-only indicator for %j → %s', (attrs, status) => {
    expect(one(borderOnly, 100, attrs).status).toBe(status);
  });

  it('explains not_applicable and unknown applicability', () => {
    expect(one(borderOnly, 100, { border: false }).why).toBe('Không áp dụng: chỉ tiêu chỉ áp dụng cho xã biên giới.');
    expect(one(borderOnly, 100, {}).cause).toEqual({ code: 'attribute_missing', of: 'applicability', attrs: ['border'] });
    expect(one(borderOnly, 100, {}).why).toBe('Thiếu thông tin của xã (xã biên giới) nên chưa xác định được chỉ tiêu có áp dụng hay không.');
  });

  const combined = {
    applicability: { any: [{ attr: 'border', eq: true }, { all: [{ attr: 'ethnicArea', in: ['II', 'III'] }, { not: { attr: 'region', eq: 'DBSH' } }] }] },
    targets: [rule(100)],
  } as const;
  it.each([
    [{ border: false, ethnicArea: 'III', region: 'TDMNPB' }, 'met'],
    [{ border: false, ethnicArea: 'III', region: 'DBSH' }, 'not_applicable'],
    [{ border: false, ethnicArea: 'I', region: 'TDMNPB' }, 'not_applicable'],
    [{ ethnicArea: 'II', region: 'TDMNPB' }, 'met'], // border unknown, but the other branch decides
    [{ ethnicArea: 'I', region: 'TDMNPB' }, 'missing_value'], // only border could make it apply
    [{ border: true }, 'met'],
  ] as const)('any/all/not/in over %j → %s', (attrs, status) => {
    expect(one(combined, 100, attrs).status).toBe(status);
  });
});

describe('attribute overrides (QĐ 318: especially disadvantaged communes use TDMNPB levels)', () => {
  const override: AttributeOverrideDef = {
    id: 'dbkk',
    when: { attr: 'especiallyDifficult', eq: true },
    set: { region: 'TDMNPB' },
    text: 'xã ĐBKK áp dụng mức vùng TDMNPB',
    source: 'test',
    verified: true,
  };
  const set = criteriaSet([criterion('1', [indicator('1.1', { targets: [rule(70, { region: 'TDMNPB' }), rule(90, { region: 'DBSH' })] })])], {
    attributeOverrides: [override],
  });
  const run = (attrs: CommuneAttributes): IndicatorResult => {
    const r = evaluateCommune(set, attrs, 2024, { '1.1': 80 }).criteria[0]?.indicators[0];
    if (!r) throw new Error('no result');
    return r;
  };

  it('uses the TDMNPB target for a DBSH commune that is especially disadvantaged', () => {
    const r = run({ region: 'DBSH', especiallyDifficult: true });
    expect(r.target).toBe(70);
    expect(r.status).toBe('met');
    expect(r.reason).toEqual({ by: 'region', region: 'TDMNPB', override: 'dbkk' });
    expect(r.why).toContain('xã ĐBKK áp dụng mức vùng TDMNPB');
  });

  it('keeps the own region otherwise', () => {
    const r = run({ region: 'DBSH', especiallyDifficult: false });
    expect(r.target).toBe(90);
    expect(r.status).toBe('not_met');
    expect(r.reason).toEqual({ by: 'region', region: 'DBSH' });
  });

  it('needs no attribute when the override would change nothing', () => {
    expect(run({ region: 'TDMNPB' }).target).toBe(70);
  });

  it('reports the attribute the override needs when it could change the region', () => {
    const r = run({ region: 'DBSH' });
    expect(r.status).toBe('missing_value');
    expect(r.cause).toEqual({ code: 'attribute_missing', of: 'target', attrs: ['especiallyDifficult'] });
    expect(r.why).toBe('Thiếu thông tin của xã (xã đặc biệt khó khăn) nên chưa xác định được mức chỉ tiêu áp dụng.');
  });
});

describe('criterion and overall aggregation', () => {
  const set = criteriaSet([
    criterion('1', [indicator('1.1'), indicator('1.2', { kind: 'boolean', unit: null, targets: [rule(true)] })]),
    criterion('2', [indicator('2.1', { kind: 'percent_max', targets: [rule(10)] })]),
    criterion('3', [indicator('3.1', { applicability: { attr: 'border', eq: true } })]),
    criterion('4', [indicator('4.1', { targets: [] })]),
  ]);

  it('meets the standard when every applicable criterion is met', () => {
    const ev = evaluateCommune(criteriaSet(set.criteria.slice(0, 3)), { border: false }, 2024, {
      '1.1': 80,
      '1.2': true,
      '2.1': 10,
    });
    expect(ev.criteria.map((c) => c.status)).toEqual(['met', 'met', 'not_applicable']);
    expect(ev.criteriaMet).toBe(2);
    expect(ev.criteriaApplicable).toBe(2);
    expect(ev.meetsStandard).toBe(true);
    expect(ev.missing).toEqual({ criteria: [], indicators: [] });
    expect(ev.counts).toEqual({ met: 3, not_met: 0, not_applicable: 1, missing_value: 0, target_unknown: 0 });
  });

  it('lists unmet, missing and unknown items and never counts them as met', () => {
    const ev = evaluateCommune(set, { border: true }, 2024, { '1.1': 79, '1.2': true, '2.1': 3 });
    expect(ev.criteria.map((c) => c.status)).toEqual(['not_met', 'met', 'undetermined', 'undetermined']);
    expect(ev.criteria.map((c) => c.met)).toEqual([false, true, false, false]);
    expect(ev.criteriaMet).toBe(1);
    expect(ev.criteriaApplicable).toBe(4);
    expect(ev.meetsStandard).toBe(false);
    expect(ev.missing).toEqual({ criteria: ['1', '3', '4'], indicators: ['1.1', '3.1', '4.1'] });
    expect(ev.counts).toEqual({ met: 2, not_met: 1, not_applicable: 0, missing_value: 1, target_unknown: 1 });
    expect(ev.criteria[0]?.why).toBe('Chưa đạt: 1.1 chưa đạt.');
    expect(ev.criteria[2]?.why).toBe('Chưa xác định: thiếu số liệu 3.1.');
    expect(ev.criteria[3]?.why).toBe('Chưa xác định: chưa có mức chỉ tiêu 4.1.');
  });

  it('never meets the standard with criteria that have no indicators', () => {
    const empty = criteriaSet([criterion('1', []), criterion('2', [])]);
    const ev = evaluateCommune(empty, {}, 2026, {});
    expect(ev.criteria.map((c) => c.status)).toEqual(['undetermined', 'undetermined']);
    expect(ev.criteriaApplicable).toBe(2);
    expect(ev.criteriaMet).toBe(0);
    expect(ev.meetsStandard).toBe(false);
    expect(ev.missing.criteria).toEqual(['1', '2']);
  });

  it('does not meet the standard when nothing applies', () => {
    const onlyBorder = criteriaSet([criterion('1', [indicator('1.1', { applicability: { attr: 'border', eq: true } })])]);
    const ev = evaluateCommune(onlyBorder, { border: false }, 2024, {});
    expect(ev.criteriaApplicable).toBe(0);
    expect(ev.meetsStandard).toBe(false);
  });

  it('gives the summary without building per-indicator objects, and is not affected by later edits of the input', () => {
    const values: Record<string, number | boolean> = { '1.1': 90, '1.2': true, '2.1': 1 };
    const ev = evaluateCommune(set, { border: false }, 2024, values);
    values['1.1'] = 10;
    expect(ev.criteriaMet).toBe(2);
    expect(ev.criteria[0]?.indicators[0]).toMatchObject({ code: '1.1', status: 'met', value: 90 });
    expect(ev.criteria[0]?.indicators[0]?.why).toBe('Đạt: 90% ≥ 80% (mức chung).');
  });

  it('evaluates many communes with one compiled set', () => {
    const compiled = compileSet(set);
    const out = evaluateCommunes(compiled, 2024, [
      { id: 'a', attrs: { border: false }, values: { '1.1': 90, '1.2': true, '2.1': 1 } },
      { id: 'b', attrs: { border: false }, values: { '1.1': 10 } },
    ]);
    expect(out.map((o) => [o.id, o.evaluation.criteriaMet, o.evaluation.criteriaApplicable])).toEqual([
      ['a', 2, 3],
      ['b', 0, 3],
    ]);
  });
});

describe('set validation', () => {
  it('rejects duplicate codes and targets of the wrong type', () => {
    const bad = criteriaSet([
      criterion('1', [indicator('1.1', { targets: [rule('tám mươi')] }), indicator('1.1', { kind: 'boolean', targets: [rule(1)] })]),
      criterion('2', [indicator('2.1', { targets: [rule(120)] }), indicator('2.2', { kind: 'verdict', scale: ['A', 'B'], targets: [rule('C')] })]),
    ]);
    expect(validateSet(bad)).toEqual([
      'indicator 1.1 target #0: expected a number',
      'indicator 1.1: duplicate code',
      'indicator 1.1 target #0: expected true/false',
      'indicator 2.1 target #0: percent outside 0-100',
      'indicator 2.2 target #0: label "C" not in scale',
    ]);
    expect(() => compileSet(bad)).toThrow(/criteria set TEST is invalid/);
  });
});
