/** The link to the Excel import of values, shown on the cycle and assessment pages (loads with those chunks). */
import { registerViPart } from '../translate.js';

export const valueImportNavVi = {
  'vimp.link': 'Nhập từ Excel',
} as const;

export type ValueImportNavKey = keyof typeof valueImportNavVi;

registerViPart(valueImportNavVi);
