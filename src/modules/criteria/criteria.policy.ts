/**
 * Who may change which criteria set, on top of the central role matrix (platform/auth/policy.ts):
 * - a national set (no province) is the legal text as loaded: only a system administrator edits or publishes a
 *   national draft, and a new national version is made by cloning (`criteria.editNational`);
 * - a provincial variant belongs to a province: the steering office edits it only when that province is inside its
 *   scope (out of scope → FORBIDDEN: the set itself is public, the right to change it is not);
 * - only drafts change; a published version is immutable (INVALID_TRANSITION) and edits make a new version;
 * - an edit carries the row version it was made on; a stale one is a CONFLICT.
 */
import type { SetAbilities } from '../../contracts/criteria.js';
import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { AppError, forbidden } from '../../platform/errors.js';

/** What the rules need to know about a set. */
export interface SetAccess {
  provinceUnitId: string | null;
  status: 'draft' | 'published';
  /** Whether the owning province is inside the actor's scope (irrelevant for national sets). */
  provinceInScope: boolean;
}

/** May the actor change this set's data at all (ignoring its status)? */
export function canManage(actor: Actor, s: SetAccess): boolean {
  if (s.provinceUnitId === null) return can(actor, 'criteria.editNational');
  return can(actor, 'criteria.edit') && s.provinceInScope;
}

/** Throw FORBIDDEN with the reason in Vietnamese unless the actor may change the set. */
export function assertCanManage(actor: Actor, s: SetAccess): void {
  if (canManage(actor, s)) return;
  if (s.provinceUnitId === null) {
    throw forbidden('Bộ tiêu chí quốc gia là dữ liệu của văn bản pháp luật; hãy tạo biến thể cấp tỉnh để nhập hoặc xác nhận chỉ tiêu');
  }
  throw forbidden('Bộ tiêu chí này thuộc tỉnh ngoài phạm vi của bạn');
}

/** Throw INVALID_TRANSITION unless the set is a draft. */
export function assertDraft(s: { status: 'draft' | 'published' }): void {
  if (s.status !== 'draft') {
    throw new AppError('INVALID_TRANSITION', 'Bộ tiêu chí đã ban hành không sửa được; hãy tạo phiên bản mới để chỉnh sửa');
  }
}

/** Throw CONFLICT when the edit was made on an older row version than the stored one. */
export function assertRowVersion(current: number, expected: number): void {
  if (current !== expected) {
    throw new AppError('CONFLICT', 'Bộ tiêu chí vừa được người khác thay đổi; vui lòng tải lại rồi sửa tiếp', { currentVersion: current });
  }
}

/** The buttons the actor sees on a set. */
export function setAbilities(actor: Actor, s: SetAccess): SetAbilities {
  const manage = canManage(actor, s);
  const draft = s.status === 'draft';
  return {
    canEdit: draft && manage,
    canPublish: draft && manage && (s.provinceUnitId === null || can(actor, 'criteria.publish')),
    canClone: can(actor, 'criteria.edit'),
    canConfirmTarget: draft && manage && (s.provinceUnitId === null || can(actor, 'criteria.confirmTarget')),
  };
}
