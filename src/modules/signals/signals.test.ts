import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../platform/dates.js';
import { createTestContext, type Client, type TestContext } from '../../test/app.js';
import { monthsTouched } from './signals.presenter.js';

let t: TestContext;
let admin: Client;
let office: Client; // scoped to three 2025 communes
let helper: Client; // help team of Sở KH&CN
let batXat: string;
let hopThanh: string;
let coc: string;
let banVuoc: string;
let khcn: string;
let yTe: string;
const followUpOwnerLogin = 'chu.viec';

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.userClient({ roles: ['system_admin'] });
  batXat = await t.unitId('02683', '2025-07-01');
  hopThanh = await t.unitId('02680', '2025-07-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  const communes = (await admin.get('/api/units?level=commune&asOf=2025-07-01&limit=500')).json().items as Array<{ id: string; code: string }>;
  coc = communes.find((u) => u.code !== '02683' && u.code !== '02680')!.id;
  const agency = async (q: string) => ((await admin.get(`/api/agencies?q=${encodeURIComponent(q)}`)).json().items[0].id as string);
  khcn = await agency('Sở Khoa học và Công nghệ');
  yTe = await agency('Sở Y tế');
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [batXat, hopThanh, coc] });
  helper = await t.userClient({ roles: ['help_team'], agencyId: khcn, login: followUpOwnerLogin });

  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(res.body);
    return res.json() as { id: string; items: Array<{ id: string }>; followUps: Array<{ id: string }> };
  };
  const assign = (agencyId: string, unitIds: string[], validFrom: string, validTo?: string) =>
    ok(admin.post('/api/assignments', { agencyId, unitIds, validFrom, validTo, legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: validFrom, leaderName: 'Lãnh đạo', team: [] }));
  await assign(khcn, [batXat, hopThanh], '2025-07-01');
  await assign(yTe, [coc], '2025-07-01', '2025-08-01');
  await assign(khcn, [banVuoc], '2024-01-01');

  const activity = (agencyId: string, unitId: string, kind: string, date: string, extra: Record<string, unknown> = {}) =>
    ok(admin.post('/api/activities', { agencyId, unitId, kind, date, participants: 'Tổ giúp đỡ', content: 'Làm việc với xã', ...extra }));
  await activity(khcn, batXat, 'field_visit', '2025-07-10');
  const inspection = await activity(khcn, batXat, 'inspection', '2025-08-20', {
    supportValueVnd: 10_000_000,
    followUps: [
      { text: 'Hoàn thiện hồ sơ', ownerName: 'Chủ việc', ownerUserId: helper.user.id, dueDate: '2025-09-15' },
      { text: 'Báo cáo', ownerName: 'UBND xã', dueDate: '2025-09-30' },
    ],
  });
  await activity(khcn, hopThanh, 'communication', '2025-07-05', {
    supportValueVnd: 5_000_000,
    followUps: [{ text: 'Treo pa-nô', ownerName: 'UBND xã', dueDate: addDays(todayVN(), 10) }],
  });
  await activity(khcn, banVuoc, 'field_visit', '2024-03-01');
  await activity(yTe, coc, 'field_visit', '2025-07-20');
  await ok(admin.patch(`/api/activities/${inspection.id}/follow-ups/${inspection.followUps[1]!.id}`, { status: 'done' }));

  // Obstacles assigned to Sở KH&CN and resolved after 2, 5 and 10 days in the period, one resolved in 2026.
  const resolvedOn = async (createdAt: string, resolvedAt: string) => {
    const o = await ok(admin.post('/api/obstacles', { unitId: batXat, title: 'Vướng mắc kiểm thử', description: 'Mô tả', category: 'procedures', level: 'agency', assigneeAgencyId: khcn }));
    await ok(admin.post(`/api/obstacles/${o.id}/transitions`, { action: 'accept', expectedVersion: 1 }));
    await ok(admin.post(`/api/obstacles/${o.id}/transitions`, { action: 'resolve', expectedVersion: 2, text: 'Đã hướng dẫn', resolutionDoc: 'CV 12/SKHCN' }));
    await t.db.execute(sql`update obstacle set created_at = ${createdAt}::timestamptz, resolved_at = ${resolvedAt}::timestamptz where id = ${o.id}`);
  };
  await resolvedOn('2025-08-01T02:00:00Z', '2025-08-03T02:00:00Z');
  await resolvedOn('2025-09-01T02:00:00Z', '2025-09-06T02:00:00Z');
  await resolvedOn('2025-10-01T02:00:00Z', '2025-10-11T02:00:00Z');
  await resolvedOn('2026-01-01T02:00:00Z', '2026-01-05T02:00:00Z');

  // Open obstacles: two overdue at the agency level, one overdue at the commune level, one not yet due.
  const open = (unitId: string, level: string, dueDate: string) =>
    ok(admin.post('/api/obstacles', { unitId, title: 'Vướng mắc đang mở', description: 'Mô tả', category: 'land', level, dueDate }));
  await open(batXat, 'agency', addDays(todayVN(), -1));
  await open(hopThanh, 'agency', addDays(todayVN(), -30));
  await open(coc, 'commune', addDays(todayVN(), -2));
  await open(batXat, 'agency', addDays(todayVN(), 5));
});
afterAll(() => t.close());

