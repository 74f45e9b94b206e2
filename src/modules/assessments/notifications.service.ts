/**
 * In-app notifications written by the assessment workflow (submitted, returned, forwarded, appraised, reopened).
 * E-mail: `platform/mail.ts` holds the mailer interface; with SMTP unset it is a no-op, and actual SMTP sending is not
 * implemented yet (no new dependency), so `emailed_at` stays empty.
 */
import type { z } from 'zod';
import type { listNotificationsQuery, listNotificationsResponse } from '../../contracts/assessments.js';
import { authorize } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import * as repo from './notifications.repo.js';

export async function listNotifications(db: Db, ctx: RequestCtx, q: z.infer<typeof listNotificationsQuery>): Promise<z.infer<typeof listNotificationsResponse>> {
  authorize(ctx.actor, 'notification.read');
  const { rows, total } = await repo.listNotifications(db, ctx.actor.id, q);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      assessmentId: r.assessment_id,
      unit: r.unit_id ? presentUnitRef(r) : null,
      dueDate: r.due_date,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    })),
    total,
  };
}

/** Mark one of the caller's notifications read (another user's → 404). */
export async function markRead(db: Db, ctx: RequestCtx, id: string): Promise<{ ok: true }> {
  authorize(ctx.actor, 'notification.read');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    if (!(await repo.markRead(tx, actor.id, id))) throw notFound('Thông báo');
  });
  return { ok: true };
}
