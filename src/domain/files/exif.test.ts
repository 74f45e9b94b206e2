import { describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../test/jpeg.js';
import { readExif } from './exif.js';

describe('readExif', () => {
  it('reads the date taken and the GPS position of a JPEG', () => {
    const jpeg = jpegWithExif({ takenAt: '2025:08:14 09:30:05', lat: 22.5383, lon: 103.8842 });
    const facts = readExif(jpeg);
    expect(facts?.takenAt).toBe('2025-08-14T09:30:05');
    expect(facts?.gps?.lat).toBeCloseTo(22.5383, 3);
    expect(facts?.gps?.lon).toBeCloseTo(103.8842, 3);
  });

  it('signs southern and western positions', () => {
    const facts = readExif(jpegWithExif({ takenAt: '2024:01:02 03:04:05', lat: -10.5, lon: -20.25 }));
    expect(facts?.gps).toEqual({ lat: -10.5, lon: -20.25 });
  });

  it('answers null for a JPEG without EXIF, a PNG and truncated bytes', () => {
    expect(readExif(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]))).toBeNull();
    expect(readExif(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(readExif(jpegWithExif({ takenAt: '2025:08:14 09:30:05', lat: 1, lon: 1 }).subarray(0, 40))).toBeNull();
  });
});
