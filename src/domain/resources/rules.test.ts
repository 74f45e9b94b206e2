import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resourceSources as contractSources, type ResourceSource } from '../../contracts/resources.js';
import { checkEntry, disbursementRate, isDisbursable, quantityUnitOf, type EntryInput } from './rules.js';

const base: EntryInput = {
  year: 2024,
  source: 'central_budget',
  criterion: '2',
  workName: null,
  plannedVnd: 1_000_000_000,
  allocatedVnd: 800_000_000,
  disbursedVnd: 500_000_000,
  quantity: null,
};
const rules = (e: Partial<EntryInput>) => checkEntry({ ...base, ...e }).map((v) => v.rule);

describe('resource entry rules', () => {
  it('accepts a plain budget entry', () => {
    expect(checkEntry(base)).toEqual([]);
  });

  it('refuses a disbursement above the allocation, and accepts it equal', () => {
    expect(rules({ disbursedVnd: 800_000_001 })).toEqual(['RESOURCE_DISBURSED_OVER_ALLOCATED']);
    expect(rules({ disbursedVnd: 800_000_000 })).toEqual([]);
    expect(rules({ allocatedVnd: null, disbursedVnd: 900_000_000 })).toEqual([]); // nothing to compare with
  });

  it('needs a purpose and at least one figure', () => {
    expect(rules({ criterion: null, workName: '  ' })).toEqual(['RESOURCE_PURPOSE_REQUIRED']);
    expect(rules({ plannedVnd: null, allocatedVnd: null, disbursedVnd: null })).toEqual(['RESOURCE_NO_AMOUNT']);
  });

  it('counts labour days and donated land in their own units, and never disburses contributions', () => {
    expect(quantityUnitOf('people_labour')).toBe('labour_day');
    expect(quantityUnitOf('people_land')).toBe('m2');
    expect(quantityUnitOf('people_cash')).toBeNull();
    expect(rules({ source: 'people_labour', disbursedVnd: null, quantity: null })).toEqual(['RESOURCE_QUANTITY_REQUIRED']);
    expect(rules({ source: 'people_land', disbursedVnd: null, quantity: 350, plannedVnd: null, allocatedVnd: null })).toEqual([]);
    expect(rules({ source: 'people_labour', quantity: 120 })).toEqual(['RESOURCE_DISBURSED_NOT_APPLICABLE']);
    expect(rules({ source: 'people_cash', quantity: 3 })).toEqual(['RESOURCE_QUANTITY_NOT_APPLICABLE']);
  });

  it('keeps the district budget to the years districts existed', () => {
    expect(rules({ source: 'district_budget', year: 2025 })).toEqual([]);
    expect(rules({ source: 'district_budget', year: 2026 })).toEqual(['RESOURCE_DISTRICT_BUDGET_ENDED']);
  });

  it('every money entry with disbursed ≤ allocated passes the amount rules (property)', () => {
    const money = contractSources.filter((s) => isDisbursable(s));
    fc.assert(
      fc.property(
        fc.constantFrom(...money),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        (source: ResourceSource, a: number, b: number) => {
          const [disbursed, allocated] = a <= b ? [a, b] : [b, a];
          const year = source === 'district_budget' ? 2024 : 2026;
          return checkEntry({ ...base, source, year, allocatedVnd: allocated, disbursedVnd: disbursed }).length === 0;
        },
      ),
    );
  });

  it('computes the disbursement rate with one decimal, null without allocation', () => {
    expect(disbursementRate(500, 800)).toBe(62.5);
    expect(disbursementRate(1, 3)).toBe(33.3);
    expect(disbursementRate(0, 0)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 100 }), (alloc, pct) => {
      const r = disbursementRate(Math.floor((alloc * pct) / 100), alloc)!;
      return r >= 0 && r <= 100;
    }));
  });
});
