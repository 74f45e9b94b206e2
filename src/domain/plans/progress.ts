/**
 * Plan progress maths (pure). Cancelled tasks leave the plan: they count nowhere. A task is overdue when it is open
 * (todo or doing) and its deadline is before today. Percentages are 0–100 with one decimal; an empty base gives null
 * (nothing to measure is not 0 % done).
 */

export type TaskStatus = 'todo' | 'doing' | 'done' | 'cancelled';

export interface TaskFact {
  status: TaskStatus;
  deadline: string | null;
  estimatedCostVnd: number | null;
}

export interface TaskProgress {
  total: number;
  done: number;
  doing: number;
  todo: number;
  overdue: number;
  /** done / total. */
  percentDone: number | null;
  costTotalVnd: number;
  costDoneVnd: number;
  /** Cost-weighted progress: cost of done tasks / cost of all tasks (tasks without a cost weigh nothing). */
  percentCostDone: number | null;
  /** Share of the plan's cost sitting in overdue tasks. */
  percentCostOverdue: number | null;
  /** Overdue tasks weighted by how late they are: Σ min(days late, 90) / 90 — one task 90+ days late weighs 1. */
  overdueWeight: number;
}

export const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

const DAY = 86_400_000;
const daysLate = (deadline: string, today: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / DAY);

export function isOverdue(t: TaskFact, today: string): boolean {
  return (t.status === 'todo' || t.status === 'doing') && t.deadline !== null && t.deadline < today;
}

/** Progress of a set of tasks as of `today` (YYYY-MM-DD). */
export function taskProgress(tasks: readonly TaskFact[], today: string): TaskProgress {
  let total = 0, done = 0, doing = 0, todo = 0, overdue = 0, costTotal = 0, costDone = 0, costOverdue = 0, weight = 0;
  for (const t of tasks) {
    if (t.status === 'cancelled') continue;
    total++;
    const cost = t.estimatedCostVnd ?? 0;
    costTotal += cost;
    if (t.status === 'done') {
      done++;
      costDone += cost;
    } else if (t.status === 'doing') doing++;
    else todo++;
    if (isOverdue(t, today)) {
      overdue++;
      costOverdue += cost;
      weight += Math.min(daysLate(t.deadline!, today), 90) / 90;
    }
  }
  return {
    total,
    done,
    doing,
    todo,
    overdue,
    percentDone: pct(done, total),
    costTotalVnd: costTotal,
    costDoneVnd: costDone,
    percentCostDone: pct(costDone, costTotal),
    percentCostOverdue: pct(costOverdue, costTotal),
    overdueWeight: Math.round(weight * 100) / 100,
  };
}

export interface CriteriaProgress {
  /** Criteria the plan targets for `year`. */
  plannedThisYear: number;
  /** Of those, met by the latest summary (null when the commune has no summary: unknown, not zero). */
  metOfPlanned: number | null;
  /** Planned criteria of earlier years still missing. */
  lateCriteria: number | null;
  percentMet: number | null;
}

/**
 * Criteria planned for `year` against the latest status. `missing` lists the criteria the summary says are not met
 * (null = no summary).
 */
export function criteriaProgress(planned: ReadonlyArray<{ criterionNumber: string; targetYear: number }>, missing: readonly string[] | null, year: number): CriteriaProgress {
  const thisYear = planned.filter((p) => p.targetYear === year);
  if (missing === null) return { plannedThisYear: thisYear.length, metOfPlanned: null, lateCriteria: null, percentMet: null };
  const miss = new Set(missing);
  const met = thisYear.filter((p) => !miss.has(p.criterionNumber)).length;
  const late = planned.filter((p) => p.targetYear < year && miss.has(p.criterionNumber)).length;
  return { plannedThisYear: thisYear.length, metOfPlanned: met, lateCriteria: late, percentMet: pct(met, thisYear.length) };
}
