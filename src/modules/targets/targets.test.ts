import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../platform/dates.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { createTestContext, type Client, type TestContext } from '../../test/app.js';
import { multipartFile, samples } from '../../test/multipart.js';
import { communesOfTargetList, targetProgress } from './targets.service.js';

let t: TestContext;
let admin: Client;
let office: Client; // steering office of the province formed on 2025-07-01 (sees the former provinces' history)
let officer: Client; // commune officer of Xã Bát Xát (2025)
let otherOfficer: Client; // commune officer of Xã Hợp Thành (2025)
let helper: Client;
let province2024: string; // former Lào Cai
let province2025: string;
let banVuoc: string; // 2024 commune (Bát Xát district), merged into Xã Bát Xát on 2025-07-01
let taPhoi: string; // 2024 commune
let taChai: string; // 2024 commune merged into Thị trấn Bắc Hà on 2024-11-01: not valid on 31/12/2024
let batXat: string; // 2025 commune
let hopThanh: string; // 2025 commune
let khcn: string;
let ntmSet: string;
const today = todayVN();
const nextYear = Number(today.slice(0, 4)) + 1;

const status = (unitId: string, year: number, missing: string[]) =>
  t.db.execute(sql`insert into commune_status (unit_id, year, set_id, criteria_met, criteria_applicable, meets_standard, missing, criteria, basis)
      values (${unitId}, ${year}, ${ntmSet}, ${19 - missing.length}, 19, ${missing.length === 0}, ${JSON.stringify(missing)}::jsonb, '[]'::jsonb, 'appraised')`);

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.userClient({ roles: ['system_admin'] });
  province2024 = await t.unitId('10', '2024-06-01');
  province2025 = (await admin.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id as string;
  banVuoc = await t.unitId('02710', '2024-06-01');
  taPhoi = await t.unitId('02677', '2024-06-01');
  taChai = await t.unitId('02872', '2024-06-01');
  batXat = await t.unitId('02683', '2025-07-01');
  hopThanh = await t.unitId('02680', '2025-07-01');
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province2025] });
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [batXat] });
  otherOfficer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [hopThanh] });
  khcn = (await admin.get(`/api/agencies?q=${encodeURIComponent('Sở Khoa học và Công nghệ')}`)).json().items[0].id as string;
  helper = await t.userClient({ roles: ['help_team'], agencyId: khcn });
  ntmSet = (await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json().items[0].id as string;
});
afterAll(async () => {
  await t.close();
});

