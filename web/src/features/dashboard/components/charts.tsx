/**
 * Hand-made SVG charts of the dashboard (no chart library), in their own lazy chunk: horizontal bars whose every row
 * is a link to the rows behind it, and a trend sparkline. Values are always printed next to the bar, so nothing is
 * told by colour or length alone, and every bar is a focusable link named by its label and value.
 */
import { useNavigate } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

export interface Bar {
  key: string;
  label: string;
  /** The length of the bar, 0..max. */
  value: number;
  /** What is printed next to the bar (e.g. "12" or "45,2 %"). */
  valueLabel: string;
  /** Accessible name of the link, e.g. "Tiêu chí 7 — 45,2 % đạt: xem các xã chưa đạt". */
  linkLabel: string;
  href: string;
  tone?: 'ok' | 'warn' | 'bad' | 'neutral';
}

/** Follow an in-app link without a full page load (keeps middle-click and "open in new tab"). */
function useSpaLink() {
  const navigate = useNavigate();
  return (e: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate({ href });
  };
}

export function BarChart({ label, bars, max }: { label: string; bars: Bar[]; max?: number }): ReactNode {
  const follow = useSpaLink();
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="dash-bars" aria-label={label}>
      {bars.map((b) => {
        const width = top > 0 ? Math.max(0, Math.min(100, (b.value / top) * 100)) : 0;
        return (
          <li key={b.key}>
            <a href={b.href} className="dash-bar" aria-label={b.linkLabel} onClick={(e) => follow(e, b.href)}>
              <span className="dash-bar-label">{b.label}</span>
              <svg className="dash-bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className="dash-bar-track" x="0" y="0" width="100" height="10" rx="1.5" />
                <rect className={`dash-bar-fill dash-tone-${b.tone ?? 'neutral'}`} x="0" y="0" width={width} height="10" rx="1.5" />
              </svg>
              <span className="dash-bar-value">{b.valueLabel}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

export interface TrendPoint {
  year: number;
  value: number | null;
  valueLabel: string;
}

/** A small line of the yearly averages; the points are titled and the figures are also listed by the caller. */
export function Sparkline({ label, points, max }: { label: string; points: TrendPoint[]; max: number }): ReactNode {
  const w = 240;
  const h = 64;
  const pad = 8;
  const known = points.filter((p) => p.value !== null);
  const x = (i: number) => (points.length <= 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (points.length - 1));
  const y = (v: number) => h - pad - (Math.max(0, Math.min(max, v)) / Math.max(1, max)) * (h - 2 * pad);
  const path = points
    .map((p, i) => (p.value === null ? null : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter((s): s is string => s !== null)
    .join(' ');
  return (
    <svg className="dash-spark" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <line className="dash-spark-axis" x1={pad} x2={w - pad} y1={h - pad} y2={h - pad} />
      {known.length > 1 ? <polyline className="dash-spark-line" points={path} fill="none" /> : null}
      {points.map((p, i) =>
        p.value === null ? null : (
          <circle key={p.year} className="dash-spark-dot" cx={x(i)} cy={y(p.value)} r="3.5">
            <title>{`${p.year}: ${p.valueLabel}`}</title>
          </circle>
        ),
      )}
    </svg>
  );
}
