/** The bytes of uploads on disk: <dataDir>/uploads/<first two hex of sha256>/<sha256>, outside the web root. */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from './files.sniff.js';

export interface Received {
  tmpPath: string;
  sha256: string;
  size: number;
  head: Buffer;
}

const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Where the content with this hash lives. */
export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad sha256');
  return path.join(uploadsDir(dataDir), sha256.slice(0, 2), sha256);
}

/** Stream an upload to a temporary file while hashing it and keeping its first bytes. */
export async function receive(dataDir: string, source: Readable): Promise<Received> {
  const tmpDir = path.join(uploadsDir(dataDir), 'tmp');
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const headChunks: Buffer[] = [];
  let headLen = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      if (headLen < SNIFF_BYTES) {
        headChunks.push(chunk.subarray(0, SNIFF_BYTES - headLen));
        headLen += Math.min(chunk.length, SNIFF_BYTES - headLen);
      }
      cb(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, fs.createWriteStream(tmpPath));
  } catch (err) {
    await discard(tmpPath);
    throw err;
  }
  return { tmpPath, sha256: hash.digest('hex'), size, head: Buffer.concat(headChunks) };
}

/** Move a received file to its content address (identical content is kept once). */
export async function keep(dataDir: string, r: Received): Promise<void> {
  const target = blobPath(dataDir, r.sha256);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) {
    await discard(r.tmpPath);
    return;
  }
  await fs.promises.rename(r.tmpPath, target);
}

export async function discard(tmpPath: string): Promise<void> {
  await fs.promises.rm(tmpPath, { force: true });
}

/** A read stream of stored content, or null when the bytes are missing on disk. */
export function openBlob(dataDir: string, sha256: string): fs.ReadStream | null {
  const p = blobPath(dataDir, sha256);
  return fs.existsSync(p) ? fs.createReadStream(p) : null;
}
