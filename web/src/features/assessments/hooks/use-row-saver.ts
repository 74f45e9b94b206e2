/**
 * Autosave of one indicator row: edits wait for a short pause (or the field losing focus), then one save at a time is
 * sent with the row's base version and an opId; a failed save is retried with the same opId (automatically once, then
 * by the person), a conflict waits for the person's choice. Confirmed rows update the cached form.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AssessmentForm, IndicatorResult, SaveResultResponse } from '../../../../../src/contracts/assessments.js';
import { isApiError } from '../../../lib/api.js';
import { newIdempotencyKey } from '../../../lib/idempotency.js';
import { assessmentKeys } from '../api/keys.js';
import { currentOf, saveResult } from '../api/save-result.js';
import { initialSaveState, nextOp, saveReducer, type Draft, type SaveOp } from '../save-state.js';

const PAUSE_MS = 700;
const AUTO_RETRY_MS = 3000;
/** Errors a retry can fix: no answer, a server failure, a timeout. */
const transient = (e: unknown) => !isApiError(e) || e.code === 'NETWORK' || e.code === 'INTERNAL' || e.code === 'HTTP' || e.code === 'RATE_LIMITED';

/** Puts a confirmed row (and the live summary) into the cached form. */
export function patchForm(form: AssessmentForm | undefined, result: IndicatorResult, summary?: SaveResultResponse['summary']): AssessmentForm | undefined {
  if (!form) return form;
  return {
    ...form,
    summary: summary ?? form.summary,
    criteria: form.criteria.map((c) =>
      c.number !== result.criterionNumber && !c.indicators.some((i) => i.code === result.code)
        ? c
        : { ...c, indicators: c.indicators.map((i) => (i.code === result.code ? { ...i, result } : i)) },
    ),
  };
}

export function useRowSaver(assessmentId: string, result: IndicatorResult) {
  const qc = useQueryClient();
  const [state, dispatch] = useReducer(saveReducer, result, initialSaveState);
  const [error, setError] = useState<unknown>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const autoRetried = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  // The cached row changed outside this row's saves (a refetch after submit, another row's answer): follow it.
  useEffect(() => dispatch({ type: 'server', result }), [result]);

  const send = useCallback(
    async (op: SaveOp) => {
      dispatch({ type: 'send', op });
      try {
        const res = await saveResult(assessmentId, result.code, op);
        if (!mounted.current) return;
        setError(null);
        dispatch({ type: 'saved', op, result: res.result });
        qc.setQueryData<AssessmentForm>(assessmentKeys.form(assessmentId), (f) => patchForm(f, res.result, res.summary));
      } catch (e) {
        if (!mounted.current) return;
        const current = currentOf(e);
        if (isApiError(e) && e.code === 'CONFLICT' && current) {
          setError(null);
          dispatch({ type: 'conflict', op, current });
          return;
        }
        setError(e);
        dispatch({ type: 'failed', op });
        if (isApiError(e) && e.code === 'INVALID_TRANSITION') void qc.invalidateQueries({ queryKey: assessmentKeys.form(assessmentId) });
        // One automatic retry of the same save (same opId) for a dropped connection; then the person decides.
        if (transient(e) && autoRetried.current !== op.opId) {
          autoRetried.current = op.opId;
          setTimeout(() => mounted.current && flushRef.current(), AUTO_RETRY_MS);
        }
      }
    },
    [assessmentId, result.code, qc],
  );

  // Send after a pause in typing; the pause restarts with each edit.
  useEffect(() => {
    if (state.status !== 'dirty') return;
    const op = nextOp(state, newIdempotencyKey);
    if (!op) return;
    const timer = setTimeout(() => void send(op), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [state, send]);

  const edit = useCallback((draft: Draft) => dispatch({ type: 'edit', draft }), []);
  /** Save now, without waiting for the pause (blur, a choice in a list, retry). */
  const flush = useCallback(() => {
    const s = stateRef.current;
    const op = nextOp(s, newIdempotencyKey);
    if (op && (s.status === 'dirty' || s.status === 'error')) void send(op);
  }, [send]);
  const flushRef = useRef(flush);
  flushRef.current = flush;
  const takeTheirs = useCallback(() => {
    if (state.conflict) qc.setQueryData<AssessmentForm>(assessmentKeys.form(assessmentId), (f) => patchForm(f, state.conflict!));
    dispatch({ type: 'takeTheirs' });
  }, [state.conflict, qc, assessmentId]);
  const keepMine = useCallback(() => dispatch({ type: 'keepMine' }), []);

  return { state, error, edit, flush, takeTheirs, keepMine };
}
