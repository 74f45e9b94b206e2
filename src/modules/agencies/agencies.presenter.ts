/** Agencies on the wire. */
import type { Agency } from '../../contracts/agencies.js';
import type { AgencyRow } from './agencies.repo.js';

export function presentAgency(r: AgencyRow, abilities: Agency['abilities']): Agency {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    unitId: r.unit_id,
    unitName: r.unit_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    sourceNote: r.source_note,
    isDemo: r.is_demo,
    abilities,
  };
}
