/**
 * The engine as the assessment workflow uses it: the cycle's set (compiled once per set version and kept in memory:
 * cycles run on published, immutable sets), the commune's inherited attributes, the live "self" evaluation of the
 * values, and the final statuses once review steps have given verdicts.
 */
import type { LiveEvaluation, ReviewStep, VerdictValue } from '../../contracts/assessments.js';
import { applyVerdicts, type FinalEvaluation } from '../../domain/assessments/status.js';
import {
  compileSet,
  evaluateCommune,
  type CommuneEvaluation,
  type CompiledSet,
  type CriteriaSetDef,
  type IndicatorResult as EngineIndicator,
  type IndicatorStatus,
  type IndicatorValue,
} from '../../domain/criteria/index.js';
import { addDays } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { forEvaluation } from '../criteria/criteria.document.js';
import * as criteriaRepo from '../criteria/criteria.repo.js';
import * as unitsRepo from '../units/units.repo.js';
import { json, type AssessmentRow, type ResultRow, type VerdictJson } from './assessments.repo.js';

export interface LoadedSet {
  id: string;
  rowVersion: number;
  code: string;
  isDemo: boolean;
  def: CriteriaSetDef;
  compiled: CompiledSet;
  /** Criterion numbers in order. */
  criteriaNumbers: string[];
  hasDemoTargets: boolean;
}

const cache = new Map<string, LoadedSet>();

/** The set of a cycle, compiled for evaluation (unconfirmed targets count as unknown); cached per set version. */
export async function loadSet(db: Db, setId: string, rowVersion: number): Promise<LoadedSet> {
  const hit = cache.get(setId);
  if (hit && hit.rowVersion === rowVersion) return hit;
  const row = await criteriaRepo.findSetWithDefinition(db, setId);
  if (!row) throw notFound('Bộ tiêu chí');
  const loaded: LoadedSet = {
    id: row.id,
    rowVersion: row.row_version,
    code: row.code,
    isDemo: row.is_demo,
    def: row.definition,
    compiled: compileSet(forEvaluation(row.definition)),
    criteriaNumbers: row.definition.criteria.map((c) => c.number),
    hasDemoTargets: row.definition.criteria.some((c) => c.indicators.some((i) => i.targets.some((t) => t.demo === true))),
  };
  if (cache.size > 50) cache.clear();
  cache.set(setId, loaded);
  return loaded;
}

/** The date to read a commune's attributes at: 31 December of the year clamped into the commune's life. */
export function attributesDate(year: number, validFrom: string | null, validTo: string | null): string {
  const end = `${year}-12-31`;
  if (validTo && end >= validTo) return addDays(validTo, -1);
  if (validFrom && end < validFrom) return validFrom;
  return end;
}

/**
 * Attributes per commune and date, kept for a few seconds: autosave evaluates the same commune many times a minute.
 * Workflow transitions (which write the commune's status) always read them fresh.
 */
const attributeCache = new Map<string, { at: number; attrs: Record<string, string | number | boolean> }>();
const ATTRIBUTE_TTL_MS = 10_000;

async function attributesOf(db: Db, a: AssessmentRow, fresh: boolean): Promise<Record<string, string | number | boolean>> {
  const asOf = attributesDate(a.year, a.unit_valid_from, a.unit_valid_to);
  const key = `${a.unit_id}|${asOf}`;
  const hit = attributeCache.get(key);
  if (!fresh && hit && Date.now() - hit.at < ATTRIBUTE_TTL_MS) return hit.attrs;
  const attrs = Object.fromEntries((await unitsRepo.effectiveAttributes(db, a.unit_id, asOf)).map((x) => [x.key, x.value]));
  if (attributeCache.size > 5000) attributeCache.clear();
  attributeCache.set(key, { at: Date.now(), attrs });
  return attrs;
}

/** Evaluate the commune's values for the cycle's year (`fresh`: never from the short attribute cache). */
export async function evaluateValues(db: Db, a: AssessmentRow, set: LoadedSet, values: Record<string, IndicatorValue | null>, fresh = false): Promise<CommuneEvaluation> {
  return evaluateCommune(set.compiled, await attributesOf(db, a, fresh), a.year, values);
}

export function valuesOf(rows: ReadonlyArray<{ indicator_code: string; value: IndicatorValue | null }>): Record<string, IndicatorValue | null> {
  return Object.fromEntries(rows.map((r) => [r.indicator_code, r.value]));
}

/** Engine results by indicator code. */
export function byCode(ev: CommuneEvaluation): Map<string, EngineIndicator> {
  return new Map(ev.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i] as const)));
}

export function liveOf(i: EngineIndicator | undefined): LiveEvaluation {
  if (!i) return { status: 'target_unknown', target: null, targetState: 'none', gap: null };
  return {
    status: i.status,
    target: i.target,
    targetState: i.target === null ? 'none' : i.demo ? 'demo' : i.verified ? 'verified' : 'unverified',
    gap: i.gap ? { absolute: i.gap.absolute, relative: Math.round(i.gap.relative * 1000) / 1000 } : null,
  };
}

const asStatus: Record<VerdictValue, IndicatorStatus> = { met: 'met', not_met: 'not_met', not_applicable: 'not_applicable' };

/**
 * The verdict that counts for a row: the latest step (in chain order) whose verdict is newer than the row's last value
 * change (a verdict on an old value does not apply to a corrected one). `before` limits to steps before an index.
 */
export function countingVerdict(row: ResultRow, chain: readonly ReviewStep[], before = chain.length): VerdictJson | null {
  const verdicts = json<Record<string, VerdictJson> | null>(row.verdicts) ?? {};
  const changed = row.updated_at ? new Date(row.updated_at).getTime() : 0;
  for (let k = Math.min(before, chain.length) - 1; k >= 0; k--) {
    const v = verdicts[chain[k]!.key];
    if (v && new Date(v.at).getTime() >= changed) return v;
  }
  return null;
}

export function finalStatusOf(row: ResultRow, chain: readonly ReviewStep[], engine: EngineIndicator | undefined): IndicatorStatus {
  const v = countingVerdict(row, chain);
  return v ? asStatus[v.verdict] : (engine?.status ?? 'target_unknown');
}

/** Engine evaluation with the counting verdicts applied. */
export function finalEvaluation(ev: CommuneEvaluation, rows: readonly ResultRow[], chain: readonly ReviewStep[]): FinalEvaluation {
  const finals = new Map<string, VerdictValue>();
  for (const r of rows) {
    const v = countingVerdict(r, chain);
    if (v) finals.set(r.indicator_code, v.verdict);
  }
  return applyVerdicts(ev, finals);
}
