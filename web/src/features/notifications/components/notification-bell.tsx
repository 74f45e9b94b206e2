/**
 * The bell in the app header: a link to /notifications carrying the unread count (polled politely, see
 * get-unread-count.ts). Tiny on purpose: it ships with the layout; the list is a lazy page.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { useUnreadCount } from '../api/get-unread-count.js';
import '../notifications.css';

export function NotificationBell(): ReactNode {
  const { t, number } = useI18n();
  const n = useUnreadCount().data ?? 0;
  const label = n > 0 ? t('ntf.bellUnread', { count: number(n) }) : t('ntf.bell');
  return (
    <Link to="/notifications" className="bell" aria-label={label} title={label}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {n > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      ) : null}
    </Link>
  );
}
