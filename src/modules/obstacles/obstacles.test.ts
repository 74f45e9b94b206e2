import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../platform/dates.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { multipartFile, samples } from '../../test/multipart.js';
import { applyTransition } from './obstacles.repo.js';

let t: TestContext;
let tmp: string;
let admin: Client;
let office: Client;
let officer: Client; // commune officer of Xã Bát Xát
let helper: Client; // help team of Sở Khoa học và Công nghệ (assigned to Bát Xát)
let finance: Client; // department staff of Sở Tài chính (not assigned, no scope)
let outsider: Client; // help team of Sở Y tế (assigned elsewhere)
let batXat: string;
let coc: string;
let khcn: string;
let yTe: string;
let taiChinh: string;
let bcd: string;

const raise = (over: Record<string, unknown> = {}) => ({
  unitId: batXat,
  title: 'Thiếu kinh phí làm đường trục thôn',
  description: 'Xã chưa bố trí đủ vốn đối ứng cho 2 km đường trục thôn Phìn Ngan',
  category: 'funding',
  criteria: ['2'],
  dueDate: addDays(todayVN(), 20),
  ...over,
});

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-obs-'));
  t = await createTestContext({ MTQG_DATA_DIR: tmp });
  admin = await t.userClient({ roles: ['system_admin'] });
  batXat = await t.unitId('02683', '2025-07-01');
  const province = (await admin.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id as string;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province] });
  const agency = async (q: string) => ((await admin.get(`/api/agencies?q=${encodeURIComponent(q)}`)).json().items[0].id as string);
  khcn = await agency('Sở Khoa học và Công nghệ');
  yTe = await agency('Sở Y tế');
  taiChinh = await agency('Sở Tài chính');
  bcd = await agency('Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Lào Cai');
  const communes = (await admin.get('/api/units?level=commune&asOf=2025-07-01&limit=500')).json().items as Array<{ id: string; code: string }>;
  coc = communes.find((u) => u.code !== '02683' && u.code !== '02680')!.id;
  for (const [agencyId, unitId] of [[khcn, batXat], [yTe, coc]] as const) {
    const res = await admin.post('/api/assignments', { agencyId, unitIds: [unitId], validFrom: '2025-07-01', legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: '2025-06-30', leaderName: 'Lãnh đạo', team: [] });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [batXat] });
  helper = await t.userClient({ roles: ['help_team'], agencyId: khcn });
  finance = await t.userClient({ roles: ['department_reviewer'], agencyId: taiChinh });
  outsider = await t.userClient({ roles: ['help_team'], agencyId: yTe });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const act = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/obstacles/${id}/transitions`, body);

describe('obstacles', () => {
  let id = '';

  it('a commune raises an obstacle: it goes to the agency helping the commune', async () => {
    const res = await officer.post('/api/obstacles', raise());
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    id = o.id;
    expect(o).toMatchObject({
      status: 'new',
      level: 'agency',
      assigneeAgency: { id: khcn },
      raisedByAgency: null,
      version: 1,
      ageDays: 0,
      overdue: false,
      abilities: { canAccept: false, canClose: true, canReply: true, canReopen: false },
    });
    expect(o.events.map((e: { kind: string }) => e.kind)).toEqual(['create']);
    expect((await helper.get(`/api/obstacles/${id}`)).json().abilities).toMatchObject({ canAccept: true, canStart: true, canEscalate: true, canClose: false });
  });

  it('refusals: 401, 403 by role and by side, 404 out of scope, 409 on a stale version', async () => {
    expect((await t.anon.post(`/api/obstacles/${id}/transitions`, { action: 'accept', expectedVersion: 1 })).statusCode).toBe(401);
    const viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [batXat] });
    const before = await dataFingerprint(t.db);
    expect((await act(viewer, id, { action: 'accept', expectedVersion: 1 })).statusCode).toBe(403);
    expect((await act(officer, id, { action: 'accept', expectedVersion: 1 })).json().code).toBe('FORBIDDEN'); // the raiser does not accept
    expect((await act(outsider, id, { action: 'accept', expectedVersion: 1 })).statusCode).toBe(404);
    expect((await outsider.get(`/api/obstacles/${id}`)).statusCode).toBe(404);
    expect((await act(helper, id, { action: 'resolve', expectedVersion: 1, text: 'x' })).json().code).toBe('INVALID_TRANSITION');
    expect((await act(helper, id, { action: 'accept', expectedVersion: 7 })).statusCode).toBe(409);
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('the conditional update refuses a change made on a stale status or version (zero rows)', async () => {
    expect(await applyTransition(t.db, id, { status: 'accepted', version: 1 }, { status: 'in_progress', level: 'agency', assigneeAgencyId: khcn, dueDate: null })).toBe(false);
    expect(await applyTransition(t.db, id, { status: 'new', version: 2 }, { status: 'in_progress', level: 'agency', assigneeAgencyId: khcn, dueDate: null })).toBe(false);
  });

  it('the assignee accepts and starts; a retry on the old version is a CONFLICT', async () => {
    const a = await act(helper, id, { action: 'accept', expectedVersion: 1, text: 'Tổ sẽ làm việc với xã' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: 'accepted', version: 2 });
    const stale = await act(helper, id, { action: 'accept', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect((await act(helper, id, { action: 'start', expectedVersion: 2 })).json().status).toBe('in_progress');
  });

  it('escalates to a province department, then to the steering committee, which resolves it with a document', async () => {
    const toDept = await act(helper, id, { action: 'escalate', expectedVersion: 3, text: 'Vượt khả năng của Sở', assigneeAgencyId: taiChinh });
    expect(toDept.statusCode, toDept.body).toBe(200);
    expect(toDept.json()).toMatchObject({ status: 'new', level: 'department', assigneeAgency: { id: taiChinh } });
    // the department sees what it must resolve although it helps no commune
    expect((await finance.get(`/api/obstacles/${id}`)).json().abilities).toMatchObject({ canAccept: true, canEscalate: true });
    expect((await act(helper, id, { action: 'accept', expectedVersion: 4 })).statusCode).toBe(403); // no longer the assignee
    const toBcd = await act(finance, id, { action: 'escalate', expectedVersion: 4, text: 'Cần Ban Chỉ đạo bố trí vốn' });
    expect(toBcd.json()).toMatchObject({ status: 'new', level: 'steering_committee', assigneeAgency: { id: bcd } });
    const top = await act(office, id, { action: 'escalate', expectedVersion: 5 });
    expect(top.json().code).toBe('INVALID_TRANSITION');
    expect((await act(office, id, { action: 'accept', expectedVersion: 5 })).json().status).toBe('accepted');
    expect((await act(office, id, { action: 'resolve', expectedVersion: 6, text: '' })).json().code).toBe('VALIDATION');
    const resolved = await act(office, id, {
      action: 'resolve',
      expectedVersion: 6,
      text: 'Bố trí 1,2 tỷ đồng vốn ngân sách tỉnh',
      resolutionDoc: 'QĐ 789/QĐ-UBND ngày 10/11/2026',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const r = resolved.json();
    expect(r).toMatchObject({ status: 'resolved', answer: 'Bố trí 1,2 tỷ đồng vốn ngân sách tỉnh', resolutionDoc: 'QĐ 789/QĐ-UBND ngày 10/11/2026', overdue: false });
    expect(r.resolvedAt).not.toBeNull();
    expect(r.events.map((e: { kind: string; toLevel: string | null }) => `${e.kind}:${e.toLevel}`)).toEqual([
      'create:agency',
      'accept:agency',
      'start:agency',
      'escalate:department',
      'escalate:steering_committee',
      'accept:steering_committee',
      'resolve:steering_committee',
    ]);
  });

  it('reopening needs a reason; the raiser reopens and closes; every change is audited', async () => {
    expect((await act(officer, id, { action: 'reopen', expectedVersion: 7 })).statusCode).toBe(400);
    const re = await act(officer, id, { action: 'reopen', expectedVersion: 7, text: 'Vốn chưa về xã' });
    expect(re.json()).toMatchObject({ status: 'in_progress', resolvedAt: null, level: 'steering_committee' });
    const closed = await act(officer, id, { action: 'close', expectedVersion: 8, text: 'Đã nhận vốn' });
    expect(closed.json()).toMatchObject({ status: 'closed', abilities: { canReply: false, canReopen: true } });
    expect((await officer.post(`/api/obstacles/${id}/replies`, { text: 'Cảm ơn' })).json().code).toBe('INVALID_TRANSITION');
    const audit = (await office.get(`/api/audit?limit=100`)).json().items as Array<{ action: string; entityId: string }>;
    expect(audit.filter((a) => a.entityId === id).map((a) => a.action).reverse()).toEqual([
      'obstacle.create',
      'obstacle.accept',
      'obstacle.start',
      'obstacle.escalate',
      'obstacle.escalate',
      'obstacle.accept',
      'obstacle.resolve',
      'obstacle.reopen',
      'obstacle.close',
    ]);
  });

  it('threaded replies carry attachments; outsiders cannot reply', async () => {
    const o = (await helper.post('/api/obstacles', raise({ title: 'Thiếu tài liệu hướng dẫn', category: 'capacity' }))).json();
    expect(o).toMatchObject({ level: 'agency', assigneeAgency: { id: khcn }, raisedByAgency: { id: khcn } });
    const m = multipartFile(samples.pdf, 'huong-dan.pdf');
    const file = (await helper.post(`/api/files?unitId=${batXat}`, m.body, m.headers)).json();
    const res = await officer.post(`/api/obstacles/${o.id}/replies`, { text: 'Xã gửi kèm văn bản', fileIds: [file.id] });
    expect(res.statusCode, res.body).toBe(201);
    const last = res.json().events.at(-1);
    expect(last).toMatchObject({ kind: 'comment', text: 'Xã gửi kèm văn bản', files: [{ id: file.id, mime: 'application/pdf' }] });
    expect((await outsider.post(`/api/obstacles/${o.id}/replies`, { text: 'x' })).statusCode).toBe(404);
    const dept = await t.userClient({ roles: ['department_reviewer'], agencyId: yTe, scopeUnitIds: [batXat] });
    expect((await dept.post(`/api/obstacles/${o.id}/replies`, { text: 'x' })).statusCode).toBe(403);
  });

  it('raising: 403 for communes out of scope or not helped, 403 for read-only roles', async () => {
    expect((await helper.post('/api/obstacles', raise({ unitId: coc }))).statusCode).toBe(403);
    const dept = await t.userClient({ roles: ['department_reviewer'], agencyId: yTe, scopeUnitIds: [batXat] });
    expect((await dept.post('/api/obstacles', raise())).statusCode).toBe(403);
    const viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [batXat] });
    expect((await viewer.post('/api/obstacles', raise())).statusCode).toBe(403);
  });

  it('marks overdue and aging exactly, filters on them, and puts them in the assignee inbox', async () => {
    const late = (await officer.post('/api/obstacles', raise({ title: 'Chậm giải phóng mặt bằng', category: 'land', dueDate: addDays(todayVN(), -3) }))).json();
    await t.db.execute(sql`update obstacle set created_at = now() - interval '40 days' where id = ${late.id}`);
    const got = (await helper.get(`/api/obstacles/${late.id}`)).json();
    expect(got).toMatchObject({ overdue: true, daysOverdue: 3, ageDays: 40 });
    const overdue = (await helper.get('/api/obstacles?overdue=true')).json();
    expect(overdue.items.map((o: { id: string }) => o.id)).toEqual([late.id]);
    expect((await helper.get('/api/obstacles?minAgeDays=30')).json().items.map((o: { id: string }) => o.id)).toEqual([late.id]);
    expect((await helper.get('/api/obstacles?category=land&open=true')).json().total).toBe(1);
    const inbox = (await helper.get('/api/inbox')).json();
    const obstacleItems = inbox.items.filter((i: { type: string }) => i.type === 'obstacle');
    expect(obstacleItems.map((i: { obstacleId: string; overdue: boolean; daysOverdue: number; ageDays: number }) => [i.obstacleId, i.overdue, i.daysOverdue, i.ageDays])[0]).toEqual([
      late.id,
      true,
      3,
      40,
    ]);
    expect(obstacleItems).toHaveLength(2); // the late one and the open "Thiếu tài liệu" one
    expect((await helper.get('/api/inbox?overdue=true')).json().total).toBe(1);
    expect((await finance.get('/api/inbox')).json().total).toBe(0);
  });

  it('lists a commune with filters and stays inside the scope', async () => {
    const mine = (await officer.get(`/api/obstacles?unitId=${batXat}`)).json();
    expect(mine.total).toBe(3);
    expect((await outsider.get('/api/obstacles')).json().total).toBe(0);
    expect((await officer.get('/api/obstacles?status=closed')).json().total).toBe(1);
    expect((await office.get(`/api/obstacles?assigneeAgencyId=${bcd}`)).json().total).toBe(1);
  });
});
