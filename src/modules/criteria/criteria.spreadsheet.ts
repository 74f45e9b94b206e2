/**
 * The criteria spreadsheet: the template the steering office types a decision's annex into (one row per indicator)
 * and the reader that turns a filled workbook into a draft set document plus a validation report in Vietnamese.
 * No database access: the service decides what to do with the result.
 */
import ExcelJS from 'exceljs';
import {
  communeGroups,
  indicatorKindLabels,
  indicatorKinds,
  type ImportIssue,
  type ImportRow,
  type IndicatorKindName,
  type StandardLevelName,
} from '../../contracts/criteria.js';
import { regions } from '../../contracts/units.js';
import { validateSet, type CriteriaSetDef, type CriterionDef, type IndicatorDef, type TargetMatch, type TargetRuleDef } from '../../domain/criteria/index.js';
import { searchKey } from '../../platform/text.js';

export const SHEET_NAME = 'Chỉ tiêu';
export const MAX_ROWS = 2000;
const TEMPLATE_YEARS = Array.from({ length: 10 }, (_, i) => 2021 + i);

/** Column headings of the template, in order. Target columns: "Chung", "Vùng <mã>", "Nhóm xã <n>", "Năm <yyyy>". */
export const templateHeadings: readonly string[] = [
  'Tiêu chí số',
  'Tên tiêu chí',
  'Nhóm tiêu chí',
  'Mã chỉ tiêu',
  'Nội dung chỉ tiêu',
  'Loại',
  'Đơn vị tính',
  'Chung',
  ...regions.map((r) => `Vùng ${r}`),
  ...communeGroups.map((g) => `Nhóm xã ${g}`),
  ...TEMPLATE_YEARS.map((y) => `Năm ${y}`),
  'Nguồn (văn bản, điều, trang)',
  'Đã xác minh',
  'Ghi chú',
];

/** Build the empty template workbook (with a guide sheet). */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mtqg';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.addRow([...templateHeadings]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => {
    const h = templateHeadings[i] ?? '';
    col.width = h === 'Nội dung chỉ tiêu' || h.startsWith('Nguồn') ? 50 : h === 'Tên tiêu chí' ? 30 : 14;
  });
  const kindCol = templateHeadings.indexOf('Loại') + 1;
  const verifiedCol = templateHeadings.indexOf('Đã xác minh') + 1;
  const kindList = `"${indicatorKinds.map((k) => indicatorKindLabels[k]).join(',')}"`;
  for (let r = 2; r <= 300; r++) {
    ws.getCell(r, kindCol).dataValidation = { type: 'list', allowBlank: true, formulae: [kindList] };
    ws.getCell(r, verifiedCol).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
  }
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 28 }, { width: 100 }];
  const lines: Array<[string, string]> = [
    ['Mỗi dòng', 'Một chỉ tiêu. Dòng đầu tiên của mỗi tiêu chí ghi số và tên tiêu chí; các dòng sau có thể chỉ ghi số.'],
    ['Mã chỉ tiêu', 'Bắt buộc, không trùng trong bộ (ví dụ 3.1, 17.10).'],
    ['Loại', indicatorKinds.map((k) => `${indicatorKindLabels[k]} (${k})`).join('; ')],
    ['Chung', 'Mức áp dụng cho mọi xã khi không có mức riêng theo vùng, nhóm xã hay năm.'],
    ['Vùng …', `Mức theo vùng (giai đoạn 2021–2025): ${regions.join(', ')}.`],
    ['Nhóm xã …', 'Mức theo nhóm xã (giai đoạn 2026–2030): 1, 2, 3.'],
    ['Năm …', 'Mức theo năm (ví dụ thu nhập bình quân đầu người). Có thể thêm cột "Năm yyyy" khác.'],
    ['Giá trị', 'Số cho loại tối thiểu/tối đa/tỷ lệ/số lượng (dấu phẩy hoặc dấu chấm thập phân); Có/Không (hoặc Đạt/Không đạt) cho loại Có/Không; chữ cho loại Kết luận. Ô trống: chưa có chỉ tiêu.'],
    ['Nguồn', 'Bắt buộc khi có mức chỉ tiêu: số văn bản, điều, trang.'],
    ['Đã xác minh', 'Có: mức đã đối chiếu với văn bản (ghi nhận người nhập là người xác nhận). Không hoặc trống: hiển thị "chưa xác minh".'],
  ];
  guide.addRow(['Cột', 'Cách điền']).font = { bold: true };
  for (const l of lines) guide.addRow(l);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- reading ----

