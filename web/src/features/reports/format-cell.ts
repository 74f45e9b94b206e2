/** A report cell as text on screen, by its column type (vi-VN or en numbers; dd/MM/yyyy dates). Pure. */
import type { ColumnType, ReportCell } from '../../../../src/contracts/reports.js';
import type { Lang } from '../../i18n/lang.js';
import { formatDate, formatNumber } from '../../lib/format.js';

export function formatCell(v: ReportCell, type: ColumnType, lang: Lang): string {
  if (v === null || v === '') return '';
  if (typeof v === 'string') return type === 'date' ? formatDate(v, lang) : v;
  switch (type) {
    case 'year':
      return String(v);
    case 'percent':
      return `${formatNumber(v, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
    case 'decimal':
      return formatNumber(v, lang, { maximumFractionDigits: 2 });
    case 'vnd':
      return `${formatNumber(v, lang, { maximumFractionDigits: 0 })} đ`;
    default:
      return formatNumber(v, lang);
  }
}
