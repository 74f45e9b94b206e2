/**
 * The values workbook: the template (one row per commune × indicator, locked read-only columns, drop-down lists and
 * range checks on the value cells, an instruction sheet and a very hidden sheet naming the cycle and set version)
 * and the streaming reader that turns an upload into raw rows (row by row, never the whole workbook in memory), plus
 * the error-annotated copy of an upload. No database access.
 */
import type { Readable, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { indicatorKindLabels } from '../../contracts/criteria.js';
import type { ImportIssue } from '../../contracts/value-import.js';
import { VALUE_IMPORT_MAX_ROWS } from '../../contracts/value-import.js';
import { COLUMNS, type CatalogIndicator, type RawRow } from '../../domain/value-import/validate.js';
import { allowedText, fold, isPercent, isPercentFormat, valueCell, type Cell } from '../../domain/value-import/values.js';
import type { IndicatorValue } from '../../domain/criteria/index.js';

export const DATA_SHEET = 'Nhập giá trị';
export const GUIDE_SHEET = 'Hướng dẫn';
export const META_SHEET = '_mtqg';
const ERROR_SHEET = 'Lỗi';

/** Template columns in order (headings, widths). Only "Giá trị mới" and "Ghi chú" are editable. */
const LAYOUT: ReadonlyArray<{ key: keyof typeof COLUMNS; width: number }> = [
  { key: 'communeCode', width: 9 },
  { key: 'communeName', width: 22 },
  { key: 'criterion', width: 8 },
  { key: 'indicator', width: 11 },
  { key: 'wording', width: 60 },
  { key: 'unit', width: 14 },
  { key: 'kind', width: 16 },
  { key: 'allowed', width: 24 },
  { key: 'target', width: 22 },
  { key: 'state', width: 26 },
  { key: 'current', width: 14 },
  { key: 'value', width: 14 },
  { key: 'note', width: 40 },
];
const colOf = (key: keyof typeof COLUMNS) => LAYOUT.findIndex((c) => c.key === key) + 1;

export interface TemplateRow {
  indicator: CatalogIndicator;
  current: IndicatorValue | null;
  note: string | null;
  targetText: string;
  stateText: string;
  editable: boolean;
}
export interface TemplateCommune {
  unitCode: string | null;
  unitName: string;
  rows: TemplateRow[];
}
export interface TemplateMeta {
  cycleId: string;
  cycleName: string;
  year: number;
  setId: string;
  setCode: string;
  setVersion: number;
  setRowVersion: number;
  unitId: string | null;
  unitName: string;
  generatedAt: string;
  generatedBy: string;
}

const GREY = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEFEFEF' } };
const EDIT = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF8DC' } };

/** A drop-down or range check for a value cell; null when Excel cannot express the rule (long or comma labels). */
function validationOf(ind: CatalogIndicator): ExcelJS.DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Giá trị không hợp lệ', error: `Chỉ tiêu ${ind.code}: ${allowedText(ind.kind, ind.scale, ind.unit)}` };
  if (isPercent(ind.kind, ind.unit)) return { type: 'decimal', operator: 'between', formulae: [0, 100], ...common };
  switch (ind.kind) {
    case 'boolean':
      return { type: 'list', formulae: ['"Có,Không"'], ...common };
    case 'percent_min':
    case 'percent_max':
      return { type: 'decimal', operator: 'between', formulae: [0, 100], ...common };
    case 'count_min':
    case 'count_max':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], ...common };
    case 'min':
    case 'max':
      return { type: 'decimal', operator: 'between', formulae: [-1e15, 1e15], ...common };
    case 'verdict': {
      const scale = ind.scale ?? [];
      const list = scale.join(',');
      if (scale.length === 0 || scale.some((l) => l.includes(',') || l.includes('"')) || list.length > 250) return null;
      return { type: 'list', formulae: [`"${list}"`], ...common };
    }
  }
}

/**
 * Write the values template for one commune or many (one row per commune × indicator) to `out`, streamed: rows are
 * committed as they are made (a province of 150 communes × 60 indicators never sits in memory as a workbook).
 * Strings are written inline (no shared-string table to hold back until the end).
 */
