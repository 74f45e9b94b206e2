/**
 * "Template from last year's plan" (pure): what an annual plan for `year` inherits from the previous year's plan(s)
 * (the commune's own, or those of the communes it was formed from).
 * - Criteria: every planned criterion still missing by the latest summary (or all of them when there is no summary —
 *   nothing says they were met), merged by number; a target year already past moves to `year`.
 * - Tasks: the open ones (todo, doing) carried as they are, with their progress note; done and cancelled stay behind.
 */
import type { TaskStatus } from './progress.js';

export interface CarryCriterion {
  criterionNumber: string;
  targetYear: number;
  note: string | null;
}

/** What a task row holds besides its id: shared by the carry-over and plans.repo insertTasks (NewTask). */
export interface TaskFields {
  criterionNumber: string | null;
  title: string;
  responsibleAgencyId: string | null;
  responsibleName: string | null;
  deadline: string | null;
  estimatedCostVnd: number | null;
  status: TaskStatus;
  progressNote: string | null;
}

export interface CarryTask extends TaskFields {
  id: string;
}

export interface Carried {
  criteria: CarryCriterion[];
  tasks: Array<Omit<CarryTask, 'id' | 'status'> & { copiedFromTaskId: string; status: 'todo' | 'doing' }>;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true });

export function carryOver(criteria: readonly CarryCriterion[], tasks: readonly CarryTask[], missing: readonly string[] | null, year: number): Carried {
  const miss = missing === null ? null : new Set(missing);
  const merged = new Map<string, CarryCriterion>();
  for (const c of criteria) {
    if (miss !== null && !miss.has(c.criterionNumber)) continue;
    const targetYear = Math.max(c.targetYear, year);
    const prev = merged.get(c.criterionNumber);
    if (!prev || targetYear < prev.targetYear) merged.set(c.criterionNumber, { criterionNumber: c.criterionNumber, targetYear, note: c.note ?? prev?.note ?? null });
  }
  const open = tasks.filter((t): t is CarryTask & { status: 'todo' | 'doing' } => t.status === 'todo' || t.status === 'doing');
  return {
    criteria: [...merged.values()].sort((a, b) => byNumber(a.criterionNumber, b.criterionNumber)),
    tasks: open.map(({ id, ...t }) => ({ ...t, copiedFromTaskId: id })),
  };
}
