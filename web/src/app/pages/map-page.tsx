/**
 * /map ("Bản đồ"): the commune map for a year and criteria set, coloured by criteria met, standard or recognised
 * level; the steering office also uploads and manages boundary sets here.
 */
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { useSets } from '../../features/criteria/api/list-sets.js';
import { useBoundarySets } from '../../features/maps/api/boundary-sets.js';
import { colourModes, type ColourMode } from '../../features/maps/colours.js';
import { CommuneMap } from '../../features/maps/commune-map.js';
import { BoundarySets } from '../../features/maps/components/boundary-sets.js';
import { BoundaryUpload } from '../../features/maps/components/boundary-upload.js';
import { useI18n } from '../../i18n/index.js';
import '../../i18n/parts/maps.vi.js';
import { todayIso } from '../../lib/format.js';

const route = getRouteApi('/app/map');

export function MapPage(): ReactNode {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = search.year ?? thisYear;
  const by: ColourMode = search.by ?? 'band';
  const sets = useSets({ status: 'published', limit: 100 });
  const boundarySets = useBoundarySets();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  const go = (patch: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...patch }) });

  return (
    <>
      <PageHeader title={t('map.title')} intro={t('map.intro')} />
      <QueryState query={sets} isEmpty={(d) => d.items.length === 0} empty={<p className="muted">{t('map.noSets')}</p>}>
        {(d) => {
          // Default: a set in force in the year, a provincial variant first (that is what the province assesses with).
          const inYear = d.items.filter((s) => s.validFrom <= `${year}-12-31` && (s.validTo === null || s.validTo > `${year}-01-01`));
          const preferred = [...inYear.filter((s) => s.level === 'ntm' && s.province), ...inYear.filter((s) => s.level === 'ntm'), ...inYear, ...d.items];
          const setId = search.setId && d.items.some((s) => s.id === search.setId) ? search.setId : preferred[0]!.id;
          return (
            <>
              <div className="filters">
                <SelectField
                  label={t('map.year')}
                  value={String(year)}
                  onChange={(e) => go({ year: Number(e.target.value) })}
                  options={years.map((y) => ({ value: String(y), label: String(y) }))}
                />
                <SelectField
                  label={t('map.set')}
                  value={setId}
                  onChange={(e) => go({ setId: e.target.value })}
                  options={d.items.map((s) => ({ value: s.id, label: s.province ? `${s.name} — ${s.province.name}` : s.name }))}
                />
                <SelectField
                  label={t('map.colourBy')}
                  value={by}
                  onChange={(e) => go({ by: e.target.value as ColourMode })}
                  options={colourModes.map((m) => ({ value: m, label: t(`map.by.${m}`) }))}
                />
              </div>
              <CommuneMap year={year} setId={setId} unitId={search.unitId} colourBy={by} />
            </>
          );
        }}
      </QueryState>
      {boundarySets.data?.canUpload ? (
        <>
          <BoundaryUpload defaultYear={year} />
          <BoundarySets />
        </>
      ) : null}
    </>
  );
}
