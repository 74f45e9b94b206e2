/**
 * Evidence of an indicator: files uploaded through platform/files (type sniffed, size-limited, stored outside the web
 * root) attached to a row the commune may edit, with the photo's EXIF date and GPS read by our own parser.
 * Thumbnails are not generated (the browser scales the original).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { evidenceResponse } from '../../contracts/assessments.js';
import { readExif } from '../../domain/files/exif.js';
import { isEditable } from '../../domain/assessments/transitions.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import { unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { loadAttachable } from '../../platform/files/files.service.js';
import { mutate } from '../../platform/tx.js';
import { presentEvidence } from './assessments.presenter.js';
import * as repo from './assessments.repo.js';

type EvidenceResponse = z.infer<typeof evidenceResponse>;

/** EXIF facts of a stored JPEG (first 128 KB are enough for the APP1 segment). */
async function exifOf(dataDir: string, sha256: string, mime: string) {
  if (mime !== 'image/jpeg') return null;
  try {
    const bytes = await readFile(path.join(dataDir, 'uploads', sha256.slice(0, 2), sha256));
    return readExif(bytes.subarray(0, 128 * 1024));
  } catch {
    return null;
  }
}

async function loadEditableRow(db: Db, ctx: RequestCtx, id: string, code: string) {
  authorize(ctx.actor, 'assessment.fill');
  const a = await repo.findAssessment(db, id);
  if (!a) throw notFound('Hồ sơ đánh giá');
  const inScope = (await unitIdsInScope(db, ctx.actor, [a.unit_id])).has(a.unit_id);
  if (!inScope) throw notFound('Hồ sơ đánh giá');
  if (!ctx.actor.roles.includes('commune_officer') && !ctx.actor.roles.includes('system_admin')) throw forbidden();
  const head = await repo.findRowHead(db, id, code);
  if (!head) throw notFound('Chỉ tiêu');
  if (a.cycle_status !== 'open' || !isEditable(a.status, head.state)) {
    throw new AppError('INVALID_TRANSITION', 'Chỉ tiêu này không mở để sửa (chỉ sửa chỉ tiêu đang nhập hoặc được trả lại)');
  }
  return { a, head };
}

async function answer(db: Db, id: string, code: string): Promise<EvidenceResponse> {
  const row = (await repo.findResults(db, id, code))[0]!;
  return { code, evidence: (repo.json<repo.EvidenceJson[] | null>(row.evidence) ?? []).map(presentEvidence) };
}

export async function attach(db: Db, dataDir: string, ctx: RequestCtx, id: string, code: string, fileId: string): Promise<EvidenceResponse> {
  const { a, head } = await loadEditableRow(db, ctx, id, code);
  const [file] = await loadAttachable(db, [fileId], a.unit_id);
  const exif = await exifOf(dataDir, file!.sha256, file!.mime);
  await mutate(db, ctx, async (tx) => {
    await repo.attachEvidence(tx, { resultId: head.id, fileId, takenAt: exif?.takenAt ?? null, lat: exif?.gps?.lat ?? null, lon: exif?.gps?.lon ?? null, actorId: ctx.actor!.id });
    await recordAudit(tx, ctx, { action: 'assessment.evidence.attach', entityType: 'indicator_result', entityId: head.id, unitId: a.unit_id, after: { code, fileId, exif } });
  });
  return answer(db, id, code);
}

export async function detach(db: Db, ctx: RequestCtx, id: string, code: string, fileId: string): Promise<EvidenceResponse> {
  const { a, head } = await loadEditableRow(db, ctx, id, code);
  await mutate(db, ctx, async (tx) => {
    if (!(await repo.detachEvidence(tx, head.id, fileId))) throw notFound('Minh chứng');
    await recordAudit(tx, ctx, { action: 'assessment.evidence.detach', entityType: 'indicator_result', entityId: head.id, unitId: a.unit_id, before: { code, fileId } });
  });
  return answer(db, id, code);
}
