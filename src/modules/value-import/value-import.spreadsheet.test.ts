import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { READ_ATTEMPTS, readWorkbook } from './value-import.spreadsheet.js';

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
