/** Test helper: a tiny JPEG carrying an EXIF block with DateTimeOriginal and GPS (little-endian TIFF). */

function rational(dv: DataView, off: number, parts: Array<[number, number]>): void {
  parts.forEach(([n, d], i) => {
    dv.setUint32(off + i * 8, n, true);
    dv.setUint32(off + i * 8 + 4, d, true);
  });
}

const dms = (v: number): Array<[number, number]> => {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return [
    [d, 1],
    [m, 1],
    [s, 100],
  ];
};

/** `takenAt` as "YYYY:MM:DD HH:MM:SS". */
export function jpegWithExif(opts: { takenAt: string; lat: number; lon: number }): Buffer {
  const tiff = new DataView(new ArrayBuffer(178));
  const u8 = new Uint8Array(tiff.buffer);
  u8.set([0x49, 0x49]);
  tiff.setUint16(2, 42, true);
  tiff.setUint32(4, 8, true);
  const entry = (off: number, tag: number, type: number, count: number, value: number) => {
    tiff.setUint16(off, tag, true);
    tiff.setUint16(off + 2, type, true);
    tiff.setUint32(off + 4, count, true);
    tiff.setUint32(off + 8, value, true);
  };
  // IFD0: pointers to the Exif and GPS IFDs
  tiff.setUint16(8, 2, true);
  entry(10, 0x8769, 4, 1, 38);
  entry(22, 0x8825, 4, 1, 76);
  // Exif IFD: DateTimeOriginal
  tiff.setUint16(38, 1, true);
  entry(40, 0x9003, 2, 20, 56);
  u8.set(Buffer.from(`${opts.takenAt}\0`, 'latin1'), 56);
  // GPS IFD
  tiff.setUint16(76, 4, true);
  entry(78, 1, 2, 2, 0);
  u8[86] = (opts.lat < 0 ? 'S' : 'N').charCodeAt(0);
  entry(90, 2, 5, 3, 130);
  entry(102, 3, 2, 2, 0);
  u8[110] = (opts.lon < 0 ? 'W' : 'E').charCodeAt(0);
  entry(114, 4, 5, 3, 154);
  rational(tiff, 130, dms(opts.lat));
  rational(tiff, 154, dms(opts.lon));
  const exifHeader = Buffer.from('Exif\0\0', 'latin1');
  const len = 2 + exifHeader.length + u8.length;
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 0xff]),
    exifHeader,
    Buffer.from(u8),
    Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9]),
  ]);
}
