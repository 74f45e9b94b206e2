import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, bandsFor, rate, round1, summariseBands } from './bands.js';
import { asciiFileName, contentDisposition } from './filename.js';
import { extremes, narrativeBlocks, type NarrativeFigures } from './narrative.js';

describe('bands', () => {
  it('are the customary 19 / 15–18 / 10–14 / 5–9 / under 5 for the 19-criteria set', () => {
    expect(bandsFor(19).map((b) => [b.min, b.max, b.label])).toEqual([
      [19, 19, '19 tiêu chí'],
      [15, 18, '15–18 tiêu chí'],
      [10, 14, '10–14 tiêu chí'],
      [5, 9, '5–9 tiêu chí'],
      [0, 4, 'Dưới 5 tiêu chí'],
    ]);
  });
  it('keep the proportions for the 10-criteria set: 10 / 8–9 / 5–7 / 3–4 / under 3', () => {
    expect(bandsFor(10).map((b) => [b.min, b.max])).toEqual([
      [10, 10],
      [8, 9],
      [5, 7],
      [3, 4],
      [0, 2],
    ]);
  });
  it('cover 0..n exactly once for any set size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const bands = bandsFor(n);
        for (let met = 0; met <= n; met++) expect(bands.filter((b) => met >= b.min && met <= b.max)).toHaveLength(1);
        expect(bandOf(bands, n)).toBe('all');
      }),
    );
  });
  it('summarise a histogram: counts, average to one decimal', () => {
    const s = summariseBands(bandsFor(19), [
      { met: 19, communes: 1 },
      { met: 16, communes: 1 },
      { met: 12, communes: 1 },
      { met: 4, communes: 1 },
    ]);
    expect(s.communes).toBe(4);
    expect(s.average).toBe(12.8); // 51 / 4 = 12.75, printed 12,8
    expect(s.counts.map((c) => c.count)).toEqual([1, 1, 1, 0, 1]);
    expect(summariseBands(bandsFor(19), []).average).toBeNull();
  });
  it('rates and rounding', () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(1, 0)).toBeNull();
    expect(round1(0.05)).toBe(0.1);
    expect(round1(15.666)).toBe(15.7);
  });
});

describe('download names', () => {
  it('give an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    const h = contentDisposition('Báo cáo 1 - Xã Bát Xát - 2024.xlsx');
    expect(h).toBe(`attachment; filename="Bao_cao_1_-_Xa_Bat_Xat_-_2024.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%201%20-%20X%C3%A3%20B%C3%A1t%20X%C3%A1t%20-%202024.xlsx`);
    expect(asciiFileName('Đường "lạ"/\\.docx')).toBe('Duong_la_.docx');
    expect(contentDisposition('a"b\r\nc.xlsx')).not.toMatch(/[\r\n]/);
  });
});

describe('narrative', () => {
  const base: NarrativeFigures = {
    year: 2024,
    areaName: 'Tỉnh Lào Cai',
    setName: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025',
    setCode: 'NTM_XA_2021_2025',
    criteriaCount: 19,
    communes: 4,
    average: 12.8,
    previousAverage: 12.1,
    meetsStandard: 1,
    bands: [{ label: '19 tiêu chí', count: 1 }],
    recognisedInForce: 1234,
    recognisedInYear: 2,
    revokedInYear: 0,
    atRisk: 1,
    criteriaHigh: [{ number: '1', name: 'Quy hoạch', rate: 100 }],
    criteriaLow: [{ number: '13', name: 'Tổ chức sản xuất', rate: 25 }],
    activities: { agencies: 1, activities: 3, visits: 2, supportVnd: 5_000_000, followUps: 2, followUpsDone: 1 },
    obstacles: { total: 2, resolved: 1, open: 1, overdue: 1 },
    resources: null,
    targets: null,
    hasDemo: false,
  };
  it('writes the figures the Vietnamese way and asks for what is missing', () => {
    const text = narrativeBlocks(base).map((b) => b.text).join('\n');
    expect(text).toContain('bình quân đạt 12,8 tiêu chí/xã (tăng 0,7 tiêu chí so với năm 2023)');
    expect(text).toContain('có 1.234 xã đang được công nhận');
    expect(text).toContain('tổng giá trị hỗ trợ 5.000.000 đồng');
    expect(text).toContain('tiêu chí số 13 (Tổ chức sản xuất) 25,0%');
    expect(narrativeBlocks(base).some((b) => b.kind === 'placeholder' && b.text.includes('nguồn lực'))).toBe(true);
    expect(narrativeBlocks({ ...base, hasDemo: true })[1]!.text).toContain('dữ liệu minh họa');
    const filled = narrativeBlocks({ ...base, resources: { planned: 2e9, allocated: 1e9, disbursed: 4.5e8, rate: 45 }, targets: { communes: 10, met: 4, atRisk: 3 } }).map((b) => b.text).join('\n');
    expect(filled).toContain('Tổng kế hoạch vốn 2.000.000.000 đồng; đã phân bổ 1.000.000.000 đồng; đã giải ngân 450.000.000 đồng (tỷ lệ giải ngân 45,0%');
    expect(filled).toContain('(10 xã): 4 xã đã đạt đủ tiêu chí; 3 xã có nguy cơ không đạt theo kế hoạch; 3 xã đang đúng tiến độ.');
    expect(filled).not.toContain('[Số liệu huy động nguồn lực');
    expect(narrativeBlocks({ ...base, communes: 0, average: null }).map((b) => b.text).join()).toContain('Chưa có kết quả đánh giá xã năm 2024');
  });
  it('picks the highest and lowest criteria without overlap', () => {
    const rows = [5, 90, 40, 70, null, 10].map((r, i) => ({ number: String(i + 1), rate: r }));
    const e = extremes(rows, 3);
    expect(e.high.map((x) => x.number)).toEqual(['2', '4']);
    expect(e.low.map((x) => x.number)).toEqual(['1', '6']);
  });
});
