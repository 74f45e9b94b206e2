import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessAtRisk, atRiskRuleVi, daysBetween, DEFAULT_AT_RISK_PARAMS, type AtRiskInput } from './at-risk.js';
import { carryOver } from './carry.js';
import { criteriaProgress, taskProgress, type TaskFact } from './progress.js';

const base: AtRiskInput = {
  today: '2025-09-01',
  targetYear: 2025,
  status: { year: 2025, criteriaMet: 17, criteriaApplicable: 19, missing: ['6', '17'], meetsStandard: false },
  overdueObstacles: 0,
  maxDaysOverdue: 0,
  helpers: 1,
  lastVisit: '2025-08-15',
};
const codes = (i: AtRiskInput) => assessAtRisk(i).reasons.map((r) => r.code);

describe('at-risk rule', () => {
  it('is on track with a small gap, a helper, a recent visit and no overdue obstacle', () => {
    expect(assessAtRisk(base)).toEqual({ atRisk: false, met: false, daysLeft: 121, reasons: [] });
  });

  it('a commune meeting the standard is never at risk, whatever else happens', () => {
    const r = assessAtRisk({ ...base, status: { ...base.status!, missing: [], meetsStandard: true }, overdueObstacles: 3, helpers: 0, today: '2026-03-01' });
    expect(r).toMatchObject({ atRisk: false, met: true, reasons: [] });
  });

  it('gap versus time: missing × 45 days > days left, equal is still on track (boundary)', () => {
    // 2 missing need 90 days; on 2025-10-02 there are 90 days to 31/12 → on track; a day later → at risk.
    expect(daysBetween('2025-10-02', '2025-12-31')).toBe(90);
    expect(codes({ ...base, today: '2025-10-02', lastVisit: '2025-10-01' })).toEqual([]);
    const late = assessAtRisk({ ...base, today: '2025-10-03', lastVisit: '2025-10-01' });
    expect(late.reasons).toEqual([{ code: 'gap_too_large', missing: 2, daysLeft: 89, daysNeeded: 90 }]);
    expect(late.atRisk).toBe(true);
  });

  it('31 December is the last day; from 1 January the target year has passed', () => {
    expect(assessAtRisk({ ...base, today: '2025-12-31', lastVisit: '2025-12-01' }).daysLeft).toBe(0);
    const r = assessAtRisk({ ...base, today: '2026-01-01', lastVisit: '2025-12-20' });
    expect(r.daysLeft).toBe(-1);
    expect(r.reasons).toEqual([{ code: 'target_year_passed', targetYear: 2025, missing: 2 }]);
  });

  it('a summary that fails the standard with no criterion listed still counts one missing', () => {
    const r = assessAtRisk({ ...base, status: { ...base.status!, missing: [] }, today: '2025-11-20', lastVisit: '2025-11-01' });
    expect(r.reasons).toEqual([{ code: 'gap_too_large', missing: 1, daysLeft: 41, daysNeeded: 45 }]);
  });

  it('no assessment at the target level: the gap is unknown, which is a risk', () => {
    expect(codes({ ...base, status: null })).toEqual(['no_status']);
    expect(codes({ ...base, status: null, today: '2026-02-01', lastVisit: '2026-01-20' })).toEqual(['no_status', 'target_year_passed']);
  });

  it('overdue obstacles carry their count and lateness', () => {
    expect(assessAtRisk({ ...base, overdueObstacles: 2, maxDaysOverdue: 17 }).reasons).toEqual([{ code: 'overdue_obstacles', count: 2, maxDaysOverdue: 17 }]);
  });

  it('visits: 89 days is fine, 90 days is at risk (boundary); never visited is at risk; no helper replaces no visit', () => {
    expect(codes({ ...base, lastVisit: '2025-06-04' })).toEqual([]); // 89 days
    expect(assessAtRisk({ ...base, lastVisit: '2025-06-03' }).reasons).toEqual([{ code: 'no_visit', days: 90, lastVisit: '2025-06-03', daysSinceVisit: 90 }]);
    expect(assessAtRisk({ ...base, lastVisit: null }).reasons).toEqual([{ code: 'no_visit', days: 90, lastVisit: null, daysSinceVisit: null }]);
    expect(codes({ ...base, helpers: 0, lastVisit: null })).toEqual(['no_helper']);
  });

  it('a past year’s list observes visits on its 31 December, not today', () => {
    const past = { ...base, today: '2026-11-27', factsAsOf: '2025-12-31', lastVisit: '2025-11-15' };
    expect(codes(past)).toEqual(['target_year_passed']); // 46 days before 31/12/2025: visited
    expect(assessAtRisk({ ...past, factsAsOf: undefined }).reasons.map((r) => r.code)).toEqual(['target_year_passed', 'no_visit']);
  });

  it('parameters change the thresholds', () => {
    expect(codes({ ...base, lastVisit: '2025-07-15' })).toEqual([]);
    expect(assessAtRisk({ ...base, lastVisit: '2025-07-15' }, { daysPerCriterion: 45, noVisitDays: 30 }).reasons.map((r) => r.code)).toEqual(['no_visit']);
    expect(assessAtRisk(base, { daysPerCriterion: 61, noVisitDays: 90 }).reasons.map((r) => r.code)).toEqual(['gap_too_large']);
  });

  it('property: at risk ⇔ not met and at least one reason; met ⇒ no reasons; more missing never lowers the risk', () => {
    const date = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 2023, max: 2027 }),
        fc.integer({ min: 0, max: 19 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.option(date, { nil: null }),
        (today, targetYear, nMissing, hasStatus, overdue, helpers, lastVisit) => {
          const missing = Array.from({ length: nMissing }, (_, i) => String(i + 1));
          const status = hasStatus ? { year: targetYear, criteriaMet: 19 - nMissing, criteriaApplicable: 19, missing, meetsStandard: nMissing === 0 } : null;
          const visit = lastVisit !== null && lastVisit <= today ? lastVisit : null;
          const input = { today, targetYear, status, overdueObstacles: overdue, maxDaysOverdue: overdue ? 5 : 0, helpers, lastVisit: visit };
          const r = assessAtRisk(input);
          expect(r.atRisk).toBe(!r.met && r.reasons.length > 0);
          if (r.met) expect(r.reasons).toEqual([]);
          if (hasStatus && nMissing < 19) {
            const worse = assessAtRisk({ ...input, status: { ...status!, missing: [...missing, '19'], meetsStandard: false } });
            if (r.atRisk) expect(worse.atRisk).toBe(true);
          }
        },
      ),
    );
  });

  it('the written rule names the thresholds it uses', () => {
    expect(atRiskRuleVi()).toContain(`× ${DEFAULT_AT_RISK_PARAMS.daysPerCriterion} ngày`);
    expect(atRiskRuleVi({ daysPerCriterion: 30, noVisitDays: 60 })).toContain('60 ngày qua');
  });
});

