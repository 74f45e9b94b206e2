/** /: a short welcome, the user's units and links to what they may open. */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';

const shortcuts = [
  { key: 'units', to: '/units', label: 'nav.units', hint: 'home.go.units' },
  { key: 'criteria', to: '/criteria', label: 'nav.criteria', hint: 'home.go.criteria' },
  { key: 'agencies', to: '/agencies', label: 'nav.agencies', hint: 'home.go.agencies' },
  { key: 'users', to: '/users', label: 'nav.users', hint: 'home.go.users' },
  { key: 'audit', to: '/audit', label: 'nav.audit', hint: 'home.go.audit' },
] as const satisfies readonly { key: string; to: string; label: MessageKey; hint: MessageKey }[];

export function HomePage(): ReactNode {
  const { t } = useI18n();
  const { user, abilities } = useSession();
  const allowed = shortcuts.filter((s) => abilities.nav[s.key]);
  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.name })} intro={t('home.intro')} />
      <section className="section" aria-labelledby="home-scope">
        <h2 id="home-scope">{t('home.scope')}</h2>
        {user.agencyName ? <p>{t('home.agency', { name: user.agencyName })}</p> : null}
        <p>{t('home.roles', { roles: user.roles.map((r) => t(`role.${r}`)).join(', ') })}</p>
        {user.scope.length > 0 ? (
          <ul className="scope-list">
            {user.scope.map((u) => (
              <li key={u.unitId}>
                <Link to="/units/$id" params={{ id: u.unitId }}>
                  {u.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('home.scopeNone')}</p>
        )}
      </section>
      {allowed.length > 0 ? (
        <section className="section" aria-labelledby="home-go">
          <h2 id="home-go">{t('home.shortcuts')}</h2>
          <ul className="shortcut-list">
            {allowed.map((s) => (
              <li key={s.key}>
                <Link to={s.to} className="shortcut">
                  <span className="shortcut-title">{t(s.label)}</span>
                  <span className="shortcut-hint">{t(s.hint)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
