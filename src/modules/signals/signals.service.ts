/** The "what's due" inbox and the computed lists the steering office acts on (signals, scorecards). */
import type { z } from 'zod';
import type {
  inboxQuery,
  inboxResponse,
  NoHelperResponse,
  noVisitQuery,
  NoVisitResponse,
  OverdueObstaclesResponse,
  ScorecardsResponse,
  signalAsOfQuery,
} from '../../contracts/assistance.js';
import { obstacleLevels } from '../../contracts/assistance.js';
import { authorize } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import * as obstaclesRepo from '../obstacles/obstacles.repo.js';
import { presentObstacles } from '../obstacles/obstacles.service.js';
import * as repo from './signals.repo.js';
import { monthsTouched, presentInboxItem, presentNoVisit, presentScorecard } from './signals.presenter.js';

export async function inbox(db: Db, ctx: RequestCtx, q: z.infer<typeof inboxQuery>): Promise<z.infer<typeof inboxResponse>> {
  authorize(ctx.actor, 'inbox.read');
  const { rows, total } = await repo.inbox(db, ctx.actor, q, todayVN());
  return { items: rows.map(presentInboxItem), total };
}

export async function noVisit(db: Db, ctx: RequestCtx, q: z.infer<typeof noVisitQuery>): Promise<NoVisitResponse> {
  authorize(ctx.actor, 'signal.read');
  const asOf = q.asOf ?? todayVN();
  const { rows, total } = await repo.noVisit(db, ctx.actor, { ...q, asOf });
  return { days: q.days, asOf, items: rows.map((r) => presentNoVisit(r, asOf)), total };
}

export const NO_HELPER_NOTICE =
  'Xã chưa có cơ quan giúp đỡ và chưa đạt chuẩn theo kết quả đánh giá gần nhất (kể cả xã chưa được đánh giá), xếp theo số tiêu chí đạt tăng dần.';

export async function noHelper(db: Db, ctx: RequestCtx, q: z.infer<typeof signalAsOfQuery>): Promise<NoHelperResponse> {
  authorize(ctx.actor, 'signal.read');
  const asOf = q.asOf ?? todayVN();
  const { rows, total } = await repo.noHelper(db, ctx.actor, { ...q, asOf });
  const items = rows.map((r) => ({
    unit: presentUnitRef(r),
    status:
      r.status_year === null
        ? null
        : { year: r.status_year, criteriaMet: r.criteria_met ?? 0, criteriaApplicable: r.criteria_applicable ?? 0, basis: r.basis ?? 'self' },
  }));
  return { asOf, criteriaStatusAvailable: true, notice: NO_HELPER_NOTICE, items, total };
}

export async function overdueObstacles(db: Db, ctx: RequestCtx, q: z.infer<typeof signalAsOfQuery>): Promise<OverdueObstaclesResponse> {
  authorize(ctx.actor, 'signal.read');
  const asOf = q.asOf ?? todayVN();
  const [counts, page] = await Promise.all([
    obstaclesRepo.overdueByLevel(db, ctx.actor, asOf),
    obstaclesRepo.listObstacles(db, ctx.actor, { overdue: true, sort: 'due', limit: q.limit, offset: q.offset }, asOf),
  ]);
  const byLevel = obstacleLevels.map((level) => ({ level, count: counts.find((c) => c.level === level)?.count ?? 0 }));
  return { asOf, byLevel, items: await presentObstacles(db, ctx.actor, page.rows), total: page.total };
}

export async function scorecards(db: Db, ctx: RequestCtx, q: { from: string; to: string }): Promise<ScorecardsResponse> {
  authorize(ctx.actor, 'signal.read');
  if (q.to < q.from) throw invalid([{ path: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
  const months = monthsTouched(q.from, q.to);
  const rows = await repo.scorecards(db, ctx.actor, q.from, q.to);
  return { from: q.from, to: q.to, months, items: rows.map((r) => presentScorecard(r, q.from, q.to, months)) };
}
