/** GET /api/reports/:key: one report's sections for the screen; the download links for the same parameters. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { reportResult, type ReportKey } from '../../../../../src/contracts/reports.js';
import { apiGet, toQueryString } from '../../../lib/api.js';
import { reportKeys, type ReportParams } from './keys.js';

const clean = (p: ReportParams) => ({ ...p });

export function getReport(key: ReportKey, p: ReportParams, signal?: AbortSignal) {
  return apiGet(`/api/reports/${key}`, reportResult, clean(p), signal);
}

export const reportQueryOptions = (key: ReportKey, p: ReportParams) =>
  queryOptions({ queryKey: reportKeys.report(key, p), queryFn: ({ signal }) => getReport(key, p, signal) });

export function useReport(key: ReportKey, p: ReportParams, enabled = true) {
  return useQuery({ ...reportQueryOptions(key, p), enabled, placeholderData: keepPreviousData });
}

/** The workbook of a report with these parameters (a plain link: the browser downloads it with the session cookie). */
export function xlsxUrl(key: ReportKey, p: ReportParams): string {
  return `/api/reports/${key}/xlsx${toQueryString(clean(p))}`;
}

/** The narrative report as a Word file. */
export function docxUrl(p: Pick<ReportParams, 'year' | 'unitId' | 'setId'>): string {
  return `/api/reports/narrative/docx${toQueryString({ year: p.year, unitId: p.unitId, setId: p.setId })}`;
}
