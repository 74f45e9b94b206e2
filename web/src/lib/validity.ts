/** Validity periods in words. validTo is exclusive (the day a successor starts), so the text names the day before. */
import type { TFunction } from '../i18n/index.js';
import { lastValidDay } from './format.js';

/** "từ 01/01/2020 đến hết 30/06/2025", "từ trước khi có dữ liệu đến nay". */
export function validityText(
  u: { validFrom: string | null; validTo: string | null },
  t: TFunction,
  date: (iso: string) => string,
): string {
  const from = u.validFrom ? date(u.validFrom) : t('date.beforeData');
  return u.validTo ? t('date.fromTo', { from, to: date(lastValidDay(u.validTo)) }) : t('date.fromNow', { from });
}
