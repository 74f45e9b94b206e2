import { describe, expect, it } from 'vitest';
import { fingerprint, mergePlan, prng, specFor, spread } from './spec.js';

describe('benchmark dataset spec', () => {
  it('national scale: today\'s communes and provinces, pre-2025 communes, five years', () => {
    const s = specFor('national');
    expect(s.newCommunes).toBe(3321);
    expect(s.newProvinces).toBe(34);
    expect(s.oldCommunes).toBe(8000);
    expect(s.years).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('the fingerprint follows the spec and the migrations, not key order', () => {
    const s = specFor('province');
    const fp = fingerprint(s, ['0000_a', '0001_b']);
    expect(fingerprint({ ...s }, ['0000_a', '0001_b'])).toBe(fp);
    const reordered = Object.fromEntries(Object.entries(s).reverse()) as typeof s;
    expect(fingerprint(reordered, ['0000_a', '0001_b'])).toBe(fp);
    expect(fingerprint(s, ['0000_a', '0001_b', '0002_c'])).not.toBe(fp);
    expect(fingerprint({ ...s, generatorVersion: s.generatorVersion + 1 }, ['0000_a', '0001_b'])).not.toBe(fp);
    expect(fingerprint(specFor('national'), ['0000_a', '0001_b'])).not.toBe(fp);
  });

  it('spread splits a total into near-equal parts', () => {
    expect(spread(10, 3)).toEqual([4, 3, 3]);
    expect(spread(9, 3)).toEqual([3, 3, 3]);
    expect(spread(5, 0)).toEqual([]);
    const parts = spread(7734, 61);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(7734);
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
  });

  it('the merge plan gives every successor a contiguous run of at least one predecessor', () => {
    const plan = mergePlan(252, 150);
    expect(plan).toHaveLength(252);
    const counts = new Map<number, number>();
    plan.forEach((s) => counts.set(s, (counts.get(s) ?? 0) + 1));
    expect(counts.size).toBe(150);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(1);
    expect([...plan].sort((a, b) => a - b)).toEqual(plan); // in order
    expect(() => mergePlan(3, 4)).toThrow();
    expect(() => mergePlan(3, 0)).toThrow();
  });

  it('the PRNG repeats for a seed and stays in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(prng(43)()).not.toBe(xs[0]);
  });
});
