/** Query keys of the audit feature. */
import type { ListAuditQuery } from '../../../../../src/contracts/audit.js';

export const auditKeys = {
  all: ['audit'] as const,
  list: (p: Partial<ListAuditQuery>) => [...auditKeys.all, 'list', p] as const,
};
