/** The word of "Maps" shown in the navigation: loaded with the app layout. */
import { registerViPart } from '../translate.js';

export const mapsNavVi = {
  'nav.map': 'Bản đồ',
} as const;

export type MapsNavKey = keyof typeof mapsNavVi;

registerViPart(mapsNavVi);
