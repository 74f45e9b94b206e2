/**
 * Uploads: stream to disk while hashing, sniff the type from the first bytes, keep the content once under its
 * sha256, and record it with the unit whose scope decides who may read it. Reused by later features (evidence).
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { StoredFile } from '../../contracts/assistance.js';
import { recordAudit } from '../audit.js';
import { authorize } from '../auth/policy.js';
import { allUnitsInScope } from '../auth/scope.repo.js';
import type { RequestCtx } from '../context.js';
import type { Db } from '../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { mutate } from '../tx.js';
import * as repo from './files.repo.js';
import { presentFile } from './files.presenter.js';
import { sniffMime } from './files.sniff.js';
import { discard, keep, openBlob, receive } from './files.store.js';
import { THUMB_MIME, ensureThumbnail, hasThumbnail } from './files.thumbs.js';

const NOT_ALLOWED = 'Chỉ nhận tệp ảnh JPEG, PNG, WebP hoặc tài liệu PDF';

/** Store one uploaded part for a unit in the actor's scope. */
export async function upload(
  db: Db,
  dataDir: string,
  ctx: RequestCtx,
  unitId: string,
  readPart: () => Promise<MultipartFile | undefined>,
): Promise<StoredFile> {
  authorize(ctx.actor, 'file.upload');
  const actor = ctx.actor;
  // Refusals come before the body is read: nothing of a refused upload touches the disk.
  if (!(await allUnitsInScope(db, actor, [unitId]))) throw forbidden('Đơn vị của tệp nằm ngoài phạm vi của bạn');
  const part = await readPart();
  if (!part) throw invalid([{ path: 'file', message: 'Chưa chọn tệp' }], 'Chưa có tệp gửi lên');
  const received = await receive(dataDir, part.file as Readable);
  if (part.file.truncated) {
    await discard(received.tmpPath);
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn (tối đa 15 MB mỗi tệp)');
  }
  const mime = sniffMime(received.head);
  if (!mime || received.size === 0) {
    await discard(received.tmpPath);
    throw invalid([{ path: 'file', message: NOT_ALLOWED }], NOT_ALLOWED);
  }
  await keep(dataDir, received);
  // A photo that cannot be decoded still uploads; its thumbnail is simply missing (404).
  if (hasThumbnail(mime)) await ensureThumbnail(dataDir, received.sha256);
  const originalName = (part.filename || 'tep').slice(0, 255);
  const row = await mutate(db, ctx, async (tx) => {
    const r = await repo.insertFile(tx, { sha256: received.sha256, mime, size: received.size, originalName, unitId, uploadedBy: actor.id });
    await recordAudit(tx, ctx, {
      action: 'file.upload',
      entityType: 'stored_file',
      entityId: r.id,
      unitId,
      after: { sha256: r.sha256, mime, size: received.size, originalName },
    });
    return r;
  });
  return presentFile(row);
}

/** A file's metadata and bytes, when its unit is in the actor's scope (else NOT_FOUND). */
export async function download(db: Db, dataDir: string, ctx: RequestCtx, id: string) {
  authorize(ctx.actor, 'file.read');
  const row = await repo.findFile(db, id);
  if (!row || !(await allUnitsInScope(db, ctx.actor, [row.unit_id]))) throw notFound('Tệp');
  const stream = openBlob(dataDir, row.sha256);
  if (!stream) throw notFound('Tệp');
  return { file: presentFile(row), stream };
}

/** The thumbnail of a photo whose unit is in the actor's scope (else NOT_FOUND, as for a PDF or an undecodable image). */
export async function thumbnail(db: Db, dataDir: string, ctx: RequestCtx, id: string) {
  authorize(ctx.actor, 'file.read');
  const row = await repo.findFile(db, id);
  if (!row || !hasThumbnail(row.mime) || !(await allUnitsInScope(db, ctx.actor, [row.unit_id]))) throw notFound('Ảnh thu nhỏ');
  const p = await ensureThumbnail(dataDir, row.sha256);
  if (!p) throw notFound('Ảnh thu nhỏ');
  const stat = await fs.promises.stat(p);
  return { mime: THUMB_MIME, size: stat.size, stream: fs.createReadStream(p) };
}

/**
 * Check files to attach to a record of `unitId`: they must exist and belong to that unit (upload them with it).
 * Returns them in the order given.
 */
export async function loadAttachable(db: Db, ids: readonly string[], unitId: string): Promise<repo.FileRow[]> {
  const unique = [...new Set(ids)];
  const rows = await repo.findFiles(db, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bad = unique.filter((i) => byId.get(i)?.unit_id !== unitId);
  if (bad.length) {
    throw invalid(bad.map((i) => ({ path: `fileIds.${unique.indexOf(i)}`, message: 'Tệp không tồn tại hoặc không thuộc xã này' })));
  }
  return unique.map((i) => byId.get(i)!);
}
