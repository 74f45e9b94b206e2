import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../platform/dates.js';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type Client, type TestContext } from '../../test/app.js';
import { insertPlan, insertTasks, replaceCriteria } from './plans.repo.js';

let t: TestContext;
let admin: Client;
let office: Client;
let officer: Client; // Xã Bát Xát (2025)
let helper: Client; // help team of Sở KH&CN, assigned to Xã Bát Xát
let otherHelper: Client; // help team of Sở Y tế, not assigned
let outsider: Client; // commune officer of Xã Hợp Thành
let batXat: string;
let banVuoc: string; // predecessor of Xã Bát Xát (2024)
let khcn: string;
let ntmSet: string;
const today = todayVN();

const status = (unitId: string, year: number, missing: string[]) =>
  t.db.execute(sql`insert into commune_status (unit_id, year, set_id, criteria_met, criteria_applicable, meets_standard, missing, criteria, basis)
      values (${unitId}, ${year}, ${ntmSet}, ${19 - missing.length}, 19, ${missing.length === 0}, ${JSON.stringify(missing)}::jsonb, '[]'::jsonb, 'self')
      on conflict (unit_id, year, set_id) do update set missing = excluded.missing, criteria_met = excluded.criteria_met, meets_standard = excluded.meets_standard`);

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.userClient({ roles: ['system_admin'] });
  batXat = await t.unitId('02683', '2025-07-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  const province = (await admin.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id as string;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province] });
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [batXat] });
  outsider = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [await t.unitId('02680', '2025-07-01')] });
  const agency = async (q: string) => (await admin.get(`/api/agencies?q=${encodeURIComponent(q)}`)).json().items[0].id as string;
  khcn = await agency('Sở Khoa học và Công nghệ');
  const res = await admin.post('/api/assignments', { agencyId: khcn, unitIds: [batXat], validFrom: '2025-07-01', legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: '2025-06-30', leaderName: 'Lãnh đạo', team: [] });
  if (res.statusCode !== 201) throw new Error(res.body);
  helper = await t.userClient({ roles: ['help_team'], agencyId: khcn });
  otherHelper = await t.userClient({ roles: ['help_team'], agencyId: await agency('Sở Y tế') });
  ntmSet = (await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json().items[0].id as string;
});
afterAll(async () => {
  await t.close();
});

