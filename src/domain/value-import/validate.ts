// Validation of an uploaded values workbook, row by row, against the catalog (the cycle's criteria set) and the
// workflow (which commune, which indicator, may the actor write it now). Pure: the service gathers the facts once
// (assessments of the cycle, their indicator rows, the actor's scope) and feeds rows in chunks, so a 3,000-row file
// is checked in memory with progress reported between chunks.
import type { AssessmentStatus, ResultState } from '../../contracts/assessments.js';
import type { ImportIssue, IssueCode } from '../../contracts/value-import.js';
import { isEditable, statusName } from '../assessments/transitions.js';
import type { IndicatorKind, IndicatorValue } from '../criteria/types.js';
import { cellText, fold, isPercent, percentOfCell, readValue, sameValue, type Cell } from './values.js';

/** Column headings of the template (the reader also accepts them without diacritics). */
export const COLUMNS = {
  communeCode: 'Mã xã',
  communeName: 'Tên xã',
  criterion: 'Tiêu chí',
  indicator: 'Mã chỉ tiêu',
  wording: 'Nội dung chỉ tiêu',
  unit: 'Đơn vị tính',
  kind: 'Loại',
  allowed: 'Giá trị cho phép',
  target: 'Chỉ tiêu cần đạt',
  state: 'Trạng thái',
  current: 'Giá trị hiện tại',
  value: 'Giá trị mới',
  note: 'Ghi chú',
} as const;

export const NOTE_MAX = 2000;

export interface CatalogIndicator {
  code: string;
  wording: string;
  kind: IndicatorKind;
  unit: string | null;
  scale?: readonly string[] | undefined;
  criterionNumber: string;
}

export interface TargetRow {
  id: string;
  state: ResultState;
  version: number;
  value: IndicatorValue | null;
  note: string | null;
}

export interface TargetCommune {
  unitId: string;
  unitCode: string | null;
  unitName: string;
  assessmentId: string;
  assessmentStatus: AssessmentStatus;
  /** The commune is inside the actor's scope. */
  inScope: boolean;
  /** The actor may write this commune's values (commune officer of it, steering office over it, administrator). */
  mayWrite: boolean;
  rows: ReadonlyMap<string, TargetRow>;
  /** Indicators that do not apply to the commune (engine: not_applicable). */
  notApplicable: ReadonlySet<string>;
}

export interface ValidationContext {
  cycleOpen: boolean;
  indicators: ReadonlyMap<string, CatalogIndicator>;
  /** The cycle's communes by unit code. */
  communes: ReadonlyMap<string, TargetCommune>;
  /** Codes of communes that exist (any time), to tell an unknown code from one that is not in the cycle. */
  knownUnitCodes: ReadonlySet<string>;
  /** The upload was made for one commune: rows without a commune code are that commune's, others are refused. */
  selected: TargetCommune | null;
}

/** One data row as read: the cells of the columns the validator reads (null when the column is absent or empty). */
export interface RawRow {
  row: number;
  communeCode: Cell;
  indicator: Cell;
  unit: Cell;
  current: Cell;
  value: Cell;
  note: Cell;
  /** The file has the "Giá trị hiện tại" column (a template): compare it with the stored value. */
  hasCurrent: boolean;
  /** The number in "Giá trị mới" / "Giá trị hiện tại" carries an Excel percent format (85 % is stored as 0.85). */
  valuePercentFormat?: boolean;
  currentPercentFormat?: boolean;
}

export interface ProposedChange {
  row: number;
  commune: TargetCommune;
  indicator: CatalogIndicator;
  target: TargetRow;
  /** The value after applying (the stored one when only the note changes). */
  after: IndicatorValue | null;
  /** The new note, or undefined when the note is kept. */
  note: string | undefined;
}

export interface RowOutcome {
  issues: ImportIssue[];
  change: ProposedChange | null;
}

/** A commune code as typed: numbers lose their leading zeros in Excel ("2683" → "02683"). */
export function communeCodeOf(c: Cell): string | null {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 ? String(c).padStart(5, '0') : String(c);
  return cellText(c);
}

function indicatorCodeOf(c: Cell): string | null {
  return cellText(c);
}

