/** What to tell a person about a failure, in their language. Never shows server text for a known code. */
import type { Lang } from '../i18n/lang.js';
import { translate } from '../i18n/translate.js';
import { ApiError, type FieldError } from './api.js';
import { clockTimeAfter, formatDuration } from './format.js';

export interface ErrorDescription {
  /** The sentence to show. */
  text: string;
  /** The server's request id, to quote to an administrator. */
  requestId: string | null;
  /** Field messages from the server (in Vietnamese), to show next to the fields. */
  fields: FieldError[];
}

/** Describes any thrown value: ApiError by its code, anything else as a network or page failure. */
export function describeError(err: unknown, lang: Lang, now: Date = new Date()): ErrorDescription {
  if (!(err instanceof ApiError)) {
    const network = err instanceof TypeError;
    return { text: translate(lang, network ? 'error.NETWORK' : 'error.pageCrashed'), requestId: null, fields: [] };
  }
  let text =
    err.code === 'HTTP' ? translate(lang, 'error.HTTP', { status: err.status }) : translate(lang, `error.${err.code}`);
  if ((err.code === 'RATE_LIMITED' || err.code === 'ACCOUNT_LOCKED') && err.retryAfterSec != null) {
    text += ` ${translate(lang, 'error.retryAfter', {
      duration: formatDuration(err.retryAfterSec, lang),
      time: clockTimeAfter(now, err.retryAfterSec, lang),
    })}`;
  }
  return { text, requestId: err.requestId, fields: err.fields };
}

/** Field errors keyed by path, for forms: the first message per field wins. */
export function fieldErrorMap(fields: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (!(f.path in out)) out[f.path] = f.message;
  return out;
}
