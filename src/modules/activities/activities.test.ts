import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../platform/dates.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { multipartFile, samples } from '../../test/multipart.js';

let t: TestContext;
let tmp: string;
let admin: Client;
let helper: Client; // help team of Sở Khoa học và Công nghệ, no scope units
let otherHelper: Client; // help team of Sở Y tế, assigned elsewhere
let batXat: string;
let hopThanh: string;
let coc: string;
let banVuoc: string;
let khcn: string;
let yTe: string;
let taiChinh: string;

const activity = (over: Record<string, unknown> = {}) => ({
  unitId: batXat,
  kind: 'field_visit',
  date: '2025-08-05',
  participants: 'Tổ giúp đỡ xã (3 người), UBND xã',
  content: 'Khảo sát hiện trạng thư viện trường tiểu học',
  results: 'Thống nhất danh mục sách cần hỗ trợ',
  criteria: ['5', '6.1'],
  ...over,
});

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-act-'));
  t = await createTestContext({ MTQG_DATA_DIR: tmp });
  admin = await t.userClient({ roles: ['system_admin'] });
  batXat = await t.unitId('02683', '2025-07-01');
  hopThanh = await t.unitId('02680', '2025-07-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  const agency = async (q: string) => ((await admin.get(`/api/agencies?q=${encodeURIComponent(q)}`)).json().items[0].id as string);
  khcn = await agency('Sở Khoa học và Công nghệ');
  yTe = await agency('Sở Y tế');
  taiChinh = await agency('Sở Tài chính');
  const communes = (await admin.get('/api/units?level=commune&asOf=2025-07-01&limit=500')).json().items as Array<{ id: string; code: string }>;
  coc = communes.find((u) => u.code !== '02683' && u.code !== '02680')!.id;
  const assign = async (agencyId: string, unitIds: string[], validFrom: string) => {
    const res = await admin.post('/api/assignments', { agencyId, unitIds, validFrom, legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: validFrom, leaderName: 'Lãnh đạo Sở', team: [] });
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  await assign(khcn, [batXat, hopThanh], '2025-07-01');
  await assign(yTe, [coc], '2025-07-01');
  await assign(khcn, [banVuoc], '2024-01-01');
  helper = await t.userClient({ roles: ['help_team'], agencyId: khcn });
  otherHelper = await t.userClient({ roles: ['help_team'], agencyId: yTe });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('activities', () => {
  it('a help-team member records a visit with follow-ups, support value and a photo', async () => {
    const m = multipartFile(samples.jpeg, 'thu-vien.jpg');
    const file = (await helper.post(`/api/files?unitId=${batXat}`, m.body, m.headers)).json();
    const res = await helper.post(
      '/api/activities',
      activity({
        kind: 'support',
        supportValueVnd: 25_000_000,
        supportDescription: '500 cuốn sách cho thư viện trường',
        fileIds: [file.id],
        followUps: [
          { text: 'Bàn giao sách', ownerName: 'Người dùng', ownerUserId: helper.user.id, dueDate: '2025-09-01' },
          { text: 'Báo cáo kết quả', ownerName: 'UBND xã', dueDate: addDays(todayVN(), 30) },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      unit: { id: batXat, code: '02683' },
      agency: { id: khcn },
      kind: 'support',
      date: '2025-08-05',
      supportValueVnd: 25_000_000,
      criteria: ['5', '6.1'],
      abilities: { canUpdateFollowUps: true },
    });
    expect(a.files.map((f: { id: string }) => f.id)).toEqual([file.id]);
    expect(a.followUps.map((f: { text: string; status: string; overdue: boolean }) => [f.text, f.status, f.overdue])).toEqual([
      ['Bàn giao sách', 'open', true],
      ['Báo cáo kết quả', 'open', false],
    ]);
    expect((await helper.get(`/api/activities/${a.id}`)).json().id).toBe(a.id);
  });

  it('refuses communes the agency does not help on that date (403) and leaves data unchanged', async () => {
    const dept = await t.userClient({ roles: ['department_reviewer'], agencyId: taiChinh, scopeUnitIds: [batXat] });
    const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [batXat] });
    const before = await dataFingerprint(t.db);
    expect((await helper.post('/api/activities', activity({ unitId: coc }))).statusCode).toBe(403);
    expect((await helper.post('/api/activities', activity({ date: '2025-06-15' }))).statusCode).toBe(403); // before the assignment
    expect((await dept.post('/api/activities', activity())).json().code).toBe('FORBIDDEN');
    expect((await helper.post('/api/activities', activity({ agencyId: yTe }))).statusCode).toBe(403);
    expect((await officer.post('/api/activities', activity())).statusCode).toBe(403);
    expect((await t.anon.post('/api/activities', activity())).statusCode).toBe(401);
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('refuses a file of another commune and a date in the future (VALIDATION)', async () => {
    const m = multipartFile(samples.png);
    const file = (await helper.post(`/api/files?unitId=${hopThanh}`, m.body, m.headers)).json();
    const res = await helper.post('/api/activities', activity({ fileIds: [file.id] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].path).toBe('fileIds.0');
    expect((await helper.post('/api/activities', activity({ date: addDays(todayVN(), 2) }))).statusCode).toBe(400);
  });

  it('lists with filters by commune (with predecessors), agency, kind and period; hides other communes', async () => {
    await helper.post('/api/activities', activity({ kind: 'guidance', date: '2025-09-10' }));
    await helper.post('/api/activities', activity({ unitId: hopThanh, kind: 'conference', date: '2025-10-01' }));
    await helper.post('/api/activities', activity({ unitId: banVuoc, kind: 'communication', date: '2024-05-20' }));
    await otherHelper.post('/api/activities', activity({ unitId: coc, date: '2025-09-01' }));
    const q = async (c: Client, qs: string) =>
      ((await c.get(`/api/activities?${qs}`)).json().items as Array<{ kind: string; date: string }>).map((a) => `${a.date}:${a.kind}`);
    expect(await q(helper, '')).toEqual(['2025-10-01:conference', '2025-09-10:guidance', '2025-08-05:support', '2024-05-20:communication']);
    expect(await q(helper, `unitId=${batXat}`)).toEqual(['2025-09-10:guidance', '2025-08-05:support', '2024-05-20:communication']);
    expect(await q(helper, 'kind=guidance')).toEqual(['2025-09-10:guidance']);
    expect(await q(helper, 'from=2025-08-06&to=2025-12-31')).toEqual(['2025-10-01:conference', '2025-09-10:guidance']);
    expect(await q(helper, 'visit=true')).toEqual(['2025-09-10:guidance']);
    expect(await q(admin, `agencyId=${yTe}`)).toEqual(['2025-09-01:field_visit']);
    expect(await q(otherHelper, `agencyId=${khcn}`)).toEqual([]);
  });

  it('a calendar groups activities per day', async () => {
    const res = (await helper.get('/api/activities/calendar?from=2025-08-01&to=2025-10-31')).json();
    expect(res.days.map((d: { date: string; items: unknown[] }) => [d.date, d.items.length])).toEqual([
      ['2025-08-05', 1],
      ['2025-09-10', 1],
      ['2025-10-01', 1],
    ]);
    expect((await helper.get('/api/activities/calendar?from=2024-01-01&to=2025-12-31')).statusCode).toBe(400);
  });

  it('follow-ups are closed by their owner or their agency; others get 403, outsiders 404', async () => {
    const a = (await helper.get(`/api/activities?kind=support`)).json().items[0];
    const fu = a.followUps[0];
    const url = `/api/activities/${a.id}/follow-ups/${fu.id}`;
    expect((await otherHelper.patch(url, { status: 'done' })).statusCode).toBe(404);
    const viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [batXat] });
    expect((await viewer.patch(url, { status: 'done' })).statusCode).toBe(403);
    const dept = await t.userClient({ roles: ['department_reviewer'], agencyId: taiChinh, scopeUnitIds: [batXat] });
    expect((await dept.patch(url, { status: 'done' })).statusCode).toBe(403);
    const res = await helper.patch(url, { status: 'done' });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json().followUps[0];
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expect(done.doneAt).not.toBeNull();
    expect((await helper.patch(`/api/activities/${a.id}/follow-ups/${a.id}`, { status: 'done' })).statusCode).toBe(404);
  });

  it('answers 404 for an activity out of scope', async () => {
    const a = (await admin.get(`/api/activities?agencyId=${yTe}`)).json().items[0];
    expect((await helper.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
    expect((await otherHelper.get(`/api/activities/${a.id}`)).statusCode).toBe(200);
  });
});
