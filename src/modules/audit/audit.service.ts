/** The audit log page and the chain check. */
import type { z } from 'zod';
import type { ListAuditQuery, listAuditResponse } from '../../contracts/audit.js';
import { verifyAuditChain, type VerifyResult } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import * as repo from './audit.repo.js';

export async function listAudit(db: Db, ctx: RequestCtx, q: ListAuditQuery): Promise<z.infer<typeof listAuditResponse>> {
  authorize(ctx.actor, 'audit.read');
  const { rows, total } = await repo.listAudit(db, ctx.actor, q);
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actor: { id: r.actor_id, login: r.actor_login, name: r.actor_name },
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      ip: r.ip,
    })),
    total,
  };
}

export async function verify(db: Db, ctx: RequestCtx): Promise<VerifyResult> {
  authorize(ctx.actor, 'audit.verify');
  return verifyAuditChain(db);
}
