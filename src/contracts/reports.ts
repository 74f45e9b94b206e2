/**
 * Standard reports (issue 7): the catalog, each report's parameters and its table layout — shared by the JSON view,
 * the .xlsx export and the web page, so the screen, the print-out and the spreadsheet show the same columns.
 */
import { z } from 'zod';
import { id } from './common.js';

export const reportKeys = [
  'criteria-achievement',
  'bands',
  'commune-profile',
  'maintenance',
  'target-progress',
  'activities-by-agency',
  'obstacles',
  'resources',
  'indicator-values',
  'narrative',
] as const;
export type ReportKey = (typeof reportKeys)[number];

/** Column types drive the cell format on screen (vi-VN) and in the workbook (number formats). */
/** `year` is an integer printed without grouping (2024, not 2.024). */
export const columnTypes = ['text', 'integer', 'year', 'decimal', 'percent', 'vnd', 'date'] as const;
export type ColumnType = (typeof columnTypes)[number];

export const reportColumn = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  type: z.enum(columnTypes),
  /** Width in characters for the workbook (and a hint for the screen). */
  width: z.number().int().positive(),
});
export type ReportColumn = z.infer<typeof reportColumn>;

/** A cell: text, a number (percent as 0–100, VND as an integer), a date 'YYYY-MM-DD', or empty. */
export const reportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCell>;

export const reportRow = z.object({
  cells: z.array(reportCell),
  /** The row comes from (or includes) demonstration data. */
  demo: z.boolean(),
  /** data | total (bold, a sum or average of the rows above) | group (a heading row). */
  kind: z.enum(['data', 'total', 'group']),
  /** In-app link for the row (e.g. the commune profile), when there is one. */
  link: z.string().nullable(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportSection = z.object({
  key: z.string(),
  title: z.string(),
  titleEn: z.string(),
  columns: z.array(reportColumn),
  rows: z.array(reportRow),
  /** Rows the section has in full (the view may show fewer: the workbook has them all). */
  totalRows: z.number().int(),
});
export type ReportSection = z.infer<typeof reportSection>;

export const paramNames = ['year', 'fromYear', 'setId', 'unitId', 'communeId', 'basis', 'listId'] as const;
export type ParamName = (typeof paramNames)[number];

export const reportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** First year of a multi-year report (bands by year); default year − 4. */
  fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
  setId: id.optional(),
  /** Limit to the communes under this unit (and its predecessors' communes); default: the caller's whole scope. */
  unitId: id.optional(),
  /** The commune of a commune profile. */
  communeId: id.optional(),
  /** Which commune summaries count: every one (self-assessed included) or appraised only. */
  basis: z.enum(['all', 'appraised']).default('all'),
  /** A target list (target-commune progress). */
  listId: id.optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const reportParams = z.object({ key: z.enum(reportKeys) });

/** What the report was run for, in words for the title rows. */
export const reportScope = z.object({
  year: z.number().int(),
  fromYear: z.number().int().nullable(),
  unit: z.object({ id, name: z.string() }).nullable(),
  commune: z.object({ id, name: z.string() }).nullable(),
  set: z.object({ id, code: z.string(), name: z.string(), criteriaCount: z.number().int() }).nullable(),
  basis: z.enum(['all', 'appraised']),
});

export const reportResult = z.object({
  key: z.enum(reportKeys),
  title: z.string(),
  titleEn: z.string(),
  scope: reportScope,
  /** Title lines under the title (unit, year, set, basis), Vietnamese. */
  subtitle: z.array(z.string()),
  sections: z.array(reportSection),
  /** Notes printed under the tables (conventions, missing sources, demonstration data). */
  notes: z.array(z.string()),
  hasDemo: z.boolean(),
  generatedAt: z.string(),
  abilities: z.object({ canExportXlsx: z.boolean(), canExportDocx: z.boolean() }),
});
export type ReportResult = z.infer<typeof reportResult>;

export const reportCatalogItem = z.object({
  key: z.enum(reportKeys),
  number: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  params: z.array(z.enum(paramNames)),
  formats: z.array(z.enum(['xlsx', 'docx'])),
  /** False when the data it needs is not built yet (the reason is in `unavailableReason`). */
  available: z.boolean(),
  unavailableReason: z.string().nullable(),
  abilities: z.object({ canView: z.boolean(), canExport: z.boolean() }),
});
export type ReportCatalogItem = z.infer<typeof reportCatalogItem>;
export const reportCatalog = z.object({ items: z.array(reportCatalogItem) });
export type ReportCatalog = z.infer<typeof reportCatalog>;

export const narrativeQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  unitId: id.optional(),
  setId: id.optional(),
});
export type NarrativeQuery = z.infer<typeof narrativeQuery>;
