/** The help teams' activity log: record what was done in a commune, list and filter it, close follow-ups. */
import type { z } from 'zod';
import type {
  Activity,
  ActivityCalendarQuery,
  ActivityCalendarResponse,
  CreateActivityBody,
  ListActivitiesQuery,
  listActivitiesResponse,
} from '../../contracts/assistance.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, isGlobal } from '../../platform/auth/policy.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { loadAttachable } from '../../platform/files/files.service.js';
import { mutate } from '../../platform/tx.js';
import { isAgencyAssigned } from '../assignments/assignments.repo.js';
import { presentAgencyRef, presentUnitRef } from '../assignments/assignments.presenter.js';
import * as repo from './activities.repo.js';
import { canUpdateFollowUp } from './activities.policy.js';
import { presentActivity } from './activities.presenter.js';

async function present(db: Db, actor: Actor, rows: repo.ActivityRow[]): Promise<Activity[]> {
  const today = todayVN();
  const ids = rows.map((r) => r.id);
  const [files, followUps] = await Promise.all([repo.findActivityFiles(db, ids), repo.findFollowUps(db, ids)]);
  return rows.map((r) =>
    presentActivity(
      r,
      files.filter((f) => f.activity_id === r.id),
      followUps.filter((f) => f.activity_id === r.id),
      actor,
      today,
    ),
  );
}

export async function listActivities(db: Db, ctx: RequestCtx, q: ListActivitiesQuery): Promise<z.infer<typeof listActivitiesResponse>> {
  authorize(ctx.actor, 'activity.read');
  const { rows, total } = await repo.listActivities(db, ctx.actor, q);
  return { items: await present(db, ctx.actor, rows), total };
}

async function loadVisible(db: Db, actor: Actor, id: string): Promise<repo.ActivityRow> {
  const row = await repo.findActivity(db, id);
  if (!row || !(await allUnitsInScope(db, actor, [row.unit_id]))) throw notFound('Hoạt động');
  return row;
}

export async function getActivity(db: Db, ctx: RequestCtx, id: string): Promise<Activity> {
  authorize(ctx.actor, 'activity.read');
  const row = await loadVisible(db, ctx.actor, id);
  return (await present(db, ctx.actor, [row]))[0]!;
}

/** Activities per day between two dates, for a calendar or a timeline. */
export async function activityCalendar(db: Db, ctx: RequestCtx, q: ActivityCalendarQuery): Promise<ActivityCalendarResponse> {
  authorize(ctx.actor, 'activity.read');
  const span = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (span < 0 || span > 400) throw invalid([{ path: 'to', message: 'Khoảng thời gian phải từ 0 đến 400 ngày' }]);
  const rows = await repo.activitiesBetween(db, ctx.actor, q);
  const days = new Map<string, ActivityCalendarResponse['days'][number]>();
  for (const r of rows) {
    const day = days.get(r.date) ?? { date: r.date, items: [] };
    day.items.push({ id: r.id, kind: r.kind, unit: presentUnitRef(r), agency: presentAgencyRef(r.agency_id, r.agency_name, r.agency_kind)! });
    days.set(r.date, day);
  }
  return { from: q.from, to: q.to, days: [...days.values()] };
}

/** Record an activity of the actor's agency in a commune it is assigned to help on that date. */
export async function createActivity(db: Db, ctx: RequestCtx, body: CreateActivityBody): Promise<Activity> {
  authorize(ctx.actor, 'activity.create');
  const actor = ctx.actor;
  const agencyId = body.agencyId ?? actor.agencyId;
  if (!agencyId) throw invalid([{ path: 'agencyId', message: 'Tài khoản chưa gắn với cơ quan nào; hãy chọn cơ quan' }]);
  if (!isGlobal(actor) && agencyId !== actor.agencyId) throw forbidden('Chỉ ghi hoạt động của cơ quan mình');
  if (body.date > todayVN()) throw invalid([{ path: 'date', message: 'Ngày hoạt động không được sau hôm nay' }]);
  const id = await mutate(db, ctx, async (tx) => {
    if (!(await allUnitsInScope(tx, actor, [body.unitId]))) throw forbidden('Xã nằm ngoài phạm vi của bạn');
    if (!(await isAgencyAssigned(tx, agencyId, body.unitId, body.date))) {
      throw forbidden(`Cơ quan chưa được phân công giúp xã này vào ngày ${body.date}`);
    }
    await loadAttachable(tx, body.fileIds, body.unitId);
    const v: repo.NewActivity = {
      unitId: body.unitId,
      agencyId,
      kind: body.kind,
      date: body.date,
      participants: body.participants,
      content: body.content,
      results: body.results ?? null,
      supportValueVnd: body.supportValueVnd ?? null,
      supportDescription: body.supportDescription ?? null,
      criteria: body.criteria,
      createdBy: actor.id,
    };
    const created = await repo.insertActivity(tx, v, body.fileIds, body.followUps);
    await recordAudit(tx, ctx, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: created,
      unitId: body.unitId,
      after: { ...v, fileIds: body.fileIds, followUps: body.followUps },
    });
    return created;
  });
  return getActivity(db, ctx, id);
}

/** Mark a follow-up done or open again. */
export async function updateFollowUp(db: Db, ctx: RequestCtx, activityId: string, followUpId: string, status: 'open' | 'done'): Promise<Activity> {
  authorize(ctx.actor, 'activity.updateFollowUp');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const activity = await loadVisible(tx, actor, activityId);
    const f = await repo.findFollowUp(tx, activityId, followUpId);
    if (!f) throw notFound('Việc cần làm');
    if (!canUpdateFollowUp(actor, activity.agency_id, f.owner_user_id)) throw forbidden('Chỉ người được giao, cơ quan giúp đỡ hoặc Văn phòng Điều phối cập nhật việc này');
    await repo.setFollowUpStatus(tx, followUpId, status);
    await recordAudit(tx, ctx, {
      action: 'activity.followUp.update',
      entityType: 'follow_up',
      entityId: followUpId,
      unitId: activity.unit_id,
      before: { status: f.status },
      after: { status },
    });
  });
  return getActivity(db, ctx, activityId);
}
