/**
 * Contracts of the criteria endpoints: versioned criteria sets (national sets and provincial variants), target
 * entry and confirmation with sources, publishing, diff, spreadsheet import and the evaluation of a commune-year.
 */
import { z } from 'zod';
import { id, isoDate, LEGAL_BASIS_MAX, NAME_MAX, page, pageQuery } from './common.js';
import { regions } from './units.js';

export const standardLevels = ['ntm', 'advanced', 'model', 'modern'] as const;
export const standardLevel = z.enum(standardLevels);
export type StandardLevelName = z.infer<typeof standardLevel>;

export const indicatorKinds = ['boolean', 'min', 'max', 'percent_min', 'percent_max', 'count_min', 'count_max', 'verdict'] as const;
export const indicatorKind = z.enum(indicatorKinds);
export type IndicatorKindName = z.infer<typeof indicatorKind>;

/** Vietnamese names of the indicator kinds (the spreadsheet template accepts these or the codes). */
export const indicatorKindLabels: Record<IndicatorKindName, string> = {
  boolean: 'Có/Không',
  min: 'Tối thiểu',
  max: 'Tối đa',
  percent_min: 'Tỷ lệ tối thiểu',
  percent_max: 'Tỷ lệ tối đa',
  count_min: 'Số lượng tối thiểu',
  count_max: 'Số lượng tối đa',
  verdict: 'Kết luận',
};

export const setStatuses = ['draft', 'published'] as const;
export const setStatus = z.enum(setStatuses);

/** Commune groups of the 2026–2030 targets (QĐ 51/2025/QĐ-TTg). */
export const communeGroups = ['1', '2', '3'] as const;

export const indicatorStatuses = ['met', 'not_met', 'not_applicable', 'missing_value', 'target_unknown'] as const;
export const indicatorStatus = z.enum(indicatorStatuses);
export const criterionStatuses = ['met', 'not_met', 'not_applicable', 'undetermined'] as const;
export const criterionStatus = z.enum(criterionStatuses);

/**
 * How far a target can be trusted, shown next to it everywhere it is used: `verified` (checked against its
 * source), `unverified` ("chưa xác minh"), `demo` (illustrative, not the law), `none` ("chưa có chỉ tiêu").
 */
export const targetStates = ['verified', 'unverified', 'demo', 'none'] as const;
export const targetState = z.enum(targetStates);
export const targetNotices = {
  unverified: 'chưa xác minh',
  none: 'chưa có chỉ tiêu',
  demo: 'dữ liệu minh họa — không phải quy định',
} as const;
/** The source text of every illustrative target in demonstration data. */
export const DEMO_SOURCE = 'Dữ liệu minh họa — không phải quy định';

export const SET_CODE_MAX = 60;
export const setCode = z
  .string()
  .trim()
  .min(3)
  .max(SET_CODE_MAX)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Mã bộ tiêu chí chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');
/** Indicator codes as printed ("3.1", "17.10") or assigned ("5-L1", "4#1"). */
export const indicatorCode = z.string().trim().min(1).max(30);
export const year = z.number().int().min(2000).max(2100);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const scalarOrNull = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A target value: number for numeric kinds, true/false for yes/no, a label for verdicts; null = not known. */
export const targetValue = scalarOrNull;

export const abilities = z.object({
  canEdit: z.boolean(),
  canPublish: z.boolean(),
  canClone: z.boolean(),
  canConfirmTarget: z.boolean(),
});
export type SetAbilities = z.infer<typeof abilities>;

// ---- the set as read ----

