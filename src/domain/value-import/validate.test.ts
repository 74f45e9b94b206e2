import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSet, evaluateCommune, type CriteriaSetDef, type IndicatorKind } from '../criteria/index.js';
import { createValidator, sortIssues, type CatalogIndicator, type RawRow, type TargetCommune, type ValidationContext } from './validate.js';
import { readNumber, readValue, sameValue, type Cell } from './values.js';

const indicators: CatalogIndicator[] = [
  { code: '1.1', wording: 'Có quy hoạch chung', kind: 'boolean', unit: null, criterionNumber: '1' },
  { code: '3.1', wording: 'Tỷ lệ hộ dùng nước sạch', kind: 'percent_min', unit: '%', criterionNumber: '3' },
  { code: '10.1', wording: 'Thu nhập bình quân', kind: 'min', unit: 'triệu đồng/người/năm', criterionNumber: '10' },
  { code: '6.2', wording: 'Số nhà văn hóa thôn', kind: 'count_min', unit: 'nhà', criterionNumber: '6' },
  { code: '18.1', wording: 'Xếp loại chính quyền', kind: 'verdict', unit: null, scale: ['Trung bình', 'Khá', 'Tốt'], criterionNumber: '18' },
];

function commune(over: Partial<TargetCommune> & { unitCode: string; assessmentId: string }): TargetCommune {
  return {
    unitId: `u-${over.unitCode}`,
    unitName: `Xã ${over.unitCode}`,
    assessmentStatus: 'draft',
    inScope: true,
    mayWrite: true,
    rows: new Map(indicators.map((i, k) => [i.code, { id: `${over.assessmentId}-${i.code}`, state: 'draft' as const, version: 1 + k, value: null, note: null }])),
    notApplicable: new Set(),
    ...over,
  };
}

function context(over: Partial<ValidationContext> = {}): ValidationContext {
  const a = commune({ unitCode: '02683', assessmentId: 'a1' });
  const returned = commune({
    unitCode: '02710',
    assessmentId: 'a2',
    assessmentStatus: 'returned',
    rows: new Map(indicators.map((i) => [i.code, { id: `a2-${i.code}`, state: i.code === '3.1' ? ('returned' as const) : ('submitted' as const), version: 3, value: 50, note: null }])),
  });
  const appraised = commune({
    unitCode: '02716',
    assessmentId: 'a3',
    assessmentStatus: 'appraised',
    rows: new Map(indicators.map((i) => [i.code, { id: `a3-${i.code}`, state: 'appraised' as const, version: 5, value: null, note: null }])),
  });
  const outside = commune({ unitCode: '02677', assessmentId: 'a4', inScope: false, mayWrite: false });
  return {
    cycleOpen: true,
    indicators: new Map(indicators.map((i) => [i.code, i])),
    communes: new Map([a, returned, appraised, outside].map((c) => [c.unitCode!, c])),
    knownUnitCodes: new Set(['02999']),
    selected: null,
    ...over,
  };
}

let n = 1;
const row = (cells: Partial<Omit<RawRow, 'row'>>): RawRow => ({
  row: ++n,
  communeCode: '02683',
  indicator: '3.1',
  unit: null,
  current: null,
  value: null,
  note: null,
  hasCurrent: false,
  ...cells,
});
const codes = (out: { issues: Array<{ code: string }> }) => out.issues.map((i) => i.code);