export async function writeTemplate(out: Writable, meta: TemplateMeta, communes: readonly TemplateCommune[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  wb.creator = 'mtqg';
  wb.created = new Date(meta.generatedAt);
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 4 }] });
  ws.columns = LAYOUT.map((c) => ({ header: COLUMNS[c.key], key: c.key, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((cell) => {
    cell.protection = { locked: true };
    cell.fill = GREY;
  });
  head.commit();
  const valueCol = colOf('value');
  const noteCol = colOf('note');
  for (const c of communes) {
    for (const r of c.rows) {
      const row = ws.addRow([
        c.unitCode ?? '',
        c.unitName,
        r.indicator.criterionNumber,
        r.indicator.code,
        r.indicator.wording,
        r.indicator.unit ?? '',
        indicatorKindLabels[r.indicator.kind],
        allowedText(r.indicator.kind, r.indicator.scale, r.indicator.unit),
        r.targetText,
        r.stateText,
        valueCell(r.current),
        null,
        r.note ?? '',
      ]);
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const editable = r.editable && (col === valueCol || col === noteCol);
        cell.protection = { locked: !editable };
        if (col === valueCol || col === noteCol) cell.fill = editable ? EDIT : GREY;
      });
      const v = r.editable ? validationOf(r.indicator) : null;
      if (v) row.getCell(valueCol).dataValidation = v;
      // Codes stay text ("17.10" must not become 17.1, "02683" must keep its zero).
      row.getCell(colOf('communeCode')).numFmt = '@';
      row.getCell(colOf('indicator')).numFmt = '@';
      row.commit();
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LAYOUT.length } };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, formatColumns: true, formatRows: true });
  ws.commit();

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 26 }, { width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  const title = guide.addRow(['Mẫu nhập giá trị chỉ tiêu']);
  title.font = { bold: true, size: 13 };
  title.commit();
  const lines: Array<[string, string]> = [
    ['Đợt đánh giá', `${meta.cycleName} (năm ${meta.year})`],
    ['Phạm vi', meta.unitName],
    ['Bộ tiêu chí', `${meta.setCode}, phiên bản ${meta.setVersion}`],
    ['Mã đợt (để kiểm tra)', meta.cycleId],
    ['Tải lúc', `${meta.generatedAt} bởi ${meta.generatedBy}`],
    ['', ''],
    ['Cách điền', 'Mỗi dòng là một chỉ tiêu của một xã. Chỉ điền cột "Giá trị mới" (và "Ghi chú" nếu cần); các cột khác chỉ để đọc.'],
    ['Ô trống', 'Để trống "Giá trị mới" nghĩa là giữ nguyên giá trị hiện tại. Muốn xóa một giá trị, hãy sửa trên biểu mẫu của xã.'],
    ['Có/Không', 'Chọn Có hoặc Không trong danh sách (cũng nhận Đạt/Không đạt).'],
    ['Tỷ lệ (%)', 'Ghi số từ 0 đến 100, ví dụ 85 hoặc 85,5 (ô để định dạng General). Ô định dạng phần trăm của Excel (gõ 85% thì Excel lưu 0,85) được đọc là 85; ở chỉ tiêu không tính bằng % thì ô định dạng phần trăm bị báo lỗi.'],
    ['Số', 'Dấu phẩy hoặc dấu chấm thập phân đều được (45,5 hoặc 45.5). Giá trị phải theo đúng "Đơn vị tính" của chỉ tiêu.'],
    ['Kết luận', 'Chọn một mức trong danh sách của chỉ tiêu.'],
    ['Chỉ tiêu bị khóa', 'Dòng tô xám ở cột "Giá trị mới" không sửa được: hồ sơ đang thẩm tra/thẩm định (chỉ sửa chỉ tiêu được trả lại) hoặc đã thẩm định.'],
    ['Lọc', 'Dùng bộ lọc ở dòng tiêu đề để điền theo từng chỉ tiêu cho mọi xã, hoặc theo từng xã.'],
    ['Tải lên', 'Tải tệp lên trang "Nhập từ Excel" của đợt đánh giá: hệ thống kiểm tra từng dòng, báo lỗi bằng tiếng Việt và cho xem trước thay đổi trước khi áp dụng. Không áp dụng được một phần: tệp còn lỗi thì không ghi gì.'],
  ];
  for (const l of lines) {
    const row = guide.addRow(l);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  guide.commit();

  const m = wb.addWorksheet(META_SHEET, { state: 'veryHidden' } as Partial<ExcelJS.AddWorksheetOptions>);
  for (const [k, v] of Object.entries({
    format: 'mtqg-values/1',
    cycleId: meta.cycleId,
    year: meta.year,
    setId: meta.setId,
    setCode: meta.setCode,
    setVersion: meta.setVersion,
    setRowVersion: meta.setRowVersion,
    unitId: meta.unitId ?? '',
    generatedAt: meta.generatedAt,
  })) {
    m.addRow([k, v]).commit();
  }
  m.commit();
  await wb.commit();
}

// ---- reading ----

/** The plain value of a cell (formula results, rich text and hyperlinks read as their text; errors as empty). */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['richText'])) return cellValue((o['richText'] as Array<{ text: string }>).map((t) => t.text).join(''));
    if ('hyperlink' in o) return cellValue(o['text']);
    if ('result' in o) return cellValue(o['result']);
    if ('sharedFormula' in o || 'formula' in o) return null;
  }
  return null;
}

