import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, bandsFor } from './bands.js';
import { rankByScore, rankImprovement, scoreOf, summarise, type StatusFacts } from './figures.js';

const status = (marks: Record<string, string>, basis: 'self' | 'appraised' = 'appraised'): StatusFacts => {
  const criteria = Object.entries(marks).map(([number, s]) => ({ number, status: s }));
  const applicable = criteria.filter((c) => c.status !== 'not_applicable');
  return {
    criteriaMet: applicable.filter((c) => c.status === 'met').length,
    criteriaApplicable: applicable.length,
    meetsStandard: applicable.every((c) => c.status === 'met'),
    basis,
    criteria,
  };
};

describe('bands', () => {
  it('are the customary 19 / 15–18 / 10–14 / 5–9 / under 5 for the 19-criteria set', () => {
    expect(bandsFor(19).map((b) => b.key)).toEqual(['19', '15-18', '10-14', '5-9', '0-4']);
  });

  it('are 10 / 8–9 / 5–7 / 3–4 / under 3 for the 10-criteria set', () => {
    expect(bandsFor(10).map((b) => b.key)).toEqual(['10', '8-9', '5-7', '3-4', '0-2']);
  });

  it('partition 0..n without gaps or overlaps for any set size, top band = all criteria', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const bands = bandsFor(n);
        expect(bands[0]).toEqual({ key: String(n), min: n, max: n });
        expect(bands[bands.length - 1]!.min).toBe(0);
        for (let i = 1; i < bands.length; i++) expect(bands[i]!.max).toBe(bands[i - 1]!.min - 1);
        for (let s = 0; s <= n; s++) expect(bands.filter((b) => s >= b.min && s <= b.max)).toHaveLength(1);
      }),
    );
  });

  it('puts a score in its band and clamps out-of-range scores', () => {
    const b = bandsFor(19);
    expect(bandOf(b, 15).key).toBe('15-18');
    expect(bandOf(b, 14).key).toBe('10-14');
    expect(bandOf(b, 4).key).toBe('0-4');
    expect(bandOf(b, 25).key).toBe('19');
    expect(bandOf(b, -1).key).toBe('0-4');
  });
});

describe('scores and rates', () => {
  it('counts a criterion that does not apply as achieved', () => {
    expect(scoreOf(status({ 1: 'met', 2: 'not_applicable', 3: 'not_met' }), 3)).toBe(2);
  });

  it('summarises totals, levels, bands and per-criterion rates', () => {
    const nums = ['1', '2', '3', '4', '5'];
    const s = summarise(
      [
        { id: 'a', level: 'ntm', status: status({ 1: 'met', 2: 'met', 3: 'met', 4: 'met', 5: 'met' }) },
        { id: 'b', level: null, status: status({ 1: 'met', 2: 'not_met', 3: 'met', 4: 'undetermined', 5: 'not_applicable' }, 'self') },
        { id: 'c', level: 'advanced', status: null },
      ],
      nums,
    );
    expect(s.totals).toEqual({ communes: 3, assessed: 2, appraised: 1, avgScore: 4, meetsStandard: 1 });
    expect(s.levels.find((l) => l.level === 'ntm')!.count).toBe(1);
    expect(s.levels.find((l) => l.level === 'advanced')!.count).toBe(1);
    expect(s.levels.find((l) => l.level === 'none')!.count).toBe(1);
    // n = 5: bands 5 / 4 / 3 / 1-2 / 0 (round(5·15/19)=4, round(5·10/19)=3, round(5·5/19)=1)
    expect(s.bands.map((b) => [b.key, b.count])).toEqual([['5', 1], ['4-4', 0], ['3-3', 1], ['1-2', 0], ['0-0', 0]]);
    const c2 = s.criteria.find((c) => c.number === '2')!;
    expect(c2).toMatchObject({ met: 1, notMet: 1, assessed: 2, rate: 50 });
    const c4 = s.criteria.find((c) => c.number === '4')!;
    expect(c4).toMatchObject({ met: 1, undetermined: 1, assessed: 2, rate: 50 });
    expect(s.criteria.find((c) => c.number === '5')).toMatchObject({ met: 1, notApplicable: 1, assessed: 1, rate: 100 });
    // with the average of scores 5 and 3 → 4 (b: 2 met + 1 not applicable)
  });

  it('gives a null rate and average when nobody was assessed', () => {
    const s = summarise([{ id: 'x', level: null, status: null }], ['1']);
    expect(s.totals.avgScore).toBeNull();
    expect(s.criteria[0]!.rate).toBeNull();
  });
});

describe('rankings', () => {
  it('ranks improvement within each group with shared ranks for ties, skipping communes without both years', () => {
    const r = rankImprovement([
      { id: 'a', name: 'A', groupKey: 'g1', score: 15, prevScore: 10 },
      { id: 'b', name: 'B', groupKey: 'g1', score: 12, prevScore: 7 },
      { id: 'c', name: 'C', groupKey: 'g1', score: 19, prevScore: 18 },
      { id: 'd', name: 'D', groupKey: 'g2', score: 5, prevScore: 9 },
      { id: 'e', name: 'E', groupKey: 'g2', score: 5, prevScore: null },
    ]);
    expect(r.map((x) => [x.id, x.delta, x.rank, x.groupSize])).toEqual([
      ['a', 5, 1, 3],
      ['b', 5, 1, 3],
      ['c', 1, 3, 3],
      ['d', -4, 1, 1],
    ]);
  });

  it('ranks by score with competition ranking', () => {
    const r = rankByScore([
      { id: 'a', name: 'Á', score: 12 },
      { id: 'b', name: 'B', score: 19 },
      { id: 'c', name: 'C', score: 12 },
      { id: 'd', name: 'D', score: null },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([['b', 1], ['a', 2], ['c', 2]]);
  });
});
