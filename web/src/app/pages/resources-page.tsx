/**
 * /resources: resources mobilised in the actor's scope — totals by commune (predecessors rolled in), source, component
 * or year with drill-down to the entries; the entries themselves (add, edit, delete as allowed); the programme catalog.
 * Filters live in the URL (?tab=&year=&source=&componentId=&programmeId=&unitId=&groupBy=&offset=).
 */
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { resourceSource, resourceSources, type ResourceEntry, type ResourceTotalsRow } from '../../../../src/contracts/resources.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorMessage, Notice } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { PagedList } from '../../components/paged-list.js';
import type { PickerItem } from '../../components/picker.js';
import { QueryState } from '../../components/query-state.js';
import { useProgrammes } from '../../features/resources/api/list-programmes.js';
import { useResources } from '../../features/resources/api/list-resources.js';
import { useResourceTotals } from '../../features/resources/api/resource-totals.js';
import { useDeleteResource } from '../../features/resources/api/save-resource.js';
import { EntryForm } from '../../features/resources/components/entry-form.js';
import { EntryList } from '../../features/resources/components/entry-list.js';
import { ProgrammeCatalog } from '../../features/resources/components/programme-catalog.js';
import { TotalsSummary } from '../../features/resources/components/totals-summary.js';
import { TotalsTable } from '../../features/resources/components/totals-table.js';
import '../../styles/assistance.css';
import '../../features/resources/resources.css';
import { useUnit } from '../../features/units/api/get-unit.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import '../../i18n/parts/resources.vi.js';
import { useI18n } from '../../i18n/index.js';
import { formatDate, todayIso } from '../../lib/format.js';
import { useActionKeys } from '../../lib/use-action-key.js';

const route = getRouteApi('/app/resources');
const LIMIT = 20;

