/**
 * The save state of one indicator row of the commune's form, as a pure reducer: what the person typed (the draft), the
 * server version it builds on (`base`), the save in flight, and the last failed save. A retry of the same edit on the
 * same base reuses its opId, so the server recognises a save it already applied (a lost answer) and never doubles it;
 * a new edit gets a new opId. A stale base ends in `conflict` with the other version, until the person chooses.
 */
import type { IndicatorResult, IndicatorValueInput } from '../../../../src/contracts/assessments.js';

/** What the person wants stored for the row. */
export interface Draft {
  value: IndicatorValueInput;
  note: string | null;
  carriedOver: boolean;
}

/** One save request: the body of `PUT …/results/:code` without the code. */
export interface SaveOp {
  opId: string;
  baseVersion: number;
  draft: Draft;
}

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

export interface RowSaveState {
  status: SaveStatus;
  /** The row version the next save builds on. */
  base: number;
  /** The latest edit not yet confirmed by the server (null: nothing to save). */
  draft: Draft | null;
  inflight: SaveOp | null;
  /** The last save that failed without an answer (network, 5xx): a retry of the same edit reuses its opId. */
  failed: SaveOp | null;
  /** The other version, when the server answered CONFLICT. */
  conflict: IndicatorResult | null;
  /** When the last save was confirmed (ISO), for "saved at …". */
  savedAt: string | null;
}

export type SaveEvent =
  | { type: 'edit'; draft: Draft }
  | { type: 'send'; op: SaveOp }
  | { type: 'saved'; op: SaveOp; result: IndicatorResult }
  | { type: 'failed'; op: SaveOp }
  | { type: 'conflict'; op: SaveOp; current: IndicatorResult }
  /** Keep the other version: my draft is dropped. */
  | { type: 'takeTheirs' }
  /** Keep mine: it is saved again on top of the other version. */
  | { type: 'keepMine' }
  /** The server's row changed outside this row's saves (refetch after submit, evidence): follow it when idle. */
  | { type: 'server'; result: IndicatorResult };

/** The state of a row freshly read from the server. */
export function initialSaveState(result: Pick<IndicatorResult, 'version' | 'updatedAt'>): RowSaveState {
  return { status: 'saved', base: result.version, draft: null, inflight: null, failed: null, conflict: null, savedAt: result.updatedAt };
}

export const sameDraft = (a: Draft | null, b: Draft | null): boolean =>
  a !== null && b !== null && a.value === b.value && (a.note ?? null) === (b.note ?? null) && a.carriedOver === b.carriedOver;

/**
 * The save to send now, or null (nothing to save, one already in flight, or a conflict waiting for the person).
 * A retry of the failed edit on the same base keeps its opId; anything else gets `newId()`.
 */
export function nextOp(s: RowSaveState, newId: () => string): SaveOp | null {
  if (!s.draft || s.inflight || s.status === 'conflict') return null;
  if (s.failed && s.failed.baseVersion === s.base && sameDraft(s.failed.draft, s.draft)) return s.failed;
  return { opId: newId(), baseVersion: s.base, draft: s.draft };
}

export function saveReducer(s: RowSaveState, e: SaveEvent): RowSaveState {
  switch (e.type) {
    case 'edit':
      if (s.status === 'conflict') return { ...s, draft: e.draft };
      return { ...s, draft: e.draft, status: s.inflight ? 'saving' : 'dirty' };
    case 'send':
      return { ...s, inflight: e.op, status: 'saving' };
    case 'saved': {
      if (s.inflight?.opId !== e.op.opId) return s;
      // Typed on while saving: the newer edit still waits for its own save, on the new version.
      const newer = s.draft && !sameDraft(s.draft, e.op.draft) ? s.draft : null;
      return { ...s, base: e.result.version, inflight: null, failed: null, draft: newer, status: newer ? 'dirty' : 'saved', savedAt: e.result.updatedAt };
    }
    case 'failed':
      if (s.inflight?.opId !== e.op.opId) return s;
      return { ...s, inflight: null, failed: e.op, status: 'error' };
    case 'conflict':
      if (s.inflight?.opId !== e.op.opId) return s;
      return { ...s, inflight: null, failed: null, conflict: e.current, status: 'conflict' };
    case 'takeTheirs':
      if (!s.conflict) return s;
      return { ...s, base: s.conflict.version, draft: null, conflict: null, status: 'saved', savedAt: s.conflict.updatedAt };
    case 'keepMine':
      if (!s.conflict) return s;
      return { ...s, base: s.conflict.version, conflict: null, status: s.draft ? 'dirty' : 'saved' };
    case 'server':
      if (s.draft || s.inflight || s.status === 'conflict') return s;
      return { ...s, base: e.result.version, failed: null, status: 'saved', savedAt: e.result.updatedAt };
  }
}
