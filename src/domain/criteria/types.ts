// The normalized model of a criteria set version (bộ tiêu chí) and of its evaluation results.
// Pure data: no I/O, no classes, so the same shapes can be stored as JSON, seeded and diffed.

/** A scalar commune attribute value; `null` means "not recorded" (unknown), never "false". */
export type AttrValue = string | number | boolean | null;

/** A non-null attribute value, used where a rule compares against a known value. */
export type AttrScalar = string | number | boolean;

/**
 * Attributes of one commune as of the evaluated year, keyed by attribute name.
 * Known keys: region (2021–2025 region code, e.g. "TDMNPB"), communeGroup ("1" | "2" | "3", 2026–2030),
 * ethnicArea ("I" | "II" | "III"), border, especiallyDifficult, safeZone, poorDistrict2018_2020, schoolsOver3.
 * A missing key and `null` both mean "unknown".
 */
export type CommuneAttributes = Readonly<Record<string, AttrValue | undefined>>;

/** Standard levels a set can certify. */
export type StandardLevel = 'ntm' | 'advanced' | 'model' | 'modern';

/**
 * How an indicator's value is compared with its target.
 * - boolean: value must equal the target (true/false).
 * - min / max: any finite number, value ≥ target / ≤ target.
 * - percent_min / percent_max: like min / max, value must lie in 0–100.
 * - count_min / count_max: like min / max, value must be a non-negative integer.
 * - verdict: a label (e.g. "Đạt", "Hoàn thành tốt nhiệm vụ"); equal to the target, or, when the indicator
 *   has an ordered `scale`, ranked at or above the target.
 */
export type IndicatorKind =
  | 'boolean'
  | 'min'
  | 'max'
  | 'percent_min'
  | 'percent_max'
  | 'count_min'
  | 'count_max'
  | 'verdict';

/**
 * Whether an indicator applies to a commune, as data over commune attributes.
 * Evaluated in three-valued logic: a rule that reads an unknown attribute is "unknown" unless the rest of the
 * rule decides it (e.g. `any` with another true branch), so a missing attribute never silently hides an indicator.
 */
export type ApplicabilityRule =
  | { readonly attr: string; readonly eq: AttrScalar }
  | { readonly attr: string; readonly in: readonly AttrScalar[] }
  | { readonly all: readonly ApplicabilityRule[] }
  | { readonly any: readonly ApplicabilityRule[] }
  | { readonly not: ApplicabilityRule };

/**
 * When a target rule applies. Every key given must match; `yearFrom`/`yearTo` bound the evaluated year
 * (inclusive); any other key is an equality test on the commune attribute of that name.
 */
export interface TargetMatch {
  readonly region?: string;
  readonly communeGroup?: string;
  readonly yearFrom?: number;
  readonly yearTo?: number;
  readonly [attr: string]: AttrScalar | undefined;
}

/** A target value: number for numeric kinds, boolean for boolean, label for verdict; null = no target known. */
export type TargetValue = number | boolean | string | null;

/** One target rule of an indicator (chỉ tiêu chung / theo vùng / theo nhóm / theo năm). */
export interface TargetRuleDef {
  readonly match: TargetMatch;
  /** `null` means the rule is known to exist but its value is not: evaluation says target_unknown. */
  readonly value: TargetValue;
  /** Where the value comes from (document, URLs); null when nobody recorded it. */
  readonly source: string | null;
  /** True only when the value was checked against a source; unverified targets are still applied but flagged. */
  readonly verified: boolean;
  /** Demonstration data, so it can be listed and removed without touching real targets. */
  readonly demo?: boolean;
  readonly confirmedBy?: string | null;
  readonly confirmedAt?: string | null;
  /** Conditions of the source that the number alone does not carry (scoring bands, sub-requirements). */
  readonly note?: string | null;
}

