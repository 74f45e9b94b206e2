/** Query keys of the reports feature. */
import type { ReportKey } from '../../../../../src/contracts/reports.js';

export interface ReportParams {
  year: number;
  fromYear?: number | undefined;
  setId?: string | undefined;
  unitId?: string | undefined;
  communeId?: string | undefined;
  basis?: 'all' | 'appraised' | undefined;
}

export const reportKeys = {
  all: ['reports'] as const,
  catalog: () => ['reports', 'catalog'] as const,
  report: (key: ReportKey, p: ReportParams) => ['reports', 'view', key, p] as const,
};
