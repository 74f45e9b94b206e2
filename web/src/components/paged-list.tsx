/** A filtered, paged list: loading / error / empty states, the rows, and previous / next. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { Button } from './button.js';
import { EmptyState } from './empty-state.js';
import { Pagination } from './pagination.js';
import { QueryState } from './query-state.js';

interface Props<T> {
  query: UseQueryResult<{ items: T[]; total: number }>;
  offset: number;
  limit: number;
  onPage: (offset: number) => void;
  /** What to do when nothing matches (one text for "no match for these filters", one for "nothing yet"). */
  empty: ReactNode;
  children: (rows: T[], total: number) => ReactNode;
}

export function PagedList<T>({ query, offset, limit, onPage, empty, children }: Props<T>) {
  const { t } = useI18n();
  return (
    <QueryState query={query} loadingLabel={t('list.loading')} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{empty}</EmptyState>}>
      {(d) => (
        <>
          {children(d.items, d.total)}
          <Pagination offset={offset} limit={limit} total={d.total} onChange={onPage} />
        </>
      )}
    </QueryState>
  );
}

/** "Xóa bộ lọc", shown only while a filter is set. */
export function ClearFilters({ active, onClear }: { active: boolean; onClear: () => void }) {
  const { t } = useI18n();
  if (!active) return null;
  return (
    <div className="filter-clear">
      <Button size="small" variant="quiet" onClick={onClear}>
        {t('common.clearFilters')}
      </Button>
    </div>
  );
}
