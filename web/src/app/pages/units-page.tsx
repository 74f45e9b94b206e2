/** /units: the unit tree as of a date, and a diacritics-blind search. asOf and q live in the URL. */
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { TextField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { AsOfPicker } from '../../features/units/components/as-of-picker.js';
import { UnitSearchResults } from '../../features/units/components/unit-search-results.js';
import { UnitTree } from '../../features/units/components/unit-tree.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

const route = getRouteApi('/app/units');

export function UnitsPage(): ReactNode {
  const { t } = useI18n();
  const { asOf, q } = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(q ?? '');
  const debounced = useDebouncedValue(text.trim(), 350);
  const today = todayIso();

  // The URL is the truth: follow it on back/forward.
  useEffect(() => setText((cur) => (cur.trim() === (q ?? '') ? cur : (q ?? ''))), [q]);
  useEffect(() => {
    if (debounced !== (q ?? '')) void navigate({ search: (s) => ({ ...s, q: debounced || undefined }), replace: true });
  }, [debounced, q, navigate]);

  return (
    <>
      <PageHeader title={t('units.title')} intro={t('units.intro')} />
      <div className="filters" role="search">
        <AsOfPicker value={asOf} today={today} onChange={(d) => void navigate({ search: (s) => ({ ...s, asOf: d }) })} />
        <TextField
          label={t('units.search')}
          hint={t('units.searchHint')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="filter-grow"
        />
      </div>
      <section className="section" aria-label={q ? t('units.searchResults') : t('units.tree')}>
        {q ? <UnitSearchResults q={q} asOf={asOf} today={today} /> : <UnitTree asOf={asOf} today={today} />}
      </section>
    </>
  );
}
