/**
 * The report workbook, streamed: exceljs' WorkbookWriter commits every row to the output as it is written, so a
 * national listing fed in batches never sits in memory as a whole sheet. One worksheet per section: title rows (the
 * report, unit/year/set, generated at, a demonstration-data warning), a frozen header row, typed cells with number
 * formats (shown with the reader's Excel separators: 1.234,5 in Vietnamese Excel), column widths, A4 landscape print
 * set-up with the header row repeated on every page.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnType, ReportCell, ReportColumn, ReportRow } from '../../contracts/reports.js';

export interface WorkbookMeta {
  title: string;
  subtitle: string[];
  notes: string[];
  hasDemo: boolean;
  generatedAt: Date;
}
export interface WorkbookSection {
  title: string;
  columns: ReportColumn[];
  /** Rows in batches (a streamed section) or at once. */
  rows: AsyncIterable<ReportRow[]> | ReportRow[];
}

export const DEMO_NOTE = 'Có dữ liệu minh họa (không phải số liệu thật) trong báo cáo này.';

const NUM_FMT: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  year: '0',
  decimal: '#,##0.0##',
  percent: '0.0%',
  vnd: '#,##0',
  date: 'dd/mm/yyyy',
};

/** A cell value as the workbook stores it: percent as a fraction, dates as dates. */
function cellValue(type: ColumnType, v: ReportCell): ExcelJS.CellValue {
  if (v === null) return null;
  if (type === 'percent' && typeof v === 'number') return v / 100;
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Bảng';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** "27/11/2026 14:05" in Asia/Ho_Chi_Minh. */
export function vnDateTime(d: Date): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  return f.format(d).replace(',', '');
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9CA3AF' } },
  bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } },
  left: { style: 'thin', color: { argb: 'FF9CA3AF' } },
  right: { style: 'thin', color: { argb: 'FF9CA3AF' } },
};

/** Write the workbook to `out` (ends it). Resolves when the last byte was handed to the stream. */
export async function writeReportWorkbook(out: Writable, meta: WorkbookMeta, sections: WorkbookSection[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'mtqg';
  wb.created = meta.generatedAt;
  const used = new Set<string>();
  const font = { name: 'Times New Roman', size: 11 };
  for (const s of sections) {
    const n = Math.max(1, s.columns.length);
    const top: Array<{ text: string; font: Partial<ExcelJS.Font> }> = [
      { text: meta.title.toUpperCase(), font: { ...font, size: 14, bold: true } },
      { text: s.title, font: { ...font, size: 12, bold: true } },
      ...meta.subtitle.map((t) => ({ text: t, font: { ...font, italic: true } })),
      { text: `Lập lúc: ${vnDateTime(meta.generatedAt)}`, font: { ...font, italic: true } },
      ...(meta.hasDemo ? [{ text: DEMO_NOTE, font: { ...font, bold: true, color: { argb: 'FFB91C1C' } } }] : []),
    ];
    const headerRow = top.length + 2;
    const ws = wb.addWorksheet(sheetName(s.title, used), {
      views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
    });
    ws.columns = s.columns.map((c) => ({ key: c.key, width: c.width }));
    for (const [i, t] of top.entries()) {
      const r = ws.getRow(i + 1);
      r.getCell(1).value = t.text;
      r.getCell(1).font = t.font;
      r.getCell(1).alignment = { horizontal: i < 2 ? 'center' : 'left' };
      if (n > 1) ws.mergeCells(i + 1, 1, i + 1, n);
      r.commit();
    }
    ws.getRow(top.length + 1).commit();
    const h = ws.getRow(headerRow);
    s.columns.forEach((c, i) => {
      const cell = h.getCell(i + 1);
      cell.value = c.label;
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
      cell.border = thin;
    });
    h.height = 32;
    h.commit();
    let at = headerRow + 1;
    const batches: AsyncIterable<ReportRow[]> | ReportRow[][] = Array.isArray(s.rows) ? [s.rows] : s.rows;
    for await (const batch of batches) {
      for (const rr of batch) {
        const r = ws.getRow(at++);
        s.columns.forEach((c, i) => {
          const cell = r.getCell(i + 1);
          cell.value = cellValue(c.type, rr.cells[i] ?? null);
          const fmt = NUM_FMT[c.type];
          if (fmt) cell.numFmt = fmt;
          cell.border = thin;
          if (rr.kind !== 'data') cell.font = { ...font, bold: true };
          else cell.font = font;
          if (rr.kind === 'group') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };
        });
        r.commit();
      }
      // A slow reader (a phone on 3G) must slow the database reads down, not grow the buffers.
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (out.destroyed) throw new Error('report workbook: the reader went away');
    }
    at++;
    for (const note of meta.notes) {
      const r = ws.getRow(at++);
      r.getCell(1).value = note;
      r.getCell(1).font = { ...font, italic: true };
      r.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
