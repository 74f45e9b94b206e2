/**
 * The obstacle workflow as a pure transition table: state × action → next state, and which side may act.
 *   new → accepted → in_progress → resolved (answer, document) | closed; escalate (one level up, back to `new` for
 *   the new assignee) from any open state; reopen from resolved/closed (with a reason) → in_progress.
 * Sides: `raiser` (whoever raised it, the raising agency, the commune's officers), `assignee` (the level that must
 * resolve it), `office` (the steering office). The service works out the actor's sides and applies the result with a
 * conditional update on the expected status and version.
 */
import type { ObstacleAction, ObstacleLevel, ObstacleStatus } from '../../contracts/assistance.js';
import { obstacleActions, obstacleLevels } from '../../contracts/assistance.js';

export type Side = 'raiser' | 'assignee' | 'office';

export interface ObstacleState {
  status: ObstacleStatus;
  level: ObstacleLevel;
}

interface Rule {
  from: readonly ObstacleStatus[];
  to: ObstacleStatus;
  by: readonly Side[];
  /** A text is required (the answer for resolve, the reason for reopen). */
  needsText?: true;
  /** Moves the level one step up. */
  levelUp?: true;
}

const OPEN: readonly ObstacleStatus[] = ['new', 'accepted', 'in_progress'];

export const transitionTable: Readonly<Record<ObstacleAction, Rule>> = {
  accept: { from: ['new'], to: 'accepted', by: ['assignee', 'office'] },
  start: { from: ['new', 'accepted'], to: 'in_progress', by: ['assignee', 'office'] },
  escalate: { from: OPEN, to: 'new', by: ['assignee', 'office'], levelUp: true },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', by: ['assignee', 'office'], needsText: true },
  close: { from: [...OPEN, 'resolved'], to: 'closed', by: ['raiser', 'office'] },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress', by: ['raiser', 'office'], needsText: true },
};

/** The level above, or null at the top (the steering committee). */
export function nextLevel(level: ObstacleLevel): ObstacleLevel | null {
  const i = obstacleLevels.indexOf(level);
  return obstacleLevels[i + 1] ?? null;
}

export function isOpen(status: ObstacleStatus): boolean {
  return OPEN.includes(status);
}

export type Decision =
  | { ok: true; next: ObstacleState }
  | { ok: false; error: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION'; message: string };

const statusName: Record<ObstacleStatus, string> = {
  new: 'mới',
  accepted: 'đã tiếp nhận',
  in_progress: 'đang xử lý',
  resolved: 'đã giải quyết',
  closed: 'đã đóng',
};

/** May `sides` do `action` on an obstacle in `state`, and what is the next state? (pure) */
export function decide(state: ObstacleState, action: ObstacleAction, sides: readonly Side[], text?: string | null): Decision {
  const rule = transitionTable[action];
  if (!rule.from.includes(state.status)) {
    return { ok: false, error: 'INVALID_TRANSITION', message: `Không thể thực hiện thao tác này khi vướng mắc đang ở trạng thái "${statusName[state.status]}"` };
  }
  const level = rule.levelUp ? nextLevel(state.level) : state.level;
  if (level === null) {
    return { ok: false, error: 'INVALID_TRANSITION', message: 'Vướng mắc đã ở cấp Ban Chỉ đạo, không chuyển lên được nữa' };
  }
  if (!rule.by.some((s) => sides.includes(s))) {
    return { ok: false, error: 'FORBIDDEN', message: 'Bạn không phải bên được xử lý vướng mắc này ở cấp hiện tại' };
  }
  if (rule.needsText && !text?.trim()) {
    return {
      ok: false,
      error: 'VALIDATION',
      message: action === 'resolve' ? 'Cần nhập nội dung trả lời, giải quyết' : 'Cần nêu lý do mở lại',
    };
  }
  return { ok: true, next: { status: rule.to, level } };
}

/** The actions `sides` may take now (for abilities); text requirements are left to the form. */
export function allowedActions(state: ObstacleState, sides: readonly Side[]): ObstacleAction[] {
  return obstacleActions.filter((a) => decide(state, a, sides, 'x').ok);
}
