/** The pure lookup behind t(): no React, so error mapping and tests can use it. */
import type { Lang } from './lang.js';
import type { AssessmentsNavKey } from './parts/assessments-nav.vi.js';
import type { AssessmentsKey } from './parts/assessments.vi.js';
import type { AssistanceKey } from './parts/assistance.vi.js';
import type { DashboardNavKey } from './parts/dashboard-nav.vi.js';
import type { DashboardKey } from './parts/dashboard.vi.js';
import type { MapsNavKey } from './parts/maps-nav.vi.js';
import type { MapsKey } from './parts/maps.vi.js';
import type { PlansNavKey } from './parts/plans-nav.vi.js';
import type { PlansKey } from './parts/plans.vi.js';
import type { ReportsNavKey } from './parts/reports-nav.vi.js';
import type { ReportsKey } from './parts/reports.vi.js';
import type { ResourcesNavKey } from './parts/resources-nav.vi.js';
import type { ResourcesKey } from './parts/resources.vi.js';
import type { ValueImportNavKey } from './parts/value-import-nav.vi.js';
import type { ValueImportKey } from './parts/value-import.vi.js';
import { vi, type MessageKey as MainKey } from './vi.js';

/** Every key: the entry's dictionary and the parts that load with their pages' chunks (see parts/). */
export type MessageKey = MainKey | AssistanceKey | AssessmentsKey | AssessmentsNavKey | MapsKey | MapsNavKey | PlansKey | PlansNavKey | ReportsKey | ReportsNavKey | ResourcesKey | ResourcesNavKey | DashboardKey | DashboardNavKey | ValueImportKey | ValueImportNavKey;
export type Params = Record<string, string | number>;
export type Dictionary = Record<MessageKey, string>;

/**
 * Vietnamese text of lazily loaded parts: a feature's strings ship with its chunk and register themselves on load,
 * so they do not weigh on the login page's critical path. English keeps everything in its own lazy chunk.
 */
const viParts: Partial<Record<MessageKey, string>> = {};
export function registerViPart(part: Partial<Record<MessageKey, string>>): void {
  Object.assign(viParts, part);
}

// Vietnamese ships with the entry; English is a lazy chunk loaded when chosen (see loadLang).
const dictionaries: Partial<Record<Lang, Partial<Dictionary>>> = { vi };

/** Makes a language's text available; English is fetched the first time it is needed. */
export async function loadLang(lang: Lang): Promise<void> {
  if (dictionaries[lang]) return;
  if (lang === 'en') dictionaries.en = (await import('./en.js')).en;
}

export function isLangLoaded(lang: Lang): boolean {
  return Boolean(dictionaries[lang]);
}

/** The text of a key in a language (Vietnamese if that language is not loaded), `{name}` filled from params. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = dictionaries[lang]?.[key] ?? dictionaries.vi?.[key] ?? viParts[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The placeholder names used in a message, sorted (for the completeness test). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
