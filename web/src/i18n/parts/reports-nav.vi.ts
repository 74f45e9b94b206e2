/** The word of "Reports" shown in the navigation: loaded with the app layout. */
import { registerViPart } from '../translate.js';

export const reportsNavVi = {
  'nav.reports': 'Báo cáo',
} as const;

export type ReportsNavKey = keyof typeof reportsNavVi;

registerViPart(reportsNavVi);