describe('plan progress', () => {
  const t = (status: TaskFact['status'], deadline: string | null, cost: number | null): TaskFact => ({ status, deadline, estimatedCostVnd: cost });

  it('counts done over non-cancelled tasks, with cost weighting and overdue marks', () => {
    const p = taskProgress(
      [t('done', '2025-03-01', 100_000_000), t('doing', '2025-05-01', 300_000_000), t('todo', '2025-12-01', null), t('cancelled', '2025-01-01', 900_000_000), t('todo', null, 100_000_000)],
      '2025-06-15',
    );
    expect(p).toEqual({
      total: 4,
      done: 1,
      doing: 1,
      todo: 2,
      overdue: 1,
      percentDone: 25,
      costTotalVnd: 500_000_000,
      costDoneVnd: 100_000_000,
      percentCostDone: 20,
      percentCostOverdue: 60,
      overdueWeight: 0.5, // 45 days late / 90
    });
  });

  it('a deadline of today is not overdue; yesterday is; lateness caps at 90 days', () => {
    expect(taskProgress([t('todo', '2025-06-15', null)], '2025-06-15').overdue).toBe(0);
    expect(taskProgress([t('doing', '2025-06-14', null)], '2025-06-15')).toMatchObject({ overdue: 1, overdueWeight: 0.01 });
    expect(taskProgress([t('todo', '2024-01-01', null)], '2025-06-15').overdueWeight).toBe(1);
    expect(taskProgress([t('done', '2024-01-01', null)], '2025-06-15').overdue).toBe(0);
  });

  it('nothing to measure gives null percentages, not 0 %', () => {
    expect(taskProgress([t('cancelled', null, 5)], '2025-01-01')).toMatchObject({ total: 0, percentDone: null, percentCostDone: null });
  });

  it('property: done + doing + todo = total ≤ tasks; overdue ≤ open; percentages within 0–100', () => {
    const task = fc.record({
      status: fc.constantFrom<TaskFact['status']>('todo', 'doing', 'done', 'cancelled'),
      deadline: fc.option(fc.constantFrom('2025-01-10', '2025-06-01', '2025-12-31'), { nil: null }),
      estimatedCostVnd: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 30 }), (tasks) => {
        const p = taskProgress(tasks, '2025-06-01');
        expect(p.done + p.doing + p.todo).toBe(p.total);
        expect(p.total).toBeLessThanOrEqual(tasks.length);
        expect(p.overdue).toBeLessThanOrEqual(p.doing + p.todo);
        for (const v of [p.percentDone, p.percentCostDone, p.percentCostOverdue]) if (v !== null) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('criteria planned this year against the latest summary', () => {
    const planned = [
      { criterionNumber: '6', targetYear: 2025 },
      { criterionNumber: '17', targetYear: 2025 },
      { criterionNumber: '13', targetYear: 2025 },
      { criterionNumber: '2', targetYear: 2024 },
      { criterionNumber: '9', targetYear: 2026 },
    ];
    expect(criteriaProgress(planned, ['17', '2', '9'], 2025)).toEqual({ plannedThisYear: 3, metOfPlanned: 2, lateCriteria: 1, percentMet: 66.7 });
    expect(criteriaProgress(planned, null, 2025)).toEqual({ plannedThisYear: 3, metOfPlanned: null, lateCriteria: null, percentMet: null });
  });
});

describe('carry over from last year', () => {
  const task = (id: string, status: 'todo' | 'doing' | 'done' | 'cancelled') => ({
    id, criterionNumber: '6', title: `Việc ${id}`, responsibleAgencyId: null, responsibleName: 'UBND xã', deadline: '2024-11-30', estimatedCostVnd: 10, status, progressNote: null,
  });

  it('keeps the criteria still missing (moving past target years to this year) and the open tasks', () => {
    const out = carryOver(
      [
        { criterionNumber: '17', targetYear: 2024, note: 'Môi trường' },
        { criterionNumber: '6', targetYear: 2026, note: null },
        { criterionNumber: '2', targetYear: 2024, note: null },
      ],
      [task('a', 'done'), task('b', 'doing'), task('c', 'cancelled'), task('d', 'todo')],
      ['6', '17'],
      2025,
    );
    expect(out.criteria).toEqual([
      { criterionNumber: '6', targetYear: 2026, note: null },
      { criterionNumber: '17', targetYear: 2025, note: 'Môi trường' },
    ]);
    expect(out.tasks.map((t) => [t.copiedFromTaskId, t.status])).toEqual([['b', 'doing'], ['d', 'todo']]);
  });

  it('without a summary every planned criterion is carried; predecessors’ duplicates merge to the earliest year', () => {
    const out = carryOver(
      [
        { criterionNumber: '2', targetYear: 2025, note: null },
        { criterionNumber: '2', targetYear: 2026, note: 'xã B' },
      ],
      [],
      null,
      2025,
    );
    expect(out.criteria).toEqual([{ criterionNumber: '2', targetYear: 2025, note: null }]);
  });
});
