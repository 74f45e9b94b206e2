import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../contracts/audit.js';
import type { DiffResponse, EvaluationResponse, IndicatorResultDto, SetDetail, SetSummary } from '../../contracts/criteria.js';
import { DEMO_SOURCE } from '../../contracts/criteria.js';
import { systemCtx } from '../../platform/context.js';
import { seedCriteria, seedCriteriaDemo, DEMO_SET_NAME } from '../../seed/criteria.js';
import { removeDemo } from '../../seed/demo.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { effectiveAttributes } from '../units/units.repo.js';

let t: TestContext;
let admin: Client;
/** Steering office of the former Lào Cai province (2024). */
let office: Client;
/** Steering office of the former Yên Bái province: another province. */
let officeYB: Client;
let viewer: Client;
let laoCai: string;
let yenBai: string;
let banVuoc: string; // a 2024 commune of Lào Cai
let national: SetSummary;

const source = { document: 'QĐ 318/QĐ-TTg ngày 08/3/2022', article: 'Phụ lục I, tiêu chí 2', page: '3' };

beforeAll(async () => {
  t = await createTestContext();
  laoCai = await t.unitId('10', '2024-06-01');
  yenBai = await t.unitId('15', '2024-06-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  admin = await t.userClient({ roles: ['system_admin'] });
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [laoCai] });
  officeYB = await t.userClient({ roles: ['province_office'], scopeUnitIds: [yenBai] });
  viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [laoCai] });
  const list = (await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json() as { items: SetSummary[] };
  national = list.items[0]!;
});
afterAll(() => t.close());

