/**
 * A small EXIF reader for JPEG photos: the date the photo was taken and its GPS position, when present. Pure (bytes
 * in, facts out); never throws on malformed input — it answers null instead.
 */

export interface ExifFacts {
  /** "YYYY-MM-DDTHH:MM:SS" as written by the camera (local time, no zone). */
  takenAt: string | null;
  gps: { lat: number; lon: number } | null;
}

const TAG_DATETIME = 0x0132;
const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const TAG_DATETIME_ORIGINAL = 0x9003;

interface Tiff {
  buf: Uint8Array;
  base: number;
  little: boolean;
}

function u16(t: Tiff, off: number): number {
  const a = t.buf[t.base + off]!;
  const b = t.buf[t.base + off + 1]!;
  return t.little ? a | (b << 8) : (a << 8) | b;
}
function u32(t: Tiff, off: number): number {
  const b0 = t.buf[t.base + off]!;
  const b1 = t.buf[t.base + off + 1]!;
  const b2 = t.buf[t.base + off + 2]!;
  const b3 = t.buf[t.base + off + 3]!;
  return (t.little ? (b3 << 24) | (b2 << 16) | (b1 << 8) | b0 : (b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Offset (from the TIFF header) of the value bytes. */
  valueOff: number;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

function readIfd(t: Tiff, off: number, limit: number): Entry[] {
  if (off <= 0 || off + 2 > limit) return [];
  const n = u16(t, off);
  const entries: Entry[] = [];
  for (let i = 0; i < n && i < 500; i++) {
    const e = off + 2 + i * 12;
    if (e + 12 > limit) break;
    const type = u16(t, e + 2);
    const count = u32(t, e + 4);
    const size = (TYPE_SIZE[type] ?? 1) * count;
    const valueOff = size <= 4 ? e + 8 : u32(t, e + 8);
    if (valueOff + size > limit) continue;
    entries.push({ tag: u16(t, e), type, count, valueOff });
  }
  return entries;
}

function ascii(t: Tiff, e: Entry): string {
  let s = '';
  for (let i = 0; i < e.count; i++) {
    const c = t.buf[t.base + e.valueOff + i]!;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s.trim();
}

function rationals(t: Tiff, e: Entry): number[] {
  const out: number[] = [];
  for (let i = 0; i < e.count; i++) {
    const num = u32(t, e.valueOff + i * 8);
    const den = u32(t, e.valueOff + i * 8 + 4);
    out.push(den === 0 ? 0 : num / den);
  }
  return out;
}

function exifDate(s: string): string | null {
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s);
  if (!m || m[1] === '0000') return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}

function gpsOf(t: Tiff, entries: Entry[]): { lat: number; lon: number } | null {
  const get = (tag: number) => entries.find((e) => e.tag === tag);
  const latRef = get(1);
  const lat = get(2);
  const lonRef = get(3);
  const lon = get(4);
  if (!lat || !lon || lat.type !== 5 || lon.type !== 5 || lat.count < 3 || lon.count < 3) return null;
  const dms = (v: number[]) => v[0]! + v[1]! / 60 + v[2]! / 3600;
  let la = dms(rationals(t, lat));
  let lo = dms(rationals(t, lon));
  if (latRef && ascii(t, latRef).toUpperCase() === 'S') la = -la;
  if (lonRef && ascii(t, lonRef).toUpperCase() === 'W') lo = -lo;
  if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) return null;
  return { lat: Math.round(la * 1e6) / 1e6, lon: Math.round(lo * 1e6) / 1e6 };
}

/** The APP1 "Exif" segment's TIFF block of a JPEG, or null. */
function findTiff(buf: Uint8Array): { base: number; length: number } | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return null;
  let p = 2;
  while (p + 4 <= buf.length) {
    if (buf[p] !== 0xff) return null;
    const marker = buf[p + 1]!;
    if (marker === 0xda || marker === 0xd9) return null; // image data starts: no EXIF before it
    const len = (buf[p + 2]! << 8) | buf[p + 3]!;
    if (len < 2) return null;
    if (marker === 0xe1 && p + 10 <= buf.length) {
      const id = String.fromCharCode(...buf.subarray(p + 4, p + 10));
      if (id === 'Exif\0\0') return { base: p + 10, length: Math.min(len - 8, buf.length - (p + 10)) };
    }
    p += 2 + len;
  }
  return null;
}

/** Read the EXIF date and GPS position of a JPEG; null when the bytes carry no readable EXIF. */
export function readExif(bytes: Uint8Array): ExifFacts | null {
  try {
    const block = findTiff(bytes);
    if (!block || block.length < 8) return null;
    const order = String.fromCharCode(bytes[block.base]!, bytes[block.base + 1]!);
    if (order !== 'II' && order !== 'MM') return null;
    const t: Tiff = { buf: bytes, base: block.base, little: order === 'II' };
    if (u16(t, 2) !== 42) return null;
    const ifd0 = readIfd(t, u32(t, 4), block.length);
    const pointer = (tag: number) => {
      const e = ifd0.find((x) => x.tag === tag);
      return e ? u32(t, e.valueOff) : 0;
    };
    const exif = readIfd(t, pointer(TAG_EXIF_IFD), block.length);
    const original = exif.find((e) => e.tag === TAG_DATETIME_ORIGINAL) ?? ifd0.find((e) => e.tag === TAG_DATETIME);
    const takenAt = original && original.type === 2 ? exifDate(ascii(t, original)) : null;
    const gps = gpsOf(t, readIfd(t, pointer(TAG_GPS_IFD), block.length));
    if (!takenAt && !gps) return null;
    return { takenAt, gps };
  } catch {
    return null;
  }
}
