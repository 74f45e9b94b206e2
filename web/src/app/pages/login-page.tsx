/** /login: the login form and, in demo mode, the demo accounts. Loads nothing of the authenticated app. */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { LangSwitch } from '../../components/lang-switch.js';
import { DemoAccounts } from '../../features/auth/components/demo-accounts.js';
import { LoginForm, type LoginFill } from '../../features/auth/components/login-form.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { safeRedirect } from '../search.js';

const route = getRouteApi('/login');

export function LoginPage(): ReactNode {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = useNavigate();
  const [fill, setFill] = useState<LoginFill | null>(null);
  usePageTitle(t('login.title'));

  return (
    <div className="login-shell">
      <header className="login-top">
        <span className="brand">{t('app.name')}</span>
        <LangSwitch />
      </header>
      <main id="main" className="login-main" tabIndex={-1}>
        <section className="card login-card" aria-labelledby="login-title">
          <h1 id="login-title">{t('login.title')}</h1>
          <p className="muted">{t('login.intro')}</p>
          {search.reason === 'expired' ? (
            <p className="alert alert-info" role="status">
              {t('login.sessionExpired')}
            </p>
          ) : null}
          <LoginForm fill={fill} onLoggedIn={() => void navigate({ href: safeRedirect(search.redirect), replace: true })} />
        </section>
        <DemoAccounts onUse={(login, password) => setFill((f) => ({ login, password, n: (f?.n ?? 0) + 1 }))} />
      </main>
    </div>
  );
}
