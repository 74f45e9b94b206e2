/** Dates and numbers for display, through Intl (vi-VN first). Dates are shown dd/MM/yyyy in both languages. */
import type { Lang } from '../i18n/lang.js';

/** The government's time zone: "today", audit times and deadlines are read in it. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// en-GB rather than en-US for dates: officials reading the English UI still expect day/month/year.
const dateLocale: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const numberLocale: Record<Lang, string> = { vi: 'vi-VN', en: 'en' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dtf(lang: Lang, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `d:${lang}:${key}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.DateTimeFormat(dateLocale[lang], opts)));
  return f;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is the text a real calendar date written YYYY-MM-DD? */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar date (YYYY-MM-DD, no time zone) as dd/MM/yyyy; '' for null. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  if (!isIsoDate(iso)) return iso;
  return dtf(lang, 'date', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** An instant (ISO date-time) as dd/MM/yyyy HH:mm:ss in Asia/Ho_Chi_Minh. */
export function formatDateTime(instant: string | null | undefined, lang: Lang): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const parts = dtf(lang, 'datetime', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

/** Hours and minutes of an instant in Asia/Ho_Chi_Minh (HH:mm). */
export function formatTime(d: Date, lang: Lang): string {
  return dtf(lang, 'time', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** A number with the language's separators (vi: 1.234.567,5). */
export function formatNumber(n: number, lang: Lang, opts?: Intl.NumberFormatOptions): string {
  const k = `n:${lang}:${JSON.stringify(opts ?? {})}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.NumberFormat(numberLocale[lang], opts)));
  return f.format(n);
}

/** Today's calendar date in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** The calendar date n days after (or before, n < 0) an ISO date. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Reads a date typed by a person: dd/MM/yyyy (also d/M/yyyy, with '-' or '.'), or YYYY-MM-DD.
 * Returns YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDisplayDate(text: string): string | null {
  const s = text.trim();
  if (ISO_DATE.test(s)) return isIsoDate(s) ? s : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Seconds as a short duration in words ("42 giây", "5 phút", "1 giờ 5 phút"), rounded up to minutes past one minute. */
export function formatDuration(totalSec: number, lang: Lang): string {
  const exact = Math.max(0, Math.ceil(totalSec));
  // Seconds only matter under a minute; "10 phút 32 giây" is noise when someone waits to log in.
  const sec = exact < 60 ? exact : Math.ceil(exact / 60) * 60;
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const u =
    lang === 'vi'
      ? { h: 'giờ', m: 'phút', s: 'giây' }
      : { h: h === 1 ? 'hour' : 'hours', m: m === 1 ? 'minute' : 'minutes', s: s === 1 ? 'second' : 'seconds' };
  const out: string[] = [];
  if (h) out.push(`${h} ${u.h}`);
  if (m) out.push(`${m} ${u.m}`);
  if (!h && (s || !m)) out.push(`${s} ${u.s}`);
  return out.join(' ');
}

/** The clock time (HH:mm, Asia/Ho_Chi_Minh) that is `sec` seconds after `now`. */
export function clockTimeAfter(now: Date, sec: number, lang: Lang): string {
  return formatTime(new Date(now.getTime() + sec * 1000), lang);
}

/** The last day a row is valid: validTo is exclusive (the day its successor starts), people read "đến hết" the day before. */
export function lastValidDay(validTo: string): string {
  const d = new Date(`${validTo}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** An amount in VND: "1.500.000 đ" (vi), "1,500,000 VND" (en). */
export function formatVnd(n: number, lang: Lang): string {
  return `${formatNumber(n, lang)} ${lang === 'vi' ? 'đ' : 'VND'}`;
}

/**
 * Reads an amount of VND typed by a person: digits with optional thousands separators ("1.500.000", "1,500,000",
 * "1 500 000") and an optional "đ"/"VND". Returns null for empty text, NaN when it is not a whole amount.
 */
export function parseVnd(text: string): number | null {
  const s = text.trim().replace(/\s*(đ|₫|vnd|đồng)$/i, '').trim();
  if (s === '') return null;
  if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(s)) return Number.NaN;
  const n = Number(s.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

/** A comma- or semicolon-separated list typed by a person ("5, 6.1; KM.2"), trimmed, without empties or repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean))];
}
