import { describe, expect, it } from 'vitest';
import { addDays, clockTimeAfter, formatDate, formatDateTime, formatDuration, formatNumber, isIsoDate, parseDisplayDate, todayIso } from './format.js';

describe('dates', () => {
  it('shows calendar dates as dd/MM/yyyy in both languages, without a time-zone shift', () => {
    expect(formatDate('2025-06-30', 'vi')).toBe('30/06/2025');
    expect(formatDate('2024-01-01', 'vi')).toBe('01/01/2024');
    expect(formatDate('2025-06-30', 'en')).toBe('30/06/2025');
    expect(formatDate(null, 'vi')).toBe('');
  });

  it('shows instants in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatDateTime('2025-06-30T17:05:09Z', 'vi')).toBe('01/07/2025 00:05:09');
    expect(formatDateTime('2025-06-30T07:05:09.123+00:00', 'en')).toBe('30/06/2025 14:05:09');
    expect(clockTimeAfter(new Date('2025-06-30T07:00:00Z'), 15 * 60, 'vi')).toBe('14:15');
  });

  it('reads dates as people type them', () => {
    expect(parseDisplayDate('30/06/2025')).toBe('2025-06-30');
    expect(parseDisplayDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDisplayDate('01-07-2025')).toBe('2025-07-01');
    expect(parseDisplayDate(' 2025-07-01 ')).toBe('2025-07-01');
    expect(parseDisplayDate('31/02/2025')).toBeNull();
    expect(parseDisplayDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDisplayDate('30/06/25')).toBeNull();
    expect(parseDisplayDate('')).toBeNull();
  });

  it('checks and moves calendar dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('knows today in Viet Nam, not in UTC', () => {
    expect(todayIso(new Date('2025-06-30T18:00:00Z'))).toBe('2025-07-01');
    expect(todayIso(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
  });
});

describe('numbers and durations', () => {
  it('uses vi-VN separators', () => {
    expect(formatNumber(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('says durations in words', () => {
    expect(formatDuration(900, 'vi')).toBe('15 phút');
    expect(formatDuration(3900, 'vi')).toBe('1 giờ 5 phút');
    expect(formatDuration(42, 'vi')).toBe('42 giây');
    expect(formatDuration(60, 'en')).toBe('1 minute');
    expect(formatDuration(632, 'vi')).toBe('11 phút');
    expect(formatDuration(3600, 'vi')).toBe('1 giờ');
  });
});
