/** Assignments on the wire, and the small unit/agency references the assistance features share. */
import type { AgencyRef, Assignment, TeamMember, UnitRef } from '../../contracts/assistance.js';
import type { AssignmentRow, TeamMemberRow, UnitRefRow } from './assignments.repo.js';

export function presentUnitRef(r: UnitRefRow): UnitRef {
  return { id: r.unit_id, code: r.unit_code, name: r.unit_name, validFrom: r.unit_valid_from, validTo: r.unit_valid_to };
}

export function presentAgencyRef(id: string | null, name: string | null, kind: string | null): AgencyRef | null {
  return id && name ? { id, name, kind: kind ?? 'other' } : null;
}

export function presentTeamMember(m: TeamMemberRow): TeamMember {
  return { id: m.id, userId: m.user_id, name: m.name, role: m.role };
}

export function presentAssignment(r: AssignmentRow, team: TeamMemberRow[], today: string, abilities: Assignment['abilities']): Assignment {
  return {
    id: r.id,
    agency: { id: r.agency_id, name: r.agency_name, kind: r.agency_kind },
    unit: presentUnitRef(r),
    viaPredecessor: r.via_predecessor,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    current: r.valid_from <= today && (r.valid_to === null || r.valid_to > today),
    legalBasisDoc: r.legal_basis_doc,
    legalBasisDate: r.legal_basis_date,
    leaderName: r.leader_name,
    note: r.note,
    replacesId: r.replaces_id,
    team: team.map(presentTeamMember),
    isDemo: r.is_demo,
    createdAt: new Date(r.created_at).toISOString(),
    abilities,
  };
}
