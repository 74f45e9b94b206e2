/**
 * /reports/$key?year=&…: one report — parameter pickers (year, set, unit, commune, basis as the report takes them),
 * the table view, printing, and the downloads ("Tải Excel"; "Tải Word" on the narrative report).
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { reportKeys as allReportKeys, type ReportKey } from '../../../../src/contracts/reports.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import type { PickerItem } from '../../components/picker.js';
import { QueryState } from '../../components/query-state.js';
import { useSets } from '../../features/criteria/api/list-sets.js';
import { useReportCatalog } from '../../features/reports/api/get-catalog.js';
import { docxUrl, useReport, xlsxUrl } from '../../features/reports/api/get-report.js';
import type { ReportParams } from '../../features/reports/api/keys.js';
import { ReportView } from '../../features/reports/components/report-view.js';
import '../../features/reports/reports.css';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useI18n } from '../../i18n/index.js';
import '../../i18n/parts/reports.vi.js';
import { todayIso } from '../../lib/format.js';

const route = getRouteApi('/app/reports/$key');

export function ReportPage(): ReactNode {
  const { t, lang } = useI18n();
  const { key: rawKey } = route.useParams();
  const key = (allReportKeys as readonly string[]).includes(rawKey) ? (rawKey as ReportKey) : null;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const catalog = useReportCatalog();
  const def = catalog.data?.items.find((r) => r.key === key);
  const thisYear = Number(todayIso().slice(0, 4));
  const year = search.year ?? thisYear - 1;
  const params: ReportParams = {
    year,
    fromYear: def?.params.includes('fromYear') ? search.fromYear : undefined,
    setId: def?.params.includes('setId') ? search.setId : undefined,
    unitId: def?.params.includes('unitId') ? search.unitId : undefined,
    communeId: def?.params.includes('communeId') ? search.communeId : undefined,
    basis: def?.params.includes('basis') ? search.basis : undefined,
  };
  const needsCommune = def?.params.includes('communeId') ?? false;
  const ready = Boolean(key && def && def.available && def.abilities.canView && (!needsCommune || params.communeId));
  const report = useReport(key ?? 'criteria-achievement', params, ready);
  const sets = useSets({ status: 'published', limit: 100 });
  // Labels of the chosen units: kept from the picker, else the report's own echo of its scope.
  const [unitLabel, setUnitLabel] = useState<PickerItem | null>(null);
  const [communeLabel, setCommuneLabel] = useState<PickerItem | null>(null);
  const patch = (p: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...p }), replace: true });
  const years = Array.from({ length: 10 }, (_, i) => thisYear + 1 - i);
  const unitValue: PickerItem[] = search.unitId
    ? [{ id: search.unitId, label: unitLabel?.id === search.unitId ? unitLabel.label : (report.data?.scope.unit?.name ?? '…') }]
    : [];
  const communeValue: PickerItem[] = search.communeId
    ? [{ id: search.communeId, label: communeLabel?.id === search.communeId ? communeLabel.label : (report.data?.scope.commune?.name ?? '…') }]
    : [];
  const title = def ? `${def.number}. ${lang === 'en' ? def.titleEn : def.title}` : t('rep.title');

  return (
    <>
      <PageHeader
        title={title}
        intro={def ? (lang === 'en' ? def.descriptionEn : def.description) : undefined}
        before={
          <p className="report-actions">
            <Link to="/reports">← {t('rep.back')}</Link>
          </p>
        }
      />
      {catalog.isError ? <QueryState query={catalog}>{() => null}</QueryState> : null}
      {def && !def.abilities.canView ? <EmptyState>{t('rep.notAllowed')}</EmptyState> : null}
      {def && !def.available ? <EmptyState>{def.unavailableReason ?? t('rep.unavailable')}</EmptyState> : null}
      {def && def.available && def.abilities.canView ? (
        <>
          <form className="filters report-params" aria-label={t('rep.params')} onSubmit={(e) => e.preventDefault()}>
            <SelectField label={t('rep.year')} value={String(year)} onChange={(e) => patch({ year: Number(e.target.value) })} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
            {def.params.includes('fromYear') ? (
              <SelectField
                label={t('rep.fromYear')}
                value={String(search.fromYear ?? year - 4)}
                onChange={(e) => patch({ fromYear: Number(e.target.value) })}
                options={Array.from({ length: 10 }, (_, i) => year - i).map((y) => ({ value: String(y), label: String(y) }))}
              />
            ) : null}
            {def.params.includes('setId') ? (
              <SelectField
                label={t('rep.set')}
                value={search.setId ?? ''}
                onChange={(e) => patch({ setId: e.target.value || undefined })}
                options={[{ value: '', label: t('rep.setAuto') }, ...(sets.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code} v${s.version})` }))]}
              />
            ) : null}
            {def.params.includes('unitId') ? (
              <UnitPicker
                label={t('rep.unit')}
                hint={t('rep.unitHint')}
                value={unitValue}
                onChange={(v) => {
                  setUnitLabel(v[0] ?? null);
                  patch({ unitId: v[0]?.id });
                }}
              />
            ) : null}
            {needsCommune ? (
              <UnitPicker
                label={t('rep.commune')}
                level="commune"
                asOf={`${year}-12-31`}
                required
                value={communeValue}
                onChange={(v) => {
                  setCommuneLabel(v[0] ?? null);
                  patch({ communeId: v[0]?.id });
                }}
              />
            ) : null}
            {def.params.includes('basis') ? (
              <SelectField
                label={t('rep.basis')}
                value={search.basis ?? 'all'}
                onChange={(e) => patch({ basis: e.target.value === 'appraised' ? 'appraised' : undefined })}
                options={[
                  { value: 'all', label: t('rep.basis.all') },
                  { value: 'appraised', label: t('rep.basis.appraised') },
                ]}
              />
            ) : null}
          </form>
          {needsCommune && !params.communeId ? <EmptyState>{t('rep.communeNeeded')}</EmptyState> : null}
          {ready ? (
            <QueryState query={report}>
              {(r) => (
                <>
                  <div className="report-actions">
                    {r.abilities.canExportXlsx ? (
                      <a className="btn btn-primary" href={xlsxUrl(r.key, params)} download>
                        {t('rep.downloadXlsx')}
                      </a>
                    ) : null}
                    {r.abilities.canExportDocx ? (
                      <a className="btn btn-primary" href={docxUrl(params)} download>
                        {t('rep.downloadDocx')}
                      </a>
                    ) : null}
                    <Button onClick={() => window.print()}>{t('rep.print')}</Button>
                  </div>
                  <ReportView report={r} />
                </>
              )}
            </QueryState>
          ) : null}
        </>
      ) : null}
    </>
  );
}
