/** Amounts of VND the way officials read them: the full figure (vi-VN separators) and a short "tỷ / triệu đồng" form. */
import type { Lang } from '../../i18n/lang.js';
import { formatNumber, formatVnd } from '../../lib/format.js';

/** "12,35 tỷ đ", "350 triệu đ", "45.000 đ" (vi); "12.35 bn VND", "350 m VND" (en). */
export function formatVndShort(n: number, lang: Lang): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${formatNumber(n / 1e9, lang, { maximumFractionDigits: 2 })} ${lang === 'vi' ? 'tỷ đ' : 'bn VND'}`;
  if (abs >= 1e6) return `${formatNumber(n / 1e6, lang, { maximumFractionDigits: 1 })} ${lang === 'vi' ? 'triệu đ' : 'm VND'}`;
  return formatVnd(n, lang);
}

/** A disbursement rate (0–100, one decimal) as "62,5 %", or "—" when nothing was allocated. */
export function formatRate(rate: number | null, lang: Lang): string {
  return rate === null ? '—' : `${formatNumber(rate, lang, { maximumFractionDigits: 1 })} %`;
}

/** A quantity (labour days, m²) with the language's separators, up to two decimals. */
export function formatQuantity(n: number, lang: Lang): string {
  return formatNumber(n, lang, { maximumFractionDigits: 2 });
}
