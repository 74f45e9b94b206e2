/**
 * Multipart upload of one file (`POST /api/files?unitId=`, or any multipart endpoint with `uploadTo`), with
 * progress. XMLHttpRequest rather than fetch: fetch reports no upload progress. Same rules as lib/api.ts: same-origin
 * cookies, the CSRF token and an idempotency key (one per file chosen, kept across the CSRF retry), failures as
 * ApiError with the contract's code.
 */
import type { z } from 'zod';
import { storedFile, type StoredFile } from '../../../src/contracts/assistance.js';
import { ApiError, csrfTokenFor, reportUnauthenticated, toApiError } from './api.js';
import { newIdempotencyKey } from './idempotency.js';

export interface UploadOptions {
  /** Called with the share sent so far, 0..1. */
  onProgress?: (share: number) => void;
  signal?: AbortSignal;
  idempotencyKey?: string;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function sendOnce(file: File, url: string, csrf: string | null, key: string, o: UploadOptions): Promise<{ status: number; body: unknown; requestId: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('idempotency-key', key);
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) o.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: parse(xhr.responseText), requestId: xhr.getResponseHeader('x-request-id') });
    xhr.onerror = () => reject(new ApiError('NETWORK', 0, 'upload failed'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    o.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Uploads one file for a commune; resolves to the stored file (checked against the contract). Throws ApiError. */
export async function uploadFile(file: File, unitId: string, o: UploadOptions = {}): Promise<StoredFile> {
  return uploadTo(`/api/files?unitId=${encodeURIComponent(unitId)}`, file, storedFile, o);
}

/** Uploads one file as the multipart part `file` to `url`; resolves to the answer checked against `schema`. */
export async function uploadTo<S extends z.ZodType>(url: string, file: File, schema: S, o: UploadOptions = {}): Promise<z.output<S>> {
  const key = o.idempotencyKey ?? newIdempotencyKey();
  let res = await sendOnce(file, url, await csrfTokenFor('ensure'), key, o);
  let err = res.status >= 200 && res.status < 300 ? null : toApiError(res.status, res.body, { requestId: res.requestId });
  if (err?.code === 'CSRF') {
    res = await sendOnce(file, url, await csrfTokenFor('fresh'), key, o);
    err = res.status >= 200 && res.status < 300 ? null : toApiError(res.status, res.body, { requestId: res.requestId });
  }
  if (err) {
    if (err.code === 'UNAUTHENTICATED') reportUnauthenticated();
    throw err;
  }
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', res.status, parsed.error.message, res.requestId);
  o.onProgress?.(1);
  return parsed.data;
}
