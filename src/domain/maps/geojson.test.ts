import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCodeProperty, normaliseCode, readBoundaryFile, type BoundaryIssueKind } from './geojson.js';

const square = (x = 104, y = 22, d = 0.05) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const feature = (props: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: square() }) => ({ type: 'Feature', properties: props, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const kinds = (text: string, prop?: string) => readBoundaryFile(text, prop).issues.map((i) => i.kind);
const only = (geometry: unknown): BoundaryIssueKind[] => kinds(collection(feature({ ma_xa: '02683' }, geometry)));

describe('readBoundaryFile', () => {
  it('reads a valid collection: codes normalised, bbox, points', () => {
    const r = readBoundaryFile(
      collection(
        feature({ ma_xa: '02683', ten: 'Xã Bát Xát' }),
        feature({ ma_xa: 2680 }, { type: 'MultiPolygon', coordinates: [square(104.1, 22.1), square(104.3, 22.3, 0.01)] }),
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.codeProperty).toBe('ma_xa');
    expect(r.features.map((f) => [f.feature, f.code, f.polygons.length, f.points])).toEqual([
      [1, '02683', 1, 5],
      [2, '02680', 2, 10],
    ]);
    [104, 22, 104.31, 22.31].forEach((v, i) => expect(r.bbox![i]).toBeCloseTo(v, 9));
  });

  it('refuses what is not JSON, not a FeatureCollection, or empty — as one file-level issue', () => {
    expect(kinds('{"type": "FeatureCollection", ')).toEqual(['json']);
    expect(kinds(JSON.stringify({ type: 'Feature', geometry: null }))).toEqual(['not_collection']);
    expect(kinds(collection())).toEqual(['no_features']);
    expect(readBoundaryFile('\ufeff' + collection(feature({ ma_xa: '02683' }))).issues).toEqual([]);
  });

  it('refuses a projected CRS and accepts CRS84', () => {
    const doc = (name: string) => JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [feature({ ma_xa: '02683' })] });
    expect(kinds(doc('urn:ogc:def:crs:EPSG::3405'))).toEqual(['crs']);
    expect(kinds(doc('urn:ogc:def:crs:OGC:1.3:CRS84'))).toEqual([]);
  });

  it('accepts only Polygon and MultiPolygon', () => {
    expect(only({ type: 'Point', coordinates: [104, 22] })).toEqual(['geometry_type']);
    expect(only({ type: 'LineString', coordinates: [[104, 22], [105, 22]] })).toEqual(['geometry_type']);
    expect(only(null)).toEqual(['geometry_type']);
  });

  it('checks coordinates: numbers, WGS84 ranges, inside Viet Nam, not swapped, not metres', () => {
    expect(only({ type: 'Polygon', coordinates: [[[104, '22'], [104.1, 22], [104.1, 22.1], [104, 22]]] })).toEqual(['coordinates']);
    expect(only({ type: 'Polygon', coordinates: [[[200, 22], [104.1, 22], [104.1, 22.1], [200, 22]]] })).toEqual(['out_of_range']);
    expect(only({ type: 'Polygon', coordinates: [[[400000, 2400000], [401000, 2400000], [401000, 2401000], [400000, 2400000]]] })).toEqual(['projected']);
    expect(only({ type: 'Polygon', coordinates: [[[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.85]]] })).toEqual(['outside_vietnam']);
    expect(only({ type: 'Polygon', coordinates: [[[22, 104], [22, 104.1], [22.1, 104.1], [22, 104]]] })).toEqual(['swapped']);
  });

  it('checks rings: closed and at least 4 positions, holes included', () => {
    expect(only({ type: 'Polygon', coordinates: [[[104, 22], [104.1, 22], [104, 22]]] })).toEqual(['ring_short']);
    expect(only({ type: 'Polygon', coordinates: [[[104, 22], [104.1, 22], [104.1, 22.1], [104, 22.1]]] })).toEqual(['ring_open']);
    const withOpenHole = [...square(), [[104.01, 22.01], [104.02, 22.01], [104.02, 22.02], [104.01, 22.03]]];
    const r = readBoundaryFile(collection(feature({ ma_xa: '02683' }, { type: 'Polygon', coordinates: withOpenHole })));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ feature: 1, code: '02683', kind: 'ring_open' });
    expect(r.issues[0]!.message).toContain('lỗ thủng 1');
  });

  it('refuses a second feature for the same code and names the first', () => {
    const r = readBoundaryFile(collection(feature({ ma_xa: '02683' }), feature({ ma_xa: '02680' }), feature({ ma_xa: 2683 })));
    expect(r.issues).toEqual([expect.objectContaining({ feature: 3, code: '02683', kind: 'duplicate_code' })]);
    expect(r.issues[0]!.message).toContain('đối tượng 1');
    expect(r.features.map((f) => f.code)).toEqual(['02683', '02680']);
  });

  it('keeps exactly one feature per code and reports every later one as a duplicate (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('02683', '02710', '02716', 2683, 2710), { minLength: 1, maxLength: 30 }), (codes) => {
        const r = readBoundaryFile(collection(...codes.map((c, i) => feature({ ma_xa: c }, { type: 'Polygon', coordinates: square(104 + i * 0.01) }))));
        const normalised = codes.map((c) => String(c).padStart(5, '0'));
        const unique = [...new Set(normalised)];
        expect(r.features.map((f) => f.code)).toEqual(unique);
        expect(r.issues.every((i) => i.kind === 'duplicate_code')).toBe(true);
        expect(r.issues).toHaveLength(codes.length - unique.length);
        for (const i of r.issues) expect(normalised.indexOf(i.code!)).toBeLessThan(i.feature! - 1);
      }),
    );
  });

  it('reports features without a code or with a malformed one, and files without a code property', () => {
    const r = readBoundaryFile(collection(feature({ ma_xa: '02683' }), feature({ ma_xa: '' }), feature({ ma_xa: 'BX-01' }), { type: 'Geometry' }));
    expect(r.issues.map((i) => [i.feature, i.kind])).toEqual([
      [2, 'no_code'],
      [3, 'bad_code'],
      [4, 'not_feature'],
    ]);
    expect(r.total).toBe(4);
    expect(r.features.map((f) => f.code)).toEqual(['02683']);
    expect(kinds(collection(feature({ ten: 'Xã Bát Xát' })))).toEqual(['no_code_property']);
  });

  it('uses the property the uploader names', () => {
    const text = collection(feature({ ma_xa: '99999', MA_DVHC_MOI: '02683' }));
    expect(readBoundaryFile(text, 'MA_DVHC_MOI').features[0]!.code).toBe('02683');
    expect(readBoundaryFile(text).features[0]!.code).toBe('99999');
    expect(kinds(text, 'khong_co')).toEqual(['no_code']);
  });
});

describe('codes', () => {
  it('normalises numeric codes to 5 digits', () => {
    expect(normaliseCode(2683)).toBe('02683');
    expect(normaliseCode(' 02683 ')).toBe('02683');
    expect(normaliseCode('026830')).toBeNull();
    expect(normaliseCode(1.5)).toBeNull();
    expect(normaliseCode(null)).toBeNull();
  });

  it('detects the most used candidate property', () => {
    expect(detectCodeProperty([{ code: 'x', MA_XA: '1' }, { MA_XA: '2' }])).toBe('MA_XA');
    expect(detectCodeProperty([{ ten: 'a' }, null])).toBeNull();
  });
});
