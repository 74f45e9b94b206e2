import { describe, expect, it } from 'vitest';
import { formatQuantity, formatRate, formatVndShort } from './money.js';

describe('resource amounts', () => {
  it('reads large amounts in tỷ and triệu đồng with Vietnamese separators', () => {
    expect(formatVndShort(12_345_000_000, 'vi')).toBe('12,35 tỷ đ');
    expect(formatVndShort(1_000_000_000, 'vi')).toBe('1 tỷ đ');
    expect(formatVndShort(350_000_000, 'vi')).toBe('350 triệu đ');
    expect(formatVndShort(1_250_000, 'vi')).toBe('1,3 triệu đ');
    expect(formatVndShort(45_000, 'vi')).toBe('45.000 đ');
    expect(formatVndShort(12_345_000_000, 'en')).toBe('12.35 bn VND');
  });

  it('shows rates and quantities', () => {
    expect(formatRate(62.5, 'vi')).toBe('62,5 %');
    expect(formatRate(null, 'vi')).toBe('—');
    expect(formatQuantity(1250.5, 'vi')).toBe('1.250,5');
  });
});