export const targetRule = z.object({
  /** Position in the indicator's target list (stable until the list is edited). */
  index: z.number().int(),
  /** Commune attributes and years the rule applies to; {} = every commune, every year. */
  match: z.record(z.string(), scalar),
  /** "mức chung", "vùng TDMNPB", "nhóm xã 2, năm 2027" ... */
  matchText: z.string(),
  value: targetValue,
  /** The value with its unit: "80%", "Có", "chưa có". */
  valueText: z.string(),
  /** Document, article, page (or the reference file's sources); null when nobody recorded one. */
  source: z.string().nullable(),
  verified: z.boolean(),
  demo: z.boolean(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  note: z.string().nullable(),
  state: targetState,
  /** "chưa xác minh" / "chưa có chỉ tiêu" / "dữ liệu minh họa — không phải quy định"; null when verified. */
  notice: z.string().nullable(),
});
export type TargetRule = z.infer<typeof targetRule>;

export const indicator = z.object({
  code: z.string(),
  wording: z.string(),
  kind: indicatorKind,
  unit: z.string().nullable(),
  /** Which communes it applies to; null = every commune. */
  applicability: z.object({ text: z.string(), attributes: z.array(z.string()) }).nullable(),
  scale: z.array(z.string()).nullable(),
  verified: z.boolean(),
  codeProvisional: z.boolean(),
  sourceRow: z.string().nullable(),
  note: z.string().nullable(),
  targets: z.array(targetRule),
  /** The weakest state among its targets ('none' when no target has a value). */
  state: targetState,
  notice: z.string().nullable(),
});
export type Indicator = z.infer<typeof indicator>;

export const criterion = z.object({
  number: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  groupCode: z.string().nullable(),
  guidedByAgencyKind: z.string().nullable(),
  isKey: z.boolean(),
  nameVerified: z.boolean(),
  note: z.string().nullable(),
  indicators: z.array(indicator),
});
export type Criterion = z.infer<typeof criterion>;

export const setStats = z.object({
  criteria: z.number().int(),
  indicators: z.number().int(),
  targets: z.number().int(),
  verifiedTargets: z.number().int(),
  unverifiedTargets: z.number().int(),
  demoTargets: z.number().int(),
  /** Indicators with no target value at all ("chưa có chỉ tiêu"). */
  indicatorsWithoutTarget: z.number().int(),
});

export const setRef = z.object({ id, code: z.string(), name: z.string(), version: z.number().int(), status: setStatus, isDemo: z.boolean() });
export type SetRef = z.infer<typeof setRef>;

export const setSummary = z.object({
  id,
  code: z.string(),
  name: z.string(),
  level: standardLevel,
  legalBasis: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  version: z.number().int(),
  status: setStatus,
  /** National set (the legal text as loaded) or a provincial variant. */
  isNational: z.boolean(),
  province: z.object({ id, name: z.string() }).nullable(),
  parent: setRef.nullable(),
  /** Demonstration data: can be listed and removed without touching real sets. */
  isDemo: z.boolean(),
  publishedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic-concurrency token: edits of a draft send it back as `expectedVersion`. */
  rowVersion: z.number().int(),
  stats: setStats,
  abilities,
});
export type SetSummary = z.infer<typeof setSummary>;

export const recognitionRule = z.object({
  id: z.string(),
  kind: z.enum(['revocation', 'recognition_condition']),
  text: z.string(),
  legalBasis: z.string(),
  source: z.string().nullable(),
  verified: z.boolean(),
});

export const setDetail = setSummary.extend({
  criteria: z.array(criterion),
  recognitionRules: z.array(recognitionRule),
  attributeOverrides: z.array(z.object({ id: z.string(), text: z.string(), source: z.string().nullable(), verified: z.boolean() })),
  provenance: z
    .object({
      verified: z.boolean(),
      notes: z.array(z.string()),
      sources: z.array(z.string()),
      statedIndicatorCount: z.number().int().nullable(),
    })
    .nullable(),
});
export type SetDetail = z.infer<typeof setDetail>;

export const listSetsQuery = pageQuery.extend({
  code: z.string().trim().max(SET_CODE_MAX).optional(),
  level: standardLevel.optional(),
  status: setStatus.optional(),
  /** national = loaded from the legal text; variant = provincial variants. */
  kind: z.enum(['national', 'variant']).optional(),
  provinceUnitId: id.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListSetsQuery = z.infer<typeof listSetsQuery>;
export const listSetsResponse = page(setSummary);

export const setParams = z.object({ id });
export const indicatorParams = z.object({ id, code: indicatorCode });

// ---- changes ----

const expectedVersion = z.number().int().min(1);

/** Clone a set into a provincial variant (owned by a province) or a new version of the same code. */
export const cloneSetBody = z
  .object({
    kind: z.enum(['variant', 'version']),
    name: z.string().trim().min(3).max(NAME_MAX).optional(),
    /** Variants only; default: the source code, the province and a number. */
    code: setCode.optional(),
    /** Variants only: the province that owns the variant. */
    provinceUnitId: id.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'variant' && !b.provinceUnitId) {
      ctx.addIssue({ code: 'custom', path: ['provinceUnitId'], message: 'Biến thể cấp tỉnh cần chọn tỉnh' });
    }
    if (b.kind === 'version' && (b.provinceUnitId || b.code)) {
      ctx.addIssue({ code: 'custom', path: [b.code ? 'code' : 'provinceUnitId'], message: 'Phiên bản mới giữ mã và tỉnh của bộ gốc' });
    }
  });
export type CloneSetBody = z.infer<typeof cloneSetBody>;

export const updateSetBody = z
  .object({
    expectedVersion,
    name: z.string().trim().min(3).max(NAME_MAX).optional(),
    legalBasis: z.string().trim().min(3).max(LEGAL_BASIS_MAX).optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.nullable().optional(),
  })
  .refine((b) => b.name !== undefined || b.legalBasis !== undefined || b.validFrom !== undefined || b.validTo !== undefined, {
    message: 'Không có gì để thay đổi',
  });
export type UpdateSetBody = z.infer<typeof updateSetBody>;

export const updateIndicatorBody = z
  .object({
    expectedVersion,
    wording: z.string().trim().min(3).max(1000).optional(),
    kind: indicatorKind.optional(),
    unit: z.string().trim().max(50).nullable().optional(),
  })
  .refine((b) => b.wording !== undefined || b.kind !== undefined || b.unit !== undefined, { message: 'Không có gì để thay đổi' });
export type UpdateIndicatorBody = z.infer<typeof updateIndicatorBody>;

/** Which communes and years a target applies to; the empty object is the general target. */
export const targetMatchInput = z
  .object({
    region: z.enum(regions).optional(),
    communeGroup: z.enum(communeGroups).optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    ethnicArea: z.enum(['I', 'II', 'III']).optional(),
    border: z.boolean().optional(),
    especiallyDifficult: z.boolean().optional(),
    safeZone: z.boolean().optional(),
    poorDistrict2018_2020: z.boolean().optional(),
    schoolsOver3: z.boolean().optional(),
  })
  .strict()
  .refine((m) => m.yearFrom === undefined || m.yearTo === undefined || m.yearFrom <= m.yearTo, {
    message: 'Năm bắt đầu phải trước hoặc bằng năm kết thúc',
    path: ['yearTo'],
  });
export type TargetMatchInput = z.infer<typeof targetMatchInput>;

/** Where a target comes from: the document, and where in it. */
export const targetSourceInput = z.object({
  document: z.string().trim().min(5, 'Ghi rõ văn bản (số, ngày, cơ quan ban hành)').max(300),
  article: z.string().trim().max(100).optional(),
  page: z.string().trim().max(30).optional(),
});

/**
 * Enter or confirm one target rule of an indicator (the rule with the same `match` is replaced). `verified: true`
 * confirms it: recorded with who confirmed it and when. A target without a value can be recorded but not confirmed.
 */
export const upsertTargetBody = z
  .object({
    expectedVersion,
    match: targetMatchInput,
    value: targetValue,
    source: targetSourceInput,
    verified: z.boolean(),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .refine((b) => !(b.verified && b.value === null), { message: 'Không thể xác nhận một chỉ tiêu chưa có giá trị', path: ['value'] });
export type UpsertTargetBody = z.infer<typeof upsertTargetBody>;

export const publishBody = z.object({ expectedVersion });
export type PublishBody = z.infer<typeof publishBody>;

// ---- diff ----

export const diffQuery = z.object({ from: id, to: id });
export const changeKind = z.enum(['added', 'removed', 'changed']);
export const fieldChange = z.object({ field: z.string(), before: scalarOrNull, after: scalarOrNull });
export const targetDiff = z.object({
  change: changeKind,
  match: z.record(z.string(), scalar),
  matchText: z.string(),
  before: targetRule.nullable(),
  after: targetRule.nullable(),
  fields: z.array(fieldChange),
});
export const indicatorDiff = z.object({
  code: z.string(),
  wording: z.string(),
  change: changeKind,
  fields: z.array(fieldChange),
  targets: z.array(targetDiff),
});
export const criterionDiff = z.object({
  number: z.string(),
  name: z.string(),
  change: changeKind,
  fields: z.array(fieldChange),
  indicators: z.array(indicatorDiff),
});
export const diffResponse = z.object({
  from: setSummary,
  to: setSummary,
  /** Changes of the set's own fields (name, legal basis, dates, level). */
  header: z.array(fieldChange),
  /** Only what changed, side by side. */
  criteria: z.array(criterionDiff),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
});
export type DiffResponse = z.infer<typeof diffResponse>;
export type CriterionDiff = z.infer<typeof criterionDiff>;
export type IndicatorDiff = z.infer<typeof indicatorDiff>;
export type TargetDiff = z.infer<typeof targetDiff>;
export type FieldChange = z.infer<typeof fieldChange>;

// ---- evaluation ----

export const MAX_VALUES = 1000;
export const evaluateBody = z.object({
  unitId: id,
  year,
  /** The date the commune's attributes are read at; default: 31 December of the year, within the commune's life. */
  asOf: isoDate.optional(),
  /** Values keyed by indicator code; null = not entered. */
  values: z
    .record(indicatorCode, z.union([z.number(), z.boolean(), z.string().max(200), z.null()]))
    .refine((v) => Object.keys(v).length <= MAX_VALUES, { message: `Tối đa ${MAX_VALUES} giá trị` })
    .default({}),
});
export type EvaluateBody = z.infer<typeof evaluateBody>;

export const attributeUsed = z.object({
  key: z.string(),
  value: scalar,
  /** The unit the value was recorded on (the commune itself, or the nearest ancestor that has it). */
  fromUnitId: id,
  fromUnitName: z.string(),
  inherited: z.boolean(),
  validFrom: isoDate.nullable(),
  legalBasis: z.string().nullable(),
});

export const indicatorResult = z.object({
  code: z.string(),
  wording: z.string(),
  criterionNumber: z.string(),
  kind: indicatorKind,
  unit: z.string().nullable(),
  status: indicatorStatus,
  value: scalarOrNull,
  /** The target that decided the status; null when unknown (no target, or one not yet confirmed). */
  target: targetValue,
  targetText: z.string().nullable(),
  /** A target entered but not confirmed ("chưa xác minh"): shown, never used to decide met / not met. */
  unverifiedTarget: targetValue,
  matchedRule: z.object({ index: z.number().int(), keys: z.array(z.string()), match: z.record(z.string(), scalar) }).nullable(),
  /** Why that rule: { by: 'region', region: 'TDMNPB' }, { by: 'year', year: 2024 }, { by: 'default' } ... */
  reason: z.record(z.string(), scalar).nullable(),
  cause: z.object({
    code: z.enum(['compared', 'not_applicable', 'value_missing', 'value_invalid', 'attribute_missing', 'no_target_rule', 'target_value_unknown']),
    expected: z.string().optional(),
    of: z.enum(['applicability', 'target']).optional(),
    attrs: z.array(z.string()).optional(),
  }),
  verified: z.boolean(),
  demo: z.boolean(),
  targetSource: z.string().nullable(),
  /** null when no target applies (not applicable, or the commune lacks the attribute that picks one). */
  targetState: targetState.nullable(),
  targetNotice: z.string().nullable(),
  gap: z.object({ absolute: z.number().nullable(), relative: z.number() }).nullable(),
  /** Vietnamese explanation for officials. */
  why: z.string(),
});
export type IndicatorResultDto = z.infer<typeof indicatorResult>;

export const criterionResult = z.object({
  number: z.string(),
  name: z.string(),
  status: criterionStatus,
  met: z.boolean(),
  applicable: z.boolean(),
  isKey: z.boolean(),
  why: z.string(),
  indicators: z.array(indicatorResult),
});

export const evaluationResponse = z.object({
  set: setRef,
  unit: z.object({ id, code: z.string().nullable(), name: z.string(), level: z.string() }),
  year,
  asOf: isoDate,
  /** The commune's attributes as used (own or inherited); a key not listed is unknown. */
  attributes: z.array(attributeUsed),
  criteria: z.array(criterionResult),
  criteriaMet: z.number().int(),
  criteriaApplicable: z.number().int(),
  meetsStandard: z.boolean(),
  /** True when every target that decided a met/not_met status was verified. */
  allTargetsVerified: z.boolean(),
  relativeGapSum: z.number(),
  missing: z.object({ criteria: z.array(z.string()), indicators: z.array(z.string()) }),
  counts: z.record(indicatorStatus, z.number().int()),
  /** Value codes sent that the set does not have (ignored). */
  ignoredValues: z.array(z.string()),
});
export type EvaluationResponse = z.infer<typeof evaluationResponse>;

// ---- spreadsheet import ----

/** Roughly 3.7 MB of file once decoded. */
export const IMPORT_BASE64_MAX = 5_000_000;
export const importBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(IMPORT_BASE64_MAX),
  mode: z.enum(['preview', 'apply']),
  target: z.object({
    newSet: z.object({
      code: setCode,
      name: z.string().trim().min(3).max(NAME_MAX),
      level: standardLevel,
      legalBasis: z.string().trim().min(3).max(LEGAL_BASIS_MAX),
      validFrom: isoDate,
      validTo: isoDate.nullable().optional(),
      /** The province that owns the imported set; omitted = a national set (system administrators only). */
      provinceUnitId: id.nullable().optional(),
    }),
  }),
});
export type ImportBody = z.infer<typeof importBody>;

export const importIssue = z.object({
  severity: z.enum(['error', 'warning']),
  /** The column heading the issue is about, when it is about one cell. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;
export const importRow = z.object({
  /** Row number as the spreadsheet shows it. */
  row: z.number().int(),
  criterionNumber: z.string().nullable(),
  code: z.string().nullable(),
  targets: z.number().int(),
  issues: z.array(importIssue),
});
export type ImportRow = z.infer<typeof importRow>;
export const importReport = z.object({
  mode: z.enum(['preview', 'apply']),
  fileName: z.string(),
  sheet: z.string().nullable(),
  /** No errors: the file can be applied as it is. */
  ok: z.boolean(),
  applied: z.boolean(),
  summary: z.object({
    rows: z.number().int(),
    criteria: z.number().int(),
    indicators: z.number().int(),
    targets: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  /** Problems of the file or its headings (not of one row). */
  fileIssues: z.array(importIssue),
  rows: z.array(importRow),
  /** The draft set created (apply only). */
  set: setSummary.nullable(),
});
export type ImportReport = z.infer<typeof importReport>;
