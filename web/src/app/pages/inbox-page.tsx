/** /inbox: what's due for the signed-in person (obstacles to handle, follow-ups), overdue first. */
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { QueryState } from '../../components/query-state.js';
import { useInbox } from '../../features/inbox/api/get-inbox.js';
import { InboxList } from '../../features/inbox/components/inbox-list.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';

const route = getRouteApi('/app/inbox');
const LIMIT = 50;

export function InboxPage(): ReactNode {
  const { t, number } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const offset = search.offset ?? 0;
  const query = useInbox({ overdue: search.overdue === 'true' ? true : undefined, limit: LIMIT, offset });
  return (
    <>
      <PageHeader title={t('inbox.title')} intro={t('inbox.intro')} />
      <div className="filters">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={search.overdue === 'true'}
            onChange={(e) => void navigate({ search: { overdue: e.target.checked ? 'true' : undefined } })}
          />
          <span>{t('inbox.overdueOnly')}</span>
        </label>
      </div>
      <QueryState query={query} loadingLabel={t('list.loading')} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('inbox.empty')}</EmptyState>}>
        {(d) => (
          <>
            <p className="list-count">{t('assist.count', { count: number(d.total) })}</p>
            <InboxList items={d.items} />
            <Pagination offset={offset} limit={LIMIT} total={d.total} onChange={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })} />
          </>
        )}
      </QueryState>
    </>
  );
}
