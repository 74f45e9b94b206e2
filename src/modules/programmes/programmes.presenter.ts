/** Programmes on the wire. */
import type { Programme } from '../../contracts/resources.js';
import type { ComponentRow, ProgrammeRow } from './programmes.repo.js';

export function presentProgramme(p: ProgrammeRow, components: readonly ComponentRow[]): Programme {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    shortName: p.short_name,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    decisionNo: p.decision_no,
    decisionDate: p.decision_date,
    sourceNote: p.source_note,
    verified: p.verified,
    components: components
      .filter((c) => c.programme_id === p.id)
      .map((c) => ({ id: c.id, code: c.code, name: c.name, position: c.position, verified: c.verified, sourceNote: c.source_note })),
  };
}
