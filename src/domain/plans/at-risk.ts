/**
 * The at-risk rule of a target list (pure): is a commune registered to reach a standard level by the end of a year
 * likely to miss it, and why. The rule, in words (shown on the page as `AT_RISK_RULE_VI`):
 *
 * A commune that already meets the standard of its target level (its latest assessment summary in or before the
 * target year says so) is not at risk. Otherwise it is at risk when at least one of these holds:
 * 1. `target_year_passed` — the target year is over and the standard was not reached;
 * 2. `gap_too_large` — the criteria still missing need more time than is left: missing × `daysPerCriterion` >
 *    days from today to 31 December of the target year (equal is still on track);
 * 3. `no_status` — there is no assessment of the commune at the target level yet, so the gap is unknown;
 * 4. `overdue_obstacles` — at least one open obstacle of the commune (or its predecessors) is past its due date;
 * 5. `no_helper` — no agency is assigned to help it today; otherwise `no_visit` — no field visit, guidance or
 *    inspection in the last `noVisitDays` days (its own or a predecessor's).
 * "Today" is the calendar date in Asia/Ho_Chi_Minh. Reasons are stable codes with parameters; the UI words them.
 */

export interface AtRiskParams {
  /** Days of work one missing criterion needs, on average. */
  daysPerCriterion: number;
  /** A commune not visited for this many days is at risk. */
  noVisitDays: number;
}

export const DEFAULT_AT_RISK_PARAMS: AtRiskParams = { daysPerCriterion: 45, noVisitDays: 90 };

export interface AtRiskInput {
  /** Calendar date (YYYY-MM-DD) in Asia/Ho_Chi_Minh. */
  today: string;
  targetYear: number;
  /** Latest summary at the target level in or before the target year; null = never assessed at that level. */
  status: { year: number; criteriaMet: number; criteriaApplicable: number; missing: readonly string[]; meetsStandard: boolean } | null;
  overdueObstacles: number;
  /** Days the most overdue open obstacle is past due (0 when none). */
  maxDaysOverdue: number;
  helpers: number;
  /** Date of the last visit (YYYY-MM-DD) or null. */
  lastVisit: string | null;
  /** The date the help facts (helpers, visits, obstacles) were observed on; default `today`. A past year's list
   * observes them on its 31 December. */
  factsAsOf?: string;
}

export type AtRiskReason =
  | { code: 'target_year_passed'; targetYear: number; missing: number }
  | { code: 'gap_too_large'; missing: number; daysLeft: number; daysNeeded: number }
  | { code: 'no_status'; targetYear: number }
  | { code: 'overdue_obstacles'; count: number; maxDaysOverdue: number }
  | { code: 'no_helper' }
  | { code: 'no_visit'; days: number; lastVisit: string | null; daysSinceVisit: number | null };

export type AtRiskReasonCode = AtRiskReason['code'];

export interface AtRiskResult {
  atRisk: boolean;
  /** The standard of the target level is met by the latest summary. */
  met: boolean;
  /** Days from today to 31 December of the target year (negative once it is over). */
  daysLeft: number;
  reasons: AtRiskReason[];
}

const DAY = 86_400_000;
/** Whole days from `a` to `b` (calendar dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** Apply the rule (see the file comment). */
export function assessAtRisk(input: AtRiskInput, params: AtRiskParams = DEFAULT_AT_RISK_PARAMS): AtRiskResult {
  const daysLeft = daysBetween(input.today, `${input.targetYear}-12-31`);
  const met = input.status?.meetsStandard === true;
  if (met) return { atRisk: false, met, daysLeft, reasons: [] };
  const reasons: AtRiskReason[] = [];
  if (input.status === null) {
    reasons.push({ code: 'no_status', targetYear: input.targetYear });
    if (daysLeft < 0) reasons.push({ code: 'target_year_passed', targetYear: input.targetYear, missing: 0 });
  } else {
    // A summary that does not meet the standard with nothing listed missing still misses something undetermined.
    const missing = Math.max(input.status.missing.length, 1);
    if (daysLeft < 0) reasons.push({ code: 'target_year_passed', targetYear: input.targetYear, missing });
    else if (missing * params.daysPerCriterion > daysLeft) {
      reasons.push({ code: 'gap_too_large', missing, daysLeft, daysNeeded: missing * params.daysPerCriterion });
    }
  }
  if (input.overdueObstacles > 0) reasons.push({ code: 'overdue_obstacles', count: input.overdueObstacles, maxDaysOverdue: input.maxDaysOverdue });
  if (input.helpers === 0) reasons.push({ code: 'no_helper' });
  else {
    const since = input.lastVisit === null ? null : daysBetween(input.lastVisit, input.factsAsOf ?? input.today);
    if (since === null || since >= params.noVisitDays) {
      reasons.push({ code: 'no_visit', days: params.noVisitDays, lastVisit: input.lastVisit, daysSinceVisit: since });
    }
  }
  return { atRisk: reasons.length > 0, met, daysLeft, reasons };
}

/** The rule as shown on the page (Vietnamese; the English text lives in the web's i18n part). */
export function atRiskRuleVi(p: AtRiskParams = DEFAULT_AT_RISK_PARAMS): string {
  return (
    'Xã đã đạt chuẩn của mức mục tiêu (theo kết quả đánh giá gần nhất đến năm mục tiêu) thì không có nguy cơ. ' +
    'Xã chưa đạt được coi là có nguy cơ khi có ít nhất một dấu hiệu: (1) năm mục tiêu đã qua; ' +
    `(2) số tiêu chí còn thiếu × ${p.daysPerCriterion} ngày lớn hơn số ngày còn lại đến 31/12 năm mục tiêu; ` +
    '(3) chưa có kết quả đánh giá theo bộ tiêu chí của mức mục tiêu; (4) có vướng mắc đang mở đã quá hạn xử lý; ' +
    `(5) chưa có cơ quan được phân công giúp đỡ, hoặc không có chuyến công tác thực tế nào trong ${p.noVisitDays} ngày qua. ` +
    'Ngày hôm nay tính theo giờ Việt Nam.'
  );
}
