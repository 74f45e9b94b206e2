/** The resources' nav word (loaded with the app layout, not with the login page's entry). */
import { registerViPart } from '../translate.js';

export const resourcesNavVi = {
  'nav.resources': 'Nguồn lực',
} as const;

export type ResourcesNavKey = keyof typeof resourcesNavVi;

registerViPart(resourcesNavVi);
