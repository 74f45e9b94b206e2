/** The word of "Dashboard" shown in the navigation: loaded with the app layout. */
import { registerViPart } from '../translate.js';

export const dashboardNavVi = {
  'nav.dashboard': 'Bảng điều hành',
} as const;

export type DashboardNavKey = keyof typeof dashboardNavVi;

registerViPart(dashboardNavVi);
