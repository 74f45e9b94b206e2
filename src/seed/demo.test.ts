import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { demoAccounts, departmentLogin } from './demo-users.js';
import { removeDemo, seedDemo } from './demo.js';
import { systemCtx } from '../platform/context.js';
import { queryOne } from '../platform/db/query.js';
import { createTestContext, type TestContext } from '../test/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ MTQG_DEMO: 'true' });
  expect(await seedDemo(t.db, systemCtx())).toBe(true);
  expect(await seedDemo(t.db, systemCtx())).toBe(false); // once only
});
afterAll(() => t.close());

async function signIn(login: string, password: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), info: res.json() };
}

const rootsOf = async (cookie: string, asOf: string) =>
  ((await t.app.inject({ method: 'GET', url: `/api/units?roots=true&asOf=${asOf}`, headers: { cookie } })).json().items as Array<{ name: string }>).map((u) => u.name).sort();

describe('demo accounts', () => {
  it('are listed on the login page in demo mode: every role, and a reviewer for each routed department', async () => {
    const res = (await t.anon.get('/api/auth/demo-accounts')).json();
    expect(res.enabled).toBe(true);
    expect([...new Set(res.accounts.map((a: { role: string }) => a.role))].sort()).toEqual(
      ['commune_officer', 'department_reviewer', 'district_reviewer', 'help_team', 'province_office', 'system_admin', 'viewer'],
    );
    expect(res.accounts.map((a: { login: string }) => a.login)).toEqual(demoAccounts.map((a) => a.login));
    const departments = res.accounts.filter((a: { role: string }) => a.role === 'department_reviewer');
    expect(departments.map((a: { login: string }) => a.login)).toEqual(
      expect.arrayContaining(['demo.songnn', 'demo.soxd', 'demo.soyt', 'demo.sogtvt', 'demo.sogddt', 'demo.sonv', 'demo.soldtbxh']),
    );
    expect(new Set(res.accounts.map((a: { login: string }) => a.login)).size).toBe(res.accounts.length);
  });

  it('derives department logins from the agency name', () => {
    expect(departmentLogin('Sở Lao động – Thương binh và Xã hội')).toBe('demo.soldtbxh');
    expect(departmentLogin('Sở Giáo dục và Đào tạo')).toBe('demo.sogddt');
    expect(departmentLogin('Sở Y tế')).toBe('demo.soyt');
  });

  it('adds accounts missing from an install that loaded its demo earlier, once', async () => {
    await t.db.execute(sql`delete from app_user where login = 'demo.soyt'`);
    expect(await seedDemo(t.db, systemCtx())).toBe(false);
    const row = await queryOne<{ n: number; agency: string }>(
      t.db,
      sql`select count(*)::int as n, min(a.name) as agency from app_user u join agency a on a.id = u.agency_id where u.login = 'demo.soyt' and u.is_demo`,
    );
    expect(row).toEqual({ n: 1, agency: 'Sở Y tế' });
    expect(await seedDemo(t.db, systemCtx())).toBe(false);
    expect((await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from app_user where login = 'demo.soyt'`))!.n).toBe(1);
  });

  it('every demo role signs in and sees only its scope', async () => {
    const expectRoots: Record<string, { y2024: string[]; y2025: string[] }> = {
      'demo.quantri': { y2024: ['Tỉnh Lào Cai', 'Tỉnh Yên Bái'], y2025: ['Tỉnh Lào Cai'] },
      'demo.vpdp': { y2024: ['Tỉnh Lào Cai', 'Tỉnh Yên Bái'], y2025: ['Tỉnh Lào Cai'] },
      'demo.songnn': { y2024: ['Tỉnh Lào Cai', 'Tỉnh Yên Bái'], y2025: ['Tỉnh Lào Cai'] },
      'demo.xem': { y2024: ['Tỉnh Lào Cai', 'Tỉnh Yên Bái'], y2025: ['Tỉnh Lào Cai'] },
      'demo.huyen': { y2024: ['Huyện Bát Xát'], y2025: [] },
      'demo.xa': { y2024: ['Thị trấn Bát Xát', 'Xã Bản Qua', 'Xã Bản Vược', 'Xã Phìn Ngan', 'Xã Quang Kim'], y2025: ['Xã Bát Xát'] },
      'demo.giupxa': {
        y2024: ['Thị trấn Bát Xát', 'Xã Bản Qua', 'Xã Bản Vược', 'Xã Hợp Thành', 'Xã Phìn Ngan', 'Xã Quang Kim', 'Xã Tả Phời'],
        y2025: ['Xã Bát Xát', 'Xã Hợp Thành'],
      },
    };
    for (const a of demoAccounts) {
      const { cookie, info } = await signIn(a.login, a.password);
      expect(info.user.roles).toEqual([a.role]);
      // every department reviewer works province-wide, like demo.songnn
      const roots = expectRoots[a.login] ?? (a.role === 'department_reviewer' ? expectRoots['demo.songnn']! : undefined);
      expect(roots, a.login).toBeDefined();
      expect(await rootsOf(cookie, '2024-06-01'), a.login).toEqual(roots!.y2024);
      expect(await rootsOf(cookie, '2025-08-01'), a.login).toEqual(roots!.y2025);
    }
  });

  it('can be removed without touching real data', async () => {
    expect(await removeDemo(t.db, systemCtx())).toBe(demoAccounts.length);
    const res = (await t.anon.get('/api/auth/demo-accounts')).json();
    expect(res.accounts).toEqual([]);
    const units = await t.unitId('02683', '2025-07-01');
    expect(units).toMatch(/^[0-9a-f-]{36}$/);
  });
});
