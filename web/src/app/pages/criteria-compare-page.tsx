/** /criteria/compare?from=&to=: choose two sets (versions, or a variant and its national set) and see what changed. */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SetSummary } from '../../../../src/contracts/criteria.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { useDiff } from '../../features/criteria/api/get-diff.js';
import { useSets } from '../../features/criteria/api/list-sets.js';
import { DiffView } from '../../features/criteria/components/diff-view.js';
import { SetLink } from '../../features/criteria/components/set-link.js';
import { useI18n, type TFunction } from '../../i18n/index.js';
import '../../features/criteria/criteria.css';

const route = getRouteApi('/app/criteria/compare');

const setLabel = (s: SetSummary, t: TFunction) =>
  `${s.code} — ${t('criteria.set.versionN', { version: s.version })}${s.status === 'draft' ? ` (${t('criteria.setStatus.draft').toLowerCase()})` : ''} — ${s.name}`;

export function CriteriaComparePage(): ReactNode {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const sets = useSets({ limit: 500 });
  const [from, setFrom] = useState(search.from ?? '');
  const [to, setTo] = useState(search.to ?? '');
  const [error, setError] = useState<string | null>(null);
  const diff = useDiff(search.from, search.to);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to) return setError(t('criteria.compare.chooseBoth'));
    if (from === to) return setError(t('criteria.compare.same'));
    setError(null);
    void navigate({ search: { from, to } });
  };

  return (
    <>
      <PageHeader
        title={t('criteria.compare.title')}
        before={
          <nav aria-label={t('criteria.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/criteria">{t('criteria.title')}</Link>
              </li>
              <li aria-current="page">{t('criteria.compare.title')}</li>
            </ol>
          </nav>
        }
        intro={t('criteria.compare.intro')}
      />
      <QueryState query={sets} loadingLabel={t('list.loading')}>
        {(d) => {
          const options = [{ value: '', label: t('criteria.compare.choose') }, ...d.items.map((s) => ({ value: s.id, label: setLabel(s, t) }))];
          return (
            <form className="filters compare-form" onSubmit={onSubmit} noValidate>
              <SelectField label={t('criteria.compare.from')} className="filter-grow" value={from} onChange={(e) => setFrom(e.target.value)} options={options} />
              <SelectField label={t('criteria.compare.to')} className="filter-grow" value={to} onChange={(e) => setTo(e.target.value)} options={options} />
              <div className="filter-clear">
                <Button type="submit" variant="primary">
                  {t('criteria.compare.submit')}
                </Button>
              </div>
              {error ? (
                <p className="field-error compare-error" role="alert">
                  <span aria-hidden="true">⚠ </span>
                  {error}
                </p>
              ) : null}
            </form>
          );
        }}
      </QueryState>
      {!search.from || !search.to ? (
        <EmptyState>{t('criteria.compare.empty')}</EmptyState>
      ) : search.from === search.to ? (
        <EmptyState>{t('criteria.compare.same')}</EmptyState>
      ) : (
        <QueryState query={diff} loadingLabel={t('criteria.compare.loading')}>
          {(d) => (
            <>
              <div className="compare-heads">
                <p>
                  <span className="muted">{t('criteria.diff.before')}: </span>
                  <SetLink id={d.from.id}>{setLabel(d.from, t)}</SetLink>
                </p>
                <p>
                  <span className="muted">{t('criteria.diff.after')}: </span>
                  <SetLink id={d.to.id}>{setLabel(d.to, t)}</SetLink>
                </p>
              </div>
              <DiffView diff={d} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
