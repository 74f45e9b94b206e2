/**
 * The commune map: a choropleth drawn as SVG from the active boundary set when one exists, otherwise the tile view
 * (communes as equal squares grouped by parent unit) with the same colours and legend. Every commune is focusable,
 * named and valued for screen readers; hover, focus or a first tap shows it in the info line; a click (or Enter, or
 * a second tap) opens its profile — or calls `onSelect` when the host page wants the commune instead.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BoundariesResponse, MapCommuneValue, MapValuesResponse } from '../../../../src/contracts/maps.js';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { Loading } from '../../components/loading.js';
import { useI18n, type TFunction } from '../../i18n/index.js';
import '../../i18n/parts/maps.vi.js';
import { useBoundaries } from './api/get-boundaries.js';
import { useMapValues } from './api/get-map-values.js';
import { classesOf, classOf, colourModes, groupByParent, type ColourClass, type ColourMode } from './colours.js';
import { fitPaths } from './geometry.js';
import './maps.css';

export interface CommuneMapProps {
  year: number;
  setId: string;
  unitId?: string | undefined;
  /** Called with the commune chosen; without it the commune's profile opens. */
  onSelect?: (unitId: string) => void;
  /** Controlled colouring; when absent the map shows its own "colour by" choice. */
  colourBy?: ColourMode | undefined;
}

/** One line describing a commune's value, for titles, labels and the info line. */
export function describeValue(t: TFunction, v: MapCommuneValue): string {
  const parts: string[] = [];
  if (v.criteriaMet === null) parts.push(t('map.value.none'));
  else {
    parts.push(t('map.value.criteria', { met: v.criteriaMet, applicable: v.criteriaApplicable ?? 0 }));
    if (v.meetsStandard !== null) parts.push(t(v.meetsStandard ? 'map.value.meets' : 'map.value.notMeets'));
    if (v.basis) parts.push(`(${t(v.basis === 'appraised' ? 'map.value.appraised' : 'map.value.self')})`);
  }
  const level = v.recognisedLevel ? t('map.value.level', { level: t(`map.level.${v.recognisedLevel}`) }) : t('map.value.noLevel');
  return `${parts.join(', ')}. ${level}`;
}

export function CommuneMap({ year, setId, unitId, onSelect, colourBy }: CommuneMapProps): ReactNode {
  const { t } = useI18n();
  const [ownMode, setOwnMode] = useState<ColourMode>('band');
  const mode = colourBy ?? ownMode;
  const boundaries = useBoundaries({ year, unitId });
  const values = useMapValues({ year, setId, unitId });

  if (boundaries.isPending || values.isPending) return <Loading />;
  if (boundaries.isError) return <ErrorMessage error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  if (values.isError) return <ErrorMessage error={values.error} onRetry={() => void values.refetch()} />;
  return (
    <div className="commune-map">
      {colourBy ? null : (
        <div className="filters map-own-filters">
          <SelectField
            label={t('map.colourBy')}
            value={mode}
            onChange={(e) => setOwnMode(e.target.value as ColourMode)}
            options={colourModes.map((m) => ({ value: m, label: t(`map.by.${m}`) }))}
          />
        </div>
      )}
      <MapBody boundaries={boundaries.data} values={values.data} mode={mode} onSelect={onSelect} />
    </div>
  );
}

function MapBody({ boundaries, values, mode, onSelect }: { boundaries: BoundariesResponse; values: MapValuesResponse; mode: ColourMode; onSelect: ((unitId: string) => void) | undefined }) {
  const { t, number } = useI18n();
  const navigate = useNavigate();
  const [active, setActive] = useState<string | null>(null);
  const lastPointer = useRef<string>('mouse');
  const total = values.set.criteriaCount;
  const classes = classesOf(mode, total);
  const byUnit = useMemo(() => new Map(values.items.map((v) => [v.unitId, v])), [values.items]);
  const counts = new Map<string, number>();
  for (const v of values.items) {
    const k = classOf(mode, v, total).key;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }

  const open = (unitId: string) => {
    if (onSelect) onSelect(unitId);
    else void navigate({ to: '/communes/$unitId', params: { unitId }, search: { year: values.year } });
  };
  /** A first tap on a touch screen shows the commune; the second opens it. */
  const onActivate = (unitId: string) => {
    if (lastPointer.current === 'touch' && active !== unitId) {
      setActive(unitId);
      return;
    }
    open(unitId);
  };
  const handlers = (unitId: string) => ({
    onPointerDown: (e: { pointerType: string }) => {
      lastPointer.current = e.pointerType;
    },
    onMouseEnter: () => setActive(unitId),
    onFocus: () => setActive(unitId),
    onClick: () => onActivate(unitId),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(unitId);
      }
    },
  });
  const current = active ? byUnit.get(active) : undefined;

  if (values.items.length === 0) return <p className="empty-state">{t('map.empty', { year: values.year })}</p>;
  const hasOutlines = boundaries.features.some((f) => byUnit.has(f.unitId));
  return (
    <>
      <Legend classes={classes} counts={counts} />
      <p className="map-info" aria-live="polite">
        {current ? (
          <>
            <strong>{current.name}</strong>
            {current.parent ? ` — ${current.parent.name}` : ''}: {describeValue(t, current)}
          </>
        ) : (
          <span className="muted">{t('map.hint')}</span>
        )}
      </p>
      {hasOutlines ? (
        <Choropleth boundaries={boundaries} byUnit={byUnit} mode={mode} total={total} active={active} handlers={handlers} />
      ) : (
        <Tiles values={values} mode={mode} total={total} active={active} handlers={handlers} onSelect={onSelect} />
      )}
      {hasOutlines ? <MissingOutlines boundaries={boundaries} values={values} /> : null}
      <p className="muted small">
        {hasOutlines ? t('map.source', { names: boundaries.sets.map((s) => s.name).join('; ') }) : t('map.tilesNote')} ·{' '}
        {t('map.communes', { n: number(values.items.length) })}
      </p>
    </>
  );
}

