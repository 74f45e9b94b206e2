/** What each scenario hands back to bench/run.ts: measurement rows, budgets with pass/fail, notes. */
import type { LoadResult } from '../http-load.js';
import type { LatencySummary } from './stats.js';

export interface MeasureRow {
  what: string;
  concurrency: number | null;
  requests: number;
  perSecond: number | null;
  p50: number;
  p95: number;
  p99: number | null;
  max: number;
  errors: number;
  /** Raw-SQL floor of the same aggregate at the same concurrency, and API/floor (p50 at 1 client, p95 at 50). */
  floor?: LatencySummary | null;
  ratio?: number | null;
}

export interface Budget {
  name: string;
  value: number | null;
  limit: number;
  unit: string;
  /** null = not measurable in this run (reason in `note`). */
  pass: boolean | null;
  note?: string;
}

export interface ScenarioResult {
  name: string;
  title: string;
  rows: MeasureRow[];
  budgets: Budget[];
  notes: string[];
}

export function rowOf(what: string, l: LoadResult): MeasureRow {
  return { what, concurrency: l.connections, requests: l.requests, perSecond: l.perSecond, p50: l.latency.p50, p95: l.latency.p95, p99: l.latency.p99, max: l.latency.max, errors: l.errors };
}

export function budget(name: string, value: number | null, limit: number, unit: string, note?: string): Budget {
  return { name, value, limit, unit, pass: value === null || !Number.isFinite(value) ? null : value <= limit, ...(note ? { note } : {}) };
}
