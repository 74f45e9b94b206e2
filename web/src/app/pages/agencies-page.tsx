/** /agencies: the agency list (filters kind, q, as-of date in the URL) and the create dialog. */
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { agencyKinds, type AgencyKind } from '../../../../src/contracts/agencies.js';
import { Button } from '../../components/button.js';
import { DateInput } from '../../components/date-input.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { SelectField, TextField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { useAgencies } from '../../features/agencies/api/list-agencies.js';
import { AgencyForm } from '../../features/agencies/components/agency-form.js';
import { AgencyTable } from '../../features/agencies/components/agency-table.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useI18n } from '../../i18n/index.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { ClearFilters, PagedList } from '../../components/paged-list.js';

const route = getRouteApi('/app/agencies');
const LIMIT = 50;

export function AgenciesPage(): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const debounced = useDebouncedValue(text.trim(), 350);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const offset = search.offset ?? 0;
  const query = useAgencies({ q: search.q, kind: search.kind, asOf: search.asOf, limit: LIMIT, offset });
  const filtered = Boolean(search.q || search.kind || search.asOf);
  // Stopgap until the contract carries a collection ability (see web/README.md): user administrators
  // also administer agencies.
  const canCreate = session.abilities.create.agency;

  useEffect(() => setText((cur) => (cur.trim() === (search.q ?? '') ? cur : (search.q ?? ''))), [search.q]);
  useEffect(() => {
    if (debounced !== (search.q ?? '')) void navigate({ search: (s) => ({ ...s, q: debounced || undefined, offset: undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        intro={t('agencies.intro')}
        actions={
          canCreate ? (
            <Button variant="primary" onClick={() => (setNotice(null), setCreating(true))}>
              {t('agencies.create')}
            </Button>
          ) : null
        }
      />
      <div className="filters" role="search">
        <TextField label={t('agencies.search')} type="search" value={text} onChange={(e) => setText(e.target.value)} className="filter-grow" />
        <SelectField
          label={t('agencies.kind')}
          value={search.kind ?? ''}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, kind: (e.target.value || undefined) as AgencyKind | undefined, offset: undefined }) })}
          options={[{ value: '', label: t('common.all') }, ...agencyKinds.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))]}
        />
        <DateInput
          label={t('date.asOf')}
          hint={t('date.asOfHint')}
          value={search.asOf ?? null}
          onChange={(d) => void navigate({ search: (s) => ({ ...s, asOf: d ?? undefined, offset: undefined }) })}
        />
        <ClearFilters active={filtered} onClear={() => (setText(''), void navigate({ search: {} }))} />
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <PagedList
        query={query}
        offset={offset}
        limit={LIMIT}
        onPage={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })}
        empty={filtered ? t('agencies.empty') : t('agencies.emptyNoFilter')}
      >
        {(rows) => (
        <AgencyTable rows={rows} />
        )}
      </PagedList>
      <Dialog open={creating} onOpenChange={setCreating} title={t('agencies.create')} wide>
        <AgencyForm
          unitPicker={(p) => <UnitPicker {...p} />}
          onDone={(a) => {
            setCreating(false);
            setNotice(t('agencies.created', { name: a.name }));
          }}
        />
      </Dialog>
    </>
  );
}
