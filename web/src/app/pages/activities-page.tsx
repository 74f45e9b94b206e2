/** /assistance/activities: the activity log with filters (commune, agency, kind, visits, period), as a list or by day. */
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { activityKind, activityKinds } from '../../../../src/contracts/assistance.js';
import { Button } from '../../components/button.js';
import { DateInput } from '../../components/date-input.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import type { PickerItem } from '../../components/picker.js';
import { QueryState } from '../../components/query-state.js';
import { useActivityCalendar } from '../../features/activities/api/activity-calendar.js';
import { useActivities } from '../../features/activities/api/list-activities.js';
import { ActivityCalendar } from '../../features/activities/components/activity-calendar.js';
import { ActivityForm } from '../../features/activities/components/activity-form.js';
import { ActivityList } from '../../features/activities/components/activity-list.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useUnit } from '../../features/units/api/get-unit.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';
import { addDays, todayIso } from '../../lib/format.js';
import { AssistanceTabs } from '../layout/assistance-tabs.js';

const route = getRouteApi('/app/assistance/activities');
const LIMIT = 20;

export function ActivitiesPage(): ReactNode {
  const { t, number, date } = useI18n();
  const search = route.useSearch();
  const session = useSession();
  const navigate = route.useNavigate();
  const today = todayIso();
  const offset = search.offset ?? 0;
  const { offset: _o, view = 'list', visit, kind: kindText, ...rest } = search;
  const kind = activityKind.safeParse(kindText).data;
  const filters = { ...rest, kind, visit: visit === undefined ? undefined : visit === 'true' };
  const list = useActivities({ ...filters, limit: LIMIT, offset });
  // The calendar shows at most 400 days: the filter's period, else the last three months.
  const calFrom = search.from ?? addDays(search.to ?? today, -92);
  const calTo = search.to ?? (search.from ? addDays(search.from, 92) : today);
  const cal = useActivityCalendar({ from: calFrom, to: calTo, unitId: search.unitId, agencyId: search.agencyId, kind });
  const unit = useUnit(search.unitId);
  const unitValue: PickerItem[] = search.unitId ? [{ id: search.unitId, label: unit.data?.name ?? '…' }] : [];
  const patch = (p: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...p, offset: undefined }) });
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const filtered = Object.entries(search).some(([k, v]) => k !== 'view' && k !== 'offset' && v !== undefined);

  return (
    <>
      <PageHeader
        title={t('act.title')}
        intro={t('act.intro')}
        actions={
          session.abilities.create.activity ? (
            <Button variant="primary" onClick={() => (setNotice(null), setCreating(true))}>
              {t('act.create')}
            </Button>
          ) : null
        }
      />
      <AssistanceTabs />
      {notice ? <Notice>{notice}</Notice> : null}
      <div className="filters">
        <UnitPicker label={t('assist.unitFilter')} level="commune" value={unitValue} onChange={(v) => patch({ unitId: v[0]?.id })} />
        <AgencySelect label={t('assist.agencyFilter')} value={search.agencyId ?? null} onChange={(id) => patch({ agencyId: id ?? undefined })} noneLabel={t('assist.allAgencies')} />
        <SelectField
          label={t('act.kind')}
          value={kind ?? ''}
          onChange={(e) => patch({ kind: e.target.value || undefined })}
          options={[{ value: '', label: t('act.allKinds') }, ...activityKinds.map((k) => ({ value: k, label: t(`act.kind.${k}`) }))]}
        />
        <DateInput label={t('assist.from')} hint={null} value={search.from ?? null} onChange={(d) => patch({ from: d ?? undefined })} />
        <DateInput label={t('assist.to')} hint={null} value={search.to ?? null} onChange={(d) => patch({ to: d ?? undefined })} />
        <label className="checkbox">
          <input type="checkbox" checked={visit === 'true'} onChange={(e) => patch({ visit: e.target.checked ? 'true' : undefined })} />
          <span>{t('act.visitOnly')}</span>
        </label>
        {filtered ? (
          <Button size="small" variant="quiet" className="filter-clear" onClick={() => void navigate({ search: { view: search.view } })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      <div className="segmented" role="group" aria-label={t('act.view')}>
        <Button size="small" variant={view === 'list' ? 'primary' : 'secondary'} aria-pressed={view === 'list'} onClick={() => patch({ view: undefined })}>
          {t('act.view.list')}
        </Button>
        <Button size="small" variant={view === 'calendar' ? 'primary' : 'secondary'} aria-pressed={view === 'calendar'} onClick={() => patch({ view: 'calendar' })}>
          {t('act.view.calendar')}
        </Button>
      </div>
      {view === 'calendar' ? (
        <section className="section" aria-labelledby="cal-h">
          <h2 id="cal-h">
            {t('act.calendar')} <span className="muted small">({t('assign.periodClosed', { from: date(calFrom), to: date(calTo) })})</span>
          </h2>
          <QueryState query={cal}>{(d) => <ActivityCalendar data={d} />}</QueryState>
        </section>
      ) : (
        <QueryState query={list} loadingLabel={t('list.loading')} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('act.empty')}</EmptyState>}>
          {(d) => (
            <>
              <p className="list-count">{t('assist.count', { count: number(d.total) })}</p>
              <ActivityList rows={d.items} label={t('act.list')} />
              <Pagination offset={offset} limit={LIMIT} total={d.total} onChange={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })} />
            </>
          )}
        </QueryState>
      )}
      <Dialog open={creating} onOpenChange={setCreating} title={t('act.create')} description={t('act.createIntro')} wide>
        <ActivityForm
          unitPicker={(p) => <UnitPicker {...p} level="commune" />}
          initialUnit={search.unitId && unit.data ? { id: search.unitId, label: unit.data.name } : undefined}
          today={today}
          onDone={(a) => {
            setCreating(false);
            setNotice(t('act.created', { date: date(a.date), unit: a.unit.name }));
          }}
        />
      </Dialog>
    </>
  );
}
