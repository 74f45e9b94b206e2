import { describe, expect, it } from 'vitest';
import { decisionNeedsReason, instantStatus, valueToText } from './labels.js';

describe('instantStatus', () => {
  it('compares numbers with the target by kind', () => {
    expect(instantStatus('percent_min', 85, 80, true)).toBe('met');
    expect(instantStatus('percent_min', 79.5, 80, true)).toBe('not_met');
    expect(instantStatus('max', 3, 2, true)).toBe('not_met');
    expect(instantStatus('count_max', 2, 2, true)).toBe('met');
  });
  it('says missing, not applicable and target unknown', () => {
    expect(instantStatus('min', null, 80, true)).toBe('missing_value');
    expect(instantStatus('min', 1, 80, false)).toBe('not_applicable');
    expect(instantStatus('min', 1, null, true)).toBe('target_unknown');
  });
  it('leaves verdict scales and unknown applicability to the server', () => {
    expect(instantStatus('verdict', 'Tốt', 'Khá', true)).toBeNull();
    expect(instantStatus('min', 1, 2, null)).toBeNull();
  });
  it('compares yes/no', () => {
    expect(instantStatus('boolean', true, true, true)).toBe('met');
    expect(instantStatus('boolean', false, true, true)).toBe('not_met');
  });
});

describe('valueToText', () => {
  it('writes decimals with a comma', () => {
    expect(valueToText(41.5)).toBe('41,5');
    expect(valueToText(null)).toBe('');
    expect(valueToText(true)).toBe('true');
  });
});

describe('decisionNeedsReason', () => {
  it('needs a reason to change a verdict or return, not to accept', () => {
    expect(decisionNeedsReason('accept', 'met')).toBe(false);
    expect(decisionNeedsReason('met', 'met')).toBe(false);
    expect(decisionNeedsReason('not_met', 'met')).toBe(true);
    expect(decisionNeedsReason('return', 'met')).toBe(true);
  });
});
