/**
 * The values import endpoints (src/modules/value-import/value-import.routes.ts): the job (polled while the server
 * checks the file), the upload (multipart with progress, lib/upload.ts), the apply, the download links and the cycle.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cycle } from '../../../../../src/contracts/assessments.js';
import { valueImportJob, type ValueImportJob } from '../../../../../src/contracts/value-import.js';
import { apiGet, apiRequest, toQueryString } from '../../../lib/api.js';
import { uploadTo } from '../../../lib/upload.js';

export const valueImportKeys = {
  all: ['value-import'] as const,
  job: (id: string) => [...valueImportKeys.all, 'job', id] as const,
  cycle: (id: string) => [...valueImportKeys.all, 'cycle', id] as const,
};

export const paths = {
  template: (cycleId: string, unitId?: string) => `/api/cycles/${cycleId}/values-template.xlsx${toQueryString({ unitId })}`,
  upload: (cycleId: string, unitId?: string) => `/api/cycles/${cycleId}/value-imports${toQueryString({ unitId })}`,
  job: (id: string) => `/api/value-imports/${id}`,
  apply: (id: string) => `/api/value-imports/${id}/apply`,
  errors: (id: string) => `/api/value-imports/${id}/errors.xlsx`,
};

/** The cycle being imported into (name, year), for the page title. */
export function useImportCycle(id: string) {
  return useQuery(queryOptions({ queryKey: valueImportKeys.cycle(id), queryFn: ({ signal }) => apiGet(`/api/cycles/${id}`, cycle, undefined, signal) }));
}

/** A job; polled every 700 ms while the server is still reading and checking the file. */
export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: valueImportKeys.job(id ?? ''),
    queryFn: ({ signal }) => apiGet(paths.job(id!), valueImportJob, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data?.status === 'parsing' ? 700 : false),
    refetchOnWindowFocus: false,
  });
}

export interface UploadInput {
  cycleId: string;
  unitId?: string | undefined;
  file: File;
  onProgress?: (share: number) => void;
}

export function useUploadValues() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (i: UploadInput) => uploadTo(paths.upload(i.cycleId, i.unitId), i.file, valueImportJob, { ...(i.onProgress ? { onProgress: i.onProgress } : {}) }),
    onSuccess: (job) => qc.setQueryData(valueImportKeys.job(job.id), job),
  });
}

export function useApplyImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (job: Pick<ValueImportJob, 'id' | 'version'>) => apiRequest('POST', paths.apply(job.id), { body: { expectedVersion: job.version }, schema: valueImportJob }),
    onSuccess: (job) => {
      qc.setQueryData(valueImportKeys.job(job.id), job);
      // Forms and lists of the assessments show the new values.
      void qc.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
}
