/** /assistance/obstacles: obstacles with filters in the URL (status, level, category, overdue, commune …) and "raise". */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { obstacleCategories, obstacleCategory, obstacleLevel, obstacleLevels, obstacleStatus, obstacleStatuses } from '../../../../src/contracts/assistance.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import type { PickerItem } from '../../components/picker.js';
import { QueryState } from '../../components/query-state.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useObstacles } from '../../features/obstacles/api/list-obstacles.js';
import { ObstacleForm } from '../../features/obstacles/components/obstacle-form.js';
import { ObstacleTable } from '../../features/obstacles/components/obstacle-table.js';
import { useUnit } from '../../features/units/api/get-unit.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';
import { AssistanceTabs } from '../layout/assistance-tabs.js';

const route = getRouteApi('/app/assistance/obstacles');
const LIMIT = 50;
const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

export function ObstaclesPage(): ReactNode {
  const { t, number } = useI18n();
  const search = route.useSearch();
  const session = useSession();
  const navigate = route.useNavigate();
  const go = useNavigate();
  const offset = search.offset ?? 0;
  const { offset: _o, open, overdue, status: s0, level: l0, category: c0, ...rest } = search;
  const status = obstacleStatus.safeParse(s0).data;
  const level = obstacleLevel.safeParse(l0).data;
  const category = obstacleCategory.safeParse(c0).data;
  const query = useObstacles({ ...rest, status, level, category, open: bool(open), overdue: bool(overdue), limit: LIMIT, offset });
  const unit = useUnit(search.unitId);
  const unitValue: PickerItem[] = search.unitId ? [{ id: search.unitId, label: unit.data?.name ?? '…' }] : [];
  const patch = (p: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...p, offset: undefined }) });
  const [creating, setCreating] = useState(false);
  const filtered = Object.entries(search).some(([k, v]) => k !== 'offset' && v !== undefined);

  return (
    <>
      <PageHeader
        title={t('obs.title')}
        intro={t('obs.intro')}
        actions={
          session.abilities.create.obstacle ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('obs.create')}
            </Button>
          ) : null
        }
      />
      <AssistanceTabs />
      <div className="filters">
        <UnitPicker label={t('assist.unitFilter')} level="commune" value={unitValue} onChange={(v) => patch({ unitId: v[0]?.id })} />
        <SelectField
          label={t('obs.status')}
          value={status ?? ''}
          onChange={(e) => patch({ status: e.target.value || undefined })}
          options={[{ value: '', label: t('obs.allStatuses') }, ...obstacleStatuses.map((s) => ({ value: s, label: t(`obs.status.${s}`) }))]}
        />
        <SelectField
          label={t('obs.level')}
          value={level ?? ''}
          onChange={(e) => patch({ level: e.target.value || undefined })}
          options={[{ value: '', label: t('obs.allLevels') }, ...obstacleLevels.map((l) => ({ value: l, label: t(`obs.level.${l}`) }))]}
        />
        <SelectField
          label={t('obs.category')}
          value={category ?? ''}
          onChange={(e) => patch({ category: e.target.value || undefined })}
          options={[{ value: '', label: t('obs.allCategories') }, ...obstacleCategories.map((c) => ({ value: c, label: t(`obs.category.${c}`) }))]}
        />
        <AgencySelect
          label={t('obs.assignee')}
          value={search.assigneeAgencyId ?? null}
          onChange={(id) => patch({ assigneeAgencyId: id ?? undefined })}
          noneLabel={t('assist.allAgencies')}
        />
        <SelectField
          label={t('obs.sort')}
          value={search.sort ?? 'newest'}
          onChange={(e) => patch({ sort: e.target.value === 'newest' ? undefined : (e.target.value as typeof search.sort) })}
          options={(['newest', 'oldest', 'due'] as const).map((s) => ({ value: s, label: t(`obs.sort.${s}`) }))}
        />
        <label className="checkbox">
          <input type="checkbox" checked={open === 'true'} onChange={(e) => patch({ open: e.target.checked ? 'true' : undefined })} />
          <span>{t('obs.openOnly')}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={overdue === 'true'} onChange={(e) => patch({ overdue: e.target.checked ? 'true' : undefined })} />
          <span>{t('obs.overdueOnly')}</span>
        </label>
        {filtered ? (
          <Button size="small" variant="quiet" className="filter-clear" onClick={() => void navigate({ search: {} })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      <QueryState query={query} loadingLabel={t('list.loading')} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('obs.empty')}</EmptyState>}>
        {(d) => (
          <>
            <p className="list-count">{t('assist.count', { count: number(d.total) })}</p>
            <ObstacleTable rows={d.items} caption={t('obs.list')} />
            <Pagination offset={offset} limit={LIMIT} total={d.total} onChange={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })} />
          </>
        )}
      </QueryState>
      <Dialog open={creating} onOpenChange={setCreating} title={t('obs.create')} description={t('obs.createIntro')} wide>
        <ObstacleForm
          unitPicker={(p) => <UnitPicker {...p} level="commune" />}
          initialUnit={search.unitId && unit.data ? { id: search.unitId, label: unit.data.name } : undefined}
          onDone={(o) => {
            setCreating(false);
            void go({ to: '/obstacles/$id', params: { id: o.id } });
          }}
        />
      </Dialog>
    </>
  );
}