describe('signals', () => {
  it('no visit in N days: helped communes whose last visit (theirs or a predecessor’s) is N days old or more', async () => {
    const res = await office.get('/api/signals/no-visit?days=30&asOf=2025-09-30');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items.map((i: { unit: { code: string }; lastVisitDate: string | null; daysSinceVisit: number | null; helpers: Array<{ id: string }> }) => [
      i.unit.code,
      i.lastVisitDate,
      i.daysSinceVisit,
      i.helpers.map((h) => h.id),
    ]);
    expect(rows).toEqual([
      ['02680', null, null, [khcn]],
      ['02683', '2025-08-20', 41, [khcn]],
    ]);
    expect((await office.get('/api/signals/no-visit?days=60&asOf=2025-09-30')).json().total).toBe(1);
    const early = (await office.get('/api/signals/no-visit?days=400&asOf=2025-07-02')).json();
    expect(early.items.find((i: { unit: { id: string } }) => i.unit.id === batXat)).toMatchObject({ lastVisitDate: '2024-03-01', daysSinceVisit: 488 });
  });

  it('no helper: communes in scope without an assignment that do not meet the standard (or were never assessed)', async () => {
    const res = (await office.get('/api/signals/no-helper?asOf=2025-09-30')).json();
    expect(res.items.map((i: { unit: { id: string } }) => i.unit.id)).toEqual([coc]);
    expect(res.items[0].status).toBeNull(); // never assessed
    expect(res.criteriaStatusAvailable).toBe(true);
    expect(res.notice).toMatch(/chưa đạt chuẩn/);
    expect((await office.get('/api/signals/no-helper?asOf=2025-07-15')).json().total).toBe(0);
  });

  it('no helper reads the commune status: a commune meeting the standard drops out, one below it shows its score', async () => {
    const setId = (await t.db.execute(sql`select id from criteria_set where code = 'NTM_XA_2021_2025' limit 1`)) as unknown as { rows: Array<{ id: string }> };
    const put = (year: number, met: number, meets: boolean) =>
      t.db.execute(sql`insert into commune_status (unit_id, year, set_id, criteria_met, criteria_applicable, meets_standard, missing, criteria, basis)
        values (${coc}, ${year}, ${setId.rows[0]!.id}, ${met}, 19, ${meets}, '[]'::jsonb, '[]'::jsonb, 'appraised')`);
    await put(2024, 12, false);
    const below = (await office.get('/api/signals/no-helper?asOf=2025-09-30')).json();
    expect(below.items).toEqual([expect.objectContaining({ status: { year: 2024, criteriaMet: 12, criteriaApplicable: 19, basis: 'appraised' } })]);
    await put(2025, 19, true);
    expect((await office.get('/api/signals/no-helper?asOf=2025-09-30')).json().total).toBe(0);
    await t.db.execute(sql`delete from commune_status where unit_id = ${coc}`);
  });

  it('overdue obstacles counted by level, with the rows behind them', async () => {
    const res = (await office.get('/api/signals/overdue-obstacles')).json();
    expect(res.byLevel).toEqual([
      { level: 'commune', count: 1 },
      { level: 'agency', count: 2 },
      { level: 'department', count: 0 },
      { level: 'steering_committee', count: 0 },
    ]);
    expect(res.items.map((o: { daysOverdue: number }) => o.daysOverdue)).toEqual([30, 2, 1]);
    expect(res.total).toBe(3);
  });

  it('scorecards: exact numbers per agency over a period, each with a link to its rows', async () => {
    const res = await office.get('/api/signals/scorecards?from=2025-07-01&to=2025-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.months).toBe(6);
    const byAgency = Object.fromEntries(body.items.map((s: { agency: { id: string } }) => [s.agency.id, s]));
    expect(byAgency[khcn]).toMatchObject({
      communesHelped: 2,
      visits: 2,
      visitsPerMonth: 0.3,
      activities: 3,
      followUps: 3,
      followUpsClosed: 1,
      obstaclesResolved: 3,
      medianDaysToResolve: 5,
      supportValueVnd: 15_000_000,
    });
    expect(byAgency[yTe]).toMatchObject({
      communesHelped: 1,
      visits: 1,
      visitsPerMonth: 0.2,
      activities: 1,
      followUps: 0,
      followUpsClosed: 0,
      obstaclesResolved: 0,
      medianDaysToResolve: null,
      supportValueVnd: 0,
    });
    // each number links to exactly the rows behind it
    const links = byAgency[khcn].links;
    expect((await office.get(links.visits)).json().total).toBe(2);
    expect((await office.get(links.activities)).json().total).toBe(3);
    expect((await office.get(links.obstaclesResolved)).json().total).toBe(3);
    expect((await office.get(links.communes)).json().total).toBe(2);
    const median2 = (await office.get('/api/signals/scorecards?from=2025-08-01&to=2025-09-30')).json();
    expect(median2.items.find((s: { agency: { id: string } }) => s.agency.id === khcn)).toMatchObject({ obstaclesResolved: 2, medianDaysToResolve: 3.5 });
    expect((await office.get('/api/signals/scorecards?from=2025-12-31&to=2025-07-01')).statusCode).toBe(400);
  });

  it('months touched by a period', () => {
    expect(monthsTouched('2025-01-15', '2025-02-03')).toBe(2);
    expect(monthsTouched('2025-07-01', '2025-12-31')).toBe(6);
    expect(monthsTouched('2025-12-01', '2026-01-31')).toBe(2);
  });

  it('the inbox lists the follow-ups a user owns and those of their agency without a named owner', async () => {
    const res = (await helper.get('/api/inbox')).json();
    const fus = res.items.filter((i: { type: string }) => i.type === 'follow_up').map((i: { text: string; overdue: boolean }) => [i.text, i.overdue]);
    expect(fus).toEqual([
      ['Hoàn thiện hồ sơ', true],
      ['Treo pa-nô', false],
    ]);
  });

  it('403 for roles that do not read signals, 401 anonymous', async () => {
    expect((await helper.get('/api/signals/no-helper')).statusCode).toBe(403);
    expect((await t.anon.get('/api/signals/scorecards?from=2025-01-01&to=2025-02-01')).statusCode).toBe(401);
  });
});