type Role = 'communeCode' | 'indicator' | 'unit' | 'current' | 'value' | 'note';
const HEADINGS = new Map<string, Role>([
  [fold(COLUMNS.communeCode), 'communeCode'],
  ['ma don vi', 'communeCode'],
  [fold(COLUMNS.indicator), 'indicator'],
  [fold(COLUMNS.unit), 'unit'],
  [fold(COLUMNS.current), 'current'],
  [fold(COLUMNS.value), 'value'],
  ['gia tri', 'value'],
  [fold(COLUMNS.note), 'note'],
]);

export interface ParsedWorkbook {
  sheet: string | null;
  rows: RawRow[];
  /** Spreadsheet rows that hold data (blank ones excluded). */
  dataRows: number;
  meta: Record<string, string> | null;
  fileIssues: ImportIssue[];
  /** Column index (1-based) of each heading found, for the annotated copy. */
  columns: Partial<Record<Role, number>>;
  headingRow: number;
}

/** The cell holds a number (or a formula's number) shown in an Excel percent format (numFmt from the cached styles). */
function percentFormatted(row: ExcelJS.Row, col: number | undefined): boolean {
  if (col === undefined) return false;
  const cell = row.getCell(col);
  return typeof cellValue(cell.value) === 'number' && isPercentFormat(cell.numFmt);
}

const fileIssue = (code: ImportIssue['code'], message: string, column: string | null = null): ImportIssue => ({
  row: null,
  column,
  code,
  severity: 'error',
  message,
  unitCode: null,
  indicatorCode: null,
});

/**
 * Read an uploaded workbook as a stream, row by row. The data sheet is the first whose top rows carry the headings
 * "Mã chỉ tiêu" and "Giá trị mới"; `_mtqg` (very hidden) names the cycle. `onRows` is called every 1,000 rows read.
 */
/**
 * ExcelJS's streaming reader sometimes fails on a sound file: its single pass over the zip can lose the last entry
 * (xl/workbook.xml, which ExcelJS-written files store last), depending on timing — upstream exceljs issue #3064. Seen
 * once in CI, never reproduced locally. A read that throws is therefore tried again on a fresh stream (a broken file
 * costs at most READ_ATTEMPTS bounded reads) before the file is called unreadable; every failed attempt is logged.
 */
export const READ_ATTEMPTS = 3;

export async function readWorkbook(
  open: () => Readable,
  onRows: (read: number) => Promise<void>,
  onFailedAttempt: (err: unknown, attempt: number) => void = () => {},
): Promise<ParsedWorkbook> {
  let parsed: ParsedWorkbook | undefined;
  for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
    const result = await readWorkbookOnce(open(), onRows);
    if (!('failure' in result)) return result;
    onFailedAttempt(result.failure, attempt);
    parsed = result.parsed;
  }
  return parsed!;
}

