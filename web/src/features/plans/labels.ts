/** Words for the plans feature (pure): at-risk reasons and the risk badge of a target row. */
import type { AtRiskReason, TargetRow } from '../../../../src/contracts/plans.js';
import type { StatusTone } from '../../components/status-badge.js';
import type { MessageKey, Params } from '../../i18n/translate.js';

type T = (key: MessageKey, params?: Params) => string;

/** One reason in the reader's language; dates and numbers through the given formatters. */
export function reasonText(r: AtRiskReason, t: T, date: (iso: string | null) => string, number: (n: number) => string): string {
  switch (r.code) {
    case 'target_year_passed':
      return r.missing > 0 ? t('pl.reason.target_year_passed', { year: r.targetYear, missing: number(r.missing) }) : t('pl.reason.target_year_passed0', { year: r.targetYear });
    case 'gap_too_large':
      return t('pl.reason.gap_too_large', { missing: number(r.missing), needed: number(r.daysNeeded), left: number(r.daysLeft) });
    case 'no_status':
      return t('pl.reason.no_status');
    case 'overdue_obstacles':
      return t('pl.reason.overdue_obstacles', { count: number(r.count), days: number(r.maxDaysOverdue) });
    case 'no_helper':
      return t('pl.reason.no_helper');
    case 'no_visit':
      return r.lastVisit ? t('pl.reason.no_visit', { days: number(r.days), last: date(r.lastVisit) }) : t('pl.reason.no_visit_never');
  }
}

/** The risk badge of a row: met, at risk or on track — a colour, an icon and a word. */
export function riskLook(r: Pick<TargetRow, 'met' | 'atRisk'>): { tone: StatusTone; icon: string; label: MessageKey } {
  if (r.met) return { tone: 'ok', icon: '✓', label: 'pl.risk.met' };
  if (r.atRisk) return { tone: 'bad', icon: '!', label: 'pl.risk.atRisk' };
  return { tone: 'info', icon: '→', label: 'pl.risk.onTrack' };
}

/** Parse a VND amount typed with dots or spaces as thousands separators ("1.500.000"); null when empty, NaN when bad. */
export function parseVnd(s: string): number | null {
  const clean = s.replace(/[\s.,]/g, '');
  if (!clean) return null;
  return /^\d+$/.test(clean) ? Number(clean) : Number.NaN;
}