type Handlers = (unitId: string) => {
  onPointerDown: (e: { pointerType: string }) => void;
  onMouseEnter: () => void;
  onFocus: () => void;
  onClick: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
};

function Legend({ classes, counts }: { classes: ColourClass[]; counts: Map<string, number> }) {
  const { t, number } = useI18n();
  return (
    <ul className="map-legend" aria-label={t('map.legend')}>
      {classes.map((c) => (
        <li key={c.key}>
          <span className="map-swatch" style={{ background: c.fill }} aria-hidden="true" />
          {t(c.label, c.params)} <span className="muted">({number(counts.get(c.key) ?? 0)})</span>
        </li>
      ))}
    </ul>
  );
}

function Choropleth({
  boundaries,
  byUnit,
  mode,
  total,
  active,
  handlers,
}: {
  boundaries: BoundariesResponse;
  byUnit: Map<string, MapCommuneValue>;
  mode: ColourMode;
  total: number;
  active: string | null;
  handlers: Handlers;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const shown = useMemo(() => boundaries.features.filter((f) => byUnit.has(f.unitId)), [boundaries.features, byUnit]);
  const fitted = useMemo(() => fitPaths(shown, boundaries.grid), [shown, boundaries.grid]);
  return (
    <svg className="map-svg" viewBox={`0 0 ${fitted.width} ${fitted.height}`} role="group" aria-labelledby={titleId}>
      <title id={titleId}>{t('map.choroplethLabel', { year: boundaries.year })}</title>
      {shown.map((f, i) => {
        const v = byUnit.get(f.unitId)!;
        const cls = classOf(mode, v, total);
        const label = `${v.name}: ${describeValue(t, v)}`;
        return (
          <path
            key={f.unitId}
            d={fitted.paths[i]}
            fill={cls.fill}
            fillRule="evenodd"
            className={`map-commune${active === f.unitId ? ' is-active' : ''}`}
            tabIndex={0}
            role="link"
            aria-label={label}
            data-class={cls.key}
            {...handlers(f.unitId)}
          >
            <title>{label}</title>
          </path>
        );
      })}
    </svg>
  );
}

function MissingOutlines({ boundaries, values }: { boundaries: BoundariesResponse; values: MapValuesResponse }) {
  const { t } = useI18n();
  const drawn = new Set(boundaries.features.map((f) => f.unitId));
  const missing = values.items.filter((v) => !drawn.has(v.unitId));
  if (missing.length === 0) return null;
  return (
    <details className="muted small">
      <summary>{t('map.noOutlineCount', { n: missing.length })}</summary>
      <p className="map-report-missing">{missing.map((m) => m.name).join(', ')}</p>
    </details>
  );
}

/** "Xã Bản Vược" → "Bản Vược": the tile is small; the full name is in its label and title. */
const shortName = (name: string) => name.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/u, '');

function Tiles({
  values,
  mode,
  total,
  active,
  handlers,
  onSelect,
}: {
  values: MapValuesResponse;
  mode: ColourMode;
  total: number;
  active: string | null;
  handlers: Handlers;
  onSelect: ((unitId: string) => void) | undefined;
}) {
  const { t, number } = useI18n();
  const groups = groupByParent(values.items);
  return (
    <div className="map-tiles" role="group" aria-label={t('map.tilesLabel', { year: values.year })}>
      {groups.map((g) => (
        <section key={g.key} className="map-group">
          <h3 className="map-group-title">
            {g.name || t('map.noParent')} <span className="muted small">({t('map.communes', { n: number(g.items.length) })})</span>
          </h3>
          <ul className="map-tile-list">
            {g.items.map((v) => {
              const cls = classOf(mode, v, total);
              const label = `${v.name}: ${describeValue(t, v)}`;
              const h = handlers(v.unitId);
              const body = (
                <>
                  <span className="map-tile-name">{shortName(v.name)}</span>
                  <span className="map-tile-value">{v.criteriaMet ?? '–'}</span>
                </>
              );
              // what the tile has as a button (when the page handles the choice) and as a link to the profile
              const tile = {
                className: `map-tile${active === v.unitId ? ' is-active' : ''}`,
                style: { background: cls.fill, color: cls.ink },
                'aria-label': label,
                title: label,
                'data-class': cls.key,
                onPointerDown: h.onPointerDown,
                onMouseEnter: h.onMouseEnter,
                onFocus: h.onFocus,
              };
              return (
                <li key={v.unitId}>
                  {onSelect ? (
                    <button type="button" {...tile} onClick={h.onClick}>
                      {body}
                    </button>
                  ) : (
                    <Link to="/communes/$unitId" params={{ unitId: v.unitId }} search={{ year: values.year }} {...tile}>
                      {body}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
