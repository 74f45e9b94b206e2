/**
 * Words and looks of the assessment workflow: the assessment's and a row's state, the save state of a row (saved,
 * saving, not saved, conflict), the instant met / not met while the officer types (the server's evaluation follows
 * each save), photo facts (EXIF) and typed values. Pure functions.
 */
import type {
  AssessmentStatus,
  ExifInfo,
  IndicatorValueInput,
  ResultState,
} from '../../../../src/contracts/assessments.js';
import type { IndicatorKindName } from '../../../../src/contracts/criteria.js';
import type { MessageKey } from '../../i18n/index.js';
import type { IndicatorStatusName, StatusLook } from '../../lib/status-language.js';
import type { SaveStatus } from './save-state.js';

export const assessmentStatusLook: Record<AssessmentStatus, StatusLook> = {
  draft: { tone: 'neutral', icon: '✎', label: 'asm.status.draft' },
  in_review: { tone: 'info', icon: '»', label: 'asm.status.in_review' },
  returned: { tone: 'warn', icon: '↩', label: 'asm.status.returned' },
  appraised: { tone: 'ok', icon: '✓', label: 'asm.status.appraised' },
  reopened: { tone: 'unverified', icon: '↺', label: 'asm.status.reopened' },
};

export const resultStateLook: Record<ResultState, StatusLook> = {
  draft: { tone: 'neutral', icon: '✎', label: 'asm.state.draft' },
  submitted: { tone: 'info', icon: '»', label: 'asm.state.submitted' },
  returned: { tone: 'warn', icon: '↩', label: 'asm.state.returned' },
  reviewed: { tone: 'ok', icon: '✓', label: 'asm.state.reviewed' },
  appraised: { tone: 'ok', icon: '✓', label: 'asm.state.appraised' },
};

/** A row's save state: a colour, an icon and a word (never colour alone). */
export const saveStatusLook: Record<SaveStatus, StatusLook> = {
  saved: { tone: 'ok', icon: '✓', label: 'asm.save.saved' },
  dirty: { tone: 'warn', icon: '●', label: 'asm.save.dirty' },
  saving: { tone: 'info', icon: '⟳', label: 'asm.save.saving' },
  error: { tone: 'bad', icon: '⚠', label: 'asm.save.error' },
  conflict: { tone: 'bad', icon: '⚡', label: 'asm.save.conflict' },
};

type Scalar = number | boolean | string;
const MIN = new Set<IndicatorKindName>(['min', 'percent_min', 'count_min']);
const MAX = new Set<IndicatorKindName>(['max', 'percent_max', 'count_max']);

/**
 * Met or not met of a typed value against the target, at once, for the simple kinds (numbers, yes/no); null when only
 * the server can tell (verdict scales, an unknown applicability). The server's answer replaces it after the save.
 */
export function instantStatus(kind: IndicatorKindName, value: IndicatorValueInput, target: Scalar | null, applicable: boolean | null): IndicatorStatusName | null {
  if (applicable === false) return 'not_applicable';
  if (applicable === null) return null;
  if (value === null || value === '') return 'missing_value';
  if (target === null) return 'target_unknown';
  if (kind === 'boolean') return typeof value === 'boolean' && typeof target === 'boolean' ? (value === target ? 'met' : 'not_met') : null;
  if (typeof value !== 'number' || typeof target !== 'number') return null;
  if (MIN.has(kind)) return value >= target ? 'met' : 'not_met';
  if (MAX.has(kind)) return value <= target ? 'met' : 'not_met';
  return null;
}

/** A stored value as the text of its field: "41,5" (decimal comma), "true"/"false" for yes/no, a label as it is. */
export function valueToText(v: IndicatorValueInput): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

/** Degrees with 5 decimals and the hemisphere: "22,53421° B, 103,88912° Đ". */
export function gpsWords(gps: NonNullable<ExifInfo['gps']>, t: (k: MessageKey, p?: Record<string, string | number>) => string): string {
  const f = (n: number) => Math.abs(n).toFixed(5).replace('.', ',');
  return t('asm.evidence.gps', { lat: f(gps.lat), ns: t(gps.lat >= 0 ? 'asm.evidence.north' : 'asm.evidence.south'), lon: f(gps.lon), ew: t(gps.lon >= 0 ? 'asm.evidence.east' : 'asm.evidence.west') });
}

/** A map link for a photo's position (opens outside the app). */
export const mapUrl = (gps: NonNullable<ExifInfo['gps']>) => `https://www.openstreetmap.org/?mlat=${gps.lat}&mlon=${gps.lon}#map=17/${gps.lat}/${gps.lon}`;

/** The review decisions a step can take on one indicator. */
export const decisions = ['', 'accept', 'met', 'not_met', 'not_applicable', 'return'] as const;
export type Decision = (typeof decisions)[number];

/** Does a decision need a reason? A changed verdict and a return do; accepting what is shown does not. */
export function decisionNeedsReason(d: Decision, shown: string | null): boolean {
  if (d === 'return') return true;
  if (d === '' || d === 'accept') return false;
  return d !== shown;
}
