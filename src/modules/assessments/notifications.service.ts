/**
 * In-app notifications written by the assessment workflow (submitted, returned, forwarded, appraised, reopened).
 * E-mail: when SMTP is configured (`platform/mail.ts`), each new notification is also mailed to its recipient's
 * address, after the transaction has committed and the response is sent (`notify` queues the ids on the request,
 * `sendQueuedEmails` runs from the routes' onResponse hook). A failure is logged and leaves `emailed_at` empty;
 * without SMTP nothing is sent and nothing is queued.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listNotificationsQuery, listNotificationsResponse } from '../../contracts/assessments.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import type { Mailer } from '../../platform/mail.js';
import * as repo from './notifications.repo.js';

/** Notification ids written during a request, to be mailed once its transaction has committed. */
const outbox = new WeakMap<RequestCtx, string[]>();

/** Write the notifications (inside the caller's transaction) and queue them for e-mail after commit. */
export async function notify(tx: Db, ctx: RequestCtx, recipients: SQL, n: Parameters<typeof repo.notify>[2]): Promise<number> {
  const ids = await repo.notify(tx, recipients, n);
  if (ids.length) outbox.set(ctx, [...(outbox.get(ctx) ?? []), ...ids]);
  return ids.length;
}

const SUBJECT_PREFIX: Record<repo.NotificationKind, string> = {
  assessment_submitted: 'Hồ sơ tự đánh giá chờ thẩm tra',
  assessment_forwarded: 'Hồ sơ đánh giá chờ thẩm tra',
  assessment_returned: 'Hồ sơ đánh giá bị trả lại để bổ sung',
  assessment_appraised: 'Hồ sơ đánh giá đã được thẩm định',
  assessment_reopened: 'Hồ sơ đánh giá được mở lại',
  values_imported: 'Giá trị chỉ tiêu được nhập từ Excel',
};

const viDate = (d: string) => d.split('-').reverse().join('/');

/** The Vietnamese e-mail of one notification (pure). */
export function emailOf(r: Pick<repo.EmailClaimRow, 'kind' | 'title' | 'due_date' | 'user_name' | 'unit_name'>): { subject: string; text: string } {
  const subject = `[MTQG] ${SUBJECT_PREFIX[r.kind]}${r.unit_name ? ` — ${r.unit_name}` : ''}`;
  const lines = [
    `Kính gửi ${r.user_name},`,
    '',
    r.title,
    '',
    ...(r.unit_name ? [`Đơn vị: ${r.unit_name}`] : []),
    ...(r.due_date ? [`Hạn xử lý: ${viDate(r.due_date)}`] : []),
    'Vui lòng đăng nhập hệ thống để xem chi tiết trong mục Thông báo.',
    '',
    'Thư này được gửi tự động, xin đừng trả lời.',
  ];
  return { subject, text: lines.join('\n') };
}

/**
 * Mail the notifications queued on this request (call only after its transaction has ended). Never throws:
 * each failure is logged and un-marks that notification.
 */
export async function sendQueuedEmails(db: Db, mailer: Mailer, ctx: RequestCtx, log: FastifyBaseLogger): Promise<void> {
  const ids = outbox.get(ctx);
  outbox.delete(ctx);
  if (!ids?.length || !mailer.enabled) return;
  let claimed: repo.EmailClaimRow[];
  try {
    claimed = await repo.claimForEmail(db, ids);
  } catch (err) {
    log.error({ err }, 'notification e-mail: claim failed');
    return;
  }
  for (const r of claimed) {
    try {
      await mailer.send({ to: r.email, ...emailOf(r) });
    } catch (err) {
      log.warn({ err, notificationId: r.id }, 'notification e-mail not sent');
      await repo.unclaimEmail(db, r.id).catch((e: unknown) => log.error({ err: e }, 'notification e-mail: unclaim failed'));
    }
  }
}

export async function listNotifications(db: Db, ctx: RequestCtx, q: z.infer<typeof listNotificationsQuery>): Promise<z.infer<typeof listNotificationsResponse>> {
  authorize(ctx.actor, 'notification.read');
  const [{ rows, total }, unread] = await Promise.all([repo.listNotifications(db, ctx.actor.id, q), repo.countUnread(db, ctx.actor.id)]);
  return {
    unread,
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
    await recordAudit(tx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id });
  });
  return { ok: true };
}

/** Mark all of the caller's notifications read; answers how many changed. */
export async function markAllRead(db: Db, ctx: RequestCtx): Promise<{ marked: number }> {
  authorize(ctx.actor, 'notification.read');
  const actor = ctx.actor;
  return mutate(db, ctx, async (tx) => {
    const marked = await repo.markAllRead(tx, actor.id);
    await recordAudit(tx, ctx, { action: 'notification.read_all', entityType: 'user', entityId: actor.id, after: { marked } });
    return { marked };
  });
}
