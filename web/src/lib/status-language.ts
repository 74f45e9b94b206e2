/**
 * The one status language of the product (STYLE.md "Interface"): met, not met, not applicable, missing, target unknown,
 * and the target's trust (verified, unverified, illustrative, none) — each a colour, an icon and a word. Pure data.
 */
import type { criterionStatuses, indicatorStatuses, targetStates } from '../../../src/contracts/criteria.js';
import type { StatusTone } from '../components/status-badge.js';
import type { MessageKey } from '../i18n/index.js';

export type IndicatorStatusName = (typeof indicatorStatuses)[number];
export type CriterionStatusName = (typeof criterionStatuses)[number];
export type TargetStateName = (typeof targetStates)[number];

/** How a status looks: tone (colour), icon and the word that says it. Never colour alone. */
export interface StatusLook {
  tone: StatusTone;
  icon: string;
  label: MessageKey;
}

// One status language for the whole product (STYLE.md "Interface"): each status has its own colour and icon.
const MET: StatusLook = { tone: 'ok', icon: '✓', label: 'criteria.status.met' };
const NOT_MET: StatusLook = { tone: 'bad', icon: '✕', label: 'criteria.status.not_met' };
const NOT_APPLICABLE: StatusLook = { tone: 'neutral', icon: '–', label: 'criteria.status.not_applicable' };
const MISSING: StatusLook = { tone: 'warn', icon: '…', label: 'criteria.status.missing_value' };
const TARGET_UNKNOWN: StatusLook = { tone: 'info', icon: '?', label: 'criteria.status.target_unknown' };

export const indicatorStatusLook: Record<IndicatorStatusName, StatusLook> = {
  met: MET,
  not_met: NOT_MET,
  not_applicable: NOT_APPLICABLE,
  missing_value: MISSING,
  target_unknown: TARGET_UNKNOWN,
};

export const criterionStatusLook: Record<CriterionStatusName, StatusLook> = {
  met: MET,
  not_met: NOT_MET,
  not_applicable: NOT_APPLICABLE,
  undetermined: { tone: 'warn', icon: '?', label: 'criteria.status.undetermined' },
};

/** How far a target can be trusted: verified, unverified ("chưa xác minh"), demo, none ("chưa có chỉ tiêu"). */
export const targetStateLook: Record<TargetStateName, StatusLook> = {
  verified: { tone: 'ok', icon: '✓', label: 'criteria.state.verified' },
  unverified: { tone: 'unverified', icon: '!', label: 'criteria.state.unverified' },
  demo: { tone: 'demo', icon: '◇', label: 'criteria.state.demo' },
  none: { tone: 'info', icon: '?', label: 'criteria.state.none' },
};
