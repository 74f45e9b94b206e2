/** The login page's own wording for the failures a person can act on (wrong password, locked, too many tries). */
import type { Lang } from '../../../i18n/lang.js';
import { translate } from '../../../i18n/translate.js';
import { ApiError } from '../../../lib/api.js';
import { describeError } from '../../../lib/errors.js';
import { clockTimeAfter, formatDuration } from '../../../lib/format.js';

/** Seconds until the account opens again: retryAfterSec, or details.lockedUntil when the server sends that. */
function waitSeconds(err: ApiError, now: Date): number | null {
  if (err.retryAfterSec != null) return err.retryAfterSec;
  const until = err.details.lockedUntil;
  if (typeof until === 'string') {
    const ms = new Date(until).getTime() - now.getTime();
    if (Number.isFinite(ms)) return Math.max(0, Math.ceil(ms / 1000));
  }
  return null;
}

/** The sentence to show under the login form for a failed login. */
export function loginErrorText(err: unknown, lang: Lang, now: Date = new Date()): { text: string; requestId: string | null } {
  if (err instanceof ApiError) {
    const wait = waitSeconds(err, now);
    const timing = wait == null ? null : { duration: formatDuration(wait, lang), time: clockTimeAfter(now, wait, lang) };
    switch (err.code) {
      case 'UNAUTHENTICATED':
        return { text: translate(lang, 'login.wrongPassword'), requestId: err.requestId };
      case 'ACCOUNT_LOCKED':
        return { text: timing ? translate(lang, 'login.locked', timing) : translate(lang, 'login.lockedNoTime'), requestId: err.requestId };
      case 'RATE_LIMITED':
        return { text: timing ? translate(lang, 'login.rateLimited', timing) : translate(lang, 'login.rateLimitedNoTime'), requestId: err.requestId };
      default:
        break;
    }
  }
  const d = describeError(err, lang, now);
  return { text: d.text, requestId: d.requestId };
}
