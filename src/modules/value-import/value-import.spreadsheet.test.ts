import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createValidator, type CatalogIndicator, type RawRow, type TargetCommune, type ValidationContext } from '../../domain/value-import/validate.js';
import { isPercentFormat, percentOfCell } from '../../domain/value-import/values.js';
import { READ_ATTEMPTS, readWorkbook, writeTemplate, type TemplateMeta } from './value-import.spreadsheet.js';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhập giá trị');
  ws.addRow(['Mã xã', 'Mã chỉ tiêu', 'Giá trị mới', 'Ghi chú']);
  ws.addRow(['02683', '1.2', 80, 'Ghi chú']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A stream that fails half way, as the streaming zip reader does when it loses an entry. */
const failing = (buf: Buffer) =>
  new Readable({
    read() {
      this.push(buf.subarray(0, 100));
      this.destroy(new Error('lost entry'));
    },
  });

describe('readWorkbook', () => {
  it('tries a failed read again on a fresh stream and reports each failed attempt', async () => {
    const buf = await workbook();
    const failures: number[] = [];
    let opened = 0;
    const parsed = await readWorkbook(
      () => (opened++ === 0 ? failing(buf) : Readable.from([buf])),
      async () => {},
      (_err, attempt) => failures.push(attempt),
    );
    expect(failures).toEqual([1]);
    expect(opened).toBe(2);
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.rows).toEqual([expect.objectContaining({ row: 2, communeCode: '02683', indicator: '1.2', value: 80, note: 'Ghi chú' })]);
  });

  it('calls a file unreadable only after every attempt failed', async () => {
    const failures: number[] = [];
    let opened = 0;
    const parsed = await readWorkbook(
      () => {
        opened++;
        return Readable.from([Buffer.from('PK\u0003\u0004 not really a zip file at all')]);
      },
      async () => {},
      (_err, attempt) => failures.push(attempt),
    );
    expect(opened).toBe(READ_ATTEMPTS);
    expect(failures).toEqual([1, 2, 3]);
    expect(parsed.fileIssues.map((i) => i.code)).toEqual(['FILE_UNREADABLE']);
  });
});

// ---- percent-formatted cells ----

const RATE = { code: '2.1', wording: 'Tỷ lệ hộ dùng nước sạch', kind: 'percent_min' as const, unit: '%', criterionNumber: '2' };
const AREA = { code: '3.1', wording: 'Diện tích đất', kind: 'min' as const, unit: 'ha', criterionNumber: '3' };
const meta: TemplateMeta = {
  cycleId: '00000000-0000-4000-8000-000000000001',
  cycleName: 'Đợt thử',
  year: 2024,
  setId: '00000000-0000-4000-8000-000000000002',
  setCode: 'THU',
  setVersion: 1,
  setRowVersion: 1,
  unitId: null,
  unitName: 'Xã thử',
  generatedAt: '2024-06-01T00:00:00.000Z',
  generatedBy: 'Người thử',
};

/** The template of one commune with a rate (current value 40) and an area, as the download writes it. */
async function templateBuffer(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  await writeTemplate(out, meta, [
    {
      unitCode: '02710',
      unitName: 'Xã thử',
      rows: [
        { indicator: RATE, current: 40, note: null, targetText: '≥ 80 %', stateText: 'Được sửa', editable: true },
        { indicator: AREA, current: null, note: null, targetText: '≥ 5 ha', stateText: 'Được sửa', editable: true },
      ],
    },
  ]);
  await done;
  return Buffer.concat(chunks);
}
const load = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return wb;
};
const read = (buf: Buffer) => readWorkbook(() => Readable.from([buf]), async () => {});

/** A validator over one commune with the rate (stored 40) and the area rows, open for writing. */
function validator() {
  const commune: TargetCommune = {
    unitId: 'u1',
    unitCode: '02710',
    unitName: 'Xã thử',
    assessmentId: 'a1',
    assessmentStatus: 'draft',
    inScope: true,
    mayWrite: true,
    rows: new Map([
      ['2.1', { id: 'r1', state: 'draft', version: 1, value: 40, note: null }],
      ['3.1', { id: 'r2', state: 'draft', version: 1, value: null, note: null }],
    ]),
    notApplicable: new Set(),
  };
  const ctx: ValidationContext = {
    cycleOpen: true,
    indicators: new Map<string, CatalogIndicator>([
      ['2.1', RATE],
      ['3.1', AREA],
    ]),
    communes: new Map([['02710', commune]]),
    knownUnitCodes: new Set(['02710']),
    selected: null,
  };
  return createValidator(ctx);
}

