/** /criteria: the catalog of criteria sets and their versions (filters in the URL), with links to compare and import. */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { standardLevels, type StandardLevelName } from '../../../../src/contracts/criteria.js';
import { SelectField, TextField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { useSets } from '../../features/criteria/api/list-sets.js';
import { SetTable } from '../../features/criteria/components/set-table.js';
import { levelLabel } from '../../features/criteria/labels.js';
import { useI18n } from '../../i18n/index.js';
import '../../features/criteria/criteria.css';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { ClearFilters, PagedList } from '../../components/paged-list.js';

const route = getRouteApi('/app/criteria');
const LIMIT = 50;

export function CriteriaPage(): ReactNode {
  const { t, number } = useI18n();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const debounced = useDebouncedValue(text.trim(), 350);
  const offset = search.offset ?? 0;
  const query = useSets({ q: search.q, kind: search.kind, level: search.level, status: search.status, limit: LIMIT, offset });
  const filtered = Boolean(search.q || search.kind || search.level || search.status);
  const canImport = session.abilities.create.criteriaImport;

  useEffect(() => setText((cur) => (cur.trim() === (search.q ?? '') ? cur : (search.q ?? ''))), [search.q]);
  useEffect(() => {
    if (debounced !== (search.q ?? '')) void navigate({ search: (s) => ({ ...s, q: debounced || undefined, offset: undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  return (
    <>
      <PageHeader
        title={t('criteria.title')}
        intro={t('criteria.intro')}
        actions={
          <>
            <Link to="/criteria/compare" className="btn btn-secondary">
              {t('criteria.compare.action')}
            </Link>
            {canImport ? (
              <Link to="/criteria/import" className="btn btn-secondary">
                {t('criteria.import.action')}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="filters" role="search">
        <TextField label={t('criteria.search')} type="search" value={text} onChange={(e) => setText(e.target.value)} className="filter-grow" />
        <SelectField
          label={t('criteria.set.kind')}
          value={search.kind ?? ''}
          onChange={(e) =>
            void navigate({ search: (s) => ({ ...s, kind: (e.target.value || undefined) as 'national' | 'variant' | undefined, offset: undefined }) })
          }
          options={[
            { value: '', label: t('common.all') },
            { value: 'national', label: t('criteria.kind.national') },
            { value: 'variant', label: t('criteria.kind.variant') },
          ]}
        />
        <SelectField
          label={t('criteria.set.level')}
          value={search.level ?? ''}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, level: (e.target.value || undefined) as StandardLevelName | undefined, offset: undefined }) })}
          options={[{ value: '', label: t('common.all') }, ...standardLevels.map((l) => ({ value: l, label: t(levelLabel(l)) }))]}
        />
        <SelectField
          label={t('criteria.set.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            void navigate({ search: (s) => ({ ...s, status: (e.target.value || undefined) as 'draft' | 'published' | undefined, offset: undefined }) })
          }
          options={[
            { value: '', label: t('common.all') },
            { value: 'published', label: t('criteria.setStatus.published') },
            { value: 'draft', label: t('criteria.setStatus.draft') },
          ]}
        />
        <ClearFilters active={filtered} onClear={() => (setText(''), void navigate({ search: {} }))} />
      </div>
      <PagedList
        query={query}
        offset={offset}
        limit={LIMIT}
        onPage={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })}
        empty={filtered ? t('criteria.empty') : t('criteria.emptyNoFilter')}
      >
        {(rows, total) => (
          <>
            <p className="list-count" aria-live="polite">
              {t('list.total', { total: number(total) })}
            </p>
            <SetTable sets={rows} caption={t('criteria.tableCaption')} />
          </>
        )}
      </PagedList>
    </>
  );
}
