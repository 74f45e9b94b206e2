/** The i18n layer: a tiny typed t() with Vietnamese as the default and English as a switch. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodVi from 'zod/v4/locales/vi.js';
import { formatDate, formatDateTime, formatNumber } from '../lib/format.js';
import { storedLang, storeLang, type Lang } from './lang.js';
import { friendlyLocaleError } from './zod-messages.js';
import { loadLang, translate, type MessageKey, type Params } from './translate.js';

export type { Lang, MessageKey, Params };
export type TFunction = (key: MessageKey, params?: Params) => string;

/** Makes the page, zod's validation messages and the stored choice follow a language. */
export function applyLang(lang: Lang): void {
  const base = (lang === 'vi' ? zodVi() : zodEn()).localeError;
  z.config({ localeError: friendlyLocaleError(lang, base) });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
  date: (iso: string | null | undefined) => string;
  dateTime: (instant: string | null | undefined) => string;
  number: (n: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * The language to start with: the stored choice, its dictionary loaded. Call before the first render,
 * so an English user never sees a flash of Vietnamese.
 */
export async function initialLang(): Promise<Lang> {
  const l = storedLang();
  try {
    await loadLang(l);
  } catch {
    applyLang('vi');
    return 'vi';
  }
  applyLang(l);
  return l;
}

/** Holds the language; `initial` comes from initialLang(). */
export function I18nProvider({ initial, children }: { initial: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initial);
  const setLang = useCallback((l: Lang) => {
    storeLang(l);
    // Switch once the dictionary is here; if it cannot load (offline), stay in the current language.
    void loadLang(l).then(
      () => {
        applyLang(l);
        setLangState(l);
      },
      () => {},
    );
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      date: (iso) => formatDate(iso, lang),
      dateTime: (instant) => formatDateTime(instant, lang),
      number: (n) => formatNumber(n, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, t() and Intl formatters. */
export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n must be used inside <I18nProvider>');
  return v;
}