describe('row validation: each error kind', () => {
  it('accepts a good row and proposes the change with the row it targets', () => {
    const out = createValidator(context())(row({ value: '85,5', unit: '%' }));
    expect(out.issues).toEqual([]);
    expect(out.change?.after).toBe(85.5);
    expect(out.change?.target.id).toBe('a1-3.1');
    expect(out.change?.target.version).toBe(2);
    expect(out.change?.note).toBeUndefined();
  });

  it('skips rows that propose nothing, whatever their codes', () => {
    const out = createValidator(context())(row({ communeCode: 'XXXXX', indicator: 'zz', value: null }));
    expect(out).toEqual({ issues: [], change: null });
  });

  it('tells a missing, an unknown and a not-in-cycle commune apart, and refuses one outside the scope', () => {
    const check = createValidator(context());
    expect(codes(check(row({ communeCode: null, value: 1 })))).toEqual(['COMMUNE_MISSING']);
    expect(codes(check(row({ communeCode: '01234', value: 1 })))).toEqual(['COMMUNE_UNKNOWN']);
    expect(codes(check(row({ communeCode: '02999', value: 1 })))).toEqual(['COMMUNE_NOT_IN_CYCLE']);
    const out = check(row({ communeCode: '02677', value: 1 }));
    expect(codes(out)).toEqual(['COMMUNE_OUT_OF_SCOPE']);
    expect(out.change).toBeNull();
  });

  it('reads a commune code that Excel turned into a number', () => {
    const out = createValidator(context())(row({ communeCode: 2683, value: 40 }));
    expect(out.issues).toEqual([]);
    expect(out.change?.commune.assessmentId).toBe('a1');
  });

  it('with a selected commune, rows without a code are its own and rows of another commune are refused', () => {
    const ctx = context();
    const check = createValidator({ ...ctx, selected: ctx.communes.get('02683')! });
    expect(check(row({ communeCode: null, value: 30 })).change?.commune.unitCode).toBe('02683');
    expect(codes(check(row({ communeCode: '02710', indicator: '3.1', value: 30 })))).toEqual(['COMMUNE_OTHER_THAN_SELECTED']);
  });

  it('refuses a missing or unknown indicator code', () => {
    const check = createValidator(context());
    expect(codes(check(row({ indicator: null, value: 1 })))).toEqual(['INDICATOR_MISSING']);
    const out = check(row({ indicator: '99.9', value: 1 }));
    expect(codes(out)).toEqual(['INDICATOR_UNKNOWN']);
    expect(out.issues[0]!.column).toBe('Mã chỉ tiêu');
  });

  it('refuses a unit of measure other than the indicator’s, ignoring case and diacritics', () => {
    const check = (r: RawRow) => createValidator(context())(r); // a fresh file per row: no duplicates
    expect(codes(check(row({ indicator: '10.1', unit: 'TRIEU DONG/NGUOI/NAM', value: 45 })))).toEqual([]);
    const out = check(row({ indicator: '10.1', communeCode: '02683', unit: 'nghìn đồng/người/năm', value: 45000 }));
    expect(codes(out)).toEqual(['UNIT_MISMATCH']);
    expect(out.issues[0]!.message).toContain('triệu đồng/người/năm');
  });

  it('checks the value against the kind: type, range, scale', () => {
    const check = (r: RawRow) => createValidator(context())(r); // a fresh file per row: no duplicates
    expect(codes(check(row({ indicator: '1.1', value: 'có lẽ' })))).toEqual(['VALUE_WRONG_TYPE']);
    expect(codes(check(row({ indicator: '3.1', value: 120 })))).toEqual(['VALUE_OUT_OF_RANGE']);
    expect(codes(check(row({ indicator: '10.1', value: 'bốn mươi' })))).toEqual(['VALUE_WRONG_TYPE']);
    expect(codes(check(row({ indicator: '6.2', value: 2.5 })))).toEqual(['VALUE_OUT_OF_RANGE']);
    expect(codes(check(row({ indicator: '18.1', value: 'Xuất sắc' })))).toEqual(['VALUE_NOT_IN_SCALE']);
    const ok = check(row({ communeCode: '02683', indicator: '18.1', value: 'kha' }));
    expect(ok.issues).toEqual([]);
    expect(ok.change?.after).toBe('Khá');
  });

  it('keeps rates in 0–100 even when the set types them as plain minimums with unit "%"', () => {
    expect(readValue('min', undefined, 130, '%')).toMatchObject({ ok: false, code: 'VALUE_OUT_OF_RANGE' });
    expect(readValue('min', undefined, '99,5', '%')).toEqual({ ok: true, value: 99.5 });
    expect(readValue('min', undefined, 130, 'triệu đồng/người/năm')).toEqual({ ok: true, value: 130 });
  });

  it('reports the second of two rows for the same commune and indicator, naming the first', () => {
    const check = createValidator(context());
    const first = row({ indicator: '1.1', value: 'Có' });
    expect(check(first).issues).toEqual([]);
    const out = check(row({ indicator: '1.1', value: 'Không' }));
    expect(codes(out)).toEqual(['DUPLICATE_ROW']);
    expect(out.issues[0]!.message).toContain(`dòng ${first.row}`);
  });

  it('refuses changes to locked indicators: appraised, in review but not returned; accepts returned ones', () => {
    const check = createValidator(context());
    expect(codes(check(row({ communeCode: '02716', indicator: '3.1', value: 60 })))).toEqual(['INDICATOR_LOCKED']);
    const notReturned = check(row({ communeCode: '02710', indicator: '10.1', value: 60 }));
    expect(codes(notReturned)).toEqual(['INDICATOR_LOCKED']);
    expect(notReturned.issues[0]!.message).toContain('không được trả lại');
    expect(check(row({ communeCode: '02710', indicator: '3.1', value: 60 })).change?.after).toBe(60);
  });

  it('does not complain about locked rows whose value is unchanged', () => {
    const check = createValidator(context());
    expect(check(row({ communeCode: '02710', indicator: '10.1', value: 50 }))).toEqual({ issues: [], change: null });
  });

  it('refuses writing when the cycle is closed or the actor may not write the commune', () => {
    expect(codes(createValidator(context({ cycleOpen: false }))(row({ value: 10 })))).toEqual(['CYCLE_CLOSED']);
    const ctx = context();
    const readOnly = { ...ctx.communes.get('02683')!, mayWrite: false };
    const check = createValidator({ ...ctx, communes: new Map([...ctx.communes, ['02683', readOnly]]) });
    expect(codes(check(row({ value: 10 })))).toEqual(['NOT_ALLOWED']);
  });

  it('refuses a value changed by someone else since the template was downloaded', () => {
    const check = (r: RawRow) => createValidator(context())(r); // a fresh file per row: no duplicates
    const out = check(row({ communeCode: '02710', indicator: '3.1', current: 40, hasCurrent: true, value: 70 }));
    expect(codes(out)).toEqual(['CHANGED_SINCE_TEMPLATE']);
    expect(check(row({ communeCode: '02710', indicator: '3.1', current: 50, hasCurrent: true, value: 71 })).change?.after).toBe(71);
  });

  it('warns (and still writes) a value of an indicator that does not apply to the commune', () => {
    const ctx = context();
    const c = { ...ctx.communes.get('02683')!, notApplicable: new Set(['6.2']) };
    const out = createValidator({ ...ctx, communes: new Map([...ctx.communes, ['02683', c]]) })(row({ indicator: '6.2', value: 3 }));
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([['NOT_APPLICABLE', 'warning']]);
    expect(out.change?.after).toBe(3);
  });

  it('changes only the note when the value is blank, and refuses a note that is too long', () => {
    const check = createValidator(context());
    const out = check(row({ indicator: '1.1', note: 'Theo báo cáo thôn' }));
    expect(out.change?.after).toBeNull();
    expect(out.change?.note).toBe('Theo báo cáo thôn');
    expect(codes(check(row({ indicator: '10.1', value: 1, note: 'x'.repeat(2001) })))).toEqual(['NOTE_TOO_LONG']);
  });

  it('orders the report: errors first, then by row', () => {
    const sorted = sortIssues([
      { row: 5, column: null, code: 'NOT_APPLICABLE', severity: 'warning', message: '', unitCode: null, indicatorCode: null },
      { row: 9, column: null, code: 'DUPLICATE_ROW', severity: 'error', message: '', unitCode: null, indicatorCode: null },
      { row: 3, column: null, code: 'COMMUNE_UNKNOWN', severity: 'error', message: '', unitCode: null, indicatorCode: null },
    ]);
    expect(sorted.map((i) => i.row)).toEqual([3, 9, 5]);
  });
});