describe('percent-formatted cells', () => {
  it('tells percent number formats from literal percent signs, and reads the percentage without float noise', () => {
    for (const f of ['0%', '0.00%', '0.0%', '#,##0.0%;[Red]-0.0%']) expect(isPercentFormat(f), f).toBe(true);
    for (const f of [undefined, '', 'General', '0.00', '0" %"', '0\\%', '[$%-409]0.00', 'dd/mm/yyyy']) expect(isPercentFormat(f), String(f)).toBe(false);
    expect(percentOfCell(0.85)).toBe(85);
    expect(percentOfCell(0.285)).toBe(28.5); // 0.285 × 100 is 28.499999999999996 in floating point
    expect(percentOfCell(0.1 + 0.7)).toBe(80);
    expect(percentOfCell(1.5)).toBe(150);
  });

  it('the template leaves value cells of rates unformatted: 85 typed stays 85, and the current value is the stored number', async () => {
    const wb = await load(await templateBuffer());
    const ws = wb.getWorksheet('Nhập giá trị')!;
    const heading = ws.getRow(1).values as unknown[];
    const valueCol = heading.indexOf('Giá trị mới');
    const currentCol = heading.indexOf('Giá trị hiện tại');
    const rate = ws.getRow(2);
    expect(rate.getCell(4).value).toBe('2.1');
    for (const col of [valueCol, currentCol]) expect(isPercentFormat(rate.getCell(col).numFmt), `column ${col}`).toBe(false);
    expect(rate.getCell(currentCol).value).toBe(40);
    expect(rate.getCell(valueCol).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    // Typed as the guide says, in the downloaded template itself (streamed, inline strings): no percent format read.
    rate.getCell(valueCol).value = 85;
    const parsed = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.rows[0]).toMatchObject({ indicator: '2.1', value: 85, valuePercentFormat: false, currentPercentFormat: false });
  });

  it('the reader flags numbers in percent formats (typed 85 %, a formula, the current value) and only those', async () => {
    const wb = await load(await templateBuffer());
    const ws = wb.getWorksheet('Nhập giá trị')!;
    const heading = ws.getRow(1).values as unknown[];
    const valueCol = heading.indexOf('Giá trị mới');
    const currentCol = heading.indexOf('Giá trị hiện tại');
    const rate = ws.getRow(2).getCell(valueCol);
    rate.value = 0.855; // what Excel stores when 85,5% is typed; it formats the cell 0.0%
    rate.numFmt = '0.0%';
    ws.getRow(2).getCell(currentCol).numFmt = '0%'; // the current value (40) shown as 4000%: not a percent of 40
    const area = ws.getRow(3).getCell(valueCol);
    area.value = { formula: '1/2', result: 0.5 };
    area.numFmt = '0%';
    ws.addRow(['02710', '', '', '9.9', '', '', '', '', '', '', '', '12%', '']); // text: no format to read
    const parsed = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.rows).toEqual([
      expect.objectContaining({ row: 2, indicator: '2.1', value: 0.855, valuePercentFormat: true, currentPercentFormat: true }),
      expect.objectContaining({ row: 3, indicator: '3.1', value: 0.5, valuePercentFormat: true, currentPercentFormat: false }),
      expect.objectContaining({ row: 4, indicator: '9.9', value: '12%', valuePercentFormat: false }),
    ]);
  });

  it('a rate in a percent cell is read as the percentage shown; any other indicator in a percent cell is an error', () => {
    const check = validator();
    const base: RawRow = { row: 2, communeCode: '02710', indicator: '2.1', unit: null, current: null, value: null, note: null, hasCurrent: false };
    const rate = check({ ...base, value: 0.855, valuePercentFormat: true });
    expect(rate.issues).toEqual([]);
    expect(rate.change?.after).toBe(85.5);
    // The stored 40 shown through a percent format in "Giá trị hiện tại" (0.4) is still the stored value.
    const withCurrent = { ...base, value: 0.9, valuePercentFormat: true, hasCurrent: true, current: 0.4 };
    expect(validator()({ ...withCurrent, currentPercentFormat: true })).toMatchObject({ issues: [], change: { after: 90 } });
    expect(validator()(withCurrent).issues.map((i) => i.code)).toEqual(['CHANGED_SINCE_TEMPLATE']);
    expect(validator()({ ...base, value: 1.5, valuePercentFormat: true }).issues).toEqual([expect.objectContaining({ code: 'VALUE_OUT_OF_RANGE', message: expect.stringContaining('150') })]);
    // Without the format the number is the percentage itself (0.85 means 0.85 %).
    expect(validator()({ ...base, value: 0.85 }).change?.after).toBe(0.85);
    const area = check({ ...base, row: 5, indicator: '3.1', value: 0.5, valuePercentFormat: true });
    expect(area.change).toBeNull();
    expect(area.issues).toEqual([
      expect.objectContaining({ row: 5, column: 'Giá trị mới', code: 'VALUE_PERCENT_FORMAT', severity: 'error', indicatorCode: '3.1', message: expect.stringContaining('không tính bằng %') }),
    ]);
    expect(area.issues[0]!.message).toContain('hiện 50%, lưu 0,5');
    expect(area.issues[0]!.message).toContain('theo đơn vị ha');
  });
});
