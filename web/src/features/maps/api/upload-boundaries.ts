/**
 * POST /api/maps/boundaries?…: one multipart part `file`, with upload progress (XMLHttpRequest, as lib/upload.ts),
 * the CSRF token and one idempotency key per chosen file; failures as ApiError (a refusal carries `details.report`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadBoundariesResponse, type UploadBoundariesResponse } from '../../../../../src/contracts/maps.js';
import { ApiError, csrfTokenFor, reportUnauthenticated, toApiError, toQueryString } from '../../../lib/api.js';
import { newIdempotencyKey } from '../../../lib/idempotency.js';
import { mapKeys } from './keys.js';

export interface UploadBoundariesInput {
  file: File;
  name: string;
  yearFrom: number;
  yearTo?: number | undefined;
  codeProperty?: string | undefined;
  onProgress?: (share: number) => void;
}

function sendOnce(i: UploadBoundariesInput, csrf: string | null, key: string): Promise<{ status: number; body: unknown; requestId: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const q = toQueryString({ name: i.name, yearFrom: i.yearFrom, yearTo: i.yearTo, codeProperty: i.codeProperty });
    xhr.open('POST', `/api/maps/boundaries${q}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('idempotency-key', key);
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) i.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = xhr.responseText;
      }
      resolve({ status: xhr.status, body, requestId: xhr.getResponseHeader('x-request-id') });
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 0, 'upload failed'));
    const form = new FormData();
    form.append('file', i.file, i.file.name);
    xhr.send(form);
  });
}

export async function uploadBoundaries(i: UploadBoundariesInput): Promise<UploadBoundariesResponse> {
  const key = newIdempotencyKey();
  let res = await sendOnce(i, await csrfTokenFor('ensure'), key);
  let err = res.status >= 200 && res.status < 300 ? null : toApiError(res.status, res.body, { requestId: res.requestId });
  if (err?.code === 'CSRF') {
    res = await sendOnce(i, await csrfTokenFor('fresh'), key);
    err = res.status >= 200 && res.status < 300 ? null : toApiError(res.status, res.body, { requestId: res.requestId });
  }
  if (err) {
    if (err.code === 'UNAUTHENTICATED') reportUnauthenticated();
    throw err;
  }
  const parsed = uploadBoundariesResponse.safeParse(res.body);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', res.status, parsed.error.message, res.requestId);
  return parsed.data;
}

export function useUploadBoundaries() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: uploadBoundaries, onSuccess: () => qc.invalidateQueries({ queryKey: mapKeys.all }) });
}
