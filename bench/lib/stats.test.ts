import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summarise } from './stats.js';

describe('benchmark figures', () => {
  it('percentile is the nearest rank of the sorted values', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40); // rank ceil(3.8) = 4
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it('median of odd and even counts, unsorted input left as it was', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarise rounds to 0.1 ms and sorts a copy', () => {
    const s = summarise([3.14159, 1.01, 2.55, 100.04]);
    expect(s).toEqual({ count: 4, mean: 26.7, p50: 2.6, p95: 100, p99: 100, max: 100 });
  });

  it('API/floor is null when the floor is not measurable', () => {
    expect(ratio(30, 15)).toBe(2);
    expect(ratio(10, 3)).toBe(3.33);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(null, 5)).toBeNull();
    expect(ratio(10, Number.NaN)).toBeNull();
  });
});
