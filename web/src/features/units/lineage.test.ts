import { describe, expect, it } from 'vitest';
import type { LineageResponse, UnitSummary } from '../../../../src/contracts/units.js';
import { dateWhenValid, lineageOutline, nestOutline, predecessorAsOf, successorAsOf } from './lineage.js';

const unit = (id: string, name: string, validFrom: string | null, validTo: string | null): UnitSummary => ({
  id,
  code: null,
  name,
  level: 'commune',
  type: 'xã',
  parentId: null,
  parentName: null,
  validFrom,
  validTo,
  childCount: 0,
});

describe('dates for links into the past', () => {
  it('uses today for a unit that still exists', () => {
    expect(dateWhenValid({ validFrom: '2020-01-01', validTo: null })).toBeUndefined();
  });
  it('uses the day before the end for an ended unit', () => {
    expect(dateWhenValid({ validFrom: null, validTo: '2025-07-01' })).toBe('2025-06-30');
  });
  it('never goes before the start', () => {
    expect(dateWhenValid({ validFrom: '2025-07-01', validTo: '2025-07-01' })).toBe('2025-07-01');
  });
  it('views a predecessor the day before and a successor on the effective date', () => {
    expect(predecessorAsOf({ effectiveDate: '2025-07-01' })).toBe('2025-06-30');
    expect(predecessorAsOf({ effectiveDate: '2024-03-01' })).toBe('2024-02-29');
    expect(successorAsOf({ effectiveDate: '2025-07-01' })).toBe('2025-07-01');
  });
});

describe('lineageOutline', () => {
  const a = unit('a', 'Xã A', null, '2025-07-01');
  const b = unit('b', 'Xã B', null, '2025-07-01');
  const c = unit('c', 'Xã C', '2025-07-01', null);
  const edge = (p: string, s: string) => ({
    predecessorId: p,
    successorId: s,
    effectiveDate: '2025-07-01',
    kind: 'merge' as const,
    legalBasis: 'NQ 1/2025',
  });

  it('lists a merger under each predecessor, expanding it once', () => {
    const l: LineageResponse = { unitId: 'c', nodes: [c, b, a], edges: [edge('a', 'c'), edge('b', 'c')] };
    const rows = lineageOutline(l).map((r) => [r.unit.name, r.depth, r.repeat, r.current]);
    expect(rows).toEqual([
      ['Xã A', 0, false, false],
      ['Xã C', 1, false, true],
      ['Xã B', 0, false, false],
      ['Xã C', 1, true, true],
    ]);
  });

  it('survives a cycle and keeps unreachable nodes', () => {
    const l: LineageResponse = { unitId: 'a', nodes: [a, b], edges: [edge('a', 'b'), edge('b', 'a')] };
    const rows = lineageOutline(l);
    expect(rows.map((r) => r.unit.id)).toEqual(['a', 'b', 'a']);
    expect(rows[2]!.repeat).toBe(true);
  });

  it('ignores edges to unknown nodes', () => {
    const l: LineageResponse = { unitId: 'a', nodes: [a], edges: [edge('a', 'zz')] };
    expect(lineageOutline(l)).toHaveLength(1);
  });
});

describe('nestOutline', () => {
  it('turns depths into nested children', () => {
    const a = unit('a', 'A', null, null);
    const b = unit('b', 'B', null, null);
    const l: LineageResponse = {
      unitId: 'a',
      nodes: [a, b],
      edges: [{ predecessorId: 'a', successorId: 'b', effectiveDate: '2025-07-01', kind: 'rename', legalBasis: null }],
    };
    const nested = nestOutline(lineageOutline(l));
    expect(nested).toHaveLength(1);
    expect(nested[0]!.row.unit.id).toBe('a');
    expect(nested[0]!.children.map((c) => c.row.unit.id)).toEqual(['b']);
  });
});
