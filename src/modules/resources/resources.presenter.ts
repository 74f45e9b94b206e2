/** Resources entries and totals on the wire. */
import type { ComponentRef, ResourceAbilities, ResourceAmounts, ResourceEntry, ResourceTotalsRow } from '../../contracts/resources.js';
import { disbursementRate } from '../../domain/resources/rules.js';
import type { FileRow } from '../../platform/files/files.repo.js';
import { presentFile } from '../../platform/files/files.presenter.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import type { AmountsRow, ComponentRefRow, EntryRow, TotalsRow } from './resources.repo.js';

const iso = (v: Date | string) => new Date(v).toISOString();
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function componentRef(r: ComponentRefRow): ComponentRef | null {
  if (!r.component_id || !r.programme_id) return null;
  return {
    id: r.component_id,
    code: r.component_code!,
    name: r.component_name!,
    programme: { id: r.programme_id, code: r.programme_code!, shortName: r.programme_short_name! },
  };
}

export function presentEntry(r: EntryRow, files: readonly FileRow[], abilities: ResourceAbilities): ResourceEntry {
  return {
    id: r.id,
    unit: presentUnitRef(r),
    year: r.year,
    component: componentRef(r),
    source: r.source,
    criterion: r.criterion,
    workName: r.work_name,
    plannedVnd: num(r.planned_vnd),
    allocatedVnd: num(r.allocated_vnd),
    disbursedVnd: num(r.disbursed_vnd),
    quantity: num(r.quantity),
    quantityUnit: r.quantity_unit,
    note: r.note,
    sourceNote: r.source_note,
    files: files.map(presentFile),
    createdBy: r.created_by && r.created_by_name ? { id: r.created_by, name: r.created_by_name } : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.row_version,
    isDemo: r.is_demo,
    viaPredecessor: r.via_predecessor,
    abilities,
  };
}

export function presentAmounts(a: AmountsRow): ResourceAmounts {
  return {
    entries: a.entries,
    plannedVnd: Number(a.planned_vnd),
    allocatedVnd: Number(a.allocated_vnd),
    disbursedVnd: Number(a.disbursed_vnd),
    disbursementRate: disbursementRate(Number(a.disbursed_vnd), Number(a.allocated_disbursable_vnd)),
    labourDays: Number(a.labour_days),
    landM2: Number(a.land_m2),
  };
}

export function presentTotalsRow(r: TotalsRow): ResourceTotalsRow {
  return {
    ...presentAmounts(r),
    key: r.key ?? 'none',
    unit: r.unit_id
      ? {
          id: r.unit_id,
          code: r.unit_code,
          name: r.unit_name!,
          validFrom: r.unit_valid_from,
          validTo: r.unit_valid_to,
          level: r.unit_level!,
          predecessors: r.predecessors ?? 0,
        }
      : null,
    source: r.source,
    component: componentRef(r),
    year: r.year,
  };
}