/** One indicator (chỉ tiêu) of a criterion. */
export interface IndicatorDef {
  /** Code used to key values, e.g. "3.1"; unique within the set. */
  readonly code: string;
  readonly wording: string;
  readonly kind: IndicatorKind;
  readonly unit: string | null;
  /** null = applies to every commune. */
  readonly applicability: ApplicabilityRule | null;
  readonly targets: readonly TargetRuleDef[];
  /** Ordered verdict labels, lowest first; only for kind 'verdict'. */
  readonly scale?: readonly string[];
  /** Whether the row itself (wording, code) was verified against a source. */
  readonly verified?: boolean;
  /** True when the code was assigned by us because the source gives none. */
  readonly codeProvisional?: boolean;
  /** The source row this indicator was imported from, when one row was split into several indicators. */
  readonly sourceRow?: string;
  readonly note?: string | null;
}

/** One criterion (tiêu chí) of a set. */
export interface CriterionDef {
  /** Number as printed in the decision, e.g. "3". */
  readonly number: string;
  readonly code: string;
  readonly name: string;
  /** Group name (nhóm tiêu chí), e.g. "Hạ tầng kinh tế - xã hội"; null when the source gives none. */
  readonly group: string | null;
  readonly groupCode?: string | null;
  /** Ministry or department in charge, as text; null when not known. */
  readonly guidedByAgencyKind: string | null;
  /** A key criterion for revocation rules (QĐ 18/2022: failing one of these lowers the revocation threshold). */
  readonly isKey?: boolean;
  readonly nameVerified?: boolean;
  readonly indicators: readonly IndicatorDef[];
  readonly note?: string | null;
}

/**
 * A rule about recognition (công nhận) or revocation (thu hồi) of a commune's standard.
 * Percent bounds are of the commune's applicable criteria; a criterion counts as failing when it is not met.
 */
export type RecognitionRuleDef = RevocationRuleDef | RecognitionConditionDef;

/** Revoke when the share of failing criteria lies in a band, optionally only if a key criterion is among them. */
export interface RevocationRuleDef {
  readonly id: string;
  readonly kind: 'revocation';
  readonly failingShare: {
    readonly minPercent: number;
    readonly minInclusive: boolean;
    /** null = no upper bound. */
    readonly maxPercent: number | null;
    readonly maxInclusive: boolean;
  };
  readonly requiresKeyCriterion: boolean;
  /** Criterion numbers that count as key for this rule; empty = use the criteria marked `isKey`. */
  readonly keyCriteria: readonly string[];
  readonly text: string;
  readonly legalBasis: string;
  readonly source: string | null;
  readonly verified: boolean;
}

/** A condition for recognition; only `meets_standard` can be decided by the engine, the rest are facts entered by people. */
export interface RecognitionConditionDef {
  readonly id: string;
  readonly kind: 'recognition_condition';
  readonly check: 'meets_standard' | 'external';
  readonly text: string;
  readonly legalBasis: string;
  readonly source: string | null;
  readonly verified: boolean;
}

/**
 * Replace commune attributes before targets are resolved when a condition holds, e.g. QĐ 318: especially
 * disadvantaged communes use the TDMNPB region's levels wherever they are.
 */
export interface AttributeOverrideDef {
  readonly id: string;
  readonly when: ApplicabilityRule;
  readonly set: Readonly<Record<string, AttrScalar>>;
  readonly text: string;
  readonly source: string | null;
  readonly verified: boolean;
}

/** Where the set's data came from and how far it is checked. */
export interface SetProvenance {
  readonly verified: boolean;
  readonly notes: readonly string[];
  readonly sources: readonly string[];
  /** Indicator count stated by the source, when the set here holds fewer (e.g. 47 for 2026–2030, none readable yet). */
  readonly statedIndicatorCount?: number | null;
}

/** A criteria set version (bộ tiêu chí) with its criteria, indicators, targets and recognition rules. */
export interface CriteriaSetDef {
  readonly code: string;
  readonly name: string;
  readonly level: StandardLevel;
  readonly legalBasis: string;
  /** Calendar dates, YYYY-MM-DD. */
  readonly validFrom: string;
  readonly validTo: string | null;
  /** Our revision of this set's data; bump when targets are corrected. */
  readonly version: number;
  readonly criteria: readonly CriterionDef[];
  readonly recognitionRules: readonly RecognitionRuleDef[];
  readonly attributeOverrides?: readonly AttributeOverrideDef[];
  readonly provenance?: SetProvenance;
}

