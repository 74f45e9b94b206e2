/** The word of "Plans and targets" shown in the navigation: loaded with the app layout. */
import { registerViPart } from '../translate.js';

export const plansNavVi = {
  'nav.plans': 'Kế hoạch & mục tiêu',
} as const;

export type PlansNavKey = keyof typeof plansNavVi;

registerViPart(plansNavVi);
