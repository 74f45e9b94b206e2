import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../platform/context.js';
import { todayVN } from '../platform/dates.js';
import { queryRows } from '../platform/db/query.js';
import { createTestContext, type TestContext } from '../test/app.js';
import { removeDemo, seedDemo } from './demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ MTQG_DEMO: 'true' });
  expect(await seedDemo(t.db, systemCtx())).toBe(true);
  expect(await seedDemo(t.db, systemCtx())).toBe(false);
});
afterAll(() => t.close());

const counts = async () =>
  (
    await queryRows<{ t: string; all: number; demo: number }>(
      t.db,
      sql`select 'assignment' as t, count(*)::int as all, (count(*) filter (where is_demo))::int as demo from assignment
          union all select 'activity', count(*)::int, (count(*) filter (where is_demo))::int from activity
          union all select 'obstacle', count(*)::int, (count(*) filter (where is_demo))::int from obstacle
          union all select 'follow_up', count(*)::int, count(*)::int from follow_up
          union all select 'obstacle_event', count(*)::int, count(*)::int from obstacle_event
          union all select 'team_member', count(*)::int, count(*)::int from team_member`,
    )
  ).reduce<Record<string, { all: number; demo: number }>>((m, r) => ({ ...m, [r.t]: { all: r.all, demo: r.demo } }), {});

describe('assistance demo data', () => {
  it('is all flagged demo, spans 2024–2026, and includes overdue obstacles', async () => {
    const c = await counts();
    for (const k of ['assignment', 'activity', 'obstacle']) {
      expect(c[k]!.all, k).toBeGreaterThan(0);
      expect(c[k]!.demo, k).toBe(c[k]!.all);
    }
    const years = await queryRows<{ y: number }>(t.db, sql`select distinct extract(year from date)::int as y from activity order by y`);
    expect(years.map((r) => r.y)).toEqual([2024, 2025, 2026].filter((y) => y <= Number(todayVN().slice(0, 4))));
    const overdue = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from obstacle where status in ('new','accepted','in_progress') and due_date < ${todayVN()}::date`,
    );
    expect(overdue[0]!.n).toBeGreaterThan(0);
  });

  it('gives demo.giupxa Xã Bát Xát and Xã Hợp Thành through assignments of Sở Khoa học và Công nghệ', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'demo.giupxa', password: 'demo-mtqg-2025' } });
    const cookie = login.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    const agencyId = (await queryRows<{ id: string }>(t.db, sql`select agency_id as id from app_user where login = 'demo.giupxa'`))[0]!.id;
    const mine = await get(`/api/assignments?agencyId=${agencyId}&asOf=2025-07-01`);
    expect(mine.items.map((a: { unit: { code: string }; validFrom: string; isDemo: boolean }) => [a.unit.code, a.validFrom, a.isDemo]).sort()).toEqual([
      ['02680', '2025-07-01', true],
      ['02683', '2025-07-01', true],
    ]);
    expect(mine.items[0].team.some((m: { userId: string | null }) => m.userId === login.json().user.id)).toBe(true);
    const acts = await get('/api/activities?limit=500');
    expect(acts.total).toBeGreaterThan(0);
    expect(new Set(acts.items.map((a: { agency: { id: string } }) => a.agency.id))).toEqual(new Set([agencyId]));
  });

  it('is deterministic and removed with the rest of the demo data', async () => {
    const before = await counts();
    const other = await createTestContext({ MTQG_DEMO: 'true' });
    try {
      await seedDemo(other.db, systemCtx());
      const again = (await queryRows<{ n: number }>(other.db, sql`select count(*)::int as n from activity`))[0]!.n;
      expect(again).toBe(before.activity!.all);
    } finally {
      await other.close();
    }
    await removeDemo(t.db, systemCtx());
    const after = await counts();
    expect(Object.values(after).every((c) => c.all === 0)).toBe(true);
  });
});
