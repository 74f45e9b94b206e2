/** Recognise an upload's type from its first bytes (pure): never trust the name or the client's header. */
import type { z } from 'zod';
import type { fileMime } from '../../contracts/assistance.js';

export type FileMime = z.infer<typeof fileMime>;
/** How many leading bytes `sniffMime` needs. */
export const SNIFF_BYTES = 16;

const startsWith = (buf: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** JPEG, PNG, WebP or PDF from the magic bytes; null for anything else. */
export function sniffMime(head: Uint8Array): FileMime | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}
