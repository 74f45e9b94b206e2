// Ranking communes by how far they are from the standard, and naming what stands in their way.
import type { CommuneEvaluation, Gap, IndicatorStatus, IndicatorValue, TargetValue } from './types.js';

/** One thing between a commune and the standard: an indicator, or a criterion that has no indicators yet. */
export interface Blocker {
  readonly criterionNumber: string;
  /** null when the criterion has no indicators (nothing can be assessed yet). */
  readonly indicatorCode: string | null;
  readonly status: Exclude<IndicatorStatus, 'met' | 'not_applicable'>;
  readonly value: IndicatorValue | null;
  readonly target: TargetValue;
  readonly gap: Gap | null;
  readonly why: string;
}

/** A commune's place in the ranking. */
export interface RankedCommune {
  readonly id: string;
  /** 1-based position. */
  readonly rank: number;
  readonly meetsStandard: boolean;
  readonly unmetCriteria: number;
  /** Sum of relative gaps of not_met indicators (an unmet yes/no or verdict counts 1). */
  readonly relativeGapSum: number;
  /** Indicators whose status is missing_value or target_unknown. */
  readonly openIndicators: number;
  readonly blockers: readonly Blocker[];
}

/** Input for ranking: an evaluation with the commune's id. */
export interface IdentifiedEvaluation {
  readonly id: string;
  readonly evaluation: CommuneEvaluation;
}

/** List the indicators (and empty criteria) that keep a commune from the standard, in criterion order. */
export function blockersOf(evaluation: CommuneEvaluation): Blocker[] {
  const out: Blocker[] = [];
  for (const c of evaluation.criteria) {
    if (c.met || !c.applicable) continue;
    if (c.indicators.length === 0) {
      out.push({ criterionNumber: c.number, indicatorCode: null, status: 'target_unknown', value: null, target: null, gap: null, why: c.why });
      continue;
    }
    for (const i of c.indicators) {
      if (i.status === 'met' || i.status === 'not_applicable') continue;
      out.push({ criterionNumber: c.number, indicatorCode: i.code, status: i.status, value: i.value, target: i.target, gap: i.gap, why: i.why });
    }
  }
  return out;
}

/**
 * Rank communes by remaining gap: fewest unmet criteria first, then smallest sum of relative gaps of not_met
 * indicators, then fewest open (missing / target-unknown) indicators, then id, so the order is total and stable.
 */
export function rankByGap(evaluations: readonly IdentifiedEvaluation[]): RankedCommune[] {
  // Sort on the summaries only: blockers (which build the per-indicator objects) are read after sorting.
  const rows = evaluations.map(({ id, evaluation: e }) => ({
    id,
    meetsStandard: e.meetsStandard,
    unmetCriteria: e.criteriaApplicable - e.criteriaMet,
    relativeGapSum: e.relativeGapSum,
    openIndicators: e.counts.missing_value + e.counts.target_unknown,
    evaluation: e,
  }));
  rows.sort(
    (a, b) =>
      a.unmetCriteria - b.unmetCriteria ||
      a.relativeGapSum - b.relativeGapSum ||
      a.openIndicators - b.openIndicators ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return rows.map((r, i) => ({
    id: r.id,
    rank: i + 1,
    meetsStandard: r.meetsStandard,
    unmetCriteria: r.unmetCriteria,
    relativeGapSum: r.relativeGapSum,
    openIndicators: r.openIndicators,
    blockers: blockersOf(r.evaluation),
  }));
}

/** The communes not yet at the standard that are closest to it, best first (default 10). */
export function closestToStandard(
  evaluations: readonly IdentifiedEvaluation[],
  options: { readonly limit?: number; readonly maxUnmetCriteria?: number } = {},
): RankedCommune[] {
  const { limit = 10, maxUnmetCriteria = Infinity } = options;
  const pending = evaluations.filter((e) => !e.evaluation.meetsStandard);
  return rankByGap(pending)
    .filter((r) => r.unmetCriteria <= maxUnmetCriteria)
    .slice(0, limit)
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
