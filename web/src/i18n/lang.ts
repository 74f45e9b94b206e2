/** The UI languages: Vietnamese first, English as a switch. */
export const langs = ['vi', 'en'] as const;
export type Lang = (typeof langs)[number];
export const DEFAULT_LANG: Lang = 'vi';
const STORAGE_KEY = 'mtqg.lang';

/** The language the person chose last time on this browser, else Vietnamese. */
export function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' || v === 'vi' ? v : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Remembers the language choice on this browser. */
export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
