import { describe, expect, it } from 'vitest';
import { cycleTargetListRules } from '../../../../src/contracts/assessments.js';
import { en } from '../../i18n/en.js';
import { translate } from '../../i18n/translate.js';
import { ApiError } from '../../lib/api.js';
import { targetListRule } from './target-list-to-cycle.js';

const refusal = (code: 'VALIDATION' | 'FORBIDDEN', rule: unknown) => new ApiError(code, code === 'FORBIDDEN' ? 403 : 400, 'server text', null, [], null, { rule });

describe('adding a target list to a cycle: refusals by their stable rule', () => {
  it('reads every rule the API documents, and nothing else', () => {
    for (const rule of cycleTargetListRules) expect(targetListRule(refusal(rule === 'TARGET_LIST_OUT_OF_SCOPE' ? 'FORBIDDEN' : 'VALIDATION', rule))).toBe(rule);
    expect(targetListRule(refusal('VALIDATION', 'SOMETHING_ELSE'))).toBeNull();
    expect(targetListRule(refusal('VALIDATION', undefined))).toBeNull();
    expect(targetListRule(new Error('x'))).toBeNull();
  });

  it('tells each rule in Vietnamese (with the list’s year) and in English', () => {
    for (const rule of cycleTargetListRules) {
      const key = `pl.toCycle.rule.${rule}` as const;
      const vi = translate('vi', key, { year: 2026 });
      expect(vi).not.toBe(key);
      expect(vi).toMatch(/[ăâđêôơưáàảãạ]/); // Vietnamese with diacritics, not the server's text
      expect(en[key]).toBeTruthy();
    }
    expect(translate('vi', 'pl.toCycle.rule.TARGET_LIST_YEAR_MISMATCH', { year: 2026 })).toContain('2026');
  });
});