type Cell = string | number | boolean | null;

/** The plain value of a cell (formula results, rich text and hyperlinks read as their text). */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return cellValue(v.richText.map((t) => t.text).join(''));
  if ('hyperlink' in v) return cellValue(v.text);
  if ('result' in v) {
    const r = v.result;
    if (r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date))) return null;
    return cellValue(r);
  }
  return null;
}

const text = (c: Cell): string | null => (c === null ? null : String(c).trim() || null);

type Column =
  | { role: 'criterionNumber' | 'criterionName' | 'group' | 'code' | 'wording' | 'kind' | 'unit' | 'source' | 'verified' | 'note' }
  | { role: 'target'; match: TargetMatch };

interface HeadingColumn {
  index: number;
  heading: string;
  column: Column;
}

const FIXED: Record<string, Column['role']> = {
  'tieu chi so': 'criterionNumber',
  'so tieu chi': 'criterionNumber',
  'ten tieu chi': 'criterionName',
  'nhom tieu chi': 'group',
  'ma chi tieu': 'code',
  'noi dung chi tieu': 'wording',
  'loai': 'kind',
  'don vi tinh': 'unit',
  'da xac minh': 'verified',
  'ghi chu': 'note',
};

function readHeading(heading: string, issues: ImportIssue[]): Column | null {
  const key = searchKey(heading);
  const fixed = FIXED[key];
  if (fixed) return { role: fixed } as Column;
  if (key.startsWith('nguon')) return { role: 'source' };
  if (key === 'chung') return { role: 'target', match: {} };
  const region = /^vung\s+(.+)$/.exec(key);
  if (region?.[1] !== undefined || (regions as readonly string[]).includes(heading.trim().toUpperCase())) {
    const code = (region ? heading.trim().replace(/^\S+\s+/, '') : heading).trim().toUpperCase();
    if ((regions as readonly string[]).includes(code)) return { role: 'target', match: { region: code } };
    issues.push({ severity: 'error', column: heading, message: `Vùng "${code}" không có trong danh mục (${regions.join(', ')})` });
    return null;
  }
  const group = /^nhom(?:\s+xa)?\s+(.+)$/.exec(key);
  if (group?.[1] !== undefined) {
    if ((communeGroups as readonly string[]).includes(group[1])) return { role: 'target', match: { communeGroup: group[1] } };
    issues.push({ severity: 'error', column: heading, message: `Nhóm xã "${group[1]}" không có (chỉ có nhóm ${communeGroups.join(', ')})` });
    return null;
  }
  const year = /^nam\s+(\d{4})$/.exec(key);
  if (year?.[1] !== undefined) {
    const y = Number(year[1]);
    if (y >= 2000 && y <= 2100) return { role: 'target', match: { yearFrom: y, yearTo: y } };
  }
  issues.push({ severity: 'warning', column: heading, message: `Cột "${heading}" không nhận ra nên được bỏ qua` });
  return null;
}

const KIND_BY_KEY = new Map<string, IndicatorKindName>([
  ...indicatorKinds.map((k): [string, IndicatorKindName] => [k, k]),
  ...indicatorKinds.map((k): [string, IndicatorKindName] => [searchKey(indicatorKindLabels[k]), k]),
  ['co / khong', 'boolean'],
  ['dat / khong dat', 'boolean'],
  ['dat/khong dat', 'boolean'],
]);

