/**
 * Colour classes of the map (pure): criteria-met bands, meets the standard, recognised level. Each class has a
 * colour, a text colour that keeps WCAG AA contrast on it, and a word for the legend (never colour alone).
 */
import type { MapCommuneValue } from '../../../../src/contracts/maps.js';
import type { MessageKey } from '../../i18n/index.js';

export const colourModes = ['band', 'standard', 'level'] as const;
export type ColourMode = (typeof colourModes)[number];

export interface ColourClass {
  key: string;
  fill: string;
  ink: string;
  label: MessageKey;
  params?: Record<string, string | number>;
}

const NONE: ColourClass = { key: 'none', fill: '#e5e7eb', ink: '#1f2937', label: 'map.cls.none' };

/**
 * The customary bands of criteria met: for 19 criteria 19 / 15–18 / 10–14 / 5–9 / under 5; for another count the
 * same shares (15/19, 10/19, 5/19) rounded up, e.g. 10 / 8–9 / 6–7 / 3–5 / under 3 for 10 criteria.
 */
export function bandLimits(total: number): [number, number, number] {
  return [Math.ceil((total * 15) / 19), Math.ceil((total * 10) / 19), Math.ceil((total * 5) / 19)];
}

export function bandClasses(total: number): ColourClass[] {
  const [a, b, c] = bandLimits(total);
  return [
    { key: 'b5', fill: '#1b7837', ink: '#ffffff', label: 'map.cls.all', params: { n: total } },
    { key: 'b4', fill: '#7fbf7b', ink: '#0b2e13', label: 'map.cls.range', params: { from: a, to: total - 1 } },
    { key: 'b3', fill: '#fee08b', ink: '#3b2f00', label: 'map.cls.range', params: { from: b, to: a - 1 } },
    { key: 'b2', fill: '#fc8d59', ink: '#3b1200', label: 'map.cls.range', params: { from: c, to: b - 1 } },
    { key: 'b1', fill: '#b2182b', ink: '#ffffff', label: 'map.cls.under', params: { n: c } },
    NONE,
  ];
}

const STANDARD: ColourClass[] = [
  { key: 'yes', fill: '#1b7837', ink: '#ffffff', label: 'map.cls.meets' },
  { key: 'no', fill: '#b2182b', ink: '#ffffff', label: 'map.cls.notMeets' },
  NONE,
];

const LEVELS: ColourClass[] = [
  { key: 'modern', fill: '#3f007d', ink: '#ffffff', label: 'map.level.modern' },
  { key: 'model', fill: '#6a51a3', ink: '#ffffff', label: 'map.level.model' },
  { key: 'advanced', fill: '#9e9ac8', ink: '#1c1040', label: 'map.level.advanced' },
  { key: 'ntm', fill: '#dadaeb', ink: '#1c1040', label: 'map.level.ntm' },
  { key: 'none', fill: '#f3f4f6', ink: '#1f2937', label: 'map.cls.notRecognised' },
];

/** The legend of a mode, in display order. */
export function classesOf(mode: ColourMode, criteriaCount: number): ColourClass[] {
  if (mode === 'band') return bandClasses(criteriaCount);
  return mode === 'standard' ? STANDARD : LEVELS;
}

/** The class of one commune. */
export function classOf(mode: ColourMode, v: MapCommuneValue, criteriaCount: number): ColourClass {
  const classes = classesOf(mode, criteriaCount);
  const find = (key: string) => classes.find((c) => c.key === key)!;
  if (mode === 'level') return find(v.recognisedLevel ?? 'none');
  if (mode === 'standard') return find(v.meetsStandard === null ? 'none' : v.meetsStandard ? 'yes' : 'no');
  if (v.criteriaMet === null) return NONE;
  const [a, b, c] = bandLimits(criteriaCount);
  const m = v.criteriaMet;
  return find(m >= criteriaCount ? 'b5' : m >= a ? 'b4' : m >= b ? 'b3' : m >= c ? 'b2' : 'b1');
}

/** Communes grouped by parent unit (old district before 2025, province after), groups and members by name. */
export function groupByParent(items: readonly MapCommuneValue[]): Array<{ key: string; name: string; items: MapCommuneValue[] }> {
  const groups = new Map<string, { key: string; name: string; items: MapCommuneValue[] }>();
  for (const i of items) {
    const key = i.parent?.unitId ?? '-';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name: i.parent?.name ?? '', items: [] }));
    g.items.push(i);
  }
  const by = (a: string, b: string) => a.localeCompare(b, 'vi');
  const out = [...groups.values()].sort((a, b) => by(a.name, b.name));
  for (const g of out) g.items.sort((a, b) => by(a.name, b.name));
  return out;
}
