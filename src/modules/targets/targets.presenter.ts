/** Target lists and their rows on the wire. */
import type { AtRiskReason, TargetListSummary, TargetRow } from '../../contracts/plans.js';
import type { AtRiskResult } from '../../domain/plans/at-risk.js';
import { presentAgencyRef, presentUnitRef } from '../assignments/assignments.presenter.js';
import type { ProgressRow, StatusBriefRow, TargetListRow } from './targets.repo.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
/** jsonb arrives parsed from one driver and as text from the other in some paths. */
export const jsonValue = <T>(v: T | string | null): T | null => (v === null ? null : typeof v === 'string' ? (JSON.parse(v) as T) : v);

export function presentList(r: TargetListRow, abilities: TargetListSummary['abilities']): TargetListSummary {
  return {
    id: r.id,
    province: { id: r.province_unit_id, code: r.province_code, name: r.province_name, validFrom: r.province_valid_from, validTo: r.province_valid_to },
    year: r.year,
    title: r.title,
    documentNo: r.document_no,
    documentDate: r.document_date,
    fileId: r.file_id,
    note: r.note,
    status: r.status,
    adoptedAt: iso(r.adopted_at),
    rowVersion: r.row_version,
    isDemo: r.is_demo,
    counts: { total: r.n_total, ntm: r.n_ntm, advanced: r.n_advanced, model: r.n_model },
    abilities,
  };
}

export function presentStatus(r: StatusBriefRow): TargetRow['status'] {
  if (r.status_year === null || r.criteria_met === null) return null;
  return {
    year: r.status_year,
    setCode: r.set_code ?? '',
    criteriaMet: r.criteria_met,
    criteriaApplicable: r.criteria_applicable ?? 0,
    missing: jsonValue<string[]>(r.missing) ?? [],
    meetsStandard: r.meets_standard === true,
    basis: r.basis ?? 'self',
  };
}

export function presentTargetRow(
  r: ProgressRow,
  risk: AtRiskResult,
  plan: { percentDone: number | null; total: number; overdue: number } | null,
): TargetRow {
  return {
    listId: r.list_id,
    unit: { ...presentUnitRef(r), parentName: r.parent_name },
    targetLevel: r.target_level,
    targetYear: r.year,
    note: r.note,
    helpers: jsonValue<Array<{ id: string; name: string; kind: string }>>(r.helpers) ?? [],
    documentHelper: presentAgencyRef(r.doc_helper_id, r.doc_helper_name, r.doc_helper_kind),
    status: presentStatus(r),
    openObstacles: r.open_obstacles,
    overdueObstacles: r.overdue_obstacles,
    lastVisit: r.last_visit,
    plan: r.plan_id && plan ? { id: r.plan_id, percentDone: plan.percentDone, tasks: plan.total, overdue: plan.overdue } : null,
    met: risk.met,
    atRisk: risk.atRisk,
    daysLeft: risk.daysLeft,
    reasons: risk.reasons as AtRiskReason[],
  };
}
