/**
 * Excel import of a cycle's indicator values (issue 7): template download, upload → background validation (polled),
 * per-row report in Vietnamese with stable codes, preview of changes (value and engine status before → after), apply
 * all or nothing.
 */
import { z } from 'zod';
import { id } from './common.js';
import { indicatorValue } from './assessments.js';

/** Largest workbook accepted (a province-wide file of 150 communes × 60 indicators is ≈ 1 MB). */
export const VALUE_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Most data rows one file may hold (a province of 150 communes × 60 indicators is 9,000). */
export const VALUE_IMPORT_MAX_ROWS = 20_000;
/** How many issues and changes the job answer carries (the errors.xlsx file has them all). */
export const VALUE_IMPORT_LIST_MAX = 1000;

export const templateQuery = z.object({ unitId: id.optional() });
export const uploadQuery = z.object({ unitId: id.optional() });
export const cycleIdParams = z.object({ id });
export const jobParams = z.object({ id });

/** Stable codes of the report (clients and tests switch on them; the message is Vietnamese text for people). */
export const issueCodes = [
  // file
  'FILE_UNREADABLE',
  'SHEET_MISSING',
  'COLUMN_MISSING',
  'WRONG_CYCLE',
  'SET_CHANGED',
  'NO_ROWS',
  'TOO_MANY_ROWS',
  'NO_TEMPLATE_INFO',
  // rows
  'COMMUNE_MISSING',
  'COMMUNE_UNKNOWN',
  'COMMUNE_NOT_IN_CYCLE',
  'COMMUNE_OUT_OF_SCOPE',
  'COMMUNE_OTHER_THAN_SELECTED',
  'INDICATOR_MISSING',
  'INDICATOR_UNKNOWN',
  'UNIT_MISMATCH',
  'VALUE_WRONG_TYPE',
  'VALUE_OUT_OF_RANGE',
  'VALUE_NOT_IN_SCALE',
  'VALUE_TOO_LONG',
  'VALUE_PERCENT_FORMAT',
  'NOTE_TOO_LONG',
  'DUPLICATE_ROW',
  'CYCLE_CLOSED',
  'NOT_ALLOWED',
  'INDICATOR_LOCKED',
  'CHANGED_SINCE_TEMPLATE',
  'NOT_APPLICABLE',
] as const;
export const issueCode = z.enum(issueCodes);
export type IssueCode = z.infer<typeof issueCode>;

export const importIssue = z.object({
  /** Spreadsheet row number (1-based, as Excel shows it); null for a problem of the whole file. */
  row: z.number().int().nullable(),
  /** Column heading as in the template; null when the problem is not about one column. */
  column: z.string().nullable(),
  code: issueCode,
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  unitCode: z.string().nullable(),
  indicatorCode: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof importIssue>;

const unitRef = z.object({ id, code: z.string().nullable(), name: z.string() });
const status = z.enum(['met', 'not_met', 'not_applicable', 'missing_value', 'target_unknown']);

export const importChange = z.object({
  row: z.number().int(),
  assessmentId: id,
  unit: unitRef,
  code: z.string(),
  wording: z.string(),
  unitOfMeasure: z.string().nullable(),
  before: indicatorValue,
  after: indicatorValue,
  noteBefore: z.string().nullable(),
  /** The note after applying (unchanged notes repeat the old one). */
  noteAfter: z.string().nullable(),
  statusBefore: status,
  statusAfter: status,
});
export type ImportChange = z.infer<typeof importChange>;

export const importCommune = z.object({
  assessmentId: id,
  unit: unitRef,
  changes: z.number().int(),
  criteriaMetBefore: z.number().int(),
  criteriaMetAfter: z.number().int(),
  criteriaApplicable: z.number().int(),
  meetsStandardBefore: z.boolean(),
  meetsStandardAfter: z.boolean(),
});
export type ImportCommune = z.infer<typeof importCommune>;

export const jobStatuses = ['parsing', 'validated', 'applied', 'failed'] as const;
export const jobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof jobStatus>;

export const valueImportJob = z.object({
  id,
  cycle: z.object({ id, name: z.string(), year: z.number().int() }),
  unit: unitRef,
  fileName: z.string(),
  fileId: id,
  status: jobStatus,
  progress: z.object({ phase: z.enum(['reading', 'validating', 'done']), done: z.number().int(), total: z.number().int() }),
  counts: z.object({ rows: z.number().int(), errors: z.number().int(), warnings: z.number().int(), changes: z.number().int(), communes: z.number().int() }),
  failure: z.string().nullable(),
  /** Errors first, then warnings; at most VALUE_IMPORT_LIST_MAX. */
  issues: z.array(importIssue),
  issuesTruncated: z.boolean(),
  changes: z.array(importChange),
  changesTruncated: z.boolean(),
  communes: z.array(importCommune),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  validatedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  appliedBy: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ canApply: z.boolean(), canDownloadErrors: z.boolean() }),
});
export type ValueImportJob = z.infer<typeof valueImportJob>;

export const applyBody = z.object({ expectedVersion: z.number().int().min(1) });
export type ApplyBody = z.infer<typeof applyBody>;

/** Conflict details of a refused apply: the rows that changed since validation. */
export const applyConflictRow = z.object({ row: z.number().int(), unitCode: z.string().nullable(), unitName: z.string(), code: z.string() });
export type ApplyConflictRow = z.infer<typeof applyConflictRow>;
