/** What a caller may do with a report: view it (its grant) and export it (the same grant; exports carry no more). */
import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import type { ReportDef } from './reports.registry.js';

export function reportAbilities(actor: Actor, d: Pick<ReportDef, 'action' | 'build'>): { canView: boolean; canExport: boolean } {
  const ok = can(actor, d.action) && can(actor, 'report.read');
  return { canView: ok, canExport: ok };
}
