/** POST /api/criteria/import: preview a spreadsheet's validation report, or apply it as a new draft set. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importReport, type ImportBody } from '../../../../../src/contracts/criteria.js';
import { apiRequest } from '../../../lib/api.js';
import { criteriaKeys } from './keys.js';

/** The empty template workbook (a plain download: same-origin cookies, no JSON). */
export const IMPORT_TEMPLATE_URL = '/api/criteria/import-template.xlsx';

export function importSet(body: ImportBody, idempotencyKey: string) {
  return apiRequest('POST', '/api/criteria/import', { body, idempotencyKey, schema: importReport });
}

export function useImportSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ImportBody; idempotencyKey: string }) => importSet(body, idempotencyKey),
    onSuccess: (report) => (report.applied ? qc.invalidateQueries({ queryKey: criteriaKeys.lists() }) : undefined),
  });
}