describe('commune plans', () => {
  let plan2025 = '';
  let plan2026 = '';

  it('a 2025 plan starts from the 2024 plan of the commune it was formed from: missing criteria and open tasks carried', async () => {
    // Xã Bản Vược's 2024 plan (a merged commune's plans are history, so it is written here directly).
    const old = await insertPlan(t.db, {
      unitId: banVuoc, kind: 'annual', yearFrom: 2024, yearTo: 2024, title: 'Kế hoạch 2024 xã Bản Vược', targetLevel: 'ntm', targetYear: 2025, note: null, copiedFromId: null, createdBy: null,
    });
    await replaceCriteria(t.db, old, [
      { criterionNumber: '2', targetYear: 2024, note: 'Giao thông' },
      { criterionNumber: '17', targetYear: 2024, note: null },
    ]);
    await insertTasks(t.db, old, [
      { criterionNumber: '2', title: 'Cứng hóa 2 km đường trục thôn', responsibleAgencyId: null, responsibleName: 'UBND xã', deadline: '2024-10-31', estimatedCostVnd: 1_800_000_000, status: 'doing', progressNote: 'Đã xong 1,2 km' },
      { criterionNumber: '17', title: 'Xây lò đốt rác', responsibleAgencyId: null, responsibleName: null, deadline: '2024-06-30', estimatedCostVnd: 300_000_000, status: 'done', progressNote: null },
    ], null);
    await status(banVuoc, 2024, ['2']);
    const res = await officer.post('/api/plans/copy', { unitId: batXat, year: 2025 });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    plan2025 = p.id;
    expect(p).toMatchObject({ kind: 'annual', yearFrom: 2025, yearTo: 2025, targetLevel: 'ntm', targetYear: 2025, copiedFromId: old, abilities: { canEdit: true, canAddTask: true } });
    expect(p.criteria.map((c: { criterionNumber: string; targetYear: number; copied: boolean }) => [c.criterionNumber, c.targetYear, c.copied])).toEqual([['2', 2025, true]]);
    expect(p.criteria[0].criterionName).toBeTruthy();
    expect(p.tasks.map((x: { title: string; status: string; copied: boolean; progressNote: string }) => [x.title, x.status, x.copied, x.progressNote])).toEqual([
      ['Cứng hóa 2 km đường trục thôn', 'doing', true, 'Đã xong 1,2 km'],
    ]);
    const again = await officer.post('/api/plans/copy', { unitId: batXat, year: 2025 });
    expect(again.json().code).toBe('CONFLICT');
    const none = await officer.post('/api/plans/copy', { unitId: batXat, year: 2027 });
    expect(none.statusCode).toBe(404);
  });

  it('the commune edits the plan: criteria with years (checked against the set), tasks, progress that moves', async () => {
    const bad = await officer.put(`/api/plans/${plan2025}/criteria`, { expectedVersion: 1, items: [{ criterionNumber: '99', targetYear: 2025 }] });
    expect(bad.statusCode).toBe(400);
    const crit = await officer.put(`/api/plans/${plan2025}/criteria`, {
      expectedVersion: 1,
      items: [{ criterionNumber: '2', targetYear: 2025 }, { criterionNumber: '6', targetYear: 2025, note: 'Nhà văn hóa' }],
    });
    expect(crit.statusCode, crit.body).toBe(200);
    expect(crit.json().rowVersion).toBe(2);
    expect(crit.json().criteria.map((c: { criterionNumber: string; copied: boolean }) => [c.criterionNumber, c.copied])).toEqual([['2', true], ['6', false]]);
    const add = await officer.post(`/api/plans/${plan2025}/tasks`, { criterionNumber: '6', title: 'Sửa nhà văn hóa thôn', deadline: addDays(today, 30), estimatedCostVnd: 200_000_000 });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json().progress).toMatchObject({ total: 2, done: 0, percentDone: 0 });
    const task = add.json().tasks.find((x: { title: string }) => x.title === 'Sửa nhà văn hóa thôn');
    const done = await officer.patch(`/api/plans/${plan2025}/tasks/${task.id}`, { expectedVersion: 1, status: 'done', progressNote: 'Đã nghiệm thu' });
    expect(done.statusCode, done.body).toBe(200);
    const after = done.json();
    expect(after.progress).toMatchObject({ total: 2, done: 1, percentDone: 50, costDoneVnd: 200_000_000, costTotalVnd: 2_000_000_000, percentCostDone: 10 });
    expect(after.tasks.find((x: { id: string }) => x.id === task.id)).toMatchObject({ status: 'done', doneAt: today, rowVersion: 2, progressNote: 'Đã nghiệm thu' });
    const stale = await officer.patch(`/api/plans/${plan2025}/tasks/${task.id}`, { expectedVersion: 1, status: 'todo' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const reopened = await officer.patch(`/api/plans/${plan2025}/tasks/${task.id}`, { expectedVersion: 2, status: 'doing' });
    expect(reopened.json().tasks.find((x: { id: string }) => x.id === task.id)).toMatchObject({ status: 'doing', doneAt: null });
    const stalePlan = await officer.patch(`/api/plans/${plan2025}`, { expectedVersion: 1, status: 'approved' });
    expect(stalePlan.json().code).toBe('CONFLICT');
    const approved = await officer.patch(`/api/plans/${plan2025}`, { expectedVersion: 2, status: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved', rowVersion: 3 });
    const audits = await queryRows<{ action: string }>(t.db, sql`select action from audit_event where action like 'plan.%' order by seq`);
    expect(audits.map((a) => a.action)).toEqual(['plan.copy', 'plan.criteria', 'plan.task.create', 'plan.task.update', 'plan.task.update', 'plan.update']);
  });

  it('criteria planned this year against the latest summary; overdue tasks are marked', async () => {
    await status(batXat, 2025, ['6']);
    const p = (await officer.get(`/api/plans/${plan2025}`)).json();
    expect(p.criteria.map((c: { criterionNumber: string; current: string }) => [c.criterionNumber, c.current])).toEqual([['2', 'met'], ['6', 'not_met']]);
    expect(p.criteriaProgress).toEqual({ plannedThisYear: 2, metOfPlanned: 1, lateCriteria: 0, percentMet: 50 });
    expect(p.latestStatus).toMatchObject({ year: 2025, missing: ['6'] });
    // the carried road task's deadline (31/10/2024) is past
    expect(p.tasks.find((x: { copied: boolean }) => x.copied)).toMatchObject({ overdue: true });
    expect(p.progress.overdue).toBe(1);
  });

  it('a help team of the commune adds tasks for its agency and updates only its own tasks’ status and progress', async () => {
    const g = (await helper.get(`/api/plans/${plan2025}`)).json();
    expect(g.abilities).toEqual({ canEdit: false, canAddTask: true });
    expect(g.tasks.every((x: { abilities: { canEdit: boolean } }) => !x.abilities.canEdit)).toBe(true);
    const add = await helper.post(`/api/plans/${plan2025}/tasks`, { criterionNumber: '6', title: 'Hướng dẫn hồ sơ tiêu chí 6' });
    expect(add.statusCode, add.body).toBe(201);
    const mine = add.json().tasks.find((x: { title: string }) => x.title === 'Hướng dẫn hồ sơ tiêu chí 6');
    expect(mine).toMatchObject({ responsibleAgency: { id: khcn }, abilities: { canEdit: true } });
    expect((await helper.patch(`/api/plans/${plan2025}/tasks/${mine.id}`, { expectedVersion: 1, status: 'done', progressNote: 'Đã hướng dẫn' })).statusCode).toBe(200);
    const title = await helper.patch(`/api/plans/${plan2025}/tasks/${mine.id}`, { expectedVersion: 2, title: 'Đổi tên' });
    expect(title.statusCode).toBe(403);
    const communeTask = g.tasks[0];
    expect((await helper.patch(`/api/plans/${plan2025}/tasks/${communeTask.id}`, { expectedVersion: communeTask.rowVersion, status: 'done' })).statusCode).toBe(403);
    expect((await helper.patch(`/api/plans/${plan2025}`, { expectedVersion: 3, note: 'x' })).statusCode).toBe(403);
    const other = await helper.post(`/api/plans/${plan2025}/tasks`, { title: 'Cho sở khác', responsibleAgencyId: (await admin.get('/api/agencies?q=Y%20t%E1%BA%BF')).json().items[0].id });
    expect(other.statusCode).toBe(403);
    expect((await otherHelper.get(`/api/plans/${plan2025}`)).statusCode).toBe(404);
  });

  it('the steering office reads but does not write; another commune sees nothing', async () => {
    const o = await office.get(`/api/plans/${plan2025}`);
    expect(o.statusCode).toBe(200);
    expect(o.json().abilities).toEqual({ canEdit: false, canAddTask: false });
    expect((await office.post(`/api/plans/${plan2025}/tasks`, { title: 'X' })).statusCode).toBe(403);
    expect((await office.post('/api/plans', { unitId: batXat, kind: 'annual', yearFrom: 2027, yearTo: 2027, targetLevel: 'ntm', targetYear: 2027 })).statusCode).toBe(403);
    expect((await outsider.get(`/api/plans/${plan2025}`)).statusCode).toBe(404);
    expect((await outsider.post('/api/plans', { unitId: batXat, kind: 'annual', yearFrom: 2027, yearTo: 2027, targetLevel: 'ntm', targetYear: 2027 })).statusCode).toBe(404);
    expect((await outsider.get(`/api/plans?unitId=${batXat}`)).json().total).toBe(0);
  });

  it('creating plans: periods are checked, one plan per period, phase plans span years', async () => {
    const bad = await officer.post('/api/plans', { unitId: batXat, kind: 'annual', yearFrom: 2026, yearTo: 2027, targetLevel: 'ntm', targetYear: 2026 });
    expect(bad.statusCode).toBe(400);
    const before = await officer.post('/api/plans', { unitId: batXat, kind: 'annual', yearFrom: 2024, yearTo: 2024, targetLevel: 'ntm', targetYear: 2024 });
    expect(before.json().details.fields[0].path).toBe('yearFrom'); // Xã Bát Xát did not exist in 2024
    const phase = await officer.post('/api/plans', { unitId: batXat, kind: 'phase', yearFrom: 2026, yearTo: 2030, targetLevel: 'advanced', targetYear: 2028 });
    expect(phase.statusCode, phase.body).toBe(201);
    expect(phase.json().title).toContain('giai đoạn 2026–2030');
    expect((await officer.post('/api/plans', { unitId: batXat, kind: 'phase', yearFrom: 2026, yearTo: 2030, targetLevel: 'ntm', targetYear: 2028 })).json().code).toBe('CONFLICT');
    // a merged commune's plans are read-only history
    const old = (await officer.get(`/api/plans?unitId=${batXat}&year=2024`)).json();
    expect(old.items.map((p: { unit: { id: string }; abilities: { canEdit: boolean } }) => [p.unit.id, p.abilities.canEdit])).toEqual([[banVuoc, false]]);
  });

  it('copying the next year carries only what is still missing; the province summary adds up the year', async () => {
    const res = await officer.post('/api/plans/copy', { unitId: batXat, year: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    plan2026 = res.json().id;
    expect(res.json().criteria.map((c: { criterionNumber: string }) => c.criterionNumber)).toEqual(['6']);
    expect(res.json().tasks.map((x: { title: string }) => x.title)).toEqual(['Cứng hóa 2 km đường trục thôn', 'Sửa nhà văn hóa thôn']);

    const s = (await office.get('/api/plans/summary?year=2025')).json();
    expect(s).toMatchObject({ year: 2025, communesWithPlans: 1, criteria: { plannedThisYear: 2, metOfPlanned: 1, communesWithStatus: 1 } });
    expect(s.tasks).toMatchObject({ total: 3, done: 1 });
    expect(s.rows.map((r: { planId: string }) => r.planId)).toContain(plan2025);
    const mine = (await outsider.get('/api/plans/summary?year=2025')).json();
    expect(mine.communesWithPlans).toBe(0);
    expect(plan2026).not.toBe(plan2025);
  });
});
