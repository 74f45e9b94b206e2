/**
 * The assessment workflow as a pure transition table: assessment status × action (× step) → next status and step,
 * the indicator states each action moves, and who may act.
 *   draft --submit--> in_review(0) --verdict/return--> … --forward--> in_review(k+1) … --appraise--> appraised (locked)
 *   in_review(k) --return(indicators)--> returned --submit--> in_review(k)       (only returned indicators reopen)
 *   appraised --reopen(office, reason)--> reopened --submit--> in_review(last)
 * Per indicator: draft | returned are editable; submit → submitted; verdict → reviewed; return → returned;
 * forward → submitted (for the next step); appraise → appraised; reopen → returned.
 * Sides: `commune` (the commune's officers), `reviewer` (reviewers of the current step; per-criterion routing is
 * narrowed by the service), `office` (the steering office). The service applies the decision inside a transaction
 * with a conditional update on the expected status and version.
 */
import type { AssessmentStatus, ResultState } from '../../contracts/assessments.js';

export const assessmentActions = ['save', 'submit', 'verdict', 'return', 'forward', 'appraise', 'reopen'] as const;
export type AssessmentAction = (typeof assessmentActions)[number];
export type Side = 'commune' | 'reviewer' | 'office';

export interface AssessmentState {
  status: AssessmentStatus;
  /** Index of the current review step; null while draft. */
  currentStep: number | null;
  /** Steps in the cycle's review chain. */
  stepCount: number;
}

/** Counts over the assessment's indicator rows that decide whether a step is finished. */
export interface StepFacts {
  /** Indicators waiting for a verdict at the current step. */
  submitted: number;
  /** Indicators back at the commune. */
  returned: number;
}

interface Rule {
  from: readonly AssessmentStatus[];
  by: readonly Side[];
  /** Indicator states the action applies to, and the state they move to (same = unchanged). */
  rows: { from: readonly ResultState[]; to: ResultState | 'same' };
  needsReason?: true;
  /** The step must be finished: nothing waiting for a verdict and nothing returned. */
  needsStepDone?: true;
}

export const transitionTable: Readonly<Record<AssessmentAction, Rule>> = {
  save: { from: ['draft', 'returned', 'reopened'], by: ['commune'], rows: { from: ['draft', 'returned'], to: 'same' } },
  submit: { from: ['draft', 'returned', 'reopened'], by: ['commune'], rows: { from: ['draft', 'returned'], to: 'submitted' } },
  // While some indicators are back at the commune, the step keeps reviewing the others (per-criterion departments).
  verdict: { from: ['in_review', 'returned'], by: ['reviewer'], rows: { from: ['submitted', 'reviewed'], to: 'reviewed' } },
  return: { from: ['in_review', 'returned'], by: ['reviewer'], rows: { from: ['submitted', 'reviewed'], to: 'returned' }, needsReason: true },
  forward: { from: ['in_review'], by: ['reviewer'], rows: { from: ['reviewed'], to: 'submitted' }, needsStepDone: true },
  appraise: { from: ['in_review'], by: ['reviewer'], rows: { from: ['reviewed'], to: 'appraised' }, needsStepDone: true },
  reopen: { from: ['appraised'], by: ['office'], rows: { from: ['appraised'], to: 'returned' }, needsReason: true },
};

