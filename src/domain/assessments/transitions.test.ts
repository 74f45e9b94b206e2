import { describe, expect, it } from 'vitest';
import type { AssessmentStatus, ResultState } from '../../contracts/assessments.js';
import { allowedActions, decide, decideCycle, isEditable, nextRowState, type AssessmentAction, type Side } from './transitions.js';

const done = { submitted: 0, returned: 0 };
const st = (status: AssessmentStatus, currentStep: number | null, stepCount = 2) => ({ status, currentStep, stepCount });

describe('assessment transition table', () => {
  it.each<[AssessmentStatus, number | null, AssessmentAction, Side, AssessmentStatus | string, number | null]>([
    ['draft', null, 'submit', 'commune', 'in_review', 0],
    ['returned', 1, 'submit', 'commune', 'in_review', 1], // back to the step that returned it
    ['reopened', 1, 'submit', 'commune', 'in_review', 1], // after a reopen: to the last step
    ['in_review', 0, 'verdict', 'reviewer', 'in_review', 0],
    ['returned', 0, 'verdict', 'reviewer', 'returned', 0], // other criteria keep being reviewed
    ['in_review', 0, 'return', 'reviewer', 'returned', 0],
    ['in_review', 0, 'forward', 'reviewer', 'in_review', 1],
    ['in_review', 1, 'appraise', 'reviewer', 'appraised', 1],
    ['appraised', 1, 'reopen', 'office', 'reopened', 1],
    ['draft', null, 'save', 'commune', 'draft', null],
    ['returned', 0, 'save', 'commune', 'returned', 0],
  ])('%s(step %s) --%s by %s--> %s(step %s)', (status, step, action, side, next, nextStep) => {
    const d = decide(st(status, step), action, [side], done, 'lý do đầy đủ');
    expect(d.ok, JSON.stringify(d)).toBe(true);
    if (d.ok) {
      expect(d.next.status).toBe(next);
      expect(d.next.currentStep).toBe(nextStep);
      expect(d.next.locked).toBe(next === 'appraised');
    }
  });

  it.each<[AssessmentStatus, number | null, AssessmentAction, Side, string]>([
    ['in_review', 0, 'save', 'commune', 'INVALID_TRANSITION'], // nothing editable while under review
    ['appraised', 1, 'save', 'commune', 'INVALID_TRANSITION'], // locked
    ['appraised', 1, 'submit', 'commune', 'INVALID_TRANSITION'],
    ['appraised', 1, 'verdict', 'reviewer', 'INVALID_TRANSITION'],
    ['draft', null, 'verdict', 'reviewer', 'INVALID_TRANSITION'],
    ['draft', null, 'submit', 'reviewer', 'FORBIDDEN'],
    ['in_review', 0, 'return', 'commune', 'FORBIDDEN'],
    ['appraised', 1, 'reopen', 'reviewer', 'FORBIDDEN'], // only the steering office reopens
    ['appraised', 1, 'reopen', 'commune', 'FORBIDDEN'],
    ['in_review', 1, 'forward', 'reviewer', 'INVALID_TRANSITION'], // the last step appraises
    ['in_review', 0, 'appraise', 'reviewer', 'INVALID_TRANSITION'], // not the last step yet
    ['returned', 0, 'forward', 'reviewer', 'INVALID_TRANSITION'],
  ])('refuses %s(step %s) --%s by %s-- with %s', (status, step, action, side, error) => {
    const d = decide(st(status, step), action, [side], done, 'lý do đầy đủ');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toBe(error);
  });

  it('needs a reason to return or reopen', () => {
    for (const [s, a, side] of [['in_review', 'return', 'reviewer'], ['appraised', 'reopen', 'office']] as const) {
      const d = decide(st(s, 1), a, [side], done, '  ');
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.error).toBe('VALIDATION');
    }
  });

  it('refuses to forward or appraise while indicators wait for a verdict or are back at the commune', () => {
    const waiting = decide(st('in_review', 0), 'forward', ['reviewer'], { submitted: 2, returned: 0 });
    expect(waiting.ok).toBe(false);
    if (!waiting.ok) expect(waiting.message).toContain('2 chỉ tiêu chưa có ý kiến');
    const back = decide(st('in_review', 1), 'appraise', ['reviewer'], { submitted: 0, returned: 1 });
    expect(back.ok).toBe(false);
  });

  it('lists the actions a side may take now', () => {
    expect(allowedActions(st('draft', null), ['commune'], done)).toEqual(['save', 'submit']);
    expect(allowedActions(st('in_review', 0), ['reviewer'], done)).toEqual(['verdict', 'return', 'forward']);
    expect(allowedActions(st('in_review', 1), ['reviewer'], done)).toEqual(['verdict', 'return', 'appraise']);
    expect(allowedActions(st('appraised', 1), ['reviewer', 'commune'], done)).toEqual([]);
    expect(allowedActions(st('appraised', 1), ['office'], done)).toEqual(['reopen']);
  });
});

describe('indicator states', () => {
  it.each<[AssessmentAction, ResultState, ResultState | null]>([
    ['save', 'draft', 'draft'],
    ['save', 'returned', 'returned'],
    ['save', 'submitted', null],
    ['save', 'reviewed', null],
    ['submit', 'draft', 'submitted'],
    ['submit', 'returned', 'submitted'],
    ['submit', 'appraised', null], // untouched after a reopen of other indicators
    ['verdict', 'submitted', 'reviewed'],
    ['verdict', 'reviewed', 'reviewed'],
    ['verdict', 'returned', null],
    ['return', 'submitted', 'returned'],
    ['return', 'reviewed', 'returned'],
    ['forward', 'reviewed', 'submitted'],
    ['appraise', 'reviewed', 'appraised'],
    ['reopen', 'appraised', 'returned'],
  ])('%s moves %s to %s', (action, from, to) => {
    expect(nextRowState(action, from)).toBe(to);
  });

  it('only draft or returned rows of an open assessment are editable', () => {
    expect(isEditable('draft', 'draft')).toBe(true);
    expect(isEditable('returned', 'returned')).toBe(true);
    expect(isEditable('returned', 'submitted')).toBe(false);
    expect(isEditable('reopened', 'returned')).toBe(true);
    expect(isEditable('reopened', 'appraised')).toBe(false);
    expect(isEditable('in_review', 'draft')).toBe(false);
    expect(isEditable('appraised', 'returned')).toBe(false);
  });
});

describe('cycle transitions', () => {
  it('an open cycle can be edited and stays open', () => {
    expect(decideCycle('open', { edits: true, close: false })).toEqual({ ok: true, next: 'open' });
  });
  it('closing needs a reason and leads to closed', () => {
    expect(decideCycle('open', { edits: false, close: true, reason: '  ' })).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(decideCycle('open', { edits: false, close: true })).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(decideCycle('open', { edits: true, close: true, reason: 'Hết năm đánh giá' })).toEqual({ ok: true, next: 'closed' });
  });
  it('a closed cycle refuses every change', () => {
    for (const change of [{ edits: true, close: false }, { edits: false, close: true, reason: 'Đóng lại' }]) {
      expect(decideCycle('closed', change)).toMatchObject({ ok: false, error: 'INVALID_TRANSITION' });
    }
  });
  it('an empty change is refused', () => {
    expect(decideCycle('open', { edits: false, close: false })).toMatchObject({ ok: false, error: 'VALIDATION' });
  });
});
