import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from '../../i18n/index.js';
import { loadLang, translate } from '../../i18n/translate.js';
import { formatNumber } from '../../lib/format.js';
import {
  comparator,
  defaultYear,
  gapWords,
  indicatorStatusLook,
  matchWords,
  parseNumber,
  parseTypedValue,
  reasonWords,
  sourceParts,
  targetStateLook,
  valueWords,
} from './labels.js';

const vi: TFunction = (k, p) => translate('vi', k, p);
const en: TFunction = (k, p) => translate('en', k, p);
const num = (n: number) => formatNumber(n, 'vi');

beforeAll(() => loadLang('en'));

describe('matchWords (a target rule in words)', () => {
  it('says "mức chung" for the empty match', () => {
    expect(matchWords({}, vi)).toBe('Mức chung (mọi xã, mọi năm)');
  });

  it('names the region, the commune group and the years, in that order', () => {
    expect(matchWords({ yearTo: 2025, region: 'TDMNPB', yearFrom: 2025 }, vi)).toBe('vùng Trung du và miền núi phía Bắc (TDMNPB), năm 2025');
    expect(matchWords({ yearFrom: 2026, yearTo: 2030, communeGroup: '2' }, vi)).toBe('xã nhóm 2, năm 2026–2030');
    expect(matchWords({ yearFrom: 2024 }, vi)).toBe('từ năm 2024');
    expect(matchWords({ yearTo: 2023 }, vi)).toBe('đến năm 2023');
  });

  it('words yes/no attributes both ways and keeps unknown keys readable', () => {
    expect(matchWords({ region: 'DBSCL', schoolsOver3: false }, vi)).toBe('vùng Đồng bằng sông Cửu Long (DBSCL), không phải xã có hơn 3 trường');
    expect(matchWords({ border: true }, vi)).toBe('xã biên giới');
    expect(matchWords({ mystery: 'x' }, vi)).toBe('mystery = x');
    expect(matchWords({ region: 'TDMNPB', communeGroup: undefined, yearFrom: 2025, yearTo: undefined }, vi)).toBe(
      'vùng Trung du và miền núi phía Bắc (TDMNPB), từ năm 2025',
    );
  });

  it('follows the language', () => {
    expect(matchWords({ region: 'TDMNPB', yearFrom: 2022, yearTo: 2025 }, en)).toBe('region Northern midlands and mountains (TDMNPB), years 2022–2025');
  });
});

describe('reasonWords (why a rule was chosen for a commune)', () => {
  it('explains the general target', () => {
    expect(reasonWords({ reason: { by: 'default' }, matchedRule: { index: 0, keys: [], match: {} } }, vi)).toBe(
      'Mức chung: không phân theo vùng, nhóm xã hay năm.',
    );
  });

  it('names the region and the evaluated year with the rule’s range', () => {
    const r = { reason: { by: 'region+year', region: 'TDMNPB', year: 2025 }, matchedRule: { index: 2, keys: ['region', 'year'], match: { region: 'TDMNPB', yearFrom: 2025, yearTo: 2025 } } };
    expect(reasonWords(r, vi)).toBe('Chọn theo vùng Trung du và miền núi phía Bắc (TDMNPB); năm đánh giá 2025 (mức cho năm 2025).');
  });

  it('adds the provision that made another region’s target apply', () => {
    const r = { reason: { by: 'region', region: 'TDMNPB', override: 'qd318-dbkk' }, matchedRule: null };
    expect(reasonWords(r, vi, { 'qd318-dbkk': 'xã ĐBKK áp dụng mức vùng TDMNPB' })).toContain('Áp dụng theo quy định: xã ĐBKK áp dụng mức vùng TDMNPB');
  });

  it('is null when no rule applied', () => {
    expect(reasonWords({ reason: null, matchedRule: null }, vi)).toBeNull();
  });
});

describe('the status language', () => {
  it('gives every indicator status and target state its own colour, icon and word', () => {
    const looks = [...Object.values(indicatorStatusLook), targetStateLook.unverified];
    expect(new Set(looks.map((l) => l.tone)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => l.icon)).size).toBe(looks.length);
    expect(looks.every((l) => vi(l.label).length > 0)).toBe(true);
    expect(vi(targetStateLook.unverified.label).toLowerCase()).toBe('chưa xác minh');
    expect(vi(targetStateLook.none.label).toLowerCase()).toBe('chưa có chỉ tiêu');
  });
});

describe('values and gaps', () => {
  it('compares minimums with ≥, maximums with ≤, yes/no with =', () => {
    expect(comparator('percent_min')).toBe('≥');
    expect(comparator('count_max')).toBe('≤');
    expect(comparator('boolean')).toBe('=');
    expect(comparator('verdict', true)).toBe('≥');
  });

  it('words values with their unit', () => {
    expect(valueWords(80, '%', vi, num)).toBe('80%');
    expect(valueWords(41.5, 'triệu đồng/người/năm', vi, num)).toBe('41,5 triệu đồng/người/năm');
    expect(valueWords(true, null, vi, num)).toBe('Có');
    expect(valueWords(null, '%', vi, num)).toBe('chưa có');
  });

  it('says how far a number is from its target', () => {
    expect(gapWords('percent_min', { absolute: 10, relative: 0.1 }, '%', vi, num)).toBe('còn thiếu 10%');
    expect(gapWords('percent_max', { absolute: 2.5, relative: 0.5 }, '%', vi, num)).toBe('vượt 2,5%');
    expect(gapWords('percent_min', { absolute: 0, relative: 0 }, '%', vi, num)).toBeNull();
    expect(gapWords('boolean', { absolute: null, relative: 1 }, null, vi, num)).toBeNull();
  });

  it('reads typed numbers with the Vietnamese decimal comma', () => {
    expect(parseNumber('41,5')).toBe(41.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('80%')).toBe(80);
    expect(parseNumber(' 7 ')).toBe(7);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('4,5,6')).toBeNull();
  });

  it('reads a typed value for the indicator kind; empty is "not entered"', () => {
    expect(parseTypedValue('min', '')).toEqual({ ok: true, value: null });
    expect(parseTypedValue('min', '41,5')).toEqual({ ok: true, value: 41.5 });
    expect(parseTypedValue('min', 'nhiều')).toEqual({ ok: false });
    expect(parseTypedValue('boolean', 'true')).toEqual({ ok: true, value: true });
    expect(parseTypedValue('verdict', 'Đạt')).toEqual({ ok: true, value: 'Đạt' });
  });
});

describe('sources and years', () => {
  it('splits sources and marks web addresses as links', () => {
    expect(sourceParts('QĐ 318/QĐ-TTg, Phụ lục I ; https://example.vn/a')).toEqual([
      { text: 'QĐ 318/QĐ-TTg, Phụ lục I', href: null },
      { text: 'https://example.vn/a', href: 'https://example.vn/a' },
    ]);
    expect(sourceParts(null)).toEqual([]);
  });

  it('starts an evaluation at this year, kept inside the set’s validity', () => {
    expect(defaultYear({ validFrom: '2022-03-08', validTo: null }, '2026-11-27')).toBe(2026);
    expect(defaultYear({ validFrom: '2022-03-08', validTo: '2025-12-31' }, '2026-11-27')).toBe(2025);
    expect(defaultYear({ validFrom: '2026-02-15', validTo: null }, '2025-05-01')).toBe(2026);
  });
});
