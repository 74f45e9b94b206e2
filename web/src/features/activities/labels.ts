/** Pure helpers of the activities feature. */
import '../../i18n/parts/assistance.vi.js';
import '../../styles/assistance.css';
import { visitKinds, type ActivityKind, type FollowUp } from '../../../../src/contracts/assistance.js';
import type { StatusTone } from '../../components/status-badge.js';

/** Icons of the kinds (with the word, never alone). */
export const kindIcon: Record<ActivityKind, string> = {
  field_visit: '⌂',
  guidance: '✎',
  communication: '✆',
  inspection: '⚲',
  support: '♥',
  conference: '☷',
};

export function isVisit(kind: ActivityKind): boolean {
  return (visitKinds as readonly ActivityKind[]).includes(kind);
}

/** A follow-up's state: done, overdue (open past its due date) or open. */
export function followUpLook(f: Pick<FollowUp, 'status' | 'overdue'>): { tone: StatusTone; icon: string; key: 'act.fu.done' | 'act.fu.overdue' | 'act.fu.open' } {
  if (f.status === 'done') return { tone: 'ok', icon: '✓', key: 'act.fu.done' };
  if (f.overdue) return { tone: 'bad', icon: '⏰', key: 'act.fu.overdue' };
  return { tone: 'warn', icon: '…', key: 'act.fu.open' };
}
