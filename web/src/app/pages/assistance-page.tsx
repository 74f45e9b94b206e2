/** /assistance: the assignments of agencies to communes (filters in the URL) and the steering office's "assign" dialog. */
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { DateInput } from '../../components/date-input.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import type { PickerItem } from '../../components/picker.js';
import { QueryState } from '../../components/query-state.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useAssignments } from '../../features/assignments/api/list-assignments.js';
import { AssignmentForm } from '../../features/assignments/components/assignment-form.js';
import { AssignmentManager } from '../../features/assignments/components/assignment-manager.js';
import { useUnit } from '../../features/units/api/get-unit.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';
import { AssistanceTabs } from '../layout/assistance-tabs.js';

const route = getRouteApi('/app/assistance');
const LIMIT = 50;

export function AssistancePage(): ReactNode {
  const { t, number } = useI18n();
  const search = route.useSearch();
  const session = useSession();
  const navigate = route.useNavigate();
  const today = todayIso();
  const offset = search.offset ?? 0;
  const { offset: _o, ...filters } = search;
  const query = useAssignments({ ...filters, limit: LIMIT, offset });
  const unit = useUnit(search.unitId);
  const unitValue: PickerItem[] = search.unitId ? [{ id: search.unitId, label: unit.data?.name ?? '…' }] : [];
  const patch = (p: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...p, offset: undefined }) });
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <PageHeader
        title={t('assist.title')}
        intro={t('assist.intro')}
        actions={
          session.abilities.create.assignment ? (
            <Button variant="primary" onClick={() => (setNotice(null), setCreating(true))}>
              {t('assign.create')}
            </Button>
          ) : null
        }
      />
      <AssistanceTabs />
      {notice ? <Notice>{notice}</Notice> : null}
      <div className="filters">
        <AgencySelect label={t('assist.agencyFilter')} value={search.agencyId ?? null} onChange={(id) => patch({ agencyId: id ?? undefined })} noneLabel={t('assist.allAgencies')} />
        <UnitPicker label={t('assist.unitFilter')} level="commune" value={unitValue} onChange={(v) => patch({ unitId: v[0]?.id })} />
        <label className="checkbox">
          <input type="checkbox" checked={search.asOf !== undefined} onChange={(e) => patch({ asOf: e.target.checked ? today : undefined })} />
          <span>{t('assign.currentOnly')}</span>
        </label>
        {search.from || search.to ? (
          <>
            <DateInput label={t('assist.from')} hint={null} value={search.from ?? null} onChange={(d) => patch({ from: d ?? undefined })} />
            <DateInput label={t('assist.to')} hint={null} value={search.to ?? null} onChange={(d) => patch({ to: d ?? undefined })} />
          </>
        ) : null}
        {filtered ? (
          <Button size="small" variant="quiet" className="filter-clear" onClick={() => void navigate({ search: {} })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      <QueryState query={query} loadingLabel={t('list.loading')}>
        {(d) => (
          <>
            {d.total > 0 ? <p className="list-count">{t('assist.count', { count: number(d.total) })}</p> : null}
            <AssignmentManager
              rows={d.items}
              today={today}
              caption={t('assign.list')}
              empty={t('assign.empty')}
              agencySelect={(p) => <AgencySelect {...p} />}
              unitPicker={(p) => <UnitPicker {...p} level="commune" />}
            />
            <Pagination offset={offset} limit={LIMIT} total={d.total} onChange={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })} />
          </>
        )}
      </QueryState>
      <Dialog open={creating} onOpenChange={setCreating} title={t('assign.create')} description={t('assign.createIntro')} wide>
        <AssignmentForm
          agencySelect={(p) => <AgencySelect {...p} />}
          unitPicker={(p) => <UnitPicker {...p} level="commune" />}
          today={today}
          onDone={(rows) => {
            setCreating(false);
            setNotice(t('assign.created', { agency: rows[0]?.agency.name ?? '', count: rows.length }));
          }}
        />
      </Dialog>
    </>
  );
}
