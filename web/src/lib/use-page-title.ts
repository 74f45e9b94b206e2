/** Sets the browser tab's title; screen readers announce it on navigation. */
import { useEffect } from 'react';
import { useI18n } from '../i18n/index.js';

export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [t, title]);
}
