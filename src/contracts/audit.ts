/** Contracts of the audit log endpoints. */
import { z } from 'zod';
import { id, isoDate, page, pageQuery } from './common.js';

export const auditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ id: id.nullable(), login: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const listAuditQuery = pageQuery.extend({
  unitId: id.optional(),
  actorId: id.optional(),
  entityType: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
export const listAuditResponse = page(auditEvent);

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
});
