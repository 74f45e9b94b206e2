import { describe, expect, it } from 'vitest';
import '../../i18n/parts/plans.vi.js';
import { translate } from '../../i18n/translate.js';
import { parseVnd, reasonText, riskLook } from './labels.js';

const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate('vi', k, p);
const date = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const number = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

describe('plans labels', () => {
  it('words every at-risk reason with its parameters', () => {
    expect(reasonText({ code: 'gap_too_large', missing: 3, daysLeft: 40, daysNeeded: 135 }, t, date, number)).toBe(
      'Còn thiếu 3 tiêu chí, cần khoảng 135 ngày nhưng chỉ còn 40 ngày đến 31/12.',
    );
    expect(reasonText({ code: 'no_visit', days: 90, lastVisit: '2025-03-02', daysSinceVisit: 120 }, t, date, number)).toBe(
      'Không có chuyến công tác thực tế nào trong 90 ngày (lần gần nhất: 02/03/2025).',
    );
    expect(reasonText({ code: 'no_visit', days: 90, lastVisit: null, daysSinceVisit: null }, t, date, number)).toBe('Chưa có chuyến công tác thực tế nào đến xã.');
    expect(reasonText({ code: 'target_year_passed', targetYear: 2024, missing: 0 }, t, date, number)).toBe('Năm mục tiêu 2024 đã qua mà xã chưa đạt chuẩn.');
    expect(reasonText({ code: 'overdue_obstacles', count: 2, maxDaysOverdue: 1500 }, t, date, number)).toContain('lâu nhất 1.500 ngày');
  });

  it('gives each risk state its own word and icon, never colour alone', () => {
    expect(riskLook({ met: true, atRisk: false })).toEqual({ tone: 'ok', icon: '✓', label: 'pl.risk.met' });
    expect(riskLook({ met: false, atRisk: true }).label).toBe('pl.risk.atRisk');
    expect(riskLook({ met: false, atRisk: false }).label).toBe('pl.risk.onTrack');
  });

  it('reads VND amounts typed with thousands separators', () => {
    expect(parseVnd('1.500.000')).toBe(1_500_000);
    expect(parseVnd(' ')).toBeNull();
    expect(parseVnd('12a')).toBeNaN();
  });
});
