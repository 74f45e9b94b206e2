/**
 * Thumbnails of photos: a WebP whose longest side is at most THUMB_MAX_PX, kept once per content under
 * <dataDir>/uploads/thumbs/<sha256>.webp. Made right after an upload and, for older files, on first request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { blobPath } from './files.store.js';
import type { FileMime } from './files.sniff.js';

export const THUMB_MAX_PX = 320;
export const THUMB_MIME = 'image/webp';

/** Whether files of this type get a thumbnail (photos only, not PDF). */
export const hasThumbnail = (mime: FileMime): boolean => mime === 'image/jpeg' || mime === 'image/png' || mime === 'image/webp';

export function thumbPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad sha256');
  return path.join(dataDir, 'uploads', 'thumbs', `${sha256}.webp`);
}

/**
 * Make the thumbnail of stored content if it is not there yet; returns its path, or null when the bytes are
 * missing or cannot be decoded as an image (the original stays downloadable).
 */
export async function ensureThumbnail(dataDir: string, sha256: string): Promise<string | null> {
  const target = thumbPath(dataDir, sha256);
  if (fs.existsSync(target)) return target;
  const source = blobPath(dataDir, sha256);
  if (!fs.existsSync(source)) return null;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomUUID()}.tmp`;
  try {
    await sharp(source, { limitInputPixels: 100_000_000 })
      .rotate() // honour the EXIF orientation of phone photos
      .resize(THUMB_MAX_PX, THUMB_MAX_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toFile(tmp);
    await fs.promises.rename(tmp, target);
    return target;
  } catch {
    await fs.promises.rm(tmp, { force: true });
    return null;
  }
}
