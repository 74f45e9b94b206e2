/**
 * The rules of a resources entry and the maths of the totals (pure; no I/O).
 *
 * - Money sources (budgets, integrated capital, credit, enterprises, people's cash, other) are planned, allocated
 *   (the amount actually made available: "đã bố trí / huy động") and disbursed ("đã giải ngân"); disbursed can never
 *   exceed allocated when both are given (an overspend is a data-entry error, not a state of the world).
 * - Contributions in kind, labour days and donated land are not disbursed: their value, when known, is recorded as
 *   allocated (the VND equivalent); labour days and donated land also carry a quantity in ngày công / m², which is
 *   required for them and refused for every other source.
 * - The district budget is a legacy source: districts ended on 01/07/2025, so no entry after 2025 may use it.
 * - Every entry says what it is for (a criterion and/or a work) and carries at least one amount or quantity.
 */
import type { QuantityUnit, ResourceRule, ResourceSource } from '../../contracts/resources.js';

/** Sources recorded as a value contributed, never disbursed. */
export const CONTRIBUTION_SOURCES: readonly ResourceSource[] = ['people_in_kind', 'people_labour', 'people_land'];

export function isDisbursable(source: ResourceSource): boolean {
  return !CONTRIBUTION_SOURCES.includes(source);
}

/** The unit a source is counted in besides VND, if any. */
export function quantityUnitOf(source: ResourceSource): QuantityUnit | null {
  if (source === 'people_labour') return 'labour_day';
  if (source === 'people_land') return 'm2';
  return null;
}

/** The last year the district budget can appear (districts ended on 01/07/2025). */
export const LAST_DISTRICT_BUDGET_YEAR = 2025;

export interface EntryInput {
  year: number;
  source: ResourceSource;
  criterion: string | null;
  workName: string | null;
  plannedVnd: number | null;
  allocatedVnd: number | null;
  disbursedVnd: number | null;
  quantity: number | null;
}

export interface RuleViolation {
  rule: ResourceRule;
  path: string;
  message: string;
}

/** Every rule the entry breaks (empty = valid), with the field and a Vietnamese message. */
export function checkEntry(e: EntryInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  const unit = quantityUnitOf(e.source);
  if (!e.criterion?.trim() && !e.workName?.trim()) {
    out.push({ rule: 'RESOURCE_PURPOSE_REQUIRED', path: 'workName', message: 'Nhập tiêu chí hoặc tên công trình, nội dung được hỗ trợ' });
  }
  if (unit && e.quantity === null) {
    const what = unit === 'labour_day' ? 'số ngày công' : 'diện tích đất hiến (m²)';
    out.push({ rule: 'RESOURCE_QUANTITY_REQUIRED', path: 'quantity', message: `Nguồn này cần ${what}` });
  }
  if (!unit && e.quantity !== null) {
    out.push({ rule: 'RESOURCE_QUANTITY_NOT_APPLICABLE', path: 'quantity', message: 'Chỉ ngày công và đất hiến mới có số lượng; nguồn này ghi bằng tiền' });
  }
  if (!isDisbursable(e.source) && e.disbursedVnd !== null) {
    out.push({
      rule: 'RESOURCE_DISBURSED_NOT_APPLICABLE',
      path: 'disbursedVnd',
      message: 'Đóng góp bằng hiện vật, ngày công, đất không giải ngân; ghi giá trị quy đổi vào ô "đã huy động"',
    });
  }
  if (e.disbursedVnd !== null && e.allocatedVnd !== null && e.disbursedVnd > e.allocatedVnd) {
    out.push({ rule: 'RESOURCE_DISBURSED_OVER_ALLOCATED', path: 'disbursedVnd', message: 'Số đã giải ngân không được lớn hơn số đã bố trí' });
  }
  if (e.source === 'district_budget' && e.year > LAST_DISTRICT_BUDGET_YEAR) {
    out.push({ rule: 'RESOURCE_DISTRICT_BUDGET_ENDED', path: 'source', message: 'Từ 01/7/2025 không còn cấp huyện; chọn ngân sách tỉnh hoặc xã' });
  }
  const noAmount = e.plannedVnd === null && e.allocatedVnd === null && e.disbursedVnd === null && e.quantity === null;
  if (noAmount) out.push({ rule: 'RESOURCE_NO_AMOUNT', path: 'allocatedVnd', message: 'Nhập ít nhất một số tiền (kế hoạch, đã bố trí, đã giải ngân) hoặc số lượng' });
  return out;
}

/** Disbursed as a share of allocated, 0–100 with one decimal; null when nothing was allocated. */
export function disbursementRate(disbursedVnd: number, allocatedDisbursableVnd: number): number | null {
  if (allocatedDisbursableVnd <= 0) return null;
  return Math.round((disbursedVnd / allocatedDisbursableVnd) * 1000) / 10;
}