describe('target lists', () => {
  let list2024 = '';
  let version = 0;

  it('the steering office draws up a 2024 list for the former province (201, draft, audited)', async () => {
    const res = await office.post('/api/target-lists', { provinceUnitId: province2024, year: 2024, title: 'Danh sách xã phấn đấu đạt chuẩn năm 2024', documentNo: '239/KH-BCĐ' });
    expect(res.statusCode, res.body).toBe(201);
    const l = res.json();
    expect(l).toMatchObject({ status: 'draft', year: 2024, documentNo: '239/KH-BCĐ', rowVersion: 1, counts: { total: 0 }, abilities: { canEdit: true, canAdopt: true, canReopen: false, canAddToCycle: false } });
    expect(l.rule.text).toContain('45 ngày');
    list2024 = l.id;
    version = l.rowVersion;
    const audit = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from audit_event where action = 'targetList.create' and entity_id = ${list2024}`);
    expect(audit?.n).toBe(1);
  });

  it('refuses a province not in force on 31 December of the year, and a non-office role', async () => {
    const bad = await office.post('/api/target-lists', { provinceUnitId: province2024, year: 2025, title: 'X' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].path).toBe('provinceUnitId');
    expect((await helper.post('/api/target-lists', { provinceUnitId: province2025, year: 2025, title: 'X' })).statusCode).toBe(403);
    expect((await office.post('/api/target-lists', { provinceUnitId: province2025, year: 2025, title: '' })).statusCode).toBe(400);
  });

  it('only communes existing on 31/12 of the year under the province join: pre-merger communes for 2024', async () => {
    const cands = (await office.get(`/api/target-lists/${list2024}/candidates`)).json().items as Array<{ unit: { id: string } }>;
    const ids = cands.map((c) => c.unit.id);
    expect(ids).toContain(banVuoc);
    expect(ids).not.toContain(taChai);
    expect(ids).not.toContain(batXat);
    expect(cands.length).toBe(126 + 16 + 9); // every commune-level unit of the former province from 01/11/2024

    const res = await office.post(`/api/target-lists/${list2024}/communes`, {
      expectedVersion: version,
      items: [{ unitId: taChai, targetLevel: 'ntm' }, { unitId: batXat, targetLevel: 'ntm' }, { unitId: banVuoc, targetLevel: 'ntm' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.map((f: { path: string }) => f.path)).toEqual(['items.0.unitId', 'items.1.unitId']);
    const ok = await office.post(`/api/target-lists/${list2024}/communes`, {
      expectedVersion: version,
      items: [{ unitId: banVuoc, targetLevel: 'ntm', note: 'Đăng ký đạt chuẩn NTM' }, { unitId: taPhoi, targetLevel: 'advanced' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rowVersion: version + 1, counts: { total: 2, ntm: 1, advanced: 1 } });
    version = ok.json().rowVersion;
    const dup = await office.post(`/api/target-lists/${list2024}/communes`, { expectedVersion: version, items: [{ unitId: banVuoc, targetLevel: 'ntm' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details.fields[0].message).toContain('đã có');
  });

  it('a stale version is a CONFLICT with the current version, and nothing changes', async () => {
    const res = await office.post(`/api/target-lists/${list2024}/communes`, { expectedVersion: version - 1, items: [{ unitId: taChai, targetLevel: 'ntm' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', details: { currentVersion: version } });
    const patch = await office.patch(`/api/target-lists/${list2024}`, { expectedVersion: version - 1, title: 'Cũ' });
    expect(patch.json().code).toBe('CONFLICT');
    expect((await office.get(`/api/target-lists/${list2024}`)).json().counts.total).toBe(2);
  });

  it('a past target year: communes that did not reach the standard are at risk ("year passed"), met ones are not', async () => {
    await status(banVuoc, 2024, ['2', '17']);
    const l = (await office.get(`/api/target-lists/${list2024}`)).json();
    const row = (id: string) => l.rows.find((r: { unit: { id: string } }) => r.unit.id === id);
    expect(row(banVuoc)).toMatchObject({
      met: false,
      atRisk: true,
      status: { year: 2024, criteriaMet: 17, missing: ['2', '17'], setCode: 'NTM_XA_2021_2025' },
      helpers: [],
    });
    expect(row(banVuoc).reasons).toEqual([{ code: 'target_year_passed', targetYear: 2024, missing: 2 }, { code: 'no_helper' }]);
    // Tả Phời aims at the advanced level: its NTM summary does not count, the gap at that level is unknown.
    expect(row(taPhoi).status).toBeNull();
    expect(row(taPhoi).reasons.map((r: { code: string }) => r.code)).toEqual(['no_status', 'target_year_passed', 'no_helper']);
    expect(l.rule.factsAsOf).toBe('2024-12-31');
    expect(l.totals).toEqual({ communes: 2, met: 0, atRisk: 2, onTrack: 0 });

    await t.db.execute(sql`update commune_status set meets_standard = true, missing = '[]'::jsonb, criteria_met = 19 where unit_id = ${banVuoc}`);
    const again = (await office.get(`/api/target-lists/${list2024}?atRisk=false`)).json();
    expect(again.rows.map((r: { unit: { id: string }; met: boolean; reasons: unknown[] }) => [r.unit.id, r.met, r.reasons])).toEqual([[banVuoc, true, []]]);
  });

  it('adopt needs a document date; then communes are locked until the list is reopened with a reason', async () => {
    const missing = await office.post(`/api/target-lists/${list2024}/transitions`, { action: 'adopt', expectedVersion: version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.fields.map((f: { path: string }) => f.path)).toEqual(['documentDate']);
    const patched = await office.patch(`/api/target-lists/${list2024}`, { expectedVersion: version, documentDate: '2024-03-15' });
    expect(patched.statusCode, patched.body).toBe(200);
    version = patched.json().rowVersion;
    const adopted = await office.post(`/api/target-lists/${list2024}/transitions`, { action: 'adopt', expectedVersion: version });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({ status: 'adopted', abilities: { canEdit: false, canReopen: true, canAddToCycle: true } });
    version = adopted.json().rowVersion;
    const locked = await office.del(`/api/target-lists/${list2024}/communes/${taPhoi}?expectedVersion=${version}`);
    expect(locked.json().code).toBe('INVALID_TRANSITION');
    expect((await office.post(`/api/target-lists/${list2024}/transitions`, { action: 'reopen', expectedVersion: version })).statusCode).toBe(400);
    const reopened = await office.post(`/api/target-lists/${list2024}/transitions`, { action: 'reopen', expectedVersion: version, reason: 'Bổ sung xã' });
    expect(reopened.json().status).toBe('draft');
    version = reopened.json().rowVersion;
    const removed = await office.del(`/api/target-lists/${list2024}/communes/${taPhoi}?expectedVersion=${version}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().counts.total).toBe(1);
    const actions = await queryRows<{ action: string }>(t.db, sql`select action from audit_event where entity_id = ${list2024} order by seq`);
    expect(actions.map((a) => a.action)).toEqual([
      'targetList.create',
      'targetList.addCommunes',
      'targetList.update',
      'targetList.adopt',
      'targetList.reopen',
      'targetList.removeCommune',
    ]);
  });

  describe('a future year on the new communes', () => {
    let list = '';

    it('gap, helpers, visits and overdue obstacles each make a reason; all clear is on track', async () => {
      const created = await office.post('/api/target-lists', { provinceUnitId: province2025, year: nextYear, title: `Xã đạt chuẩn năm ${nextYear}` });
      list = created.json().id;
      const add = await office.post(`/api/target-lists/${list}/communes`, {
        expectedVersion: 1,
        items: [{ unitId: batXat, targetLevel: 'ntm' }, { unitId: hopThanh, targetLevel: 'ntm' }],
      });
      expect(add.statusCode, add.body).toBe(200);
      await status(batXat, nextYear - 1, ['6']);
      let rows = (await office.get(`/api/target-lists/${list}`)).json().rows as Array<{ unit: { id: string }; reasons: Array<{ code: string }>; atRisk: boolean }>;
      const bx = () => rows.find((r) => r.unit.id === batXat)!;
      expect(bx().reasons).toEqual([{ code: 'no_helper' }]);

      await admin.post('/api/assignments', { agencyId: khcn, unitIds: [batXat], validFrom: '2025-07-01', legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: '2025-06-30', leaderName: 'Lãnh đạo', team: [] });
      rows = (await office.get(`/api/target-lists/${list}`)).json().rows;
      expect(bx().reasons).toEqual([{ code: 'no_visit', days: 90, lastVisit: null, daysSinceVisit: null }]);

      const visit = await helper.post('/api/activities', { unitId: batXat, agencyId: khcn, kind: 'field_visit', date: today, participants: 'Tổ giúp đỡ', content: 'Kiểm tra tiến độ', followUps: [] });
      expect(visit.statusCode, visit.body).toBe(201);
      rows = (await office.get(`/api/target-lists/${list}`)).json().rows;
      expect(bx()).toMatchObject({ atRisk: false, reasons: [], lastVisit: today, helpers: [{ id: khcn }] });

      const ob = await officer.post('/api/obstacles', { unitId: batXat, title: 'Thiếu vốn', description: 'Thiếu vốn đối ứng', category: 'funding', criteria: ['6'], dueDate: addDays(today, 5) });
      expect(ob.statusCode, ob.body).toBe(201);
      await t.db.execute(sql`update obstacle set due_date = ${addDays(today, -3)}::date where id = ${ob.json().id}`);
      rows = (await office.get(`/api/target-lists/${list}`)).json().rows;
      expect(bx()).toMatchObject({ atRisk: true, openObstacles: 1, overdueObstacles: 1, reasons: [{ code: 'overdue_obstacles', count: 1, maxDaysOverdue: 3 }] });
      const filtered = (await office.get(`/api/target-lists/${list}?atRisk=true&q=bat xat`)).json();
      expect(filtered.rows.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([batXat]);
    });

    it('everyone reads in scope: a commune sees its own row only, another commune not at all', async () => {
      const mine = await officer.get(`/api/target-lists/${list}`);
      expect(mine.statusCode).toBe(200);
      expect(mine.json().rows.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([batXat]);
      expect(mine.json().abilities).toEqual({ canEdit: false, canAdopt: false, canReopen: false, canAddToCycle: false });
      const theirs = await otherOfficer.get(`/api/target-lists/${list}`);
      expect(theirs.json().rows.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([hopThanh]);
      const lonely = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [await t.unitId('02677', '2024-06-01')] });
      expect((await lonely.get(`/api/target-lists/${list}`)).statusCode).toBe(404);
      expect((await officer.post(`/api/target-lists/${list}/communes`, { expectedVersion: 2, items: [{ unitId: batXat, targetLevel: 'ntm' }] })).statusCode).toBe(403);
      const lists = (await officer.get(`/api/target-lists?year=${nextYear}`)).json();
      expect(lists.items.map((l: { id: string; counts: { total: number } }) => [l.id, l.counts.total])).toEqual([[list, 1]]);
    });

    it('targetProgress (for reports and dashboards) returns the same rows, and communesOfTargetList the list’s communes', async () => {
      const ctx = { actor: { id: 'x', login: 'x', name: 'x', roles: ['system_admin' as const], agencyId: null }, requestId: 't', ip: null };
      const rows = await targetProgress(t.db, ctx, { year: nextYear });
      expect(rows.map((r) => [r.unit.id, r.targetYear, r.atRisk])).toEqual(
        expect.arrayContaining([
          [batXat, nextYear, true],
          [hopThanh, nextYear, true],
        ]),
      );
      expect(rows.length).toBe(2);
      expect((await targetProgress(t.db, ctx, { year: nextYear, listId: list2024 })).length).toBe(0);
      expect((await communesOfTargetList(t.db, list)).map((c) => c.unitId).sort()).toEqual([batXat, hopThanh].sort());
    });
  });

  describe('the plan document', () => {
    const upload = async (unitId: string, name: string) => {
      const m = multipartFile(samples.pdf, name);
      const res = await office.post(`/api/files?unitId=${unitId}`, m.body, m.headers);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };

    it('is attached on creation and shown with its download link; a file of another unit is refused', async () => {
      const doc = await upload(province2025, 'ke-hoach-239-KH-BCD.pdf');
      const res = await office.post('/api/target-lists', { provinceUnitId: province2025, year: nextYear, title: 'Có văn bản', documentNo: '239/KH-BCĐ', fileId: doc.id });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ fileId: doc.id, file: { id: doc.id, originalName: 'ke-hoach-239-KH-BCD.pdf', mime: 'application/pdf', url: `/api/files/${doc.id}` } });
      const got = await office.get(res.json().file.url);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toContain('application/pdf');
      const communeDoc = await upload(batXat, 'cua-xa.pdf');
      const bad = await office.post('/api/target-lists', { provinceUnitId: province2025, year: nextYear, title: 'Sai tệp', fileId: communeDoc.id });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.fields).toEqual([{ path: 'fileId', message: expect.stringContaining('không thuộc tỉnh') }]);
      // A commune officer reads the list (its commune is in it) but not the province's document.
      const l = res.json();
      await office.post(`/api/target-lists/${l.id}/communes`, { expectedVersion: l.rowVersion, items: [{ unitId: batXat, targetLevel: 'ntm' }] });
      const seen = (await officer.get(`/api/target-lists/${l.id}`)).json();
      expect(seen).toMatchObject({ fileId: doc.id, file: null });
    });

    it('is replaced or removed only while the list is a draft', async () => {
      const first = await upload(province2025, 'ban-dau.pdf');
      const created = (await office.post('/api/target-lists', { provinceUnitId: province2025, year: nextYear, title: 'Đổi văn bản', documentNo: '240/KH-BCĐ', documentDate: '2025-03-01', fileId: first.id })).json();
      const second = await upload(province2025, 'da-ky.pdf');
      const replaced = await office.patch(`/api/target-lists/${created.id}`, { expectedVersion: created.rowVersion, fileId: second.id });
      expect(replaced.statusCode, replaced.body).toBe(200);
      expect(replaced.json().file).toMatchObject({ id: second.id, originalName: 'da-ky.pdf' });
      const added = await office.post(`/api/target-lists/${created.id}/communes`, { expectedVersion: replaced.json().rowVersion, items: [{ unitId: hopThanh, targetLevel: 'ntm' }] });
      const adopted = await office.post(`/api/target-lists/${created.id}/transitions`, { action: 'adopt', expectedVersion: added.json().rowVersion });
      expect(adopted.statusCode, adopted.body).toBe(200);
      const locked = await office.patch(`/api/target-lists/${created.id}`, { expectedVersion: adopted.json().rowVersion, fileId: null });
      expect(locked.json().code).toBe('INVALID_TRANSITION');
      expect((await office.get(`/api/target-lists/${created.id}`)).json().file.id).toBe(second.id);
      const reopened = await office.post(`/api/target-lists/${created.id}/transitions`, { action: 'reopen', expectedVersion: adopted.json().rowVersion, reason: 'Thay văn bản' });
      const removed = await office.patch(`/api/target-lists/${created.id}`, { expectedVersion: reopened.json().rowVersion, fileId: null });
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json()).toMatchObject({ fileId: null, file: null });
    });
  });
});
