import { describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../../../../src/contracts/assessments.js';
import { initialSaveState, nextOp, saveReducer, type Draft, type RowSaveState } from './save-state.js';

const d = (value: number | null, note: string | null = null): Draft => ({ value, note, carriedOver: false });
const row = (version: number, value: number | null = null): IndicatorResult =>
  ({ version, value, updatedAt: '2025-06-01T01:00:00Z', updatedBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Lò Văn A' } }) as IndicatorResult;
let n = 0;
const newId = () => `op-${++n}`;

function edit(s: RowSaveState, draft: Draft) {
  return saveReducer(s, { type: 'edit', draft });
}

describe('row save state', () => {
  it('goes not saved → saving → saved, building the next save on the new version', () => {
    let s = edit(initialSaveState(row(3)), d(80));
    expect(s.status).toBe('dirty');
    const op = nextOp(s, newId)!;
    expect(op).toMatchObject({ baseVersion: 3, draft: d(80) });
    s = saveReducer(s, { type: 'send', op });
    expect(s.status).toBe('saving');
    expect(nextOp(s, newId)).toBeNull();
    s = saveReducer(s, { type: 'saved', op, result: row(4, 80) });
    expect(s).toMatchObject({ status: 'saved', base: 4, draft: null, inflight: null });
  });

  it('retries a failed save with the same opId, and a changed edit with a new one', () => {
    let s = edit(initialSaveState(row(1)), d(50));
    const op = nextOp(s, newId)!;
    s = saveReducer(saveReducer(s, { type: 'send', op }), { type: 'failed', op });
    expect(s.status).toBe('error');
    const retry = nextOp(s, newId)!;
    expect(retry.opId).toBe(op.opId);
    expect(retry.baseVersion).toBe(1);
    s = edit(s, d(55));
    const changed = nextOp(s, newId)!;
    expect(changed.opId).not.toBe(op.opId);
    expect(changed.draft.value).toBe(55);
  });

  it('keeps an edit typed while saving, then saves it on the new version', () => {
    let s = edit(initialSaveState(row(1)), d(1));
    const op = nextOp(s, newId)!;
    s = saveReducer(s, { type: 'send', op });
    s = edit(s, d(12));
    expect(s.status).toBe('saving');
    s = saveReducer(s, { type: 'saved', op, result: row(2, 1) });
    expect(s).toMatchObject({ status: 'dirty', base: 2, draft: d(12) });
    expect(nextOp(s, newId)).toMatchObject({ baseVersion: 2, draft: d(12) });
  });

  it('stops on a conflict until the person keeps theirs or takes the other version', () => {
    let s = edit(initialSaveState(row(1)), d(70));
    const op = nextOp(s, newId)!;
    s = saveReducer(saveReducer(s, { type: 'send', op }), { type: 'conflict', op, current: row(2, 90) });
    expect(s.status).toBe('conflict');
    expect(s.conflict?.value).toBe(90);
    expect(nextOp(s, newId)).toBeNull();
    const mine = saveReducer(s, { type: 'keepMine' });
    expect(mine).toMatchObject({ status: 'dirty', base: 2, draft: d(70), conflict: null });
    expect(nextOp(mine, newId)).toMatchObject({ baseVersion: 2 });
    const theirs = saveReducer(s, { type: 'takeTheirs' });
    expect(theirs).toMatchObject({ status: 'saved', base: 2, draft: null, conflict: null });
  });

  it('ignores answers to a save that is no longer in flight', () => {
    const s = edit(initialSaveState(row(1)), d(1));
    const op = nextOp(s, newId)!;
    expect(saveReducer(s, { type: 'saved', op, result: row(2) })).toBe(s);
  });

  it('follows the server only when idle', () => {
    const idle = saveReducer(initialSaveState(row(1)), { type: 'server', result: row(5) });
    expect(idle.base).toBe(5);
    const busy = edit(initialSaveState(row(1)), d(3));
    expect(saveReducer(busy, { type: 'server', result: row(5) }).base).toBe(1);
  });
});