// ---- evaluation results ----

/** A value entered for an indicator. */
export type IndicatorValue = number | boolean | string;

/** Values of one commune keyed by indicator code; null/undefined = not entered. */
export type IndicatorValues = Readonly<Record<string, IndicatorValue | null | undefined>>;

export type IndicatorStatus = 'met' | 'not_met' | 'not_applicable' | 'missing_value' | 'target_unknown';

/** Machine-readable cause of an indicator's status, next to the Vietnamese `why`. */
export type StatusCause =
  | { readonly code: 'compared' }
  | { readonly code: 'not_applicable' }
  | { readonly code: 'value_missing' }
  | { readonly code: 'value_invalid'; readonly expected: string }
  | { readonly code: 'attribute_missing'; readonly of: 'applicability' | 'target'; readonly attrs: readonly string[] }
  | { readonly code: 'no_target_rule' }
  | { readonly code: 'target_value_unknown' };

/**
 * Why a target rule was chosen: `by` names the match keys joined by "+" ("region", "region+year", "default"),
 * and the matched values follow, e.g. { by: 'region', region: 'TDMNPB' } or { by: 'year', year: 2024 }.
 */
export interface TargetReason {
  readonly by: string;
  readonly [key: string]: string | number | boolean;
}

/** The rule that supplied the target: its position in the indicator's `targets` and its match keys. */
export interface MatchedRule {
  readonly index: number;
  readonly keys: readonly string[];
  readonly match: TargetMatch;
}

/** Distance to the target; 0 when met. `absolute` is null for boolean and verdict indicators. */
export interface Gap {
  readonly absolute: number | null;
  /** absolute / |target| (denominator 1 when the target is 0); 1 for an unmet boolean or verdict. */
  readonly relative: number;
}

/** The evaluation of one indicator for one commune. */
export interface IndicatorResult {
  readonly code: string;
  readonly criterionNumber: string;
  readonly kind: IndicatorKind;
  readonly status: IndicatorStatus;
  readonly value: IndicatorValue | null;
  readonly target: TargetValue;
  readonly matchedRule: MatchedRule | null;
  readonly reason: TargetReason | null;
  readonly cause: StatusCause;
  readonly verified: boolean;
  readonly demo: boolean;
  /** Set for met / not_met; null otherwise. */
  readonly gap: Gap | null;
  /** Vietnamese explanation for officials (built lazily by the engine; included in JSON). */
  readonly why: string;
}

/** met / not_met, not_applicable (all indicators n/a), undetermined (not met only because of missing data or targets). */
export type CriterionStatus = 'met' | 'not_met' | 'not_applicable' | 'undetermined';

export interface CriterionResult {
  readonly number: string;
  readonly name: string;
  readonly status: CriterionStatus;
  readonly met: boolean;
  readonly applicable: boolean;
  readonly isKey: boolean;
  readonly indicators: readonly IndicatorResult[];
  readonly why: string;
}

export type StatusCounts = Readonly<Record<IndicatorStatus, number>>;

/** The evaluation of one commune against one set for one year. */
export interface CommuneEvaluation {
  readonly setCode: string;
  readonly year: number;
  readonly criteria: readonly CriterionResult[];
  readonly criteriaMet: number;
  readonly criteriaApplicable: number;
  readonly meetsStandard: boolean;
  /** True when every target that decided a met/not_met status was verified. */
  readonly allTargetsVerified: boolean;
  /** Sum of the relative gaps of not_met indicators (an unmet yes/no or verdict counts 1); used for ranking. */
  readonly relativeGapSum: number;
  readonly missing: {
    /** Applicable criteria not met (not_met or undetermined). */
    readonly criteria: readonly string[];
    /** Indicators that are not_met, missing_value or target_unknown. */
    readonly indicators: readonly string[];
  };
  readonly counts: StatusCounts;
}
