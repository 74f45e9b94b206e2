// Result objects of the engine. Data fields are plain own properties; `why` is computed on first read and cached,
// and `toJSON` includes it, so JSON output and presenters see the same shape as the IndicatorResult interface.
// (Building every explanation eagerly made a 3,321-commune evaluation allocate ~130 MB of strings.)
import type { CompiledIndicator, CompiledRule } from './compile.js';
import { explainCriterion, explainIndicator, type ExplainContext } from './explain.js';
import type {
  CommuneEvaluation,
  CriterionResult,
  CriterionStatus,
  Gap,
  IndicatorKind,
  IndicatorResult,
  IndicatorStatus,
  IndicatorValue,
  MatchedRule,
  StatusCounts,
  StatusCause,
  TargetReason,
  TargetValue,
} from './types.js';

/** One indicator's result; see IndicatorResult. */
export class IndicatorOutcome implements IndicatorResult {
  readonly code: string;
  readonly criterionNumber: string;
  readonly kind: IndicatorKind;
  readonly target: TargetValue;
  readonly matchedRule: MatchedRule | null;
  readonly verified: boolean;
  readonly demo: boolean;
  readonly #ci: CompiledIndicator;
  readonly #rule: CompiledRule | null;
  readonly #ctx: ExplainContext;
  #why: string | null = null;

  constructor(
    ci: CompiledIndicator,
    ctx: ExplainContext,
    readonly status: IndicatorStatus,
    readonly value: IndicatorValue | null,
    rule: CompiledRule | null,
    readonly reason: TargetReason | null,
    readonly cause: StatusCause,
    readonly gap: Gap | null,
  ) {
    this.code = ci.def.code;
    this.criterionNumber = ci.criterionNumber;
    this.kind = ci.kind;
    this.target = rule ? rule.def.value : null;
    this.matchedRule = rule ? rule.matched : null;
    this.verified = rule ? rule.def.verified : false;
    this.demo = rule ? rule.def.demo === true : false;
    this.#ci = ci;
    this.#rule = rule;
    this.#ctx = ctx;
  }

  /** Vietnamese explanation, built on first read. */
  get why(): string {
    return (this.#why ??= explainIndicator(this.#ci, this.#rule, this.#ctx, this));
  }

  /** Plain-object form, including `why`. */
  toJSON(): IndicatorResult {
    return {
      code: this.code,
      criterionNumber: this.criterionNumber,
      kind: this.kind,
      status: this.status,
      value: this.value,
      target: this.target,
      matchedRule: this.matchedRule,
      reason: this.reason,
      cause: this.cause,
      verified: this.verified,
      demo: this.demo,
      gap: this.gap,
      why: this.why,
    };
  }
}

/** One criterion's result; see CriterionResult. */
export class CriterionOutcome implements CriterionResult {
  readonly met: boolean;
  readonly applicable: boolean;
  #why: string | null = null;

  constructor(
    readonly number: string,
    readonly name: string,
    readonly status: CriterionStatus,
    readonly isKey: boolean,
    readonly indicators: readonly IndicatorResult[],
  ) {
    this.met = status === 'met';
    this.applicable = status !== 'not_applicable';
  }

  /** Vietnamese explanation, built on first read. */
  get why(): string {
    return (this.#why ??= explainCriterion(this.status, this.indicators));
  }

  /** Plain-object form, including `why`. */
  toJSON(): CriterionResult {
    return {
      number: this.number,
      name: this.name,
      status: this.status,
      met: this.met,
      applicable: this.applicable,
      isKey: this.isKey,
      indicators: this.indicators,
      why: this.why,
    };
  }
}

/** The summary part of a commune evaluation, computed eagerly. */
export type CommuneSummary = Omit<CommuneEvaluation, 'criteria'>;

/** One commune's evaluation; `criteria` (per-criterion and per-indicator objects) is built on first read. */
export class CommuneOutcome implements CommuneEvaluation {
  readonly setCode: string;
  readonly year: number;
  readonly criteriaMet: number;
  readonly criteriaApplicable: number;
  readonly meetsStandard: boolean;
  readonly allTargetsVerified: boolean;
  readonly relativeGapSum: number;
  readonly missing: CommuneEvaluation['missing'];
  readonly counts: StatusCounts;
  #materialize: (() => readonly CriterionResult[]) | null;
  #criteria: readonly CriterionResult[] | null = null;

  constructor(summary: CommuneSummary, materialize: () => readonly CriterionResult[]) {
    this.setCode = summary.setCode;
    this.year = summary.year;
    this.criteriaMet = summary.criteriaMet;
    this.criteriaApplicable = summary.criteriaApplicable;
    this.meetsStandard = summary.meetsStandard;
    this.allTargetsVerified = summary.allTargetsVerified;
    this.relativeGapSum = summary.relativeGapSum;
    this.missing = summary.missing;
    this.counts = summary.counts;
    this.#materialize = materialize;
  }

  /** Per-criterion results with their indicators, built on first read and then kept. */
  get criteria(): readonly CriterionResult[] {
    if (this.#criteria === null) {
      this.#criteria = this.#materialize ? this.#materialize() : [];
      this.#materialize = null; // release the compact slots
    }
    return this.#criteria;
  }

  /** Plain-object form, including the criteria and every explanation. */
  toJSON(): CommuneEvaluation {
    return {
      setCode: this.setCode,
      year: this.year,
      criteria: this.criteria,
      criteriaMet: this.criteriaMet,
      criteriaApplicable: this.criteriaApplicable,
      meetsStandard: this.meetsStandard,
      allTargetsVerified: this.allTargetsVerified,
      relativeGapSum: this.relativeGapSum,
      missing: this.missing,
      counts: this.counts,
    };
  }
}