export type Decision =
  | { ok: true; next: { status: AssessmentStatus; currentStep: number | null; locked: boolean }; rows: Rule['rows'] }
  | { ok: false; error: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION'; message: string };

export const statusName: Record<AssessmentStatus, string> = {
  draft: 'đang nhập',
  in_review: 'đang thẩm tra/thẩm định',
  returned: 'đã trả lại để bổ sung',
  appraised: 'đã thẩm định (khóa)',
  reopened: 'đã mở lại',
};

const refuse = (error: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION', message: string): Decision => ({ ok: false, error, message });

/** May `sides` do `action` on an assessment in `state`, and what comes next? (pure) */
export function decide(state: AssessmentState, action: AssessmentAction, sides: readonly Side[], facts: StepFacts, reason?: string | null): Decision {
  const rule = transitionTable[action];
  if (rule.needsStepDone && state.status === 'returned' && facts.returned > 0) {
    return refuse('INVALID_TRANSITION', `Còn ${facts.returned} chỉ tiêu đang trả lại cho xã; chờ xã bổ sung và gửi lại`);
  }
  if (!rule.from.includes(state.status)) {
    return refuse('INVALID_TRANSITION', `Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái "${statusName[state.status]}"`);
  }
  if (!rule.by.some((s) => sides.includes(s))) {
    const who = rule.by.includes('commune') ? 'cán bộ xã' : rule.by.includes('office') ? 'Văn phòng Điều phối (Ban Chỉ đạo)' : 'cấp đang thẩm tra, thẩm định';
    return refuse('FORBIDDEN', `Chỉ ${who} được thực hiện thao tác này`);
  }
  if (rule.needsReason && !reason?.trim()) return refuse('VALIDATION', 'Cần nêu lý do');
  const last = state.stepCount - 1;
  const step = state.currentStep ?? 0;
  if (rule.needsStepDone && (facts.submitted > 0 || facts.returned > 0)) {
    return refuse(
      'INVALID_TRANSITION',
      facts.returned > 0
        ? `Còn ${facts.returned} chỉ tiêu đang trả lại cho xã; chờ xã bổ sung và gửi lại`
        : `Còn ${facts.submitted} chỉ tiêu chưa có ý kiến của cấp này`,
    );
  }
  switch (action) {
    case 'save':
      return { ok: true, next: { status: state.status, currentStep: state.currentStep, locked: false }, rows: rule.rows };
    case 'submit': {
      // A first submission starts the chain; a resubmission goes back to the step that returned; after a reopen, to the last.
      const next = state.status === 'draft' ? 0 : state.status === 'reopened' ? last : step;
      return { ok: true, next: { status: 'in_review', currentStep: next, locked: false }, rows: rule.rows };
    }
    case 'verdict':
      return { ok: true, next: { status: state.status, currentStep: step, locked: false }, rows: rule.rows };
    case 'return':
      return { ok: true, next: { status: 'returned', currentStep: step, locked: false }, rows: rule.rows };
    case 'forward':
      if (step >= last) return refuse('INVALID_TRANSITION', 'Đây là bước cuối của quy trình; hãy thẩm định (phê duyệt) hồ sơ');
      return { ok: true, next: { status: 'in_review', currentStep: step + 1, locked: false }, rows: rule.rows };
    case 'appraise':
      if (step < last) return refuse('INVALID_TRANSITION', 'Chưa đến bước thẩm định cuối cùng; hãy chuyển hồ sơ lên cấp tiếp theo');
      return { ok: true, next: { status: 'appraised', currentStep: step, locked: true }, rows: rule.rows };
    case 'reopen':
      return { ok: true, next: { status: 'reopened', currentStep: last, locked: false }, rows: rule.rows };
  }
}

/** The actions `sides` may take now (for abilities); step facts decide forward/appraise. (pure) */
export function allowedActions(state: AssessmentState, sides: readonly Side[], facts: StepFacts): AssessmentAction[] {
  return assessmentActions.filter((a) => {
    const d = decide(state, a, sides, facts, 'lý do');
    return d.ok;
  });
}

/** May an indicator in `state` be saved by the commune? (pure) */
export function isEditable(assessmentStatus: AssessmentStatus, state: ResultState): boolean {
  const rule = transitionTable.save;
  return rule.from.includes(assessmentStatus) && rule.rows.from.includes(state);
}

/** The indicator state after `action`, or null when the action does not apply to a row in `state`. (pure) */
export function nextRowState(action: AssessmentAction, state: ResultState): ResultState | null {
  const rows = transitionTable[action].rows;
  if (!rows.from.includes(state)) return null;
  return rows.to === 'same' ? state : rows.to;
}

// ───────────────────────────── cycles ─────────────────────────────

export type CycleStatus = 'open' | 'closed';
/** What a cycle update asks for: edits (name, deadlines, routing, communes) and/or closing with a reason. */
export interface CycleChange {
  edits: boolean;
  close: boolean;
  reason?: string | null | undefined;
}
export type CycleDecision = { ok: true; next: CycleStatus } | { ok: false; error: 'INVALID_TRANSITION' | 'VALIDATION'; message: string };

/**
 * The cycle's own table: open --edit--> open; open --close(reason)--> closed; closed is final and read-only (no edits,
 * no reopening, and no workflow action on its assessments). (pure)
 */
export function decideCycle(status: CycleStatus, change: CycleChange): CycleDecision {
  if (status === 'closed') return { ok: false, error: 'INVALID_TRANSITION', message: 'Đợt đánh giá đã đóng; chỉ còn để xem' };
  if (!change.edits && !change.close) return { ok: false, error: 'VALIDATION', message: 'Không có gì để thay đổi' };
  if (change.close && !change.reason?.trim()) return { ok: false, error: 'VALIDATION', message: 'Cần nêu lý do đóng đợt đánh giá' };
  return { ok: true, next: change.close ? 'closed' : 'open' };
}
