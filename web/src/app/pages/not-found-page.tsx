/** 404: an address the app does not know. */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../lib/use-page-title.js';

export function NotFoundPage(): ReactNode {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <main id="main" className="page page-narrow" tabIndex={-1}>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/" className="btn btn-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </main>
  );
}