function lockedMessage(status: AssessmentStatus, state: ResultState): string {
  if (status === 'appraised') return 'Hồ sơ của xã đã thẩm định (khóa); cần Văn phòng Điều phối mở lại chỉ tiêu này trước khi sửa';
  if (status === 'in_review') return 'Hồ sơ của xã đang thẩm tra, thẩm định nên không sửa được; chỉ sửa chỉ tiêu được trả lại';
  if (state === 'appraised') return 'Chỉ tiêu đã thẩm định (khóa) nên không sửa được';
  return `Chỉ tiêu này không được trả lại để bổ sung (hồ sơ ${statusName[status]}) nên không sửa được`;
}

const shownNumber = (n: number) => String(n).replace('.', ',');
const shownValue = (v: IndicatorValue | null) => (v === null ? 'trống' : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : String(v));

/**
 * A validator over one file: call it with each data row in order. It remembers the (commune, indicator) pairs seen
 * so a duplicate is reported on its second row with the first row's number.
 */
export function createValidator(ctx: ValidationContext): (raw: RawRow) => RowOutcome {
  const seen = new Map<string, number>();
  return (raw) => {
    const issues: ImportIssue[] = [];
    const valueText = raw.value;
    const noteText = cellText(raw.note);
    const communeCode = communeCodeOf(raw.communeCode);
    const indicatorCode = indicatorCodeOf(raw.indicator);
    const add = (code: IssueCode, column: string | null, message: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({ row: raw.row, column, code, severity, message, unitCode: communeCode, indicatorCode });
    // A row that proposes nothing (the template's untouched rows) is not checked.
    if (cellText(valueText) === null && noteText === null) return { issues, change: null };

    let commune: TargetCommune | null = null;
    if (communeCode === null) {
      if (ctx.selected) commune = ctx.selected;
      else add('COMMUNE_MISSING', COLUMNS.communeCode, 'Thiếu mã xã');
    } else {
      const found = ctx.communes.get(communeCode);
      if (!found) {
        if (ctx.knownUnitCodes.has(communeCode)) add('COMMUNE_NOT_IN_CYCLE', COLUMNS.communeCode, `Xã mã ${communeCode} không thuộc đợt đánh giá này`);
        else add('COMMUNE_UNKNOWN', COLUMNS.communeCode, `Không có xã nào mã ${communeCode} trong danh mục đơn vị hành chính`);
      } else if (ctx.selected && found.assessmentId !== ctx.selected.assessmentId) {
        add('COMMUNE_OTHER_THAN_SELECTED', COLUMNS.communeCode, `Dòng này của ${found.unitName}, không phải ${ctx.selected.unitName} (xã đã chọn khi tải lên)`);
      } else if (!found.inScope) {
        add('COMMUNE_OUT_OF_SCOPE', COLUMNS.communeCode, `${found.unitName} nằm ngoài phạm vi phụ trách của bạn`);
      } else commune = found;
    }

    let indicator: CatalogIndicator | null = null;
    if (indicatorCode === null) add('INDICATOR_MISSING', COLUMNS.indicator, 'Thiếu mã chỉ tiêu');
    else {
      indicator = ctx.indicators.get(indicatorCode) ?? null;
      if (!indicator) add('INDICATOR_UNKNOWN', COLUMNS.indicator, `Bộ tiêu chí của đợt không có chỉ tiêu mã ${indicatorCode}`);
    }

    if (communeCode !== null && indicatorCode !== null) {
      const key = `${commune?.assessmentId ?? communeCode}|${indicatorCode}`;
      const first = seen.get(key);
      if (first !== undefined) add('DUPLICATE_ROW', COLUMNS.indicator, `Trùng với dòng ${first} (cùng xã và cùng chỉ tiêu); mỗi chỉ tiêu của một xã chỉ ghi một dòng`);
      else seen.set(key, raw.row);
    } else if (commune && indicatorCode !== null) {
      const key = `${commune.assessmentId}|${indicatorCode}`;
      const first = seen.get(key);
      if (first !== undefined) add('DUPLICATE_ROW', COLUMNS.indicator, `Trùng với dòng ${first} (cùng chỉ tiêu); mỗi chỉ tiêu chỉ ghi một dòng`);
      else seen.set(key, raw.row);
    }

    if (!indicator) return { issues, change: null };

    const unitText = cellText(raw.unit);
    if (unitText !== null && fold(unitText) !== fold(indicator.unit ?? '')) {
      add(
        'UNIT_MISMATCH',
        COLUMNS.unit,
        indicator.unit
          ? `Đơn vị tính "${unitText}" khác với đơn vị của chỉ tiêu ${indicator.code} (${indicator.unit}); quy đổi giá trị sang ${indicator.unit}`
          : `Chỉ tiêu ${indicator.code} không có đơn vị tính (đọc được "${unitText}")`,
      );
    }

    let value: IndicatorValue | null = null;
    const hasValue = cellText(valueText) !== null;
    const rate = isPercent(indicator.kind, indicator.unit);
    if (hasValue && raw.valuePercentFormat && typeof valueText === 'number' && !rate) {
      // Either reading (the 0.85 stored or the 85 shown) could be meant, in a unit that is not "%": refuse to guess.
      add(
        'VALUE_PERCENT_FORMAT',
        COLUMNS.value,
        `Ô đang định dạng phần trăm (hiện ${shownNumber(percentOfCell(valueText))}%, lưu ${shownNumber(valueText)}) nhưng chỉ tiêu ${indicator.code} không tính bằng %; bỏ định dạng phần trăm của ô và ghi giá trị${indicator.unit ? ` theo đơn vị ${indicator.unit}` : ''}`,
      );
    } else if (hasValue) {
      // A percent-formatted rate is read as the percentage it shows (85 % stored as 0.85 → 85).
      const cell = rate && raw.valuePercentFormat && typeof valueText === 'number' ? percentOfCell(valueText) : valueText;
      const read = readValue(indicator.kind, indicator.scale, typeof cell === 'string' ? cell.trim() : cell, indicator.unit);
      if (read.ok) value = read.value;
      else add(read.code, COLUMNS.value, read.message);
    }
    if (noteText !== null && noteText.length > NOTE_MAX) add('NOTE_TOO_LONG', COLUMNS.note, `Ghi chú dài quá ${NOTE_MAX} ký tự`);

    if (!commune) return { issues, change: null };
    const target = commune.rows.get(indicator.code);
    if (!target) {
      add('INDICATOR_UNKNOWN', COLUMNS.indicator, `Hồ sơ của ${commune.unitName} không có chỉ tiêu ${indicator.code}`);
      return { issues, change: null };
    }
    if (issues.some((i) => i.severity === 'error')) return { issues, change: null };

    const valueChanged = hasValue && !sameValue(value, target.value);
    const noteChanged = noteText !== null && noteText !== (target.note ?? '');
    if (!valueChanged && !noteChanged) return { issues, change: null };

    if (raw.hasCurrent) {
      const current = rate && raw.currentPercentFormat && typeof raw.current === 'number' ? percentOfCell(raw.current) : raw.current;
      const cur = cellText(current) === null ? { ok: true as const, value: null } : readValue(indicator.kind, indicator.scale, current, indicator.unit);
      if (cur.ok && !sameValue(cur.value, target.value)) {
        add(
          'CHANGED_SINCE_TEMPLATE',
          COLUMNS.current,
          `Giá trị đã được cập nhật sau khi bạn tải mẫu (tệp ghi ${shownValue(cur.value)}, hiện là ${shownValue(target.value)}); tải mẫu mới để không ghi đè giá trị của người khác`,
        );
      }
    }
    if (!ctx.cycleOpen) add('CYCLE_CLOSED', COLUMNS.value, 'Đợt đánh giá đã đóng; không nhập được giá trị');
    else if (!commune.mayWrite) add('NOT_ALLOWED', COLUMNS.value, `Bạn không có quyền nhập giá trị cho ${commune.unitName}`);
    else if (!isEditable(commune.assessmentStatus, target.state)) add('INDICATOR_LOCKED', COLUMNS.value, lockedMessage(commune.assessmentStatus, target.state));
    if (issues.some((i) => i.severity === 'error')) return { issues, change: null };

    if (valueChanged && commune.notApplicable.has(indicator.code)) {
      add('NOT_APPLICABLE', COLUMNS.value, `Chỉ tiêu ${indicator.code} không áp dụng cho ${commune.unitName}; giá trị vẫn được ghi nhưng không tính vào kết quả`, 'warning');
    }
    return {
      issues,
      change: {
        row: raw.row,
        commune,
        indicator,
        target,
        after: valueChanged ? value : target.value,
        note: noteChanged ? noteText : undefined,
      },
    };
  };
}

/** Errors before warnings, then by row and column (the order of the report). */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}
