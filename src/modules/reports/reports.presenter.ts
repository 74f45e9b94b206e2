/** Report building blocks: columns, rows and the Vietnamese words of statuses (the only way report rows leave). */
import type { ColumnType, ReportCell, ReportColumn, ReportRow, ReportSection } from '../../contracts/reports.js';

export function col(key: string, label: string, labelEn: string, type: ColumnType, width?: number): ReportColumn {
  const defaults: Record<ColumnType, number> = { text: 24, integer: 12, year: 8, decimal: 12, percent: 12, vnd: 18, date: 13 };
  return { key, label, labelEn, type, width: width ?? defaults[type] };
}

export function row(cells: ReportCell[], demo = false, kind: ReportRow['kind'] = 'data', link: string | null = null): ReportRow {
  return { cells, demo, kind, link };
}

/** A section that holds all of its rows (nothing streamed): its row count is theirs. */
export function section(key: string, title: string, titleEn: string, columns: ReportColumn[], rows: ReportRow[]): ReportSection {
  return { key, title, titleEn, columns, rows, totalRows: rows.length };
}

export const statusWord: Record<string, string> = {
  met: 'Đạt',
  not_met: 'Chưa đạt',
  not_applicable: 'Không áp dụng',
  missing_value: 'Chưa có số liệu',
  target_unknown: 'Chưa có chỉ tiêu',
  undetermined: 'Chưa xác định',
};

export const levelWord: Record<string, string> = {
  ntm: 'Nông thôn mới',
  advanced: 'Nông thôn mới nâng cao',
  model: 'Nông thôn mới kiểu mẫu',
  modern: 'Nông thôn mới hiện đại',
};

export const riskWord: Record<string, string> = {
  revocation: 'Thuộc diện thu hồi',
  possible_revocation: 'Có thể thu hồi',
  criteria_lost: 'Rớt tiêu chí',
  no_assessment: 'Chưa có đánh giá',
  kept: 'Duy trì',
};

export const obstacleLevelWord: Record<string, string> = {
  commune: 'Cấp xã',
  agency: 'Cơ quan giúp đỡ',
  department: 'Sở, ngành',
  steering_committee: 'Ban Chỉ đạo',
};
export const obstacleLevelWordEn: Record<string, string> = {
  commune: 'Commune',
  agency: 'Helping agency',
  department: 'Department',
  steering_committee: 'Steering committee',
};

export const obstacleStatusWord: Record<string, string> = {
  new: 'Mới',
  accepted: 'Đã tiếp nhận',
  in_progress: 'Đang xử lý',
  resolved: 'Đã giải quyết',
  closed: 'Đã đóng',
};
export const obstacleStatusWordEn: Record<string, string> = {
  new: 'New',
  accepted: 'Accepted',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const obstacleCategoryWord: Record<string, string> = {
  funding: 'Kinh phí',
  land: 'Đất đai',
  procedures: 'Thủ tục',
  capacity: 'Năng lực',
  materials: 'Vật tư',
  coordination: 'Phối hợp',
  other: 'Khác',
};

export const assessmentStatusWord: Record<string, string> = {
  draft: 'Đang điền',
  in_review: 'Đang thẩm tra',
  returned: 'Trả lại bổ sung',
  appraised: 'Đã thẩm định',
  reopened: 'Mở lại',
};

/** An indicator value as a cell: numbers stay numbers, yes/no and verdict labels become words. */
export function valueCell(v: unknown): ReportCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** vi-VN number text (1.234,5) for the narrative. */
export function viNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
