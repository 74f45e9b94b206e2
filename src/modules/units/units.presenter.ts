/** Units on the wire: rows never leave as they are. */
import type { SuccessionLink, UnitAttribute, UnitSummary } from '../../contracts/units.js';
import type { AttributeRow, SuccessionRow, UnitRow } from './units.repo.js';

export function presentUnit(r: UnitRow): UnitSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    type: r.type,
    parentId: r.parent_id,
    parentName: r.parent_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    childCount: r.child_count,
  };
}

export function presentAttribute(a: AttributeRow): UnitAttribute {
  return {
    id: a.id,
    key: a.key,
    value: a.value,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    legalBasis: a.legal_basis,
    setBy: a.set_by_name,
    setAt: new Date(a.set_at).toISOString(),
  };
}

export function presentSuccession(s: SuccessionRow, other: UnitRow): SuccessionLink {
  return { unit: presentUnit(other), effectiveDate: s.effective_date, kind: s.kind, legalBasis: s.legal_basis };
}
