/** /maintenance?year=: the yearly maintenance review of recognised communes, sorted by risk, each linked to its profile. */
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useMaintenance } from '../../features/maintenance/api/get-maintenance.js';
import { MaintenanceTable, riskLook } from '../../features/maintenance/components/maintenance-table.js';
import '../../i18n/parts/assessments.vi.js';
import '../../features/assessments/assessments.css';
import { riskLevels } from '../../../../src/contracts/assessments.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';

const route = getRouteApi('/app/maintenance');

export function MaintenancePage(): ReactNode {
  const { t, number } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = search.year ?? thisYear;
  const query = useMaintenance({ year, limit: 500 });
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  return (
    <>
      <PageHeader title={t('mnt.title')} intro={t('mnt.intro')} />
      <div className="filters">
        <SelectField
          label={t('mnt.year')}
          value={String(year)}
          onChange={(e) => void navigate({ search: { year: Number(e.target.value) } })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('mnt.empty', { year })}</EmptyState>}>
        {(d) => (
          <>
            <ul className="stat-badges mnt-counts" aria-label={t('mnt.counts')}>
              {riskLevels.map((r) => {
                const n = d.items.filter((i) => i.risk === r).length;
                if (!n) return null;
                const look = riskLook[r];
                return (
                  <li key={r}>
                    <StatusBadge tone={look.tone} icon={look.icon}>
                      {t(look.label)}: {number(n)}
                    </StatusBadge>
                  </li>
                );
              })}
            </ul>
            <MaintenanceTable rows={d.items} year={d.year} />
            {d.total > d.items.length ? <p className="muted">{t('mnt.more', { shown: d.items.length, total: d.total })}</p> : null}
          </>
        )}
      </QueryState>
    </>
  );
}
