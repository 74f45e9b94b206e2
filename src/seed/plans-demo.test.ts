import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../platform/context.js';
import { todayVN } from '../platform/dates.js';
import { queryOne, queryRows } from '../platform/db/query.js';
import { createTestContext, type TestContext } from '../test/app.js';
import { removeDemo, seedDemo } from './demo.js';
import { seedPlansDemo } from './plans-demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ MTQG_DEMO: 'true' });
  await seedDemo(t.db, systemCtx());
});
afterAll(() => t.close());

async function signIn(login: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'demo-mtqg-2025' } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }).then((r) => ({ status: r.statusCode, body: r.json() }));
}

describe('plans demo data', () => {
  it('the 2024 list of the former Lào Cai province has 11 NTM and 7 advanced communes, the named ones with their source', async () => {
    const get = await signIn('demo.vpdp');
    const lists = (await get('/api/target-lists?year=2024')).body.items as Array<{ id: string; documentNo: string; counts: Record<string, number>; isDemo: boolean }>;
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ documentNo: '239/KH-BCĐ', counts: { total: 18, ntm: 11, advanced: 7, model: 0 }, isDemo: true });
    const detail = (await get(`/api/target-lists/${lists[0]!.id}`)).body;
    const named = detail.rows.filter((r: { note: string }) => r.note.includes('laocai-ntm-status-2024.md')).map((r: { unit: { code: string } }) => r.unit.code).sort();
    expect(named).toEqual(['02662', '02680', '02944', '03022', '03037', '03040']);
    const synthetic = detail.rows.filter((r: { note: string }) => r.note.startsWith('Dữ liệu minh họa'));
    expect(synthetic).toHaveLength(12);
    // 2024 is over: NTM rows carry their appraised 2024 demo summary; advanced rows have no summary at that level.
    const ntm = detail.rows.filter((r: { targetLevel: string }) => r.targetLevel === 'ntm');
    expect(ntm.every((r: { status: { year: number } | null }) => r.status?.year === 2024)).toBe(true);
    for (const r of detail.rows.filter((x: { met: boolean }) => !x.met)) {
      expect(r.atRisk).toBe(true);
      expect(r.reasons.map((x: { code: string }) => x.code)).toContain('target_year_passed');
    }
  });

  it('lists on the new communes and annual plans for several of them, Xã Bát Xát with open work this year', async () => {
    const thisYear = Number(todayVN().slice(0, 4));
    const get = await signIn('demo.xa');
    const plans = (await get(`/api/plans?year=${thisYear}`)).body.items as Array<{ id: string; unit: { code: string }; abilities: { canEdit: boolean }; progress: { total: number; done: number } }>;
    expect(plans.map((p) => p.unit.code)).toEqual(['02683']);
    expect(plans[0]!.abilities.canEdit).toBe(true);
    expect(plans[0]!.progress.total).toBeGreaterThan(plans[0]!.progress.done);
    const lists = (await get(`/api/target-lists?year=${thisYear}`)).body.items;
    expect(lists.length).toBe(1);
    expect(lists[0].counts.total).toBe(1); // its own row only
    const n = await queryOne<{ plans: number; notDemo: number; communes: number }>(
      t.db,
      sql`select (select count(*) from commune_plan)::int as plans, (select count(*) from commune_plan where not is_demo)::int as "notDemo",
                 (select count(distinct unit_id) from commune_plan)::int as communes`,
    );
    expect(n!.communes).toBe(6);
    expect(n!.notDemo).toBe(0);
  });

  it('is loaded once, and `demo remove` deletes it', async () => {
    expect(await seedPlansDemo(t.db, systemCtx())).toBe(false);
    await removeDemo(t.db, systemCtx());
    const left = await queryRows<{ n: number }>(t.db, sql`select (select count(*) from target_list)::int + (select count(*) from commune_plan)::int as n`);
    expect(left[0]!.n).toBe(0);
  });
});
