/**
 * The reviewer's decision in one request (verdicts and returns together, all or nothing), the cycle's edit and close
 * (closed cycles are read-only), and the caller's notifications (unread count, mark all read).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentForm, IndicatorResult } from '../../contracts/assessments.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';

let t: TestContext;
let office: Client;
let officer: Client;
let district: Client;
let district2024 = '';
let banVuoc = '';
let banQua = '';
let cycleId = '';
let assessmentId = '';

const rowsOf = (f: AssessmentForm): Array<{ code: string; result: IndicatorResult }> => f.criteria.flatMap((c) => c.indicators);
const form = async (c: Client): Promise<AssessmentForm> => {
  const res = await c.get(`/api/assessments/${assessmentId}/form`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AssessmentForm;
};
const count = async (table: 'verdict' | 'return_round' | 'notification'): Promise<number> =>
  (await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;

beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.userClient({ roles: ['system_admin'] });
  const province2024 = await t.unitId('10', '2024-06-01');
  district2024 = await t.unitId('082', '2024-06-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  banQua = await t.unitId('02716', '2024-06-01');
  const setId = ((await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json() as { items: Array<{ id: string }> }).items[0]!.id;
  const agency = ((await admin.post('/api/agencies', { name: 'Văn phòng Điều phối (kiểm thử duyệt)', kind: 'coordination_office', unitId: province2024 })).json() as { id: string }).id;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province2024], agencyId: agency });
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [banVuoc] });
  district = await t.userClient({ roles: ['district_reviewer'], scopeUnitIds: [district2024] });
  const res = await office.post('/api/cycles', {
    setId,
    year: 2024,
    name: 'Đợt kiểm thử ghi ý kiến',
    deadlines: { submit: '2024-10-31', steps: { district: '2024-11-15' } },
    reviewChain: [
      { key: 'district', level: 'district', label: 'Huyện thẩm tra', routing: 'unit_parent' },
      { key: 'province', level: 'province', label: 'Tỉnh thẩm định', routing: 'agency', agencyId: agency },
    ],
    communes: { kind: 'units', withinUnitId: district2024, unitIds: [banVuoc] },
  });
  expect(res.statusCode, res.body).toBe(201);
  cycleId = res.json().id;
  assessmentId = (await officer.get(`/api/assessments?cycleId=${cycleId}`)).json().items[0].id;
  // the commune enters a few values and submits
  const f = await form(officer);
  for (const r of rowsOf(f).slice(0, 6)) {
    const s = await officer.put(`/api/assessments/${assessmentId}/results/${encodeURIComponent(r.code)}`, { value: typeof r.result.value === 'boolean' ? true : 1, baseVersion: r.result.version, opId: randomUUID() });
    if (s.statusCode !== 200) {
      // a yes/no or scale indicator: any accepted value will do
      await officer.put(`/api/assessments/${assessmentId}/results/${encodeURIComponent(r.code)}`, { value: true, baseVersion: r.result.version, opId: randomUUID() });
    }
  }
  const sub = await officer.post(`/api/assessments/${assessmentId}/submit`, { expectedVersion: (await form(officer)).assessment.version });
  expect(sub.statusCode, sub.body).toBe(200);
});
afterAll(() => t.close());

describe('POST /api/assessments/:id/review: verdicts and returns in one transaction', () => {
  it('writes nothing when one returned indicator is stale', async () => {
    const f = await form(district);
    const rows = rowsOf(f);
    const before = await dataFingerprint(t.db);
    const [nv, nr, nn] = [await count('verdict'), await count('return_round'), await count('notification')];
    const res = await district.post(`/api/assessments/${assessmentId}/review`, {
      expectedVersion: f.assessment.version,
      verdicts: rows.slice(2, 5).map((r) => ({ code: r.code, baseVersion: r.result.version, verdict: 'met', reason: 'Đã kiểm tra' })),
      returns: [
        { code: rows[0]!.code, baseVersion: rows[0]!.result.version, reason: 'Thiếu biên bản' },
        { code: rows[1]!.code, baseVersion: rows[1]!.result.version + 7, reason: 'Số liệu không khớp' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(res.json().details.code).toBe(rows[1]!.code);
    expect(await dataFingerprint(t.db)).toBe(before);
    expect([await count('verdict'), await count('return_round'), await count('notification')]).toEqual([nv, nr, nn]);
  });

  it('writes nothing when a changed verdict has no reason, or an indicator is both accepted and returned', async () => {
    const f = await form(district);
    const rows = rowsOf(f);
    const before = await dataFingerprint(t.db);
    const noReason = await district.post(`/api/assessments/${assessmentId}/review`, {
      expectedVersion: f.assessment.version,
      returns: [{ code: rows[0]!.code, baseVersion: rows[0]!.result.version, reason: 'Thiếu biên bản' }],
      verdicts: [{ code: rows[3]!.code, baseVersion: rows[3]!.result.version, verdict: 'not_applicable' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('VALIDATION');
    const both = await district.post(`/api/assessments/${assessmentId}/review`, {
      expectedVersion: f.assessment.version,
      returns: [{ code: rows[0]!.code, baseVersion: rows[0]!.result.version, reason: 'Thiếu biên bản' }],
      verdicts: [{ code: rows[0]!.code, baseVersion: rows[0]!.result.version, verdict: 'met', reason: 'Đạt' }],
    });
    expect(both.statusCode).toBe(400);
    const empty = await district.post(`/api/assessments/${assessmentId}/review`, { expectedVersion: f.assessment.version });
    expect(empty.statusCode).toBe(400);
    const stale = await district.post(`/api/assessments/${assessmentId}/review`, {
      expectedVersion: f.assessment.version - 1,
      verdicts: [{ code: rows[3]!.code, baseVersion: rows[3]!.result.version, verdict: 'met', reason: 'Đạt' }],
    });
    expect(stale.statusCode).toBe(409);
    // the commune cannot review its own form
    const own = await officer.post(`/api/assessments/${assessmentId}/review`, {
      expectedVersion: f.assessment.version,
      verdicts: [{ code: rows[3]!.code, baseVersion: rows[3]!.result.version, verdict: 'met', reason: 'Đạt' }],
    });
    expect(own.statusCode).toBe(403);
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('accepts some and returns two with reasons in one request, audited once', async () => {
    const f = await form(district);
    const rows = rowsOf(f);
    const [nv, nr] = [await count('verdict'), await count('return_round')];
    const res = await district.post(`/api/assessments/${assessmentId}/review`, {
      expectedVersion: f.assessment.version,
      verdicts: rows.slice(2, 5).map((r) => ({ code: r.code, baseVersion: r.result.version, verdict: 'met', reason: 'Đã kiểm tra thực tế' })),
      returns: [
        { code: rows[0]!.code, baseVersion: rows[0]!.result.version, reason: 'Thiếu biên bản nghiệm thu' },
        { code: rows[1]!.code, baseVersion: rows[1]!.result.version, reason: 'Số liệu không khớp báo cáo' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', currentStep: 0, version: f.assessment.version + 1, progress: { returned: 2 } });
    expect(await count('verdict')).toBe(nv + 3);
    expect(await count('return_round')).toBe(nr + 1);
    const after = rowsOf(await form(district));
    expect(after.filter((r) => r.result.state === 'returned').map((r) => r.code)).toEqual([rows[0]!.code, rows[1]!.code]);
    expect(after.filter((r) => r.result.state === 'reviewed').map((r) => r.code)).toEqual(rows.slice(2, 5).map((r) => r.code));
    const audit = await queryRows<{ after: { verdicts: unknown[]; returned: Array<{ code: string; reason: string }> } }>(
      t.db,
      sql`select after from audit_event where action = 'assessment.review' and entity_id = ${assessmentId}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.verdicts).toHaveLength(3);
    expect(audit[0]!.after.returned.map((i) => i.reason)).toEqual(['Thiếu biên bản nghiệm thu', 'Số liệu không khớp báo cáo']);
    const h = (await district.get(`/api/assessments/${assessmentId}/history`)).json();
    expect(h.rounds.at(-1).items.map((i: { code: string }) => i.code)).toEqual([rows[0]!.code, rows[1]!.code]);
  });
});

describe('notifications', () => {
  it('the commune officer has the return as an unread notification; mark all read touches only the caller', async () => {
    const list = (await officer.get('/api/notifications')).json();
    expect(list.unread).toBeGreaterThan(0);
    const returned = list.items.find((n: { kind: string }) => n.kind === 'assessment_returned');
    expect(returned).toMatchObject({ assessmentId, readAt: null });
    expect(returned.title).toContain('trả lại 2 chỉ tiêu');
    const othersUnread = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from notification where read_at is null and user_id <> ${officer.user.id}`);
    const res = await officer.post('/api/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().marked).toBe(list.unread);
    const again = (await officer.get('/api/notifications?unread=true')).json();
    expect(again).toMatchObject({ unread: 0, total: 0, items: [] });
    expect((await officer.post('/api/notifications/read-all')).json().marked).toBe(0);
    const stillUnread = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from notification where read_at is null and user_id <> ${officer.user.id}`);
    expect(stillUnread!.n).toBe(othersUnread!.n);
    const audit = await queryRows<{ after: { marked: number } }>(
      t.db,
      sql`select after from audit_event where action = 'notification.read_all' and entity_id = ${officer.user.id} order by seq`,
    );
    expect(audit.map((a) => a.after.marked)).toEqual([list.unread, 0]);
  });
});

describe('PATCH /api/cycles/:id: edit while open, close with a reason, read-only after', () => {
  const cycle = async () => (await office.get(`/api/cycles/${cycleId}`)).json();

  it('renames, moves deadlines, adds and takes out communes', async () => {
    const c0 = await cycle();
    expect(c0.abilities).toEqual({ canUpdate: true, canClose: true });
    const res = await office.patch(`/api/cycles/${cycleId}`, {
      expectedVersion: c0.version,
      name: 'Đợt kiểm thử ghi ý kiến (đã đổi tên)',
      deadlines: { submit: '2024-11-10', steps: { district: '2024-11-30' } },
      addUnitIds: [banQua],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Đợt kiểm thử ghi ý kiến (đã đổi tên)', deadlines: { submit: '2024-11-10' }, version: c0.version + 1, counts: { communes: 2 } });
    const added = (await office.get(`/api/assessments?cycleId=${cycleId}&unitId=${banQua}`)).json().items[0];
    expect(added).toMatchObject({ status: 'draft', progress: { indicators: rowsOf(await form(office)).length } });
    // a commune that already submitted cannot be taken out; nothing changes
    const before = await dataFingerprint(t.db);
    const busy = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: c0.version + 1, removeUnitIds: [banVuoc, banQua] });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('INVALID_TRANSITION');
    expect(busy.json().message).toContain('Xã Bản Vược');
    expect(await dataFingerprint(t.db)).toBe(before);
    // only communes of the cycle's area can be added (the district itself is not a commune)
    const notCommune = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: c0.version + 1, addUnitIds: [district2024] });
    expect(notCommune.statusCode).toBe(400);
    expect(notCommune.json().code).toBe('VALIDATION');
    expect(await dataFingerprint(t.db)).toBe(before);
    const removed = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: c0.version + 1, removeUnitIds: [banQua] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().counts.communes).toBe(1);
    // others cannot edit
    expect((await district.patch(`/api/cycles/${cycleId}`, { expectedVersion: removed.json().version, name: 'Đổi tên' })).statusCode).toBe(403);
  });

  it('closing needs a reason; a closed cycle is read-only for edits, saves and reviews', async () => {
    const c = await cycle();
    const noReason = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: c.version, status: 'closed' });
    expect(noReason.statusCode).toBe(400);
    const res = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: c.version, status: 'closed', closeReason: 'Kết thúc năm đánh giá 2024' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', closeReason: 'Kết thúc năm đánh giá 2024', abilities: { canUpdate: false, canClose: false } });
    expect(res.json().closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const audit = await queryRows<{ after: { closeReason: string; status: string } }>(t.db, sql`select after from audit_event where action = 'cycle.close' and entity_id = ${cycleId}`);
    expect(audit.map((a) => a.after)).toEqual([expect.objectContaining({ closeReason: 'Kết thúc năm đánh giá 2024', status: 'closed' })]);

    const before = await dataFingerprint(t.db);
    const rename = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: res.json().version, name: 'Mở lại?' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('INVALID_TRANSITION');
    const f = await form(district);
    expect(f.assessment.abilities).toMatchObject({ canReview: false, canReturn: false, canForward: false, canAppraise: false, canEdit: false, canSubmit: false });
    expect(rowsOf(f).some((r) => r.result.reviewable)).toBe(false);
    const reviewed = rowsOf(f).find((r) => r.result.state === 'reviewed')!;
    const review = await district.post(`/api/assessments/${assessmentId}/review`, {
      expectedVersion: f.assessment.version,
      verdicts: [{ code: reviewed.code, baseVersion: reviewed.result.version, verdict: 'met', reason: 'Đạt' }],
    });
    expect(review.statusCode).toBe(409);
    expect(review.json().code).toBe('INVALID_TRANSITION');
    const returned = rowsOf(await form(officer)).find((r) => r.result.state === 'returned')!;
    expect(returned.result.editable).toBe(false);
    const save = await officer.put(`/api/assessments/${assessmentId}/results/${encodeURIComponent(returned.code)}`, { value: 5, baseVersion: returned.result.version, opId: randomUUID() });
    expect(save.json().code).toBe('INVALID_TRANSITION');
    expect(await dataFingerprint(t.db)).toBe(before);
  });
});

describe('maintenance review of merged communes', () => {
  type Row = { unit: { id: string }; basis: string; needsDecision: boolean; recognition: { level: string; viaPredecessor: boolean }; predecessors: { total: number; recognised: number; recognitions: Array<{ unit: { id: string }; level: string; year: number }> } | null; risk: string };
  const rowOf = async (c: Client, unitId: string, year: number): Promise<Row | undefined> =>
    ((await c.get(`/api/maintenance?year=${year}&limit=500`)).json().items as Row[]).find((r) => r.unit.id === unitId);

  it("lists a 2025 commune formed from a recognised commune, with the predecessors' recognitions as its labelled basis, until it has its own decision", async () => {
    const admin = await t.userClient({ roles: ['system_admin'] });
    const batXat2025 = await t.unitId('02683', '2025-07-01');
    expect(await rowOf(admin, batXat2025, 2025)).toBeUndefined();

    const rec = await admin.post(`/api/communes/${banVuoc}/recognitions`, { kind: 'recognition', level: 'advanced', year: 2019, decisionNo: '77/QĐ-UBND' });
    expect(rec.statusCode, rec.body).toBe(201);
    const recId = rec.json().items.find((r: { unit: { id: string } }) => r.unit.id === banVuoc).id;
    const row = await rowOf(admin, batXat2025, 2025);
    expect(row).toMatchObject({ basis: 'predecessors', needsDecision: true, risk: 'no_assessment', recognition: { level: 'advanced', viaPredecessor: true } });
    expect(row!.predecessors).toMatchObject({ recognised: 1, recognitions: [{ unit: { id: banVuoc }, level: 'advanced', year: 2019 }] });
    expect(row!.predecessors!.total).toBe(5);
    // the old commune itself is reviewed in its own years, not after the merger
    expect(await rowOf(admin, banVuoc, 2024)).toMatchObject({ basis: 'own', needsDecision: false, predecessors: null });
    expect(await rowOf(admin, banVuoc, 2025)).toBeUndefined();
    // a merged commune needing a decision comes before the others of its risk level
    const items = (await admin.get('/api/maintenance?year=2025&limit=500')).json().items as Array<Row & { riskScore: number }>;
    const scores = items.map((i) => i.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // a second recognised predecessor at a lower level: the merged commune is held to the lowest level
    expect((await admin.post(`/api/communes/${banQua}/recognitions`, { kind: 'recognition', level: 'ntm', year: 2020 })).statusCode).toBe(201);
    expect(await rowOf(admin, batXat2025, 2025)).toMatchObject({ recognition: { level: 'ntm', viaPredecessor: true }, predecessors: { recognised: 2 } });

    // revoked predecessors' recognitions are no basis
    const quaRec = (await admin.get(`/api/communes/${banQua}/recognitions`)).json().items[0].id;
    expect((await admin.post(`/api/communes/${banQua}/recognitions`, { kind: 'revocation', level: 'ntm', year: 2023, revokesId: quaRec })).statusCode).toBe(201);
    expect((await admin.post(`/api/communes/${banVuoc}/recognitions`, { kind: 'revocation', level: 'advanced', year: 2023, revokesId: recId })).statusCode).toBe(201);
    expect(await rowOf(admin, batXat2025, 2025)).toBeUndefined();

    // its own decision makes it an ordinary row
    expect((await admin.post(`/api/communes/${batXat2025}/recognitions`, { kind: 'recognition', level: 'ntm', year: 2025, decisionNo: '9/QĐ-UBND' })).statusCode).toBe(201);
    expect(await rowOf(admin, batXat2025, 2025)).toMatchObject({ basis: 'own', needsDecision: false, predecessors: null, recognition: { viaPredecessor: false } });
  });
});