async function getSet(c: Client, id: string): Promise<SetDetail> {
  const res = await c.get(`/api/criteria/sets/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function evaluate(c: Client, setId: string, body: object): Promise<EvaluationResponse> {
  const res = await c.post(`/api/criteria/sets/${setId}/evaluate`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const indicatorOf = (ev: EvaluationResponse, code: string): IndicatorResultDto =>
  ev.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
const detailIndicator = (s: SetDetail, code: string) => s.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;

async function cloneVariant(c: Client, setId: string, provinceUnitId: string, extra: object = {}): Promise<SetDetail> {
  const res = await c.post(`/api/criteria/sets/${setId}/clone`, { kind: 'variant', provinceUnitId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('national sets', () => {
  it('are loaded once from the reference files, published, with sources and verification flags', async () => {
    expect(await seedCriteria(t.db, systemCtx())).toBe(false);
    const res = await viewer.get('/api/criteria/sets?kind=national');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: SetSummary[]; total: number };
    expect(total).toBe(4);
    expect(items.map((s) => s.code).sort()).toEqual(['NTM_XA_2021_2025', 'NTM_XA_2026_2030', 'NTM_XA_KIEU_MAU_2021_2025', 'NTM_XA_NANG_CAO_2021_2025']);
    expect(items.every((s) => s.status === 'published' && s.isNational && s.version === 1 && !s.isDemo && s.publishedAt !== null)).toBe(true);
    expect(national).toMatchObject({ level: 'ntm', validFrom: '2022-03-08', province: null });
    // 58 indicators (57 source rows + 5-L1); 15 carry targets, the other 43 have none.
    expect(national.stats).toMatchObject({ criteria: 19, indicators: 58, indicatorsWithoutTarget: 43, unverifiedTargets: 0, demoTargets: 0 });
    expect(items.find((s) => s.code === 'NTM_XA_2026_2030')!.stats).toMatchObject({ criteria: 10, indicators: 0 });
  });

  it('shows every target with its source and state, and "chưa có chỉ tiêu" where the law as loaded gives none', async () => {
    const s = await getSet(viewer, national.id);
    expect(s.criteria).toHaveLength(19);
    expect(s.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    const i31 = detailIndicator(s, '3.1');
    expect(i31).toMatchObject({ kind: 'percent_min', unit: '%', state: 'verified', notice: null });
    expect(i31.targets).toHaveLength(1);
    expect(i31.targets[0]).toMatchObject({ match: {}, matchText: 'mức chung', value: 80, valueText: '80%', verified: true, demo: false, state: 'verified', notice: null });
    expect(i31.targets[0]!.source).toContain('dantocmiennui');
    const i11 = detailIndicator(s, '1.1');
    expect(i11).toMatchObject({ targets: [], state: 'none', notice: 'chưa có chỉ tiêu' });
    const i5 = detailIndicator(s, '5');
    expect(i5.targets.map((x) => x.matchText)).toContain('vùng TDMNPB');
    expect(detailIndicator(s, '5-L1').applicability?.attributes).toEqual(['region']);
    expect(s.recognitionRules.some((r) => r.kind === 'revocation')).toBe(true);
    expect(s.abilities).toEqual({ canEdit: false, canPublish: false, canClone: false, canConfirmTarget: false });
    expect((await getSet(office, national.id)).abilities).toEqual({ canEdit: false, canPublish: false, canClone: true, canConfirmTarget: false });
  });

  it('refuses anonymous callers, and answers 404 for an unknown set and 400 for a malformed id', async () => {
    expect((await t.anon.get('/api/criteria/sets')).statusCode).toBe(401);
    expect((await t.anon.get(`/api/criteria/sets/${national.id}`)).json().code).toBe('UNAUTHENTICATED');
    const missing = await viewer.get('/api/criteria/sets/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    expect((await viewer.get('/api/criteria/sets/not-an-id')).statusCode).toBe(400);
  });

  it('are changed only by a system administrator, through a new national version', async () => {
    const before = await dataFingerprint(t.db);
    const byOffice = await office.post(`/api/criteria/sets/${national.id}/clone`, { kind: 'version' });
    expect(byOffice.statusCode).toBe(403);
    expect(byOffice.json().message).toContain('biến thể cấp tỉnh');
    const onPublished = await office.post(`/api/criteria/sets/${national.id}/indicators/1.1/targets`, {
      expectedVersion: 1, match: {}, value: true, source, verified: false,
    });
    expect(onPublished.statusCode).toBe(403);
    expect(await dataFingerprint(t.db)).toBe(before);

    const v2 = await admin.post(`/api/criteria/sets/${national.id}/clone`, { kind: 'version' });
    expect(v2.statusCode, v2.body).toBe(201);
    const draft = v2.json() as SetDetail;
    expect(draft).toMatchObject({ code: 'NTM_XA_2021_2025', version: 2, status: 'draft', isNational: true, parent: { id: national.id, version: 1 } });
    expect(draft.abilities.canEdit).toBe(true);
    expect((await getSet(office, draft.id)).abilities.canEdit).toBe(false);
    const officeEdit = await office.patch(`/api/criteria/sets/${draft.id}`, { expectedVersion: 1, name: 'Đổi tên' });
    expect(officeEdit.statusCode).toBe(403);
    const adminEdit = await admin.patch(`/api/criteria/sets/${draft.id}`, { expectedVersion: 1, legalBasis: 'QĐ 318/QĐ-TTg (bản nháp kiểm thử)' });
    expect(adminEdit.statusCode, adminEdit.body).toBe(200);
    expect(adminEdit.json()).toMatchObject({ legalBasis: 'QĐ 318/QĐ-TTg (bản nháp kiểm thử)', rowVersion: 2 });
    // The published version is untouched.
    expect((await getSet(viewer, national.id)).legalBasis).toBe(national.legalBasis);
  });
});

describe('evaluation of a commune-year', () => {
  it('uses the region inherited from the province; an indicator without a verified target is target_unknown', async () => {
    const ev = await evaluate(viewer, national.id, {
      unitId: banVuoc,
      year: 2024,
      values: { '1.1': true, '3.1': 85, '5': 100, '9.1': false, 'X.9': 1 },
    });
    expect(ev).toMatchObject({ year: 2024, asOf: '2024-12-31', unit: { id: banVuoc, name: 'Xã Bản Vược' }, set: { code: 'NTM_XA_2021_2025', version: 1 } });
    expect(ev.attributes.find((a) => a.key === 'region')).toMatchObject({ value: 'TDMNPB', inherited: true, fromUnitName: 'Tỉnh Lào Cai' });
    expect(indicatorOf(ev, '1.1')).toMatchObject({ status: 'target_unknown', target: null, targetState: 'none', targetNotice: 'chưa có chỉ tiêu', verified: false });
    expect(indicatorOf(ev, '1.1').why).toContain('Chưa có mức chỉ tiêu');
    const i31 = indicatorOf(ev, '3.1');
    expect(i31).toMatchObject({ status: 'met', value: 85, target: 80, targetText: '80%', reason: { by: 'default' }, verified: true, targetState: 'verified', targetNotice: null });
    expect(i31.targetSource).toContain('dantocmiennui');
    expect(i31.why).toMatch(/^Đạt: 85% ≥ 80%/);
    expect(indicatorOf(ev, '5')).toMatchObject({ status: 'met', reason: { by: 'region', region: 'TDMNPB' }, matchedRule: { keys: ['region'] } });
    expect(indicatorOf(ev, '9.1')).toMatchObject({ status: 'met', target: false });
    expect(indicatorOf(ev, '5-L1')).toMatchObject({ status: 'missing_value', cause: { code: 'attribute_missing', of: 'target', attrs: ['schoolsOver3'] }, targetState: null });
    expect(indicatorOf(ev, '2.1')).toMatchObject({ status: 'target_unknown' });
    expect(ev.criteria.find((c) => c.number === '1')).toMatchObject({ status: 'undetermined', met: false });
    expect(ev.criteria.find((c) => c.number === '3')).toMatchObject({ status: 'undetermined' }); // 3.2 has no value
    expect(ev.meetsStandard).toBe(false);
    expect(ev.counts.target_unknown).toBe(43); // the 43 indicators without a target
    expect(ev.ignoredValues).toEqual(['X.9']);
  });

  it('is limited to communes in the actor scope (404 outside), to communes, and to known sets', async () => {
    const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [banVuoc] });
    expect((await officer.post(`/api/criteria/sets/${national.id}/evaluate`, { unitId: banVuoc, year: 2024, values: {} })).statusCode).toBe(200);
    const taPhoi = await t.unitId('02677', '2024-06-01');
    const out = await officer.post(`/api/criteria/sets/${national.id}/evaluate`, { unitId: taPhoi, year: 2024, values: {} });
    expect(out.statusCode).toBe(404);
    expect(out.json().code).toBe('NOT_FOUND');
    const district = await admin.post(`/api/criteria/sets/${national.id}/evaluate`, { unitId: laoCai, year: 2024, values: {} });
    expect(district.statusCode).toBe(400);
    expect(district.json().details.fields[0].path).toBe('unitId');
    const noSet = await admin.post('/api/criteria/sets/00000000-0000-4000-8000-000000000000/evaluate', { unitId: banVuoc, year: 2024, values: {} });
    expect(noSet.statusCode).toBe(404);
    expect((await t.anon.post(`/api/criteria/sets/${national.id}/evaluate`, { unitId: banVuoc, year: 2024 })).statusCode).toBe(401);
    const badYear = await admin.post(`/api/criteria/sets/${national.id}/evaluate`, { unitId: banVuoc, year: 1999, values: {} });
    expect(badYear.statusCode).toBe(400);
  });

  it("reads the commune's own attribute before its ancestors', as of the date", async () => {
    const quangKim = await t.unitId('02734', '2024-06-01');
    const set = await admin.post(`/api/units/${quangKim}/attributes`, { key: 'region', value: 'DBSH', validFrom: '2024-01-01', legalBasis: 'Kiểm thử thừa kế thuộc tính' });
    expect(set.statusCode, set.body).toBe(200);
    const own = await evaluate(admin, national.id, { unitId: quangKim, year: 2024, values: { '5': 100 } });
    expect(own.attributes.find((a) => a.key === 'region')).toMatchObject({ value: 'DBSH', inherited: false, fromUnitId: quangKim });
    // Outside TDMNPB, QĐ 318 lets especially disadvantaged communes use TDMNPB levels: with that attribute unknown,
    // the target stays undecided rather than guessed.
    expect(indicatorOf(own, '5')).toMatchObject({ status: 'missing_value', cause: { code: 'attribute_missing', of: 'target' } });
    expect(indicatorOf(own, '5').cause.attrs).toContain('especiallyDifficult');
    expect(indicatorOf(own, '3.1').reason).toEqual({ by: 'default' });
    const before = await evaluate(admin, national.id, { unitId: quangKim, year: 2023, values: {} });
    expect(before.asOf).toBe('2023-12-31');
    expect(before.attributes.find((a) => a.key === 'region')).toMatchObject({ value: 'TDMNPB', inherited: true });
    const rows = await effectiveAttributes(t.db, quangKim, '2023-06-01');
    expect(rows.map((r) => [r.key, r.value, r.depth])).toEqual([['region', 'TDMNPB', 2]]);
    // A 2025 commune reads the region set on the province formed on 2025-07-01; before that date nothing is known.
    const batXat = await t.unitId('02683', '2025-07-01');
    expect((await effectiveAttributes(t.db, batXat, '2025-08-01')).map((r) => r.value)).toEqual(['TDMNPB']);
    expect(await effectiveAttributes(t.db, batXat, '2025-06-01')).toEqual([]);
    const early = await evaluate(admin, national.id, { unitId: batXat, year: 2024, values: { '5': 100 } });
    expect(early.asOf).toBe('2025-07-01'); // clamped into the commune's life
  });
});

describe('provincial variant: clone, enter and confirm targets, publish, new version, diff', () => {
  let variant: SetDetail;
  let v2: SetDetail;

  it('clones the national set into a variant owned by a province in scope', async () => {
    variant = await cloneVariant(office, national.id, laoCai);
    expect(variant).toMatchObject({
      code: 'NTM_XA_2021_2025-LAO_CAI-1',
      version: 1,
      status: 'draft',
      isNational: false,
      isDemo: false,
      province: { id: laoCai, name: 'Tỉnh Lào Cai' },
      parent: { id: national.id, code: 'NTM_XA_2021_2025' },
      rowVersion: 1,
      abilities: { canEdit: true, canPublish: true, canClone: true, canConfirmTarget: true },
    });
    expect(variant.name).toContain('biến thể Tỉnh Lào Cai');
    expect(variant.createdBy).toBe(`Người dùng ${office.user.login}`);
    expect(variant.criteria).toHaveLength(19);
    const again = await cloneVariant(office, national.id, laoCai, { name: 'Bộ tiêu chí xã NTM tỉnh Lào Cai (bản thứ hai)' });
    expect(again.code).toBe('NTM_XA_2021_2025-LAO_CAI-2');
    const dup = await office.post(`/api/criteria/sets/${national.id}/clone`, { kind: 'variant', provinceUnitId: laoCai, code: variant.code });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses a variant for a unit that is not a province, or a province outside the scope', async () => {
    const before = await dataFingerprint(t.db);
    const district = await t.unitId('082', '2024-06-01');
    const notProvince = await office.post(`/api/criteria/sets/${national.id}/clone`, { kind: 'variant', provinceUnitId: district });
    expect(notProvince.statusCode).toBe(400);
    expect(notProvince.json().details.fields[0].path).toBe('provinceUnitId');
    const outside = await office.post(`/api/criteria/sets/${national.id}/clone`, { kind: 'variant', provinceUnitId: yenBai });
    expect(outside.statusCode).toBe(403);
    const noProvince = await office.post(`/api/criteria/sets/${national.id}/clone`, { kind: 'variant' });
    expect(noProvince.statusCode).toBe(400);
    expect((await viewer.post(`/api/criteria/sets/${national.id}/clone`, { kind: 'variant', provinceUnitId: laoCai })).statusCode).toBe(403);
    expect((await office.post('/api/criteria/sets/00000000-0000-4000-8000-000000000000/clone', { kind: 'version' })).statusCode).toBe(404);
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('enters a target (unverified), then confirms it with its source: evaluation goes from target_unknown to met/not_met', async () => {
    const unknown = await evaluate(viewer, variant.id, { unitId: banVuoc, year: 2024, values: { '2.1': 90 } });
    expect(indicatorOf(unknown, '2.1').status).toBe('target_unknown');

    const entered = await office.post(`/api/criteria/sets/${variant.id}/indicators/2.1/targets`, {
      expectedVersion: 1, match: {}, value: 100, source, verified: false,
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const e = entered.json() as SetDetail;
    expect(e.rowVersion).toBe(2);
    expect(detailIndicator(e, '2.1').targets).toEqual([
      expect.objectContaining({ value: 100, verified: false, state: 'unverified', notice: 'chưa xác minh', confirmedBy: null, confirmedAt: null }),
    ]);
    // An entered but unconfirmed target is shown with "chưa xác minh" and never decides met / not met.
    const unverified = await evaluate(viewer, variant.id, { unitId: banVuoc, year: 2024, values: { '2.1': 90 } });
    expect(indicatorOf(unverified, '2.1')).toMatchObject({
      status: 'target_unknown', target: null, unverifiedTarget: 100, verified: false, targetState: 'unverified', targetNotice: 'chưa xác minh', gap: null,
    });
    expect(indicatorOf(unverified, '2.1').why).toContain('chưa được xác minh');

    const t0 = Date.now();
    const confirmed = await office.post(`/api/criteria/sets/${variant.id}/indicators/2.1/targets`, {
      expectedVersion: 2, match: {}, value: 100, source, verified: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const target = detailIndicator(confirmed.json() as SetDetail, '2.1').targets[0]!;
    expect(target).toMatchObject({
      value: 100,
      verified: true,
      state: 'verified',
      notice: null,
      confirmedBy: `Người dùng ${office.user.login}`,
      source: 'QĐ 318/QĐ-TTg ngày 08/3/2022, Phụ lục I, tiêu chí 2, tr. 3',
    });
    expect(Date.parse(target.confirmedAt!)).toBeGreaterThanOrEqual(t0 - 1000);
    const notMet = await evaluate(viewer, variant.id, { unitId: banVuoc, year: 2024, values: { '2.1': 90 } });
    expect(indicatorOf(notMet, '2.1')).toMatchObject({ status: 'not_met', target: 100, unverifiedTarget: null, verified: true, gap: { absolute: 10 } });
    const met = await evaluate(viewer, variant.id, { unitId: banVuoc, year: 2024, values: { '2.1': 100 } });
    expect(indicatorOf(met, '2.1')).toMatchObject({ status: 'met', verified: true, targetState: 'verified', targetNotice: null, targetSource: target.source });
    // The national set is untouched.
    expect(detailIndicator(await getSet(viewer, national.id), '2.1').targets).toEqual([]);

    const audit = (await admin.get('/api/audit?entityType=criteria_set&limit=50')).json().items as AuditEvent[];
    const mine = audit.filter((a) => a.entityId === variant.id).map((a) => a.action);
    expect(mine).toEqual(['criteria.target.confirm', 'criteria.target.upsert', 'criteria.set.clone']);
    const confirmEvent = audit.find((a) => a.entityId === variant.id && a.action === 'criteria.target.confirm')!;
    expect(confirmEvent.unitId).toBe(laoCai);
    expect(confirmEvent.after).toMatchObject({ indicator: '2.1', value: 100, verified: true });
    expect(confirmEvent.before).toMatchObject({ indicator: '2.1', value: 100, verified: false });
  });

  it('answers 409 for a stale expectedVersion and changes nothing', async () => {
    const before = await dataFingerprint(t.db);
    const stale = await office.post(`/api/criteria/sets/${variant.id}/indicators/2.2/targets`, {
      expectedVersion: 1, match: {}, value: 50, source, verified: false,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 3 } });
    const staleWording = await office.patch(`/api/criteria/sets/${variant.id}/indicators/2.2`, { expectedVersion: 2, wording: 'Lời văn cũ' });
    expect(staleWording.statusCode).toBe(409);
    expect(await dataFingerprint(t.db)).toBe(before);
    expect(detailIndicator(await getSet(office, variant.id), '2.2').targets).toEqual([]);
  });

  it('validates targets and indicator edits against the kind, in Vietnamese', async () => {
    const post = (code: string, body: object) => office.post(`/api/criteria/sets/${variant.id}/indicators/${encodeURIComponent(code)}/targets`, { expectedVersion: 3, ...body });
    const notNumber = await post('2.2', { match: {}, value: 'nhiều', source, verified: false });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().details.fields).toEqual([{ path: 'value', message: 'Mức chỉ tiêu phải là một số' }]);
    expect((await post('2.2', { match: {}, value: 150, source, verified: false })).json().details.fields[0].message).toBe('Tỷ lệ phải từ 0 đến 100');
    expect((await post('1.1', { match: {}, value: 1, source, verified: false })).statusCode).toBe(400);
    const confirmNothing = await post('2.2', { match: {}, value: null, source, verified: true });
    expect(confirmNothing.statusCode).toBe(400);
    expect(confirmNothing.json().details.fields[0].path).toBe('body.value');
    expect((await post('2.2', { match: { region: 'XYZ' }, value: 50, source, verified: false })).statusCode).toBe(400);
    expect((await post('2.2', { match: { tinh: 'x' }, value: 50, source, verified: false })).statusCode).toBe(400);
    expect((await post('2.2', { match: {}, value: 50, source: { document: 'QĐ' }, verified: false })).statusCode).toBe(400);
    const unknownCode = await post('99.9', { match: {}, value: 50, source, verified: false });
    expect(unknownCode.statusCode).toBe(404);
    expect(unknownCode.json().message).toContain('99.9');

    const wording = await office.patch(`/api/criteria/sets/${variant.id}/indicators/2.1`, { expectedVersion: 3, wording: 'Tỷ lệ xã có đường ô tô đến trung tâm (sửa lời văn)', unit: '%' });
    expect(wording.statusCode, wording.body).toBe(200);
    expect(detailIndicator(wording.json(), '2.1')).toMatchObject({ wording: 'Tỷ lệ xã có đường ô tô đến trung tâm (sửa lời văn)', kind: 'percent_min' });
    const badKind = await office.patch(`/api/criteria/sets/${variant.id}/indicators/2.1`, { expectedVersion: 4, kind: 'boolean' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().details.fields[0].message).toContain('không hợp với loại mới');
    const regional = await post('2.2', { expectedVersion: 4, match: { region: 'TDMNPB', yearFrom: 2024, yearTo: 2025 }, value: 70, source, verified: false });
    expect(regional.statusCode, regional.body).toBe(200);
    expect(detailIndicator(regional.json(), '2.2').targets[0]).toMatchObject({ matchText: 'vùng TDMNPB, năm 2024–2025', match: { region: 'TDMNPB', yearFrom: 2024, yearTo: 2025 } });
  });

  it('keeps another province and other roles out of a variant', async () => {
    const before = await dataFingerprint(t.db);
    const other = await officeYB.post(`/api/criteria/sets/${variant.id}/indicators/2.2/targets`, { expectedVersion: 5, match: {}, value: 50, source, verified: false });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('ngoài phạm vi');
    expect((await officeYB.post(`/api/criteria/sets/${variant.id}/publish`, { expectedVersion: 5 })).statusCode).toBe(403);
    expect((await officeYB.post(`/api/criteria/sets/${variant.id}/clone`, { kind: 'version' })).statusCode).toBe(403);
    expect((await viewer.post(`/api/criteria/sets/${variant.id}/publish`, { expectedVersion: 5 })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/criteria/sets/${variant.id}`, { expectedVersion: 5, name: 'Tên mới' })).statusCode).toBe(403);
    expect((await getSet(officeYB, variant.id)).abilities).toEqual({ canEdit: false, canPublish: false, canClone: true, canConfirmTarget: false });
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('publishes: the version is immutable and edits need a new version, which the diff compares side by side', async () => {
    const published = await office.post(`/api/criteria/sets/${variant.id}/publish`, { expectedVersion: 5 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', rowVersion: 6, abilities: { canEdit: false, canPublish: false, canClone: true } });
    expect(published.json().publishedAt).not.toBeNull();

    const before = await dataFingerprint(t.db);
    const again = await office.post(`/api/criteria/sets/${variant.id}/publish`, { expectedVersion: 6 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');
    const edit = await office.post(`/api/criteria/sets/${variant.id}/indicators/2.1/targets`, { expectedVersion: 6, match: {}, value: 95, source, verified: true });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(edit.json().message).toContain('phiên bản mới');
    expect((await office.patch(`/api/criteria/sets/${variant.id}/indicators/2.1`, { expectedVersion: 6, wording: 'Sửa sau khi ban hành' })).statusCode).toBe(409);
    expect(await dataFingerprint(t.db)).toBe(before);

    const cloned = await office.post(`/api/criteria/sets/${variant.id}/clone`, { kind: 'version' });
    expect(cloned.statusCode, cloned.body).toBe(201);
    v2 = cloned.json();
    expect(v2).toMatchObject({ code: variant.code, version: 2, status: 'draft', province: { id: laoCai }, parent: { id: variant.id, version: 1, status: 'published' } });
    const changed = await office.post(`/api/criteria/sets/${v2.id}/indicators/2.1/targets`, { expectedVersion: 1, match: {}, value: 95, source, verified: true });
    expect(changed.statusCode, changed.body).toBe(200);
    const added = await office.post(`/api/criteria/sets/${v2.id}/indicators/1.1/targets`, { expectedVersion: 2, match: {}, value: true, source, verified: false });
    expect(added.statusCode, added.body).toBe(200);

    const versions = (await viewer.get(`/api/criteria/sets?code=${variant.code}`)).json() as { items: SetSummary[] };
    expect(versions.items.map((s) => [s.version, s.status])).toEqual([[2, 'draft'], [1, 'published']]);

    const diffRes = await viewer.get(`/api/criteria/diff?from=${variant.id}&to=${v2.id}`);
    expect(diffRes.statusCode, diffRes.body).toBe(200);
    const diff = diffRes.json() as DiffResponse;
    expect(diff.from.version).toBe(1);
    expect(diff.to.version).toBe(2);
    expect(diff.criteria.map((c) => [c.number, c.change])).toEqual([['1', 'changed'], ['2', 'changed']]);
    const t21 = diff.criteria[1]!.indicators.find((i) => i.code === '2.1')!.targets[0]!;
    expect(t21).toMatchObject({ change: 'changed', matchText: 'mức chung', before: { value: 100 }, after: { value: 95 } });
    expect(t21.fields.find((f) => f.field === 'value')).toEqual({ field: 'value', before: 100, after: 95 });
    const t11 = diff.criteria[0]!.indicators[0]!;
    expect(t11).toMatchObject({ code: '1.1', change: 'changed', targets: [{ change: 'added', before: null, after: { value: true, state: 'unverified' } }] });
    expect(diff.counts).toEqual({ added: 1, removed: 0, changed: 1 });

    const fromNational = (await viewer.get(`/api/criteria/diff?from=${national.id}&to=${v2.id}`)).json() as DiffResponse;
    expect(fromNational.header.map((h) => h.field)).toEqual(['name']);
    const i21 = fromNational.criteria.find((c) => c.number === '2')!.indicators.find((i) => i.code === '2.1')!;
    expect(i21.fields.map((f) => f.field)).toEqual(['wording']);
    expect(i21.targets.map((x) => x.change)).toEqual(['added']);
    expect((await viewer.get(`/api/criteria/diff?from=${national.id}&to=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await t.anon.get(`/api/criteria/diff?from=${national.id}&to=${v2.id}`)).statusCode).toBe(401);
  });

  it('edits the set header of a draft, with its dates checked', async () => {
    const ok = await office.patch(`/api/criteria/sets/${v2.id}`, { expectedVersion: 3, name: 'Bộ tiêu chí xã NTM tỉnh Lào Cai, phiên bản 2', validTo: '2026-01-01' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Bộ tiêu chí xã NTM tỉnh Lào Cai, phiên bản 2', validTo: '2026-01-01', rowVersion: 4 });
    const bad = await office.patch(`/api/criteria/sets/${v2.id}`, { expectedVersion: 4, validTo: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].path).toBe('validTo');
    expect((await office.patch(`/api/criteria/sets/${v2.id}`, { expectedVersion: 4 })).statusCode).toBe(400);
    expect((await office.patch('/api/criteria/sets/00000000-0000-4000-8000-000000000000', { expectedVersion: 1, name: 'Không có' })).statusCode).toBe(404);
  });

  it('lists variants with abilities computed per province', async () => {
    await cloneVariant(officeYB, national.id, yenBai);
    const list = (await office.get('/api/criteria/sets?kind=variant&limit=100')).json() as { items: SetSummary[]; total: number };
    expect(list.items.every((s) => !s.isNational)).toBe(true);
    const yb = list.items.find((s) => s.province?.id === yenBai)!;
    const lc = list.items.find((s) => s.id === v2.id)!;
    expect(yb.abilities.canEdit).toBe(false);
    expect(lc.abilities.canEdit).toBe(true);
    const byProvince = (await office.get(`/api/criteria/sets?provinceUnitId=${yenBai}`)).json() as { total: number };
    expect(byProvince.total).toBe(1);
    const search = (await office.get(`/api/criteria/sets?q=${encodeURIComponent('phiên bản 2')}`)).json() as { items: SetSummary[] };
    expect(search.items.map((s) => s.id)).toEqual([v2.id]);
  });
});

describe('demonstration variant', () => {
  it('fills the missing targets of the 2021–2025 set with illustrative values, each flagged, and leaves the law as loaded', async () => {
    expect(await seedCriteriaDemo(t.db, systemCtx())).toBe(true);
    expect(await seedCriteriaDemo(t.db, systemCtx())).toBe(false);
    const province2025 = await t.unitId('02683', '2025-07-01').then(async (id) => (await admin.get(`/api/units/${id}`)).json().parentId as string);
    const list = (await viewer.get(`/api/criteria/sets?provinceUnitId=${province2025}`)).json() as { items: SetSummary[] };
    expect(list.items).toHaveLength(1);
    const demo = await getSet(viewer, list.items[0]!.id);
    expect(demo).toMatchObject({ name: DEMO_SET_NAME, isDemo: true, status: 'published', parent: { id: national.id } });
    expect(demo.stats).toMatchObject({ indicators: 58, indicatorsWithoutTarget: 0, demoTargets: 43 });
    const targets = demo.criteria.flatMap((c) => c.indicators.flatMap((i) => i.targets));
    const demoTargets = targets.filter((x) => x.demo);
    expect(demoTargets).toHaveLength(43);
    expect(demoTargets.every((x) => !x.verified && x.source === DEMO_SOURCE && x.state === 'demo' && x.notice === 'dữ liệu minh họa — không phải quy định')).toBe(true);
    expect(detailIndicator(demo, '3.1').targets).toEqual(detailIndicator(await getSet(viewer, national.id), '3.1').targets);
    expect(detailIndicator(await getSet(viewer, national.id), '1.1').targets).toEqual([]);

    const batXat = await t.unitId('02683', '2025-07-01');
    const ev = await evaluate(admin, demo.id, { unitId: batXat, year: 2025, values: { '1.1': true, '3.1': 90 } });
    expect(indicatorOf(ev, '1.1')).toMatchObject({ status: 'met', demo: true, verified: false, targetState: 'demo', targetNotice: 'dữ liệu minh họa — không phải quy định' });
    expect(indicatorOf(ev, '3.1')).toMatchObject({ status: 'met', demo: false, verified: true });
    expect(ev.allTargetsVerified).toBe(false);

    const audit = (await admin.get('/api/audit?action=seed.criteria.demo')).json().items as AuditEvent[];
    expect(audit).toHaveLength(1);
    await removeDemo(t.db, systemCtx());
    expect((await viewer.get(`/api/criteria/sets/${demo.id}`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/criteria/sets?provinceUnitId=${province2025}`)).json().total).toBe(0);
    expect((await viewer.get(`/api/criteria/sets/${national.id}`)).statusCode).toBe(200);
  });
});
