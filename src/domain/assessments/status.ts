/**
 * The status that counts for a commune-year: the engine's evaluation of the commune's values, with each indicator's
 * status replaced by the latest review step's verdict where there is one. Criteria are aggregated exactly as the
 * engine does (any not met → not met; any open → undetermined; all n/a → not applicable). Pure.
 */
import type { VerdictValue } from '../../contracts/assessments.js';
import type { CommuneEvaluation, CriterionResult, CriterionStatus, IndicatorStatus } from '../criteria/index.js';

export interface FinalCriterion {
  number: string;
  name: string;
  isKey: boolean;
  status: CriterionStatus;
  indicators: Array<{ code: string; status: IndicatorStatus }>;
}

export interface FinalEvaluation {
  criteria: FinalCriterion[];
  criteriaMet: number;
  criteriaApplicable: number;
  meetsStandard: boolean;
  /** Applicable criteria not met (not met or undetermined). */
  missing: string[];
}

/** Aggregate one criterion's indicator statuses the way the engine does. */
export function criterionStatusOf(statuses: readonly IndicatorStatus[]): CriterionStatus {
  if (statuses.length === 0) return 'undetermined';
  let met = 0;
  let notMet = 0;
  let open = 0;
  for (const s of statuses) {
    if (s === 'met') met++;
    else if (s === 'not_met') notMet++;
    else if (s !== 'not_applicable') open++;
  }
  if (met + notMet + open === 0) return 'not_applicable';
  if (notMet > 0) return 'not_met';
  return open > 0 ? 'undetermined' : 'met';
}

/** Apply the final verdicts (code → verdict) to an engine evaluation. */
export function applyVerdicts(ev: CommuneEvaluation, finals: ReadonlyMap<string, VerdictValue>): FinalEvaluation {
  const criteria = ev.criteria.map((c): FinalCriterion => {
    const indicators = c.indicators.map((i) => ({ code: i.code, status: (finals.get(i.code) ?? i.status) as IndicatorStatus }));
    return { number: c.number, name: c.name, isKey: c.isKey, status: criterionStatusOf(indicators.map((i) => i.status)), indicators };
  });
  return summarise(criteria);
}

/** Totals of a list of criteria statuses. */
export function summarise(criteria: FinalCriterion[]): FinalEvaluation {
  const applicable = criteria.filter((c) => c.status !== 'not_applicable');
  const met = applicable.filter((c) => c.status === 'met').length;
  return {
    criteria,
    criteriaMet: met,
    criteriaApplicable: applicable.length,
    meetsStandard: applicable.length > 0 && met === applicable.length,
    missing: applicable.filter((c) => c.status !== 'met').map((c) => c.number),
  };
}

/**
 * A minimal engine evaluation carrying only the criteria statuses, so the set's revocation rules
 * (`evaluateRevocation`) can be applied to a stored summary or to a final evaluation.
 */
export function asEvaluation(setCode: string, year: number, criteria: ReadonlyArray<{ number: string; status: string; name?: string; isKey?: boolean }>): CommuneEvaluation {
  const rows: CriterionResult[] = criteria.map((c) => {
    const status = (['met', 'not_met', 'not_applicable', 'undetermined'].includes(c.status) ? c.status : 'undetermined') as CriterionStatus;
    return { number: c.number, name: c.name ?? c.number, status, met: status === 'met', applicable: status !== 'not_applicable', isKey: c.isKey ?? false, indicators: [], why: '' };
  });
  const applicable = rows.filter((c) => c.applicable);
  const met = applicable.filter((c) => c.met).length;
  return {
    setCode,
    year,
    criteria: rows,
    criteriaMet: met,
    criteriaApplicable: applicable.length,
    meetsStandard: applicable.length > 0 && met === applicable.length,
    allTargetsVerified: false,
    relativeGapSum: 0,
    missing: { criteria: applicable.filter((c) => !c.met).map((c) => c.number), indicators: [] },
    counts: { met: 0, not_met: 0, not_applicable: 0, missing_value: 0, target_unknown: 0 },
  };
}
