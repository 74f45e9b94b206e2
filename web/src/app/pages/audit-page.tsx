/** /audit: the audit log with filters in the URL; each event opens its before/after diff. */
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import type { PickerItem } from '../../components/picker.js';
import { QueryState } from '../../components/query-state.js';
import { useAuditEvents } from '../../features/audit/api/list-audit.js';
import { AuditFilters } from '../../features/audit/components/audit-filters.js';
import { AuditTable } from '../../features/audit/components/audit-table.js';
import { useUnit } from '../../features/units/api/get-unit.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useUser } from '../../features/users/api/get-user.js';
import { UserPicker } from '../../features/users/components/user-picker.js';
import { useI18n } from '../../i18n/index.js';

const route = getRouteApi('/app/audit');
const LIMIT = 50;

export function AuditPage(): ReactNode {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const offset = search.offset ?? 0;
  const { offset: _o, ...filters } = search;
  const query = useAuditEvents({ ...filters, limit: LIMIT, offset });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  // The URL holds only ids; show the chosen unit's and actor's names.
  const unit = useUnit(search.unitId);
  const actor = useUser(search.actorId);
  const unitValue: PickerItem[] = search.unitId ? [{ id: search.unitId, label: unit.data?.name ?? '…' }] : [];
  const actorValue: PickerItem[] = search.actorId ? [{ id: search.actorId, label: actor.data?.name ?? '…', detail: actor.data?.login }] : [];
  const patch = (p: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...p, offset: undefined }) });

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <AuditFilters
        values={search}
        onChange={patch}
        onClear={filtered ? () => void navigate({ search: {} }) : null}
        unitPicker={<UnitPicker label={t('audit.unit')} value={unitValue} onChange={(v) => patch({ unitId: v[0]?.id })} />}
        actorPicker={<UserPicker label={t('audit.actor')} placeholder={t('audit.actorPick')} value={actorValue} onChange={(v) => patch({ actorId: v[0]?.id })} />}
      />
      <QueryState
        query={query}
        loadingLabel={t('list.loading')}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState>{t('audit.empty')}</EmptyState>}
      >
        {(d) => (
          <>
            <AuditTable rows={d.items} />
            <Pagination offset={offset} limit={LIMIT} total={d.total} onChange={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })} />
          </>
        )}
      </QueryState>
    </>
  );
}