function readKind(c: Cell): IndicatorKindName | null {
  const t = text(c);
  return t === null ? null : (KIND_BY_KEY.get(searchKey(t)) ?? null);
}

const TRUE_WORDS = new Set(['co', 'dat', 'x', 'true', 'yes']);
const FALSE_WORDS = new Set(['khong', 'khong dat', 'false', 'no']);

function readBoolean(c: Cell): boolean | null {
  if (typeof c === 'boolean') return c;
  const t = text(c);
  if (t === null) return null;
  const k = searchKey(t);
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return null;
}

/** "80", "80%", "1.234,5", "45,5" → number; anything else → null. */
function readNumber(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (typeof c !== 'string') return null;
  let s = c.replace(/\s|%/g, '');
  if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
  else if (s.includes(',')) s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

function targetValue(kind: IndicatorKindName, c: Cell): { value: string | number | boolean } | { error: string } {
  switch (kind) {
    case 'boolean': {
      const b = readBoolean(c);
      return b === null ? { error: `phải là Có hoặc Không (đọc được "${String(c)}")` } : { value: b };
    }
    case 'verdict':
      return { value: String(c) };
    default: {
      const n = readNumber(c);
      if (n === null) return { error: `không phải là số: "${String(c)}"` };
      if ((kind === 'percent_min' || kind === 'percent_max') && (n < 0 || n > 100)) return { error: `tỷ lệ phải từ 0 đến 100 (đọc được ${n})` };
      if ((kind === 'count_min' || kind === 'count_max') && (!Number.isInteger(n) || n < 0)) return { error: `phải là số nguyên không âm (đọc được ${n})` };
      return { value: n };
    }
  }
}

export interface NewSetHeader {
  code: string;
  name: string;
  level: StandardLevelName;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
}

export interface ParsedWorkbook {
  sheet: string | null;
  fileIssues: ImportIssue[];
  rows: ImportRow[];
  /** The draft document, when there is no error. */
  definition: CriteriaSetDef | null;
  summary: { rows: number; criteria: number; indicators: number; targets: number; errors: number; warnings: number };
}

/**
 * Read a workbook into a set document. `confirmer` names who confirms targets marked "Đã xác minh: Có" (the
 * importing user) and when. Every problem is reported; the document is returned only when there is no error.
 */
export async function readWorkbook(
  content: Buffer,
  header: NewSetHeader,
  fileName: string,
  confirmer: { name: string; at: string },
): Promise<ParsedWorkbook> {
  const fileIssues: ImportIssue[] = [];
  const rows: ImportRow[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer": hand it the bytes as an ArrayBuffer.
    await wb.xlsx.load(content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer);
  } catch {
    fileIssues.push({ severity: 'error', column: null, message: 'Không đọc được tệp: cần tệp Excel (.xlsx) theo mẫu' });
    return finish(null, fileIssues, rows, null);
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) {
    fileIssues.push({ severity: 'error', column: null, message: 'Tệp không có trang tính nào' });
    return finish(null, fileIssues, rows, null);
  }

  // The heading row: the first of the top 10 rows that has "Mã chỉ tiêu".
  let headingRow = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const values = ws.getRow(r).values;
    if (Array.isArray(values) && values.some((v) => typeof v === 'string' && searchKey(v) === 'ma chi tieu')) {
      headingRow = r;
      break;
    }
  }
  if (headingRow === 0) {
    fileIssues.push({ severity: 'error', column: null, message: 'Không thấy dòng tiêu đề có cột "Mã chỉ tiêu": hãy dùng tệp mẫu' });
    return finish(ws.name, fileIssues, rows, null);
  }
  const columns: HeadingColumn[] = [];
  ws.getRow(headingRow).eachCell({ includeEmpty: false }, (cell, index) => {
    const heading = text(cellValue(cell.value));
    if (heading === null) return;
    const column = readHeading(heading, fileIssues);
    if (column) columns.push({ index, heading, column });
  });
  for (const [role, label] of [
    ['criterionNumber', 'Tiêu chí số'],
    ['code', 'Mã chỉ tiêu'],
    ['wording', 'Nội dung chỉ tiêu'],
    ['kind', 'Loại'],
  ] as const) {
    if (!columns.some((c) => c.column.role === role)) fileIssues.push({ severity: 'error', column: label, message: `Thiếu cột "${label}"` });
  }
  const seenTargets = new Map<string, string>();
  for (const c of columns) {
    if (c.column.role !== 'target') continue;
    const k = JSON.stringify(c.column.match);
    const first = seenTargets.get(k);
    if (first) fileIssues.push({ severity: 'error', column: c.heading, message: `Cột "${c.heading}" trùng với cột "${first}"` });
    else seenTargets.set(k, c.heading);
  }
  if (fileIssues.some((i) => i.severity === 'error')) return finish(ws.name, fileIssues, rows, null);

  const criteria = new Map<string, { def: Omit<CriterionDef, 'indicators'>; indicators: IndicatorDef[]; row: number }>();
  const codes = new Map<string, number>();
  const lastRow = ws.rowCount;
  if (lastRow - headingRow > MAX_ROWS) {
    fileIssues.push({ severity: 'error', column: null, message: `Tệp có quá nhiều dòng (tối đa ${MAX_ROWS} chỉ tiêu)` });
    return finish(ws.name, fileIssues, rows, null);
  }

  for (let r = headingRow + 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const get = (role: Column['role']): Cell => {
      const col = columns.find((c) => c.column.role === role);
      return col ? cellValue(row.getCell(col.index).value) : null;
    };
    const allEmpty = columns.every((c) => cellValue(row.getCell(c.index).value) === null);
    if (allEmpty) continue;
    const issues: ImportIssue[] = [];
    const err = (column: string | null, message: string) => issues.push({ severity: 'error', column, message });
    const warn = (column: string | null, message: string) => issues.push({ severity: 'warning', column, message });

    const number = text(get('criterionNumber'));
    const criterionName = text(get('criterionName'));
    const code = text(get('code'));
    const wording = text(get('wording'));
    const kindCell = get('kind');
    const kind = readKind(kindCell);
    const unitText = text(get('unit'));
    const source = text(get('source'));
    const verifiedCell = get('verified');
    const verified = verifiedCell === null ? false : readBoolean(verifiedCell);
    const note = text(get('note'));

    if (number === null) err('Tiêu chí số', 'Thiếu số tiêu chí');
    if (code === null) err('Mã chỉ tiêu', 'Thiếu mã chỉ tiêu');
    else if (codes.has(code)) err('Mã chỉ tiêu', `Mã chỉ tiêu "${code}" trùng với dòng ${codes.get(code)}`);
    else codes.set(code, r);
    if (wording === null) err('Nội dung chỉ tiêu', 'Thiếu nội dung chỉ tiêu');
    if (kindCell === null) err('Loại', 'Thiếu loại chỉ tiêu');
    else if (kind === null) {
      err('Loại', `Loại chỉ tiêu không hợp lệ: "${String(kindCell)}" (dùng: ${indicatorKinds.map((k) => indicatorKindLabels[k]).join(', ')})`);
    }
    if (verified === null) err('Đã xác minh', `Cột "Đã xác minh" phải là Có hoặc Không (đọc được "${String(verifiedCell)}")`);

    const targets: TargetRuleDef[] = [];
    for (const c of columns) {
      if (c.column.role !== 'target') continue;
      const cell = cellValue(row.getCell(c.index).value);
      if (cell === null || kind === null) continue;
      const v = targetValue(kind, cell);
      if ('error' in v) {
        err(c.heading, `Mức chỉ tiêu ở cột "${c.heading}" ${v.error}`);
        continue;
      }
      const isVerified = verified === true;
      targets.push({
        match: c.column.match,
        value: v.value,
        source,
        verified: isVerified,
        confirmedBy: isVerified ? confirmer.name : null,
        confirmedAt: isVerified ? confirmer.at : null,
        note: null,
      });
    }
    if (targets.length > 0 && source === null) err('Nguồn (văn bản, điều, trang)', 'Thiếu nguồn (văn bản, điều, trang) cho mức chỉ tiêu');
    if (targets.length === 0 && kind !== null && !issues.some((i) => i.severity === 'error')) {
      warn(null, 'Chưa có mức chỉ tiêu: sẽ hiện "chưa có chỉ tiêu" và đánh giá là "chưa biết chỉ tiêu"');
    }
    if (verified === true && targets.length === 0) warn('Đã xác minh', 'Đánh dấu đã xác minh nhưng không có mức chỉ tiêu nào');

    if (number !== null) {
      const known = criteria.get(number);
      if (!known) {
        if (criterionName === null) err('Tên tiêu chí', `Thiếu tên tiêu chí ${number} (ghi ở dòng đầu tiên của tiêu chí)`);
        criteria.set(number, {
          def: {
            number,
            code: `TC${number}`,
            name: criterionName ?? `Tiêu chí ${number}`,
            group: text(get('group')),
            guidedByAgencyKind: null,
            nameVerified: false,
          },
          indicators: [],
          row: r,
        });
      } else if (criterionName !== null && criterionName !== known.def.name) {
        warn('Tên tiêu chí', `Tên tiêu chí ${number} khác với dòng ${known.row}; dùng tên ở dòng ${known.row}`);
      }
    }
    if (!issues.some((i) => i.severity === 'error') && number !== null && code !== null && wording !== null && kind !== null) {
      const unit = unitText ?? (kind === 'percent_min' || kind === 'percent_max' ? '%' : null);
      criteria.get(number)!.indicators.push({
        code,
        wording,
        kind,
        unit,
        applicability: null,
        targets,
        verified: verified === true,
        note,
      });
    }
    rows.push({ row: r, criterionNumber: number, code, targets: targets.length, issues });
  }
  if (rows.length === 0) fileIssues.push({ severity: 'error', column: null, message: 'Tệp không có dòng chỉ tiêu nào' });

  const def: CriteriaSetDef = {
    code: header.code,
    name: header.name,
    level: header.level,
    legalBasis: header.legalBasis,
    validFrom: header.validFrom,
    validTo: header.validTo,
    version: 1,
    criteria: [...criteria.values()].map((c) => ({ ...c.def, indicators: c.indicators })),
    recognitionRules: [],
    provenance: {
      verified: false,
      notes: [`Nhập từ tệp ${fileName} ngày ${confirmer.at.slice(0, 10)} bởi ${confirmer.name}.`],
      sources: [],
    },
  };
  for (const p of validateSet(def)) fileIssues.push({ severity: 'error', column: null, message: `Bộ tiêu chí không hợp lệ: ${p}` });
  return finish(ws.name, fileIssues, rows, def);
}

function finish(sheet: string | null, fileIssues: ImportIssue[], rows: ImportRow[], def: CriteriaSetDef | null): ParsedWorkbook {
  const all = [...fileIssues, ...rows.flatMap((r) => r.issues)];
  const errors = all.filter((i) => i.severity === 'error').length;
  return {
    sheet,
    fileIssues,
    rows,
    definition: errors === 0 ? def : null,
    summary: {
      rows: rows.length,
      criteria: def?.criteria.length ?? 0,
      indicators: def?.criteria.reduce((n, c) => n + c.indicators.length, 0) ?? 0,
      targets: def?.criteria.reduce((n, c) => n + c.indicators.reduce((m, i) => m + i.targets.length, 0), 0) ?? 0,
      errors,
      warnings: all.length - errors,
    },
  };
}
