/**
 * The authenticated shell: skip link, header (app name, user, language, logout), navigation from
 * the session's nav abilities (collapsing into a menu button on phones) and the main landmark.
 */
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useLogout } from '../../features/auth/api/logout.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { LangSwitch } from '../../components/lang-switch.js';
import { NotificationBell } from '../../features/notifications/components/notification-bell.js';
// The assessments' nav words ship with this (lazy) layout, not with the login page's entry.
import '../../i18n/parts/assessments-nav.vi.js';
import '../../i18n/parts/maps-nav.vi.js';
import '../../i18n/parts/reports-nav.vi.js';
import '../../i18n/parts/resources-nav.vi.js';
import '../../i18n/parts/plans-nav.vi.js';
import '../../i18n/parts/dashboard-nav.vi.js';

type NavKey = 'units' | 'agencies' | 'users' | 'audit' | 'criteria' | 'assistance' | 'inbox' | 'signals' | 'assessments' | 'maintenance' | 'resources' | 'map' | 'reports' | 'plans' | 'dashboard';
type NavTo = '/units' | '/criteria' | '/agencies' | '/users' | '/audit' | '/assistance' | '/inbox' | '/signals' | '/assessments' | '/maintenance' | '/resources' | '/map' | '/reports' | '/plans' | '/dashboard';
const navItems: { key: NavKey; to: NavTo; label: MessageKey }[] = [
  { key: 'dashboard', to: '/dashboard', label: 'nav.dashboard' },
  { key: 'inbox', to: '/inbox', label: 'nav.inbox' },
  { key: 'assessments', to: '/assessments', label: 'nav.assessments' },
  { key: 'units', to: '/units', label: 'nav.units' },
  { key: 'assistance', to: '/assistance', label: 'nav.assistance' },
  { key: 'signals', to: '/signals', label: 'nav.signals' },
  { key: 'maintenance', to: '/maintenance', label: 'nav.maintenance' },
  { key: 'plans', to: '/plans', label: 'nav.plans' },
  { key: 'reports', to: '/reports', label: 'nav.reports' },
  { key: 'map', to: '/map', label: 'nav.map' },
  { key: 'resources', to: '/resources', label: 'nav.resources' },
  { key: 'criteria', to: '/criteria', label: 'nav.criteria' },
  { key: 'agencies', to: '/agencies', label: 'nav.agencies' },
  { key: 'users', to: '/users', label: 'nav.users' },
  { key: 'audit', to: '/audit', label: 'nav.audit' },
];

export function AppLayout(): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const first = useRef(true);

  // After a client-side navigation: close the phone menu and move focus to the new page's content,
  // so keyboard and screen-reader users start at the top of what changed.
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  const onLogout = () =>
    logout.mutate(undefined, {
      // Whether or not the server answered, leave and forget: the person asked to log out.
      onSettled: async () => {
        await navigate({ to: '/login', search: {} });
        logout.forget();
      },
    });

  const roles = session.user.roles.map((r) => t(`role.${r}`)).join(', ');
  const items = navItems.filter((i) => session.abilities.nav[i.key]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="topbar">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <NotificationBell />
          <button
            type="button"
            className="btn btn-quiet menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true">{menuOpen ? '✕' : '☰'} </span>
            {t('nav.menu')}
          </button>
        </div>
        <div id="site-menu" className="site-menu" data-open={menuOpen}>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              <li>
                <Link to="/" activeOptions={{ exact: true }} className="nav-link">
                  {t('nav.home')}
                </Link>
              </li>
              {items.map((i) => (
                <li key={i.key}>
                  <Link to={i.to} className="nav-link">
                    {t(i.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account" aria-label={t('header.account')} role="group">
            <p className="account-user">
              <span className="account-name">{session.user.name}</span>
              <span className="account-role">{roles}</span>
            </p>
            <LangSwitch />
            <Button size="small" onClick={onLogout} busy={logout.isPending}>
              {logout.isPending ? t('header.loggingOut') : t('header.logout')}
            </Button>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <Outlet />
      </main>
    </div>
  );
}
