/**
 * Who may act on a target list, on top of the central matrix: the steering office (province_office in scope of the
 * list's province; system_admin everywhere) draws up a draft list, adopts it, and reopens an adopted one (with a
 * reason) to amend it. Communes are added or removed, and the plan document attached, only while the list is a draft;
 * an adopted list's communes can be added to an open assessment cycle. Everyone reads lists in scope
 * (a list whose province or one of whose communes is in scope; its rows are limited to the communes in scope).
 */
import type { TargetListSummary } from '../../contracts/plans.js';
import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';

export function targetListAbilities(actor: Actor, l: { status: 'draft' | 'adopted' }, provinceInScope: boolean): TargetListSummary['abilities'] {
  const manage = can(actor, 'targetList.manage') && provinceInScope;
  // Adding to a cycle is the cycles' rule (PATCH /api/cycles/:id): cycle.manage and the list's province in scope, adopted.
  const toCycle = can(actor, 'cycle.manage') && provinceInScope && l.status === 'adopted';
  return { canEdit: manage && l.status === 'draft', canAdopt: manage && l.status === 'draft', canReopen: manage && l.status === 'adopted', canAddToCycle: toCycle };
}
