import { describe, expect, it } from 'vitest';
import type { MapCommuneValue } from '../../../../src/contracts/maps.js';
import { bandLimits, classOf, groupByParent } from './colours.js';
import { decodeRing, fitPaths, mercator } from './geometry.js';

const value = (over: Partial<MapCommuneValue>): MapCommuneValue => ({
  unitId: '00000000-0000-4000-8000-000000000001',
  code: '02683',
  name: 'Xã Bát Xát',
  parent: null,
  criteriaMet: null,
  criteriaApplicable: null,
  meetsStandard: null,
  basis: null,
  recognisedLevel: null,
  ...over,
});

describe('geometry', () => {
  it('decodes delta-coded rings', () => {
    expect(decodeRing([1_040_000, 220_000, 10, 0, 0, 10, -10, -10], 10_000)).toEqual([
      [104, 22],
      [104.001, 22],
      [104.001, 22.001],
      [104, 22],
    ]);
  });

  it('fits features into the box, north up, keeping the aspect ratio', () => {
    // Two 0.1° squares side by side (west–east) near 22°N.
    const sq = (x: number) => [x * 10_000, 220_000, 1000, 0, 0, 1000, -1000, 0, 0, -1000];
    const f = fitPaths([{ rings: [sq(104)] }, { rings: [sq(104.1)] }], 10_000, 800, 800, 0);
    expect(f.width).toBe(800);
    // 0.2° of longitude vs 0.1° of latitude stretched by Mercator at 22° (1/cos 22° ≈ 1.078)
    expect(f.height).toBeGreaterThan(420);
    expect(f.height).toBeLessThan(440);
    expect(f.paths[0]).toMatch(/^M0 \d+(\.\d)?L400 \d+(\.\d)?L400 0L0 0Z$/);
    expect(f.paths[1]!.startsWith('M400 ')).toBe(true);
    const [, yS] = mercator(104, 22);
    const [, yN] = mercator(104, 22.1);
    expect(yN).toBeGreaterThan(yS);
  });

  it('draws nothing for no features', () => {
    expect(fitPaths([], 10_000)).toEqual({ width: 800, height: 0, paths: [] });
  });
});

describe('colour classes', () => {
  it('uses the customary bands for 19 criteria and the same shares for 10', () => {
    expect(bandLimits(19)).toEqual([15, 10, 5]);
    expect(bandLimits(10)).toEqual([8, 6, 3]);
    const k = (met: number | null, total = 19) => classOf('band', value({ criteriaMet: met }), total).key;
    expect([k(19), k(18), k(15), k(14), k(10), k(9), k(5), k(4), k(0), k(null)]).toEqual(['b5', 'b4', 'b4', 'b3', 'b3', 'b2', 'b2', 'b1', 'b1', 'none']);
    expect([k(10, 10), k(8, 10), k(7, 10), k(2, 10)]).toEqual(['b5', 'b4', 'b3', 'b1']);
  });

  it('colours by standard and by recognised level', () => {
    expect(classOf('standard', value({ meetsStandard: true }), 19).key).toBe('yes');
    expect(classOf('standard', value({ meetsStandard: false }), 19).key).toBe('no');
    expect(classOf('standard', value({}), 19).key).toBe('none');
    expect(classOf('level', value({ recognisedLevel: 'advanced' }), 19).key).toBe('advanced');
    expect(classOf('level', value({}), 19).key).toBe('none');
  });

  it('groups communes by parent, both sorted by Vietnamese name', () => {
    const p1 = { unitId: 'p1', name: 'Huyện Bát Xát', level: 'district' };
    const p2 = { unitId: 'p2', name: 'Huyện Bảo Thắng', level: 'district' };
    const g = groupByParent([
      value({ name: 'Xã Quang Kim', parent: p1 }),
      value({ name: 'Xã Bản Vược', parent: p1 }),
      value({ name: 'Xã Phong Niên', parent: p2 }),
    ]);
    expect(g.map((x) => [x.name, x.items.map((i) => i.name)])).toEqual([
      ['Huyện Bảo Thắng', ['Xã Phong Niên']],
      ['Huyện Bát Xát', ['Xã Bản Vược', 'Xã Quang Kim']],
    ]);
  });
});
