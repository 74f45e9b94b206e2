import { describe, expect, it } from 'vitest';
import { evaluateCommune } from './engine.js';
import { evaluateRecognition, evaluateRevocation } from './recognition.js';
import { revocationRules, yesNoSet, yesNoValues } from './test-fixtures.js';
import type { CriteriaSetDef, RecognitionConditionDef } from './types.js';

// 10 criteria, criterion "10" is the key one: 3 failing = exactly 30%, 5 failing = exactly 50%.
const set10 = yesNoSet(10, { recognitionRules: revocationRules(['10']) });

function revoke(set: CriteriaSetDef, n: number, failing: number[], missing: number[] = []) {
  return evaluateRevocation(set, evaluateCommune(set, {}, 2024, yesNoValues(n, failing, missing)));
}

describe('revocation (QĐ 18/2022/QĐ-TTg bands)', () => {
  it.each([
    // failing criteria, triggered, first rule, rules triggered
    [[1, 2], false, null, []],
    [[1, 10], false, null, []], // 20% with key: below the band
    [[1, 2, 3], false, null, []], // exactly 30% without a key criterion
    [[1, 2, 10], true, 'band-30-50-key', ['band-30-50-key']], // exactly 30% with the key criterion
    [[1, 2, 3, 10], true, 'band-30-50-key', ['band-30-50-key']], // 40% with key
    [[1, 2, 3, 4], false, null, []], // 40% without key
    [[1, 2, 3, 4, 5], true, 'band-50-plus', ['band-50-plus']], // exactly 50% without key
    [[1, 2, 3, 4, 10], true, 'band-30-50-key', ['band-30-50-key', 'band-50-plus']], // exactly 50% with key: both hold
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true, 'band-50-plus', ['band-50-plus']], // 100%: above the 30-50 band
  ] as const)('failing %j → triggered %s by %s', (failing, triggered, ruleId, hits) => {
    const failed: number[] = [...failing];
    const out = revoke(set10, 10, failed);
    expect(out.triggered).toBe(triggered);
    expect(out.ruleId).toBe(ruleId);
    expect(out.rules.filter((r) => r.triggered).map((r) => r.id)).toEqual(hits);
    expect(out.failing.criteria).toEqual(failed.map(String));
    expect(out.failing.percent).toBeCloseTo(failed.length * 10, 10);
    expect(out.keyCriteriaFailing).toEqual(failed.includes(10) ? ['10'] : []);
    expect(out.indeterminate).toBe(false);
  });

  it('uses criteria marked isKey when a rule lists none', () => {
    const base = yesNoSet(10);
    const keyed: CriteriaSetDef = {
      ...base,
      criteria: base.criteria.map((c) => (c.number === '7' ? { ...c, isKey: true } : c)),
      recognitionRules: revocationRules([]),
    };
    expect(revoke(keyed, 10, [1, 2, 7]).ruleId).toBe('band-30-50-key');
    expect(revoke(keyed, 10, [1, 2, 3]).triggered).toBe(false);
  });

  it('respects an exclusive upper bound ("30% to under 50%")', () => {
    const exclusive = yesNoSet(10, { recognitionRules: revocationRules(['10'], false) });
    const out = revoke(exclusive, 10, [1, 2, 3, 4, 10]);
    expect(out.rules).toEqual([
      { id: 'band-30-50-key', triggered: false, possible: false },
      { id: 'band-50-plus', triggered: true, possible: true },
    ]);
  });

  it('works on real shares: 19 criteria', () => {
    const set19 = yesNoSet(19, { recognitionRules: revocationRules(['10', '17', '19']) });
    expect(revoke(set19, 19, [1, 2, 3, 4, 5]).triggered).toBe(false); // 26.3%
    expect(revoke(set19, 19, [1, 2, 3, 4, 5, 17]).ruleId).toBe('band-30-50-key'); // 31.6% with key
    expect(revoke(set19, 19, [1, 2, 3, 4, 5, 6, 7, 8, 9]).triggered).toBe(false); // 47.4% without key
    expect(revoke(set19, 19, [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]).ruleId).toBe('band-50-plus'); // 52.6%
  });

  it('does not count undetermined criteria as failing, but says the outcome is open', () => {
    const out = revoke(set10, 10, [1, 2], [10]);
    expect(out.triggered).toBe(false);
    expect(out.indeterminate).toBe(true);
    expect(out.failing.undetermined).toEqual(['10']);
    expect(out.rules).toEqual([
      { id: 'band-30-50-key', triggered: false, possible: true },
      { id: 'band-50-plus', triggered: false, possible: false },
    ]);
    expect(out.why).toContain('Chưa đủ căn cứ');
  });

  it('explains a triggered revocation in Vietnamese with its legal basis', () => {
    expect(revoke(set10, 10, [1, 2, 10]).why).toBe(
      'Thuộc trường hợp thu hồi: 3/10 tiêu chí (30%) không đạt, trong đó có tiêu chí 10; quy định: từ 30% đến 50% và có tiêu chí trọng yếu (QĐ 18/2022/QĐ-TTg).',
    );
    expect(revoke(set10, 10, [1]).why).toBe('Không thuộc trường hợp thu hồi: 1/10 tiêu chí (10%) không đạt.');
  });

  it('never triggers for a set without revocation rules', () => {
    const out = revoke(yesNoSet(4), 4, [1, 2, 3, 4]);
    expect(out.triggered).toBe(false);
    expect(out.why).toBe('Bộ tiêu chí chưa có quy định thu hồi.');
  });
});

describe('recognition conditions', () => {
  const cond = (id: string, check: RecognitionConditionDef['check']): RecognitionConditionDef => ({
    id, kind: 'recognition_condition', check, text: id, legalBasis: 'test', source: null, verified: true,
  });
  const set = yesNoSet(2, { recognitionRules: [cond('all-criteria', 'meets_standard'), cond('no-debt', 'external')] });

  it('combines the evaluation with facts entered by people', () => {
    const meets = evaluateCommune(set, {}, 2024, yesNoValues(2, []));
    expect(evaluateRecognition(set, meets, { 'no-debt': true }).recognisable).toBe(true);
    expect(evaluateRecognition(set, meets, {}).recognisable).toBeNull();
    expect(evaluateRecognition(set, meets, { 'no-debt': false }).recognisable).toBe(false);
    const fails = evaluateCommune(set, {}, 2024, yesNoValues(2, [1]));
    const out = evaluateRecognition(set, fails, {});
    expect(out.recognisable).toBe(false);
    expect(out.conditions.map((c) => c.status)).toEqual(['not_met', 'unknown']);
  });
});
