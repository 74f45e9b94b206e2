/** Pure helpers of the assignments feature: an assignment's state on a date. */
import '../../i18n/parts/assistance.vi.js';
import '../../styles/assistance.css';
import type { Assignment } from '../../../../src/contracts/assistance.js';

export type AssignmentState = 'current' | 'ended' | 'upcoming';

/** In force, ended or not yet started on `today` (validTo is exclusive). */
export function assignmentState(a: Pick<Assignment, 'validFrom' | 'validTo' | 'current'>, today: string): AssignmentState {
  if (a.current) return 'current';
  if (a.validFrom > today) return 'upcoming';
  if (a.validTo !== null && a.validTo <= today) return 'ended';
  return 'current';
}

/** Current first (newest start first), then the history (newest first). */
export function splitAssignments<T extends Pick<Assignment, 'validFrom' | 'validTo' | 'current'>>(rows: T[], today: string): { current: T[]; history: T[] } {
  const byStart = [...rows].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
  return {
    current: byStart.filter((a) => assignmentState(a, today) !== 'ended'),
    history: byStart.filter((a) => assignmentState(a, today) === 'ended'),
  };
}
