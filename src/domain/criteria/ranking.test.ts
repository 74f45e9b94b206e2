import { describe, expect, it } from 'vitest';
import { compileSet, evaluateCommunes } from './engine.js';
import { closestToStandard, rankByGap } from './ranking.js';
import { criteriaSet, criterion, indicator, rule } from './test-fixtures.js';

const set = compileSet(
  criteriaSet([
    criterion('1', [indicator('1.1', { targets: [rule(80)] })]),
    criterion('2', [indicator('2.1', { kind: 'boolean', unit: null, targets: [rule(true)] })]),
    criterion('3', [indicator('3.1', { kind: 'percent_max', targets: [rule(10)] })]),
  ]),
);

const evaluations = evaluateCommunes(set, 2024, [
  { id: 'far', attrs: {}, values: { '1.1': 40, '2.1': false, '3.1': 10 } }, // 2 unmet
  { id: 'near-b', attrs: {}, values: { '1.1': 40, '2.1': true, '3.1': 10 } }, // 1 unmet, relative gap 0.5
  { id: 'near-a', attrs: {}, values: { '1.1': 72, '2.1': true, '3.1': 10 } }, // 1 unmet, relative gap 0.1
  { id: 'done', attrs: {}, values: { '1.1': 80, '2.1': true, '3.1': 9 } },
  { id: 'open', attrs: {}, values: { '1.1': 72, '2.1': true } }, // 2 unmet: 1 not_met + 1 missing
  { id: 'tied', attrs: {}, values: { '1.1': 72, '2.1': true, '3.1': 10 } }, // same as near-a: id breaks the tie
]);

describe('rankByGap', () => {
  it('orders by unmet criteria, then relative gap, then open indicators, then id', () => {
    const ranked = rankByGap(evaluations);
    expect(ranked.map((r) => [r.rank, r.id, r.unmetCriteria])).toEqual([
      [1, 'done', 0],
      [2, 'near-a', 1],
      [3, 'tied', 1],
      [4, 'near-b', 1],
      [5, 'open', 2],
      [6, 'far', 2],
    ]);
    expect(ranked.find((r) => r.id === 'near-a')?.relativeGapSum).toBeCloseTo(0.1, 12);
    expect(ranked.find((r) => r.id === 'far')?.relativeGapSum).toBeCloseTo(1.5, 12);
    expect(ranked.find((r) => r.id === 'open')?.openIndicators).toBe(1);
  });

  it('names the indicators that stand between a commune and the standard', () => {
    const far = rankByGap(evaluations).find((r) => r.id === 'far');
    expect(far?.blockers.map((b) => [b.criterionNumber, b.indicatorCode, b.status, b.value, b.target, b.gap?.absolute])).toEqual([
      ['1', '1.1', 'not_met', 40, 80, 40],
      ['2', '2.1', 'not_met', false, true, null],
    ]);
    const open = rankByGap(evaluations).find((r) => r.id === 'open');
    expect(open?.blockers.map((b) => [b.indicatorCode, b.status])).toEqual([
      ['1.1', 'not_met'],
      ['3.1', 'missing_value'],
    ]);
  });

  it('reports a criterion without indicators as a blocker of its own', () => {
    const withEmpty = compileSet(criteriaSet([criterion('1', [indicator('1.1')]), criterion('2', [])]));
    const [only] = rankByGap(evaluateCommunes(withEmpty, 2024, [{ id: 'x', attrs: {}, values: { '1.1': 90 } }]));
    expect(only?.blockers).toEqual([
      { criterionNumber: '2', indicatorCode: null, status: 'target_unknown', value: null, target: null, gap: null, why: 'Chưa xác định: tiêu chí chưa có chỉ tiêu nào (chưa có dữ liệu nguồn).' },
    ]);
  });
});

describe('closestToStandard', () => {
  it('leaves out communes already at the standard and re-ranks from 1', () => {
    expect(closestToStandard(evaluations, { limit: 2 }).map((r) => [r.rank, r.id])).toEqual([
      [1, 'near-a'],
      [2, 'tied'],
    ]);
  });

  it('can keep only communes within a number of unmet criteria', () => {
    expect(closestToStandard(evaluations, { maxUnmetCriteria: 1 }).map((r) => r.id)).toEqual(['near-a', 'tied', 'near-b']);
  });
});