export function ResourcesPage(): ReactNode {
  const { t, lang, number } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const tab = search.tab ?? 'totals';
  const groupBy = search.groupBy ?? 'unit';
  const source = resourceSource.safeParse(search.source).data;
  const filters = { year: search.year, source, programmeId: search.programmeId, componentId: search.componentId, unitId: search.unitId };
  const offset = search.offset ?? 0;
  // Totals also tell whether the person may add entries, so they load on every tab; the list only where it shows.
  const totals = useResourceTotals({ ...filters, groupBy });
  const list = useResources({ ...filters, limit: LIMIT, offset, sort: 'year' }, tab === 'entries');
  const programmes = useProgrammes();
  const unit = useUnit(search.unitId);
  const unitValue: PickerItem[] = search.unitId ? [{ id: search.unitId, label: unit.data?.name ?? '…' }] : [];
  const patch = (p: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...p, offset: undefined }) });
  const [editing, setEditing] = useState<ResourceEntry | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteResource();
  const deleteKeys = useActionKeys();
  const canCreate = totals.data?.canCreate ?? list.data?.canCreate ?? false;
  const years = Array.from({ length: thisYear + 2 - 2021 }, (_, i) => thisYear + 1 - i);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const drill = (r: ResourceTotalsRow) => {
    const p: Partial<typeof search> = { tab: 'entries' };
    if (r.unit) p.unitId = r.unit.id;
    if (r.source) p.source = r.source;
    if (r.year !== null) p.year = r.year;
    if (groupBy === 'component') p.componentId = r.component?.id ?? 'none';
    patch(p);
  };
  const onDelete = (e: ResourceEntry) => {
    if (!window.confirm(t('res.deleteConfirm'))) return;
    remove.mutate(
      { id: e.id, expectedVersion: e.version, idempotencyKey: deleteKeys.keyFor(`${e.id}:${e.version}`) },
      {
        onSuccess: () => {
          deleteKeys.done();
          setNotice(t('res.deleted'));
        },
      },
    );
  };
  const componentOptions = [
    { value: '', label: t('res.allComponents') },
    { value: 'none', label: t('res.noComponent') },
    ...(programmes.data?.items ?? []).flatMap((p) => p.components.map((c) => ({ value: c.id, label: `${p.shortName} — ${c.name}` }))),
  ];

  return (
    <>
      <PageHeader
        title={t('res.title')}
        intro={t('res.intro')}
        actions={
          canCreate ? (
            <Button variant="primary" onClick={() => (setNotice(null), setEditing('new'))}>
              {t('res.add')}
            </Button>
          ) : undefined
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <nav className="tabs" aria-label={t('res.tabs')}>
        {(['totals', 'entries', 'programmes'] as const).map((k) => (
          <a
            key={k}
            className="tab"
            href={`/resources?tab=${k}`}
            aria-current={tab === k ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              void navigate({ search: (s) => ({ ...s, tab: k, offset: undefined }) });
            }}
          >
            {t(`res.tab.${k}`)}
          </a>
        ))}
      </nav>

      {tab !== 'programmes' ? (
        <div className="filters">
          <SelectField
            label={t('res.year')}
            value={search.year ? String(search.year) : ''}
            onChange={(e) => patch({ year: e.target.value ? Number(e.target.value) : undefined })}
            options={[{ value: '', label: t('res.allYears') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
          />
          <SelectField
            label={t('res.source')}
            value={source ?? ''}
            onChange={(e) => patch({ source: e.target.value || undefined })}
            options={[{ value: '', label: t('res.allSources') }, ...resourceSources.map((s) => ({ value: s, label: t(`res.source.${s}`) }))]}
          />
          <SelectField
            label={t('res.component')}
            value={search.componentId ?? ''}
            onChange={(e) => patch({ componentId: (e.target.value || undefined) as typeof search.componentId })}
            options={componentOptions}
          />
          <UnitPicker label={t('res.unit')} value={unitValue} onChange={(v) => patch({ unitId: v[0]?.id })} />
          {tab === 'totals' ? (
            <SelectField
              label={t('res.groupBy')}
              value={groupBy}
              onChange={(e) => patch({ groupBy: e.target.value as typeof groupBy })}
              options={(['unit', 'source', 'component', 'year'] as const).map((g) => ({ value: g, label: t(`res.groupBy.${g}`) }))}
            />
          ) : null}
          {filtered ? (
            <Button size="small" variant="quiet" className="filter-clear" onClick={() => void navigate({ search: { tab } })}>
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </div>
      ) : null}

      {tab === 'totals' ? (
        <QueryState query={totals} isEmpty={(d) => d.total.entries === 0} empty={<EmptyState>{t('res.totalsEmpty')}</EmptyState>}>
          {(d) => (
            <>
              <TotalsSummary total={d.total} label={t('res.totalsOf', { count: number(d.total.entries) })} />
              {d.groupBy === 'unit' ? (
                <p className="muted small">
                  {t('res.asOfNote', { date: formatDate(d.asOf, lang) })} {t('res.splitNote')}
                </p>
              ) : null}
              <TotalsTable data={d} onDrill={drill} />
            </>
          )}
        </QueryState>
      ) : null}

      {tab === 'entries' ? (
        <PagedList
          query={list}
          offset={offset}
          limit={LIMIT}
          onPage={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })}
          empty={filtered ? t('res.totalsEmpty') : t('res.entriesEmpty')}
        >
          {(rows, total) => (
            <>
              <p className="list-count">{t('res.count', { count: number(total) })}</p>
              <EntryList rows={rows} onEdit={(e) => (setNotice(null), setEditing(e))} onDelete={onDelete} />
            </>
          )}
        </PagedList>
      ) : null}

      {tab === 'programmes' ? (
        <>
          <p className="muted">{t('prog.intro')}</p>
          <QueryState query={programmes} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('prog.empty')}</EmptyState>}>
            {(d) => <ProgrammeCatalog items={d.items} />}
          </QueryState>
        </>
      ) : null}

      <Dialog
        open={editing !== null}
        onOpenChange={(o) => (o ? undefined : setEditing(null))}
        title={editing === 'new' ? t('res.add') : t('res.edit')}
        description={t('res.addIntro')}
        wide
      >
        {editing !== null ? (
          <EntryForm
            key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
            entry={editing === 'new' ? undefined : editing}
            initialUnit={editing === 'new' && search.unitId && unit.data ? { id: search.unitId, label: unit.data.name } : undefined}
            thisYear={thisYear}
            unitPicker={({ asOf, ...p }) => <UnitPicker {...p} level="commune" asOf={asOf} />}
            onDone={() => {
              setNotice(editing === 'new' ? t('res.created') : t('res.saved'));
              setEditing(null);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
