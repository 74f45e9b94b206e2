/** /notifications: the caller's notifications from the assessment workflow, with "mark read" and "mark all read". */
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorMessage } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { QueryState } from '../../components/query-state.js';
import { useNotifications } from '../../features/notifications/api/list-notifications.js';
import { useMarkAllRead } from '../../features/notifications/api/mark-read.js';
import { NotificationList } from '../../features/notifications/components/notification-list.js';
import '../../i18n/parts/assessments.vi.js';
import { useI18n } from '../../i18n/index.js';

const route = getRouteApi('/app/notifications');
const LIMIT = 20;

export function NotificationsPage(): ReactNode {
  const { t, number } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const offset = search.offset ?? 0;
  const unreadOnly = search.unread === 'true';
  const query = useNotifications({ unread: unreadOnly || undefined, limit: LIMIT, offset });
  const all = useMarkAllRead();
  const unread = query.data?.unread ?? 0;
  return (
    <>
      <PageHeader title={t('ntf.title')} intro={t('ntf.intro')} />
      <div className="filters">
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => void navigate({ search: { unread: e.target.checked ? 'true' : undefined } })} />
          <span>{t('ntf.unreadOnly')}</span>
        </label>
        {unread > 0 ? (
          <Button size="small" onClick={() => all.mutate()} busy={all.isPending}>
            {t('ntf.markAllRead', { count: number(unread) })}
          </Button>
        ) : null}
      </div>
      {all.error ? <ErrorMessage error={all.error} /> : null}
      {all.isSuccess ? (
        <p role="status" className="small">
          {t('ntf.markedAll', { count: number(all.data.marked) })}
        </p>
      ) : null}
      <QueryState
        query={query}
        loadingLabel={t('list.loading')}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState>{unreadOnly ? t('ntf.emptyUnread') : t('ntf.empty')}</EmptyState>}
      >
        {(d) => (
          <>
            <p className="list-count">{t('ntf.count', { total: number(d.total), unread: number(d.unread) })}</p>
            <NotificationList items={d.items} />
            <Pagination offset={offset} limit={LIMIT} total={d.total} onChange={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })} />
          </>
        )}
      </QueryState>
    </>
  );
}
