import { describe, expect, it } from 'vitest';
import { formatVnd, parseVnd, splitList } from './format.js';

describe('VND amounts', () => {
  it('shows amounts the Vietnamese way: dots for thousands and "đ"', () => {
    expect(formatVnd(1_500_000, 'vi')).toBe('1.500.000 đ');
    expect(formatVnd(0, 'vi')).toBe('0 đ');
    expect(formatVnd(1_500_000, 'en')).toBe('1,500,000 VND');
  });

  it('reads amounts typed with or without separators and a currency word', () => {
    expect(parseVnd('1.500.000')).toBe(1_500_000);
    expect(parseVnd('1,500,000')).toBe(1_500_000);
    expect(parseVnd('1500000')).toBe(1_500_000);
    expect(parseVnd(' 2 000 000 đ ')).toBe(2_000_000);
    expect(parseVnd('')).toBeNull();
    expect(parseVnd('1.5')).toBeNaN();
    expect(parseVnd('một triệu')).toBeNaN();
  });
});

describe('splitList', () => {
  it('splits on commas and semicolons, trims and drops empties and repeats', () => {
    expect(splitList('5, 6.1; KM.2,,5')).toEqual(['5', '6.1', 'KM.2']);
    expect(splitList('  ')).toEqual([]);
  });
});