async function readWorkbookOnce(source: Readable, onRows: (read: number) => Promise<void>): Promise<ParsedWorkbook | { failure: unknown; parsed: ParsedWorkbook }> {
  const out: ParsedWorkbook = { sheet: null, rows: [], dataRows: 0, meta: null, fileIssues: [], columns: {}, headingRow: 0 };
  // styles: 'cache' parses xl/styles.xml, and every cell read after it gets its style (worksheet-reader.js sets
  // cell.style from the cell's `s` index; built-in formats such as 9 "0%" resolve through NumFmtXform), so
  // cell.numFmt tells a percent-formatted number. A sheet read before styles.xml would get no formats: the reader
  // defers every sheet met before the shared strings to a temporary file and reads it after the last entry, which is
  // the case for files written by Excel, ExcelJS and openpyxl (sheets first, then shared strings and styles). Only a
  // file that stores shared strings before its sheet and styles after it would lose the formats (numbers read as stored).
  // Side effect, wanted: numbers in date formats read as dates (cellValue turns them into yyyy-mm-dd text).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  let tooMany = false;
  // ExcelJS pipes the source without listening for its errors: a failing source would leave the read pending forever.
  const sourceFailed = new Promise<never>((_, reject) => source.once('error', reject));
  const consume = async () => {
    for await (const sheet of reader) {
      const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      const name = ws.name ?? '';
      if (name === META_SHEET) {
        const meta: Record<string, string> = {};
        for await (const row of ws) {
          const values = row.values as unknown[];
          const k = cellValue(values[1]);
          const v = cellValue(values[2]);
          if (k !== null) meta[String(k)] = v === null ? '' : String(v);
        }
        out.meta = meta;
        continue;
      }
      if (out.sheet !== null) {
        for await (const _row of ws) void _row; // drain other sheets
        continue;
      }
      let columns: Partial<Record<Role, number>> | null = null;
      for await (const row of ws) {
        const values = row.values as unknown[];
        if (!columns) {
          if (row.number > 10) break;
          const found: Partial<Record<Role, number>> = {};
          values.forEach((v, i) => {
            const c = cellValue(v);
            if (typeof c !== 'string') return;
            const role = HEADINGS.get(fold(c));
            if (role && found[role] === undefined) found[role] = i;
          });
          if (found.indicator !== undefined && found.value !== undefined) {
            columns = found;
            out.sheet = name;
            out.columns = found;
            out.headingRow = row.number;
          }
          continue;
        }
        const get = (role: Role): Cell => (columns![role] === undefined ? null : cellValue(values[columns![role]!]));
        const raw: RawRow = {
          row: row.number,
          communeCode: get('communeCode'),
          indicator: get('indicator'),
          unit: get('unit'),
          current: get('current'),
          value: get('value'),
          note: get('note'),
          hasCurrent: columns.current !== undefined,
          valuePercentFormat: percentFormatted(row, columns.value),
          currentPercentFormat: percentFormatted(row, columns.current),
        };
        if (raw.communeCode === null && raw.indicator === null && raw.value === null && raw.note === null) continue;
        out.dataRows++;
        if (out.dataRows > VALUE_IMPORT_MAX_ROWS) {
          tooMany = true; // the job fails: stop reading (a huge or hostile file costs no more than this)
          break;
        }
        out.rows.push(raw);
        if (out.dataRows % 1000 === 0) await onRows(out.dataRows);
      }
      if (tooMany) break;
    }
  };
  try {
    await Promise.race([consume(), sourceFailed]);
  } catch (failure) {
    out.fileIssues.push(fileIssue('FILE_UNREADABLE', 'Không đọc được tệp: cần tệp Excel (.xlsx) theo mẫu tải từ hệ thống'));
    return { failure, parsed: out };
  } finally {
    source.destroy(); // stopped early (too many rows, unreadable): release the file
  }
  if (out.sheet === null) {
    out.fileIssues.push(
      fileIssue('COLUMN_MISSING', `Không thấy trang tính có cột "${COLUMNS.indicator}" và "${COLUMNS.value}" ở dòng tiêu đề: hãy dùng tệp mẫu của đợt đánh giá`),
    );
  }
  if (tooMany) out.fileIssues.push(fileIssue('TOO_MANY_ROWS', `Tệp có hơn ${VALUE_IMPORT_MAX_ROWS} dòng dữ liệu, quá giới hạn một lần nhập; hãy chia thành nhiều tệp`));
  return out;
}

/**
 * The uploaded workbook with an "Lỗi" column on its data sheet (each row's messages, errors in red) and a "Lỗi"
 * sheet listing every issue. Loaded whole: only for the download of one file the user already sent.
 */
export async function annotateWorkbook(content: Buffer, issues: readonly ImportIssue[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer);
  const byRow = new Map<number, ImportIssue[]>();
  for (const i of issues) if (i.row !== null) byRow.set(i.row, [...(byRow.get(i.row) ?? []), i]);
  const ws = wb.getWorksheet(DATA_SHEET) ?? wb.worksheets.find((w) => w.state === 'visible');
  if (ws) {
    const col = ws.columnCount + 1;
    ws.getColumn(col).width = 70;
    const heading = ws.getRow(1).getCell(col);
    heading.value = 'Lỗi';
    heading.font = { bold: true, color: { argb: 'FFB00020' } };
    for (const [row, list] of byRow) {
      const cell = ws.getRow(row).getCell(col);
      cell.value = list.map((i) => `${i.severity === 'error' ? 'Lỗi' : 'Lưu ý'} (${i.column ?? 'dòng'}): ${i.message} [${i.code}]`).join('\n');
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = { color: { argb: list.some((i) => i.severity === 'error') ? 'FFB00020' : 'FF8A5A00' } };
    }
  }
  wb.worksheets.filter((w) => w.name === ERROR_SHEET).forEach((w) => wb.removeWorksheet(w.id));
  const list = wb.addWorksheet(ERROR_SHEET);
  list.columns = [
    { header: 'Dòng', width: 8 },
    { header: 'Cột', width: 18 },
    { header: 'Mức', width: 8 },
    { header: 'Mã lỗi', width: 24 },
    { header: 'Nội dung', width: 100 },
  ];
  list.getRow(1).font = { bold: true };
  for (const i of issues) list.addRow([i.row ?? '', i.column ?? '', i.severity === 'error' ? 'Lỗi' : 'Lưu ý', i.code, i.message]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
