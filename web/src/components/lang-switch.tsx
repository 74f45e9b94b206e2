/** VI / EN as two toggle buttons: both visible at once, each names its language in that language. */
import { useI18n } from '../i18n/index.js';
import { langs } from '../i18n/lang.js';

export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {langs.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-button"
          aria-pressed={lang === l}
          title={t(`lang.${l}`)}
          onClick={() => setLang(l)}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="sr-only">{t(`lang.${l}`)}</span>
        </button>
      ))}
    </div>
  );
}
