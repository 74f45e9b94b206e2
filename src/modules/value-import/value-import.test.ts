import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentForm } from '../../contracts/assessments.js';
import type { ValueImportJob } from '../../contracts/value-import.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { multipartFile } from '../../test/multipart.js';

let t: TestContext;
let dataDir = '';
let admin: Client;
let office: Client;
let cycleId = '';
let otherCycleId = '';
const unit: Record<string, string> = {};
const assessment: Record<string, string> = {};

// Template columns (1-based): A Mã xã, B Tên xã, C Tiêu chí, D Mã chỉ tiêu, E Nội dung, F Đơn vị tính, G Loại,
// H Giá trị cho phép, I Chỉ tiêu cần đạt, J Trạng thái, K Giá trị hiện tại, L Giá trị mới, M Ghi chú.
const COL = { commune: 1, code: 4, unit: 6, kind: 7, state: 10, current: 11, value: 12, note: 13 };

async function workbookOf(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return wb;
}
async function template(c: Client, unitId?: string, cycle = cycleId): Promise<ExcelJS.Workbook> {
  const res = await c.get(`/api/cycles/${cycle}/values-template.xlsx${unitId ? `?unitId=${unitId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return workbookOf(res.rawPayload);
}
const sheet = (wb: ExcelJS.Workbook) => wb.getWorksheet('Nhập giá trị')!;
/** Data rows of the template: commune code, indicator code, kind label, the row number. */
function rowsOf(wb: ExcelJS.Workbook): Array<{ n: number; commune: string; code: string; kind: string; unit: string }> {
  const out: Array<{ n: number; commune: string; code: string; kind: string; unit: string }> = [];
  sheet(wb).eachRow((row, n) => {
    if (n === 1) return;
    out.push({ n, commune: String(row.getCell(COL.commune).value), code: String(row.getCell(COL.code).value), kind: String(row.getCell(COL.kind).value), unit: String(row.getCell(COL.unit).value ?? '') });
  });
  return out;
}
function setCell(wb: ExcelJS.Workbook, commune: string, code: string, value: ExcelJS.CellValue, note?: string): number {
  const r = rowsOf(wb).find((x) => x.commune === commune && x.code === code);
  if (!r) throw new Error(`no row ${commune}/${code}`);
  sheet(wb).getRow(r.n).getCell(COL.value).value = value;
  if (note !== undefined) sheet(wb).getRow(r.n).getCell(COL.note).value = note;
  return r.n;
}
async function upload(c: Client, wb: ExcelJS.Workbook | Buffer, query = '', cycle = cycleId) {
  const buf = Buffer.isBuffer(wb) ? wb : Buffer.from(await wb.xlsx.writeBuffer());
  const mp = multipartFile(buf, 'gia-tri.xlsx');
  return c.post(`/api/cycles/${cycle}/value-imports${query}`, mp.body, mp.headers);
}
async function waitJob(c: Client, id: string): Promise<ValueImportJob> {
  for (let i = 0; i < 600; i++) {
    const res = await c.get(`/api/value-imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as ValueImportJob;
    if (job.status !== 'parsing') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}
async function uploadAndWait(c: Client, wb: ExcelJS.Workbook | Buffer, query = ''): Promise<ValueImportJob> {
  const res = await upload(c, wb, query);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().status).toBe('parsing');
  return waitJob(c, res.json().id);
}
const form = async (c: Client, id: string) => (await c.get(`/api/assessments/${id}/form`)).json() as AssessmentForm;
const resultOf = (f: AssessmentForm, code: string) => f.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
/** A code of the template with this kind label, for a commune. */
const codeOfKind = (wb: ExcelJS.Workbook, commune: string, kind: string, skip = 0) =>
  rowsOf(wb).filter((r) => r.commune === commune && (kind === '%' ? r.unit === '%' : r.kind === kind))[skip]!.code;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-vimport-'));
  t = await createTestContext({ MTQG_DATA_DIR: dataDir });
  admin = await t.userClient({ roles: ['system_admin'] });
  const province = await t.unitId('10', '2024-06-01');
  for (const [k, code] of Object.entries({ banVuoc: '02710', coMy: '02716', trinhTuong: '02734', quangKim: '02743', taPhoi: '02677', district: '082' })) {
    unit[k] = await t.unitId(code, '2024-06-01');
  }
  const setId = ((await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json() as { items: Array<{ id: string }> }).items[0]!.id;
  const agency = ((await admin.post('/api/agencies', { name: 'Văn phòng Điều phối (nhập Excel)', kind: 'coordination_office', unitId: province })).json() as { id: string }).id;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province], agencyId: agency });
  const open = async (name: string, communes: unknown) => {
    const res = await office.post('/api/cycles', {
      setId,
      year: 2024,
      name,
      deadlines: { submit: '2024-10-31', steps: {} },
      reviewChain: [{ key: 'province', level: 'province', label: 'Tỉnh thẩm định', routing: 'agency', agencyId: agency }],
      communes,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  cycleId = await open('Đánh giá 2024 (nhập Excel)', { kind: 'all', withinUnitId: province });
  otherCycleId = await open('Đợt khác (nhập Excel)', { kind: 'units', withinUnitId: unit.district!, unitIds: [unit.banVuoc!] });
  for (const a of await queryRows<{ id: string; unit_id: string }>(t.db, sql`select id, unit_id from assessment where cycle_id = ${cycleId}`)) {
    for (const [k, u] of Object.entries(unit)) if (u === a.unit_id) assessment[k] = a.id;
  }
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('template', () => {
  it('one commune: its applicable indicators, locked read-only columns, lists and ranges, the cycle in a hidden sheet', async () => {
    const wb = await template(office, unit.banVuoc);
    const rows = rowsOf(wb);
    const f = await form(office, assessment.banVuoc!);
    const applicable = f.criteria.flatMap((c) => c.indicators).filter((i) => i.applicable !== false);
    expect(rows.map((r) => r.code)).toEqual(applicable.map((i) => i.code));
    expect(new Set(rows.map((r) => r.commune))).toEqual(new Set(['02710']));
    const ws = sheet(wb);
    expect(ws.getRow(1).values).toContain('Giá trị mới');
    const bool = rows.find((r) => r.kind === 'Có/Không')!;
    const boolRow = ws.getRow(bool.n);
    expect(boolRow.getCell(COL.value).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(boolRow.getCell(COL.value).protection?.locked).toBe(false);
    expect(boolRow.getCell(COL.code).protection?.locked ?? true).toBe(true); // locked is Excel's default
    expect(boolRow.getCell(COL.state).value).toBe('Được sửa');
    const pct = rows.find((r) => r.unit === '%')!;
    expect(ws.getRow(pct.n).getCell(COL.value).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    const meta = wb.getWorksheet('_mtqg')!;
    expect(meta.state).toBe('veryHidden');
    const metaValues = Object.fromEntries(meta.getSheetValues().filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(metaValues['cycleId']).toBe(cycleId);
    expect(metaValues['unitId']).toBe(unit.banVuoc);
    // The template as downloaded (streamed, inline strings) reads back row by row: nothing to change, nothing wrong.
    const raw = await office.get(`/api/cycles/${cycleId}/values-template.xlsx?unitId=${unit.banVuoc}`);
    const untouched = await uploadAndWait(office, raw.rawPayload);
    expect(untouched).toMatchObject({ status: 'validated', counts: { rows: rows.length, errors: 0, warnings: 0, changes: 0 } });
    expect(untouched.abilities.canApply).toBe(false);
  });

  it('a commune officer gets only the communes of the scope; other roles and out-of-scope communes are refused', async () => {
    const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [unit.coMy!] });
    const rows = rowsOf(await template(officer));
    expect(rows.length).toBeGreaterThan(40);
    expect(new Set(rows.map((r) => r.commune))).toEqual(new Set(['02716']));
    expect((await officer.get(`/api/cycles/${cycleId}/values-template.xlsx?unitId=${unit.banVuoc}`)).statusCode).toBe(404);
    const viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [unit.coMy!] });
    expect((await viewer.get(`/api/cycles/${cycleId}/values-template.xlsx`)).statusCode).toBe(403);
  });
});

describe('upload, validate, apply', () => {
  it('a valid file is previewed, then applied through the save path, audited on behalf of the commune; applying twice is refused', async () => {
    const wb = await template(office, unit.banVuoc);
    // A rate with a confirmed target, so the engine's status moves from "missing value" to met or not met.
    const pct = rowsOf(wb).find((r) => r.unit === '%' && String(sheet(wb).getRow(r.n).getCell(9).value).startsWith('≥'))!.code;
    const bool = codeOfKind(wb, '02710', 'Có/Không');
    const count = rowsOf(wb).filter((r) => r.unit === '%' && r.code !== pct)[0]!.code;
    setCell(wb, '02710', pct, '85,5');
    setCell(wb, '02710', bool, 'Có', 'Theo quyết định của UBND huyện');
    setCell(wb, '02710', count, 3);
    const job = await uploadAndWait(office, wb);
    expect(job.status).toBe('validated');
    expect(job.issues).toEqual([]);
    expect(job.counts).toMatchObject({ errors: 0, changes: 3, communes: 1 });
    expect(job.progress.phase).toBe('done');
    const byCode = new Map(job.changes.map((c) => [c.code, c]));
    expect(byCode.get(pct)).toMatchObject({ before: null, after: 85.5, statusBefore: 'missing_value', unit: { code: '02710' } });
    expect(byCode.get(count)).toMatchObject({ before: null, after: 3 });
    expect(['met', 'not_met']).toContain(byCode.get(pct)!.statusAfter);
    expect(byCode.get(bool)).toMatchObject({ after: true, noteAfter: 'Theo quyết định của UBND huyện' });
    expect(job.communes[0]).toMatchObject({ assessmentId: assessment.banVuoc, changes: 3 });
    expect(job.abilities.canApply).toBe(true);

    const changesBefore = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from result_change`);
    const res = await office.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', abilities: { canApply: false } });

    const f = await form(office, assessment.banVuoc!);
    expect(resultOf(f, pct).result.value).toBe(85.5);
    expect(resultOf(f, bool).result.value).toBe(true);
    expect(resultOf(f, bool).result.note).toBe('Theo quyết định của UBND huyện');
    expect(resultOf(f, count).result.value).toBe(3);
    expect(resultOf(f, pct).result.version).toBe(2);
    const changesAfter = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from result_change`);
    expect(changesAfter!.n - changesBefore!.n).toBe(3);
    const audit = await queryRows<{ action: string; after: { onBehalfOfCommune: boolean; changes: unknown[] } }>(
      t.db,
      sql`select action, after from audit_event where entity_id = ${assessment.banVuoc} and action = 'assessment.importValues'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.onBehalfOfCommune).toBe(true);
    expect(audit[0]!.after.changes).toHaveLength(3);

    const before = await dataFingerprint(t.db);
    const again = await office.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');
    const again2 = await office.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version + 1 });
    expect(again2.json().code).toBe('INVALID_TRANSITION');
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('a file with errors lists every bad row with a Vietnamese message and a stable code, and nothing is written', async () => {
    // Cò Mỳ is appraised (locked); Trịnh Tường is filling.
    await t.db.execute(sql`update assessment set status = 'appraised', current_step = 0, locked = true where id = ${assessment.coMy}`);
    await t.db.execute(sql`update indicator_result set state = 'appraised' where assessment_id = ${assessment.coMy}`);
    const wb = await template(office);
    const pct = codeOfKind(wb, '02734', '%');
    const pct2 = codeOfKind(wb, '02734', '%', 1);
    const bool = codeOfKind(wb, '02734', 'Có/Không');
    const money = rowsOf(wb).find((r) => r.commune === '02734' && r.unit.startsWith('triệu'))!;
    const good = setCell(wb, '02734', pct, 70);
    const outOfRange = setCell(wb, '02734', pct2, 130);
    const wrongType = setCell(wb, '02734', bool, 'Chắc là có');
    const locked = setCell(wb, '02716', pct, 90);
    const ws = sheet(wb);
    ws.getRow(money.n).getCell(COL.unit).value = 'đồng';
    ws.getRow(money.n).getCell(COL.value).value = 45_000_000;
    const yenBai = (await queryOne<{ code: string }>(t.db, sql`select u.code from unit u join unit p on p.id = u.parent_id join unit g on g.id = p.parent_id where g.code = '15' and u.level = 'commune' limit 1`))!.code;
    const extra = [
      ['99999', 'Xã không có', '', pct, '', '', '', '', '', '', '', 50, ''],
      ['02734', '', '', 'ZZ.9', '', '', '', '', '', '', '', 50, ''],
      ['02734', '', '', pct, '', '', '', '', '', '', '', 71, ''],
      [yenBai, '', '', pct, '', '', '', '', '', '', '', 50, ''],
    ];
    const last = ws.rowCount;
    extra.forEach((cells, i) => ws.getRow(last + 1 + i).values = cells);
    const fingerprint = await dataFingerprint(t.db);
    const job = await uploadAndWait(office, wb);
    expect(job.status).toBe('validated');
    const errorsByRow = new Map(job.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i]));
    expect([...errorsByRow.keys()].sort((a, b) => a! - b!)).toEqual([locked, outOfRange, wrongType, money.n, last + 1, last + 2, last + 3, last + 4].sort((a, b) => a - b));
    expect(errorsByRow.get(outOfRange)).toMatchObject({ code: 'VALUE_OUT_OF_RANGE', column: 'Giá trị mới' });
    expect(errorsByRow.get(wrongType)).toMatchObject({ code: 'VALUE_WRONG_TYPE' });
    expect(errorsByRow.get(wrongType)!.message).toContain('Có hoặc Không');
    expect(errorsByRow.get(locked)).toMatchObject({ code: 'INDICATOR_LOCKED', unitCode: '02716' });
    expect(errorsByRow.get(locked)!.message).toContain('đã thẩm định');
    expect(errorsByRow.get(money.n)).toMatchObject({ code: 'UNIT_MISMATCH', column: 'Đơn vị tính' });
    expect(errorsByRow.get(last + 1)).toMatchObject({ code: 'COMMUNE_UNKNOWN' });
    expect(errorsByRow.get(last + 2)).toMatchObject({ code: 'INDICATOR_UNKNOWN' });
    expect(errorsByRow.get(last + 3)).toMatchObject({ code: 'DUPLICATE_ROW' });
    expect(errorsByRow.get(last + 3)!.message).toContain(`dòng ${good}`);
    expect(errorsByRow.get(last + 4)).toMatchObject({ code: 'COMMUNE_NOT_IN_CYCLE' });
    expect(job.counts.errors).toBe(8);
    expect(job.abilities).toMatchObject({ canApply: false, canDownloadErrors: true });

    const withJob = await dataFingerprint(t.db);
    const res = await office.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toContain('8 lỗi');
    expect(await dataFingerprint(t.db)).toBe(withJob);
    // Only the upload itself (the stored file and its audit record) was written; no indicator row changed.
    expect(withJob.replace(/audit=[^;]*;|stored_file=[^;]*;/g, '')).toBe(fingerprint.replace(/audit=[^;]*;|stored_file=[^;]*;/g, ''));

    const annotated = await office.get(`/api/value-imports/${job.id}/errors.xlsx`);
    expect(annotated.statusCode).toBe(200);
    const awb = await workbookOf(annotated.rawPayload);
    const errorCol = sheet(awb).getRow(1).cellCount;
    expect(sheet(awb).getRow(1).getCell(errorCol).value).toBe('Lỗi');
    expect(String(sheet(awb).getRow(outOfRange).getCell(errorCol).value)).toContain('VALUE_OUT_OF_RANGE');
    expect(awb.getWorksheet('Lỗi')!.rowCount).toBe(1 + job.issues.length);
  });

  it('a row changed after validation makes the apply a CONFLICT listing it, and nothing of the file is written', async () => {
    const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [unit.quangKim!] });
    const wb = await template(officer);
    const a = codeOfKind(wb, '02743', '%');
    const b = codeOfKind(wb, '02743', 'Có/Không');
    const rowA = setCell(wb, '02743', a, 60);
    setCell(wb, '02743', b, 'Không');
    const job = await uploadAndWait(officer, wb);
    expect(job.counts).toMatchObject({ errors: 0, changes: 2 });
    const row = resultOf(await form(officer, assessment.quangKim!), a).result;
    const save = await officer.put(`/api/assessments/${assessment.quangKim}/results/${encodeURIComponent(a)}`, { value: 61, baseVersion: row.version, opId: randomUUID() });
    expect(save.statusCode, save.body).toBe(200);
    const before = await dataFingerprint(t.db);
    const quangKimName = (await queryOne<{ name: string }>(t.db, sql`select name from unit where id = ${unit.quangKim}`))!.name;
    const res = await officer.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(res.json().details.rows).toEqual([{ row: rowA, unitCode: '02743', unitName: quangKimName, code: a }]);
    expect(await dataFingerprint(t.db)).toBe(before);
    const f = await form(officer, assessment.quangKim!);
    expect(resultOf(f, a).result.value).toBe(61);
    expect(resultOf(f, b).result.value).toBeNull();
    expect((await waitJob(officer, job.id)).status).toBe('validated');
    // The commune officer's own import is not "on behalf"; another commune's row is refused in its file.
    const other = await template(officer);
    const extraRow = sheet(other).rowCount + 1;
    sheet(other).getRow(extraRow).values = ['02710', '', '', a, '', '', '', '', '', '', '', 50, ''];
    const job2 = await uploadAndWait(officer, other);
    expect(job2.issues.map((i) => [i.row, i.code])).toEqual([[extraRow, 'COMMUNE_OTHER_THAN_SELECTED']]);
  });

  it('a district office only writes its communes; files that are not workbooks or belong to another cycle are refused', async () => {
    const districtOffice = await t.userClient({ roles: ['province_office'], scopeUnitIds: [unit.district!] });
    const wb = await template(office, unit.taPhoi);
    const code = codeOfKind(wb, '02677', '%');
    const r = setCell(wb, '02677', code, 40);
    const job = await uploadAndWait(districtOffice, wb);
    expect(job.issues.map((i) => [i.row, i.code])).toEqual([[r, 'COMMUNE_OUT_OF_SCOPE']]);

    const before = await dataFingerprint(t.db);
    const notXlsx = await upload(office, Buffer.from('Mã xã;Mã chỉ tiêu;Giá trị mới\n02710;3.1;50\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().code).toBe('VALIDATION');
    expect(notXlsx.json().message).toContain('.xlsx');
    expect(await dataFingerprint(t.db)).toBe(before);

    const foreign = await template(office, unit.banVuoc, otherCycleId);
    setCell(foreign, '02710', code, 40);
    const failed = await uploadAndWait(office, foreign);
    expect(failed.status).toBe('failed');
    expect(failed.issues.map((i) => i.code)).toEqual(['WRONG_CYCLE']);
    expect(failed.failure).toContain('đợt đánh giá khác');
    const apply = await office.post(`/api/value-imports/${failed.id}/apply`, { expectedVersion: failed.version });
    expect(apply.json().code).toBe('INVALID_TRANSITION');

    const outsider = await t.userClient({ roles: ['province_office'], scopeUnitIds: [await t.unitId('15', '2024-06-01')] });
    expect((await outsider.get(`/api/value-imports/${job.id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version })).statusCode).toBe(404);
  });

  it('a file over the row limit or not a spreadsheet inside fails with its reason, and cannot be applied', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhập giá trị');
    ws.addRow(['Mã xã', 'Mã chỉ tiêu', 'Giá trị mới']);
    for (let i = 0; i < 20_001; i++) ws.addRow(['02710', '1.1', 'Có']);
    const big = await uploadAndWait(office, wb);
    expect(big.status).toBe('failed');
    expect(big.issues.map((i) => i.code)).toEqual(['TOO_MANY_ROWS']);
    // A ZIP that is no workbook passes the type sniffing and fails the reading.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const broken = await uploadAndWait(office, zip);
    expect(broken.status).toBe('failed');
    expect(broken.issues.map((i) => i.code)).toEqual(['FILE_UNREADABLE']);
    expect(broken.failure).toContain('Không đọc được tệp');
    expect((await office.post(`/api/value-imports/${broken.id}/apply`, { expectedVersion: broken.version })).json().code).toBe('INVALID_TRANSITION');
  }, 60_000);

  it('a rate typed as 85,5 % in Excel (stored 0.855, percent format) is applied as 85.5; a percent cell on another indicator is an error', async () => {
    const wb = await template(office, unit.taPhoi);
    const ws = sheet(wb);
    const rate = codeOfKind(wb, '02677', '%');
    const other = rowsOf(wb).find((r) => r.commune === '02677' && r.unit !== '%' && ['Tối thiểu', 'Tối đa'].includes(r.kind))!;
    // The template never formats a value cell as a percentage (typing 85 there must store 85).
    for (const r of rowsOf(wb)) expect(String(ws.getRow(r.n).getCell(COL.value).numFmt ?? '')).not.toContain('%');
    const rateRow = setCell(wb, '02677', rate, 0.855);
    ws.getRow(rateRow).getCell(COL.value).numFmt = '0.0%';
    ws.getRow(other.n).getCell(COL.value).value = 0.5;
    ws.getRow(other.n).getCell(COL.value).numFmt = '0%';
    const refused = await uploadAndWait(office, wb);
    expect(refused.issues).toEqual([expect.objectContaining({ row: other.n, code: 'VALUE_PERCENT_FORMAT', severity: 'error', indicatorCode: other.code })]);
    expect(refused.issues[0]!.message).toContain('hiện 50%, lưu 0,5');
    expect(refused.changes.map((c) => [c.code, c.after])).toEqual([[rate, 85.5]]);

    ws.getRow(other.n).getCell(COL.value).value = null;
    const job = await uploadAndWait(office, wb);
    expect(job).toMatchObject({ status: 'validated', counts: { errors: 0, changes: 1 } });
    expect((await office.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version })).statusCode).toBe(200);
    expect(resultOf(await form(office, assessment.taPhoi!), rate).result.value).toBe(85.5);
  });

  it("an office's import notifies the commune's officers in its transaction; a commune officer's own import notifies nobody", async () => {
    type Notes = { items: Array<{ kind: string; title: string; assessmentId: string | null; unit: { id: string } | null }> };
    const notes = async (c: Client) => ((await c.get('/api/notifications')).json() as Notes).items.filter((n) => n.kind === 'values_imported');
    const officerA = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [unit.trinhTuong!] });
    const officerB = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [unit.trinhTuong!] });
    const elsewhere = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [unit.quangKim!] });
    const trinhTuong = (await queryOne<{ name: string }>(t.db, sql`select name from unit where id = ${unit.trinhTuong}`))!.name;

    // The commune officer's own import: applied, nobody notified.
    const own = await template(officerA);
    setCell(own, '02734', codeOfKind(own, '02734', '%'), 33);
    const ownJob = await uploadAndWait(officerA, own);
    expect((await officerA.post(`/api/value-imports/${ownJob.id}/apply`, { expectedVersion: ownJob.version })).statusCode).toBe(200);
    expect(await notes(officerA)).toEqual([]);
    expect(await notes(officerB)).toEqual([]);

    // The office's import of two indicators (and one note): both officers of the commune, nobody else.
    const wb = await template(office, unit.trinhTuong);
    setCell(wb, '02734', codeOfKind(wb, '02734', '%', 1), 44);
    setCell(wb, '02734', codeOfKind(wb, '02734', 'Có/Không'), 'Có', 'Theo báo cáo của phòng');
    const job = await uploadAndWait(office, wb);
    expect(job.counts).toMatchObject({ errors: 0, changes: 2 });
    expect((await office.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version })).statusCode).toBe(200);
    for (const c of [officerA, officerB]) {
      const got = await notes(c);
      expect(got).toEqual([
        {
          kind: 'values_imported',
          title: `Người dùng ${office.user.login} đã nhập từ Excel giá trị của 2 chỉ tiêu vào hồ sơ đánh giá 2024 của ${trinhTuong}`,
          assessmentId: assessment.trinhTuong,
          unit: expect.objectContaining({ id: unit.trinhTuong }),
        },
      ].map((n) => expect.objectContaining(n)));
    }
    expect(await notes(elsewhere)).toEqual([]);
    expect(await notes(office)).toEqual([]);
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification where kind = 'values_imported' and assessment_id = ${assessment.trinhTuong}`);
    expect(rows[0]!.n).toBe(2);
  });

  it('a 3,000-row province file is validated with progress and applied in one transaction', async () => {
    const wb = await template(office);
    // Open rows without a value yet (earlier tests filled a few): every picked row is a change.
    const editable = rowsOf(wb).filter((r) => String(sheet(wb).getRow(r.n).getCell(COL.state).value) === 'Được sửa' && !sheet(wb).getRow(r.n).getCell(COL.current).value);
    const pick = editable.filter((r) => ['Có/Không', 'Tối thiểu', 'Tối đa'].includes(r.kind)).slice(0, 3000);
    expect(pick).toHaveLength(3000);
    // A 3,000-row file: the template's heading, the picked rows filled in, and its hidden cycle sheet.
    const ws = sheet(wb);
    const out = new ExcelJS.Workbook();
    const data = out.addWorksheet('Nhập giá trị');
    data.addRow(ws.getRow(1).values as ExcelJS.CellValue[]);
    for (const r of pick) {
      const row = data.addRow(ws.getRow(r.n).values as ExcelJS.CellValue[]);
      row.getCell(COL.value).value = r.kind === 'Có/Không' ? 'Có' : 55; // '%' rates and other numbers alike
    }
    const meta = out.addWorksheet('_mtqg', { state: 'veryHidden' });
    wb.getWorksheet('_mtqg')!.eachRow((row) => meta.addRow(row.values as ExcelJS.CellValue[]));
    const started = Date.now();
    const res = await upload(office, out);
    expect(res.statusCode).toBe(202);
    const seen = new Set<string>();
    let job = res.json() as ValueImportJob;
    while (job.status === 'parsing') {
      seen.add(job.progress.phase);
      expect(job.progress.done).toBeLessThanOrEqual(Math.max(job.progress.total, job.progress.done));
      await new Promise((r) => setTimeout(r, 50));
      job = (await office.get(`/api/value-imports/${job.id}`)).json();
    }
    expect(job.status).toBe('validated');
    expect(job.counts).toMatchObject({ rows: 3000, errors: 0, changes: 3000 });
    expect(job.progress).toEqual({ phase: 'done', done: 3000, total: 3000 });
    expect(job.changes).toHaveLength(1000);
    expect(job.changesTruncated).toBe(true);
    const changesBefore = (await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from result_change`))!.n;
    const applied = await office.post(`/api/value-imports/${job.id}/apply`, { expectedVersion: job.version });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from result_change`))!.n - changesBefore).toBe(3000);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
