import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentForm, IndicatorResult } from '../../contracts/assessments.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { createTestContext, type Client, type TestContext } from '../../test/app.js';
import { jpegWithExif } from '../../test/jpeg.js';
import { multipartFile } from '../../test/multipart.js';
import * as criteriaRepo from '../criteria/criteria.repo.js';

let t: TestContext;
let dataDir = '';
let admin: Client;
let office: Client;
let officer: Client;
let district: Client;
let setId = '';
let officeAgency = '';
let district2024 = '';
let banVuoc = '';
let cycleId = '';
let assessmentId = '';

type Form = AssessmentForm;
const rowsOf = (f: Form): Array<{ code: string; kind: string; scale?: string[]; result: IndicatorResult }> => f.criteria.flatMap((c) => c.indicators);

/** A value that meets the indicator's target (or a plausible one when no target is known). */
function goodValue(i: { kind: string; scale?: string[]; result: IndicatorResult }): number | boolean | string {
  const target = i.result.evaluation.target;
  if (i.kind === 'boolean') return typeof target === 'boolean' ? target : true;
  if (i.kind === 'verdict') return typeof target === 'string' ? target : (i.scale?.at(-1) ?? 'Đạt');
  if (typeof target === 'number') return i.kind.endsWith('_max') ? target : target;
  return i.kind.startsWith('percent') ? 90 : 10;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-assess-'));
  t = await createTestContext({ MTQG_DATA_DIR: dataDir });
  admin = await t.userClient({ roles: ['system_admin'] });
  const province2024 = await t.unitId('10', '2024-06-01');
  district2024 = await t.unitId('082', '2024-06-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  setId = ((await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json() as { items: Array<{ id: string }> }).items[0]!.id;
  officeAgency = ((await admin.post('/api/agencies', { name: 'Văn phòng Điều phối (kiểm thử)', kind: 'coordination_office', unitId: province2024 })).json() as { id: string }).id;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province2024], agencyId: officeAgency });
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [banVuoc] });
  district = await t.userClient({ roles: ['district_reviewer'], scopeUnitIds: [district2024] });
  const res = await office.post('/api/cycles', {
    setId,
    year: 2024,
    name: 'Đánh giá 2024 (kiểm thử)',
    deadlines: { submit: '2024-10-31', steps: { district: '2024-11-15', province: '2024-12-15' } },
    reviewChain: [
      { key: 'district', level: 'district', label: 'Huyện thẩm tra', routing: 'unit_parent' },
      { key: 'province', level: 'province', label: 'Tỉnh thẩm định', routing: 'agency', agencyId: officeAgency },
    ],
    communes: { kind: 'units', withinUnitId: district2024, unitIds: [banVuoc] },
  });
  expect(res.statusCode, res.body).toBe(201);
  cycleId = res.json().id;
  expect(res.json().counts.communes).toBe(1);
  const list = (await officer.get(`/api/assessments?cycleId=${cycleId}`)).json();
  assessmentId = list.items[0].id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const form = async (c: Client = officer): Promise<Form> => {
  const res = await c.get(`/api/assessments/${assessmentId}/form`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Form;
};
const save = (code: string, value: unknown, baseVersion: number, opId = randomUUID(), c: Client = officer) =>
  c.put(`/api/assessments/${assessmentId}/results/${encodeURIComponent(code)}`, { value, baseVersion, opId, note: 'Theo báo cáo của thôn' });

describe('the full assessment flow over HTTP', () => {
  let returned: string[] = [];

  it('the officer fills the form (live status from the engine), conflicts and replays are handled', async () => {
    const f = await form();
    expect(f.assessment.abilities.canEdit).toBe(true);
    expect(f.assessment.abilities.canSubmit).toBe(true);
    const rows = rowsOf(f);
    expect(rows.length).toBe(f.assessment.progress.indicators);
    expect(rows.length).toBeGreaterThan(50);
    const first = rows.find((r) => r.kind !== 'boolean' && typeof r.result.evaluation.target === 'number')!;
    // live status: a value below a min target is not met, at the target it is met
    const low = await save(first.code, 0, 1);
    expect(low.statusCode, low.body).toBe(200);
    expect(low.json().result.version).toBe(2);
    const opId = randomUUID();
    const ok = await save(first.code, goodValue(first), 2, opId);
    expect(ok.json().result.evaluation.status).toBe('met');
    // replaying the same operation is harmless: stored row, no double apply, no conflict
    const replay = await save(first.code, goodValue(first), 2, opId);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().replayed).toBe(true);
    expect(replay.json().result.version).toBe(3);
    // a stale base version is refused with the current row
    const stale = await save(first.code, 1, 2);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect(stale.json().message).toContain('vừa được người khác sửa');
    expect(stale.json().details.current.version).toBe(3);
    expect(stale.json().details.current.value).toEqual(goodValue(first));
    // fill the rest
    for (const r of rows.filter((x) => x.code !== first.code)) {
      const res = await save(r.code, goodValue(r), r.result.version);
      expect(res.statusCode, `${r.code} ${res.body}`).toBe(200);
    }
    const after = await form();
    expect(rowsOf(after).every((r) => r.result.value !== null)).toBe(true);
    expect(after.assessment.progress.filled).toBe(rows.length);
  });

  it('concurrent saves on one row: exactly one wins, the other gets a conflict', async () => {
    const r = rowsOf(await form())[3]!;
    const [a, b] = await Promise.all([save(r.code, goodValue(r), r.result.version), save(r.code, goodValue(r), r.result.version)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const now = rowsOf(await form()).find((x) => x.code === r.code)!;
    expect(now.result.version).toBe(r.result.version + 1);
  });

  it('attaches a photo with its EXIF date and GPS', async () => {
    const up = multipartFile(jpegWithExif({ takenAt: '2024:09:12 08:15:00', lat: 22.6, lon: 103.75 }), 'duong-thon.jpg');
    const file = await officer.post(`/api/files?unitId=${banVuoc}`, up.body, up.headers);
    expect(file.statusCode, file.body).toBe(201);
    const code = rowsOf(await form())[0]!.code;
    const res = await officer.post(`/api/assessments/${assessmentId}/results/${code}/evidence`, { fileId: file.json().id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().evidence[0].exif).toEqual({ takenAt: '2024-09-12T08:15:00', gps: { lat: 22.6, lon: 103.75 } });
    expect(res.json().evidence[0].mime).toBe('image/jpeg');
  });

  it('a save answers the row and summary exactly as the form then shows them (evidence, author, version)', async () => {
    const r = rowsOf(await form())[0]!; // the row with the photo
    const saved = await save(r.code, goodValue(r), r.result.version);
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await form();
    const shown = rowsOf(after).find((x) => x.code === r.code)!;
    expect(saved.json().result.version).toBe(r.result.version + 1);
    expect(saved.json().result.evidence.length).toBe(1);
    expect(saved.json().result).toEqual(shown.result);
    expect(saved.json().summary).toEqual(after.summary);
    // the same save under an Idempotency-Key (the statement then runs inside the key's transaction), and its retry
    const body = { value: goodValue(r), baseVersion: shown.result.version, opId: randomUUID(), note: 'Theo báo cáo của thôn' };
    const url = `/api/assessments/${assessmentId}/results/${encodeURIComponent(r.code)}`;
    const keyed = await officer.put(url, body, { 'idempotency-key': 'autosave-key-0001' });
    expect(keyed.statusCode, keyed.body).toBe(200);
    expect(keyed.json().result.version).toBe(shown.result.version + 1);
    const retried = await officer.put(url, body, { 'idempotency-key': 'autosave-key-0001' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().result.version).toBe(shown.result.version + 1);
  });

  it('the officer submits; the district reviewer returns two indicators with reasons', async () => {
    const f = await form();
    const sub = await officer.post(`/api/assessments/${assessmentId}/submit`, { expectedVersion: f.assessment.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'in_review', currentStep: 0 });
    // nothing is editable any more
    const r0 = rowsOf(await form())[0]!;
    const refused = await save(r0.code, goodValue(r0), r0.result.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INVALID_TRANSITION');
    // the district reviewer has it in the inbox
    const inbox = (await district.get('/api/inbox')).json();
    expect(inbox.items.some((i: { type: string; kind: string; assessmentId: string }) => i.type === 'assessment' && i.kind === 'review_pending' && i.assessmentId === assessmentId)).toBe(true);
    const df = await form(district);
    expect(df.assessment.abilities.canReview).toBe(true);
    const rows = rowsOf(df);
    returned = [rows[1]!.code, rows[5]!.code];
    const ret = await district.post(`/api/assessments/${assessmentId}/returns`, {
      expectedVersion: df.assessment.version,
      items: [
        { code: returned[0], baseVersion: rows[1]!.result.version, reason: 'Thiếu biên bản nghiệm thu' },
        { code: returned[1], baseVersion: rows[5]!.result.version, reason: 'Số liệu không khớp báo cáo huyện' },
      ],
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', currentStep: 0, progress: { returned: 2 } });
    // the remaining indicators can be reviewed meanwhile; forward is refused while two are back at the commune
    const verdicts = rowsOf(await form(district))
      .filter((r) => !returned.includes(r.code))
      .map((r) => ({ code: r.code, baseVersion: r.result.version, verdict: ['met', 'not_met', 'not_applicable'].includes(r.result.evaluation.status) ? 'accept' : 'met', reason: 'Đã kiểm tra hồ sơ' }));
    const v = await district.post(`/api/assessments/${assessmentId}/verdicts`, { items: verdicts });
    expect(v.statusCode, v.body).toBe(200);
    const fwd = await district.post(`/api/assessments/${assessmentId}/forward`, { expectedVersion: v.json().version });
    expect(fwd.statusCode).toBe(409);
    expect(fwd.json().code).toBe('INVALID_TRANSITION');
    expect(fwd.json().message).toContain('2 chỉ tiêu đang trả lại');
  });

  it('the officer fixes only what was returned and resubmits', async () => {
    const inbox = (await officer.get('/api/inbox')).json();
    expect(inbox.items.find((i: { assessmentId?: string }) => i.assessmentId === assessmentId)).toMatchObject({ kind: 'indicators_returned', count: 2 });
    const rows = rowsOf(await form());
    const r = rows.find((x) => x.code === returned[0])!;
    expect(r.result.state).toBe('returned');
    expect(r.result.returnReason).toBe('Thiếu biên bản nghiệm thu');
    expect(r.result.editable).toBe(true);
    const other = rows.find((x) => !returned.includes(x.code))!;
    expect(other.result.editable).toBe(false);
    const refused = await save(other.code, goodValue(other), other.result.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INVALID_TRANSITION');
    for (const code of returned) {
      const x = rows.find((y) => y.code === code)!;
      expect((await save(code, goodValue(x), x.result.version)).statusCode).toBe(200);
    }
    const f = await form();
    const sub = await officer.post(`/api/assessments/${assessmentId}/submit`, { expectedVersion: f.assessment.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'in_review', currentStep: 0, round: 2 });
  });

  it('the district forwards, the province appraises: locked, status and maintenance list change', async () => {
    // recognised commune (NTM 2015): listed in the maintenance review, without an appraised assessment yet
    const rec = await office.post(`/api/communes/${banVuoc}/recognitions`, { kind: 'recognition', level: 'ntm', year: 2015, sourceNote: 'Danh sách tham chiếu (kiểm thử)' });
    expect(rec.statusCode, rec.body).toBe(201);
    const before = (await office.get('/api/maintenance?year=2024')).json();
    expect(before.items.find((i: { unit: { id: string } }) => i.unit.id === banVuoc)).toMatchObject({ risk: 'no_assessment', assessment: null });

    const rows = rowsOf(await form(district)).filter((r) => returned.includes(r.code));
    const v = await district.post(`/api/assessments/${assessmentId}/verdicts`, {
      items: rows.map((r) => ({ code: r.code, baseVersion: r.result.version, verdict: ['met', 'not_met', 'not_applicable'].includes(r.result.evaluation.status) ? 'accept' : 'met', reason: 'Đã bổ sung' })),
    });
    expect(v.statusCode, v.body).toBe(200);
    const fwd = await district.post(`/api/assessments/${assessmentId}/forward`, { expectedVersion: v.json().version });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json()).toMatchObject({ status: 'in_review', currentStep: 1 });
    expect((await district.post(`/api/assessments/${assessmentId}/verdicts`, { items: [{ code: rows[0]!.code, baseVersion: 1, verdict: 'met', reason: 'x' }] })).statusCode).toBe(403);

    // the province changes one verdict with a reason, accepts the rest, and appraises
    const pf = await form(office);
    const all = rowsOf(pf);
    const changed = all[2]!;
    const items = all.map((r) => (r.code === changed.code ? { code: r.code, baseVersion: r.result.version, verdict: 'not_met', reason: 'Kiểm tra thực tế chưa đạt' } : { code: r.code, baseVersion: r.result.version, verdict: 'accept' }));
    const pv = await office.post(`/api/assessments/${assessmentId}/verdicts`, { items });
    expect(pv.statusCode, pv.body).toBe(200);
    const noReason = await office.post(`/api/assessments/${assessmentId}/verdicts`, { items: [{ code: all[4]!.code, baseVersion: all[4]!.result.version + 1, verdict: 'not_met' }] });
    expect(noReason.statusCode).toBe(400);
    const ap = await office.post(`/api/assessments/${assessmentId}/appraise`, { expectedVersion: pv.json().version });
    expect(ap.statusCode, ap.body).toBe(200);
    expect(ap.json()).toMatchObject({ status: 'appraised', locked: true });

    const status = await queryOne<{ basis: string; meets_standard: boolean; criteria_met: number; missing: unknown }>(
      t.db,
      sql`select basis, meets_standard, criteria_met, missing from commune_status where unit_id = ${banVuoc} and year = 2024`,
    );
    expect(status?.basis).toBe('appraised');
    const profile = (await office.get(`/api/communes/${banVuoc}/profile?year=2024`)).json();
    expect(profile.status.basis).toBe('appraised');
    expect(profile.level).toBe('ntm');
    const crit = profile.criteria.find((c: { indicators: Array<{ code: string }> }) => c.indicators.some((i) => i.code === changed.code));
    expect(crit.status).toBe('not_met');
    expect(profile.status.missing).toContain(crit.number);
    expect(crit.indicators.find((i: { code: string }) => i.code === changed.code)).toMatchObject({ finalStatus: 'not_met', verdicts: { province: 'not_met' } });

    const after = (await office.get('/api/maintenance?year=2024')).json();
    const row = after.items.find((i: { unit: { id: string } }) => i.unit.id === banVuoc);
    expect(row.assessment).toMatchObject({ id: assessmentId, year: 2024 });
    expect(row.criteriaLost).toContain(crit.number);
    expect(row.risk).not.toBe('no_assessment');
    expect(row.revocation).not.toBeNull();

    // locked: nothing can be saved or reviewed
    const r0 = rowsOf(await form())[0]!;
    expect((await save(r0.code, goodValue(r0), r0.result.version)).json().code).toBe('INVALID_TRANSITION');
    // history keeps every round
    const h = (await office.get(`/api/assessments/${assessmentId}/history`)).json();
    expect(h.rounds).toHaveLength(1);
    expect(h.rounds[0].items.map((i: { code: string }) => i.code)).toEqual(returned);
    expect(h.events.filter((e: { kind: string }) => e.kind === 'submit')).toHaveLength(2);
  });

  it('reopening needs the steering office and a reason, is audited, and opens only that indicator', async () => {
    const f = await form(office);
    const code = rowsOf(f)[2]!.code;
    const byDistrict = await district.post(`/api/assessments/${assessmentId}/reopen`, { expectedVersion: f.assessment.version, codes: [code], reason: 'Sai số liệu' });
    expect(byDistrict.statusCode).toBe(403);
    const noReason = await office.post(`/api/assessments/${assessmentId}/reopen`, { expectedVersion: f.assessment.version, codes: [code], reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await office.post(`/api/assessments/${assessmentId}/reopen`, { expectedVersion: f.assessment.version, codes: [code], reason: 'Phát hiện sai số liệu khi kiểm tra sau' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reopened', locked: false });
    const audit = await queryRows<{ after: { reason: string } }>(t.db, sql`select after from audit_event where action = 'assessment.reopen' and entity_id = ${assessmentId}`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.reason).toBe('Phát hiện sai số liệu khi kiểm tra sau');
    const rows = rowsOf(await form());
    expect(rows.filter((r) => r.result.editable).map((r) => r.code)).toEqual([code]);
    // a stale assessment version is refused
    const stale = await office.post(`/api/assessments/${assessmentId}/reopen`, { expectedVersion: f.assessment.version, codes: [], reason: 'Lần nữa' });
    expect(stale.statusCode).toBe(409);
  });

  it("a merged commune's recognition history shows its predecessors' decisions, and a new decision can be recorded", async () => {
    const batXat2025 = await t.unitId('02683', '2025-07-01');
    const office2025 = await t.userClient({ roles: ['province_office'], scopeUnitIds: [(await admin.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id] });
    const list = (await office2025.get(`/api/communes/${batXat2025}/recognitions`)).json();
    expect(list.items.find((r: { unit: { id: string } }) => r.unit.id === banVuoc)).toMatchObject({ viaPredecessor: true, level: 'ntm', year: 2015 });
    const created = await office2025.post(`/api/communes/${batXat2025}/recognitions`, { kind: 'recognition', level: 'ntm', year: 2025, decisionNo: '123/QĐ-UBND', decisionDate: '2025-12-20', signer: 'Chủ tịch UBND tỉnh' });
    expect(created.statusCode, created.body).toBe(201);
    const own = created.json().items.filter((r: { viaPredecessor: boolean }) => !r.viaPredecessor);
    expect(own).toHaveLength(1);
    expect((await officer.post(`/api/communes/${banVuoc}/recognitions`, { kind: 'recognition', level: 'ntm', year: 2024 })).statusCode).toBe(403);
    const profile = (await office2025.get(`/api/communes/${batXat2025}/profile?year=2025`)).json();
    expect(profile.history.some((h: { viaPredecessor: boolean; unit: { id: string } }) => h.viaPredecessor && h.unit.id === banVuoc)).toBe(true);
  });
});

describe('form budget', () => {
  it('a 60-indicator form with values and notes is at most 10 KB gzip', async () => {
    const national = (await criteriaRepo.findLatestNational(t.db, 'NTM_XA_2021_2025'))!.definition;
    const count = national.criteria.reduce((n, c) => n + c.indicators.length, 0);
    const extra = Array.from({ length: 60 - count }, (_, k) => ({ ...national.criteria[0]!.indicators[0]!, code: `KT.${k + 1}` }));
    const def = { ...national, code: 'NTM_KIEM_THU_60', criteria: [...national.criteria, { ...national.criteria[0]!, number: '20', code: 'TC20', name: 'Tiêu chí kiểm thử', indicators: extra }] };
    const id = await criteriaRepo.insertSet(t.db, { code: def.code, name: 'Bộ 60 chỉ tiêu (kiểm thử)', level: 'ntm', legalBasis: 'Kiểm thử', validFrom: def.validFrom, validTo: def.validTo, version: 1, parentSetId: null, provinceUnitId: null, status: 'published', isDemo: false, definition: def, createdBy: null });
    const created = await office.post('/api/cycles', {
      setId: id,
      year: 2024,
      name: 'Kiểm thử kích thước',
      deadlines: { submit: '2024-10-31', steps: {} },
      reviewChain: [{ key: 'district', level: 'district', label: 'Huyện thẩm tra', routing: 'unit_parent' }],
      communes: { kind: 'units', withinUnitId: district2024, unitIds: [banVuoc] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const aid = (await officer.get(`/api/assessments?cycleId=${created.json().id}`)).json().items[0].id;
    const f = (await officer.get(`/api/assessments/${aid}/form`)).json() as Form;
    expect(rowsOf(f)).toHaveLength(60);
    for (const r of rowsOf(f)) {
      await officer.put(`/api/assessments/${aid}/results/${r.code}`, { value: goodValue(r), baseVersion: r.result.version, opId: randomUUID(), note: 'Số liệu theo báo cáo thống kê của xã năm 2024' });
    }
    const res = await officer.get(`/api/assessments/${aid}/form`);
    const gz = gzipSync(res.body).length;
    expect(gz).toBeLessThanOrEqual(10 * 1024);
  });
});
