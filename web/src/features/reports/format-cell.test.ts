import { describe, expect, it } from 'vitest';
import { formatCell } from './format-cell.js';

describe('formatCell', () => {
  it('writes numbers the Vietnamese way by column type', () => {
    expect(formatCell(1234567, 'vnd', 'vi')).toBe('1.234.567 đ');
    expect(formatCell(12.5, 'percent', 'vi')).toBe('12,5%');
    expect(formatCell(2024, 'year', 'vi')).toBe('2024');
    expect(formatCell(2024, 'integer', 'vi')).toBe('2.024');
    expect(formatCell(15.33, 'decimal', 'vi')).toBe('15,33');
    expect(formatCell('2024-06-10', 'date', 'vi')).toBe('10/06/2024');
    expect(formatCell(null, 'integer', 'vi')).toBe('');
    expect(formatCell(12.5, 'percent', 'en')).toBe('12.5%');
  });
});