describe('cell values', () => {
  it('reads Vietnamese and English number formats', () => {
    expect(readNumber('1.234,5')).toBe(1234.5);
    expect(readNumber('45,5')).toBe(45.5);
    expect(readNumber('12.5')).toBe(12.5);
    expect(readNumber(' 80 % ')).toBe(80);
    expect(readNumber('abc')).toBeNull();
    expect(readNumber(Number.NaN)).toBeNull();
  });
  it('compares values as the indicator does', () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue('Khá', 'khá')).toBe(true);
    expect(sameValue(true, 'Có')).toBe(false);
    expect(sameValue(null, 0)).toBe(false);
  });
});

/** A one-indicator set with a known target, so the engine reaches the value check. */
function setWith(kind: IndicatorKind, scale?: string[]): CriteriaSetDef {
  const target = kind === 'boolean' ? true : kind === 'verdict' ? (scale?.[0] ?? 'Đạt') : 1;
  return {
    code: 'T',
    name: 'T',
    level: 'ntm',
    legalBasis: 'x',
    validFrom: '2021-01-01',
    validTo: null,
    version: 1,
    recognitionRules: [],
    criteria: [
      {
        number: '1',
        code: 'TC1',
        name: 'Một',
        group: null,
        guidedByAgencyKind: null,
        indicators: [{ code: '1.1', wording: 'x', kind, unit: null, applicability: null, targets: [{ match: {}, value: target, source: 's', verified: true }], ...(scale ? { scale } : {}) }],
      },
    ],
  };
}

describe('agreement with the engine', () => {
  const kinds: IndicatorKind[] = ['boolean', 'min', 'max', 'percent_min', 'percent_max', 'count_min', 'count_max', 'verdict'];
  const compiled = new Map(kinds.map((k) => [k, compileSet(setWith(k, k === 'verdict' ? ['Trung bình', 'Khá', 'Tốt'] : undefined))]));
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.double({ min: -1000, max: 1000, noNaN: true }),
    fc.integer({ min: -5, max: 200 }),
    fc.boolean(),
    fc.constantFrom('Có', 'Không', 'Khá', 'tốt', 'abc', '85,5', '101', '-3', ''),
  );
  it('every value the reader accepts is one the engine compares (never value_invalid)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), cell, (kind, c) => {
        const scale = kind === 'verdict' ? ['Trung bình', 'Khá', 'Tốt'] : undefined;
        if (c === '') return;
        const read = readValue(kind, scale, c);
        const ev = evaluateCommune(compiled.get(kind)!, {}, 2025, { '1.1': read.ok ? read.value : (c as string | number | boolean) });
        const cause = ev.criteria[0]!.indicators[0]!.cause.code;
        if (read.ok) expect(cause).toBe('compared');
        else if (typeof c !== 'string') expect(cause).toBe('value_invalid');
      }),
      { numRuns: 500 },
    );
  });
});
