import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResponse, ImportReport, SetDetail } from '../../contracts/criteria.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { SHEET_NAME, templateHeadings } from './criteria.spreadsheet.js';

let t: TestContext;
let admin: Client;
let office: Client;
let officeYB: Client;
let viewer: Client;
let laoCai: string;
let yenBai: string;
let banVuoc: string;

beforeAll(async () => {
  t = await createTestContext();
  laoCai = await t.unitId('10', '2024-06-01');
  yenBai = await t.unitId('15', '2024-06-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  admin = await t.userClient({ roles: ['system_admin'] });
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [laoCai] });
  officeYB = await t.userClient({ roles: ['province_office'], scopeUnitIds: [yenBai] });
  viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [laoCai] });
});
afterAll(() => t.close());

type Cell = string | number | boolean | null;
const HEADINGS = [
  'Tiêu chí số',
  'Tên tiêu chí',
  'Mã chỉ tiêu',
  'Nội dung chỉ tiêu',
  'Loại',
  'Đơn vị tính',
  'Chung',
  'Vùng TDMNPB',
  'Nhóm xã 1',
  'Năm 2024',
  'Nguồn (văn bản, điều, trang)',
  'Đã xác minh',
];

/** A workbook built the way an official would fill it in, as base64. */
async function workbook(rows: Cell[][], headings: string[] = HEADINGS): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAME);
  ws.addRow(headings);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const SRC = 'QĐ 318/QĐ-TTg ngày 08/3/2022, Phụ lục I';
const goodRows: Cell[][] = [
  ['1', 'Quy hoạch', '1.1', 'Có quy hoạch chung xây dựng xã được phê duyệt', 'Có/Không', null, 'Đạt', null, null, null, `${SRC}, tr. 1`, 'Có'],
  ['1', null, '1.2', 'Ban hành quy định quản lý quy hoạch chung xây dựng xã', 'boolean', null, null, null, null, null, null, null],
  ['2', 'Giao thông', '2.1', 'Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa', 'Tỷ lệ tối thiểu', '%', null, '70%', null, null, `${SRC}, tr. 2`, 'Không'],
  ['10', 'Thu nhập', '10', 'Thu nhập bình quân đầu người', 'Tối thiểu', 'triệu đồng/người/năm', null, null, null, '41,5', `${SRC}, tr. 5`, 'Có'],
  ['10', 'Thu nhập', '10.N', 'Thu nhập bình quân đầu người theo nhóm xã', 'min', 'triệu đồng/người/năm', null, null, 45, null, 'QĐ 51/2025/QĐ-TTg', 'Không'],
];

const newSet = (code: string, provinceUnitId: string | null = laoCai) => ({
  code,
  name: 'Bộ tiêu chí xã NTM tỉnh Lào Cai (nhập từ bảng tính)',
  level: 'ntm',
  legalBasis: 'QĐ 318/QĐ-TTg; Quyết định của UBND tỉnh (kiểm thử)',
  validFrom: '2022-03-08',
  ...(provinceUnitId ? { provinceUnitId } : {}),
});

async function importFile(c: Client, mode: 'preview' | 'apply', contentBase64: string, target = newSet('LC_NHAP_1')) {
  return c.post('/api/criteria/import', { fileName: 'phu-luc-1.xlsx', contentBase64, mode, target: { newSet: target } });
}

describe('import template', () => {
  it('is a workbook with the columns, for the steering office only', async () => {
    const res = await office.get('/api/criteria/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet(SHEET_NAME)!;
    expect((ws.getRow(1).values as Cell[]).slice(1)).toEqual([...templateHeadings]);
    expect(templateHeadings).toContain('Vùng TDMNPB');
    expect(templateHeadings).toContain('Nhóm xã 3');
    expect(templateHeadings).toContain('Năm 2030');
    expect(wb.getWorksheet('Hướng dẫn')).toBeDefined();
    expect((await viewer.get('/api/criteria/import-template.xlsx')).statusCode).toBe(403);
    expect((await t.anon.get('/api/criteria/import-template.xlsx')).statusCode).toBe(401);
  });

  it('round-trips: the downloaded template, filled in, imports cleanly', async () => {
    const res = await office.get('/api/criteria/import-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet(SHEET_NAME)!;
    const col = (h: string) => templateHeadings.indexOf(h) + 1;
    const row = ws.getRow(2);
    row.getCell(col('Tiêu chí số')).value = 3;
    row.getCell(col('Tên tiêu chí')).value = 'Thủy lợi và phòng, chống thiên tai';
    row.getCell(col('Mã chỉ tiêu')).value = '3.1';
    row.getCell(col('Nội dung chỉ tiêu')).value = 'Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động';
    row.getCell(col('Loại')).value = 'Tỷ lệ tối thiểu';
    row.getCell(col('Chung')).value = 80;
    row.getCell(col('Nguồn (văn bản, điều, trang)')).value = SRC;
    row.getCell(col('Đã xác minh')).value = 'Có';
    row.commit();
    const b64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await importFile(office, 'preview', b64, newSet('LC_MAU'));
    expect(preview.statusCode, preview.body).toBe(200);
    expect((preview.json() as ImportReport).summary).toMatchObject({ rows: 1, criteria: 1, indicators: 1, targets: 1, errors: 0 });
  });
});

describe('spreadsheet import', () => {
  it('previews a good file: a validation report and nothing written', async () => {
    const before = await dataFingerprint(t.db);
    const res = await importFile(office, 'preview', await workbook(goodRows));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ImportReport;
    expect(r).toMatchObject({ mode: 'preview', ok: true, applied: false, set: null, sheet: SHEET_NAME, fileIssues: [] });
    expect(r.summary).toEqual({ rows: 5, criteria: 3, indicators: 5, targets: 4, errors: 0, warnings: 1 });
    expect(r.rows.map((x) => [x.row, x.code, x.targets])).toEqual([[2, '1.1', 1], [3, '1.2', 0], [4, '2.1', 1], [5, '10', 1], [6, '10.N', 1]]);
    expect(r.rows[1]!.issues).toEqual([{ severity: 'warning', column: null, message: expect.stringContaining('chưa có chỉ tiêu') }]);
    expect(await dataFingerprint(t.db)).toBe(before);
    expect((await office.get('/api/criteria/sets?code=LC_NHAP_1')).json().total).toBe(0);
  });

  it('applies a good file as a draft set with sources, verification and confirmations', async () => {
    const t0 = Date.now();
    const res = await importFile(office, 'apply', await workbook(goodRows));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as ImportReport;
    expect(r).toMatchObject({ mode: 'apply', ok: true, applied: true });
    expect(r.set).toMatchObject({ code: 'LC_NHAP_1', version: 1, status: 'draft', isNational: false, province: { id: laoCai }, isDemo: false });
    expect(r.set!.stats).toMatchObject({ criteria: 3, indicators: 5, targets: 4, verifiedTargets: 2, unverifiedTargets: 2, indicatorsWithoutTarget: 1 });

    const set = (await office.get(`/api/criteria/sets/${r.set!.id}`)).json() as SetDetail;
    const ind = (code: string) => set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
    expect(set.criteria.map((c) => [c.number, c.name])).toEqual([['1', 'Quy hoạch'], ['2', 'Giao thông'], ['10', 'Thu nhập']]);
    expect(ind('1.1').targets[0]).toMatchObject({ value: true, verified: true, source: `${SRC}, tr. 1`, confirmedBy: `Người dùng ${office.user.login}` });
    expect(Date.parse(ind('1.1').targets[0]!.confirmedAt!)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(ind('1.2')).toMatchObject({ targets: [], notice: 'chưa có chỉ tiêu' });
    expect(ind('2.1')).toMatchObject({ unit: '%', kind: 'percent_min' });
    expect(ind('2.1').targets[0]).toMatchObject({ matchText: 'vùng TDMNPB', value: 70, verified: false, notice: 'chưa xác minh', confirmedBy: null });
    expect(ind('10').targets[0]).toMatchObject({ match: { yearFrom: 2024, yearTo: 2024 }, matchText: 'năm 2024', value: 41.5 });
    expect(ind('10.N').targets[0]).toMatchObject({ match: { communeGroup: '1' }, value: 45 });

    const ev = (await office.post(`/api/criteria/sets/${set.id}/evaluate`, { unitId: banVuoc, year: 2024, values: { '2.1': 75, '10': 40 } })).json() as EvaluationResponse;
    const res2 = (code: string) => ev.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
    expect(res2('2.1')).toMatchObject({ status: 'target_unknown', reason: { by: 'region', region: 'TDMNPB' }, unverifiedTarget: 70, targetNotice: 'chưa xác minh' });
    expect(res2('10')).toMatchObject({ status: 'not_met', reason: { by: 'year', year: 2024 }, verified: true });
    expect(res2('1.2').status).toBe('target_unknown');

    const audit = (await office.get('/api/audit?action=criteria.import')).json().items as Array<{ entityId: string; after: { fileName: string } }>;
    expect(audit.map((a) => [a.entityId, a.after.fileName])).toEqual([[set.id, 'phu-luc-1.xlsx']]);

    // The same code again: a conflict on apply, an error in the preview.
    expect((await importFile(office, 'apply', await workbook(goodRows))).statusCode).toBe(409);
    const again = (await importFile(office, 'preview', await workbook(goodRows))).json() as ImportReport;
    expect(again.ok).toBe(false);
    expect(again.fileIssues[0]!.message).toContain('đã có');
  });

  it('reports every row problem in Vietnamese and creates nothing on apply', async () => {
    const rows: Cell[][] = [
      ['1', 'Quy hoạch', '1.1', 'Có quy hoạch', 'Phần trăm', null, 'Đạt', null, null, null, SRC, null],
      ['1', null, null, 'Không có mã', 'Có/Không', null, 'Đạt', null, null, null, SRC, null],
      ['1', null, '1.1', 'Trùng mã', 'Có/Không', null, 'Đạt', null, null, null, SRC, null],
      ['2', 'Giao thông', '2.1', 'Tỷ lệ đường', 'Tỷ lệ tối thiểu', '%', null, '80 phần trăm', null, null, SRC, null],
      ['2', null, '2.2', 'Tỷ lệ đường ngõ', 'Tỷ lệ tối thiểu', '%', 150, null, null, null, SRC, null],
      ['2', null, '2.3', 'Đường trục chính', 'Có/Không', null, 'Có thể', null, null, null, SRC, null],
      ['3', null, '3.1', 'Thiếu tên tiêu chí và nguồn', 'Tối thiểu', 'ha', 10, null, null, null, null, 'Chắc chắn'],
    ];
    const b64 = await workbook(rows);
    const res = await importFile(office, 'preview', b64, newSet('LC_LOI'));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ImportReport;
    expect(r.ok).toBe(false);
    const messages = (row: number) => r.rows.find((x) => x.row === row)!.issues.map((i) => `${i.column ?? ''}: ${i.message}`);
    expect(messages(2)).toEqual([expect.stringMatching(/^Loại: Loại chỉ tiêu không hợp lệ: "Phần trăm"/)]);
    expect(messages(3)).toEqual(['Mã chỉ tiêu: Thiếu mã chỉ tiêu']);
    expect(messages(4)).toEqual(['Mã chỉ tiêu: Mã chỉ tiêu "1.1" trùng với dòng 2']);
    expect(messages(5)).toEqual(['Vùng TDMNPB: Mức chỉ tiêu ở cột "Vùng TDMNPB" không phải là số: "80 phần trăm"']);
    expect(messages(6)).toEqual(['Chung: Mức chỉ tiêu ở cột "Chung" tỷ lệ phải từ 0 đến 100 (đọc được 150)']);
    expect(messages(7)).toEqual([expect.stringContaining('phải là Có hoặc Không')]);
    expect(messages(8)).toEqual([
      expect.stringContaining('"Đã xác minh" phải là Có hoặc Không'),
      'Nguồn (văn bản, điều, trang): Thiếu nguồn (văn bản, điều, trang) cho mức chỉ tiêu',
      'Tên tiêu chí: Thiếu tên tiêu chí 3 (ghi ở dòng đầu tiên của tiêu chí)',
    ]);
    expect(r.summary.errors).toBe(9);

    const before = await dataFingerprint(t.db);
    const applied = await importFile(office, 'apply', b64, newSet('LC_LOI'));
    expect(applied.statusCode).toBe(400);
    expect(applied.json()).toMatchObject({ code: 'VALIDATION', details: { report: { ok: false, applied: false } } });
    expect(applied.json().message).toContain('9 lỗi');
    expect(applied.json().details.fields[0]).toEqual({ path: 'dòng 2, cột Loại', message: expect.stringContaining('Phần trăm') });
    expect(await dataFingerprint(t.db)).toBe(before);
    expect((await office.get('/api/criteria/sets?code=LC_LOI')).json().total).toBe(0);
  });

  it('reports unknown regions, groups and missing columns as file problems', async () => {
    const headings = ['Tiêu chí số', 'Tên tiêu chí', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Loại', 'Vùng XYZ', 'Nhóm xã 4', 'Cột lạ', 'Nguồn'];
    const r = (await importFile(office, 'preview', await workbook([['1', 'A', '1.1', 'B', 'min', 1, 2, 3, SRC]], headings), newSet('LC_COT'))).json() as ImportReport;
    expect(r.ok).toBe(false);
    expect(r.fileIssues).toEqual([
      { severity: 'error', column: 'Vùng XYZ', message: expect.stringContaining('Vùng "XYZ" không có trong danh mục') },
      { severity: 'error', column: 'Nhóm xã 4', message: 'Nhóm xã "4" không có (chỉ có nhóm 1, 2, 3)' },
      { severity: 'warning', column: 'Cột lạ', message: 'Cột "Cột lạ" không nhận ra nên được bỏ qua' },
    ]);
    const noCode = (await importFile(office, 'preview', await workbook([['1']], ['Tiêu chí số', 'Nội dung']), newSet('LC_COT'))).json() as ImportReport;
    expect(noCode.fileIssues[0]!.message).toContain('Mã chỉ tiêu');
    const notExcel = (await importFile(office, 'preview', Buffer.from('không phải excel').toString('base64'), newSet('LC_COT'))).json() as ImportReport;
    expect(notExcel).toMatchObject({ ok: false, fileIssues: [{ message: expect.stringContaining('Không đọc được tệp') }] });
    const notBase64 = await importFile(office, 'preview', '***', newSet('LC_COT'));
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().details.fields[0].path).toBe('contentBase64');
    const empty = (await importFile(office, 'preview', await workbook([]), newSet('LC_COT'))).json() as ImportReport;
    expect(empty.fileIssues.map((i) => i.message)).toEqual(['Tệp không có dòng chỉ tiêu nào']);
  });

  it('imports for a province in scope; national sets need a system administrator', async () => {
    const b64 = await workbook(goodRows);
    const before = await dataFingerprint(t.db);
    expect((await t.anon.post('/api/criteria/import', { fileName: 'a.xlsx', contentBase64: b64, mode: 'preview', target: { newSet: newSet('X_1') } })).statusCode).toBe(401);
    expect((await importFile(viewer, 'apply', b64, newSet('X_2'))).statusCode).toBe(403);
    const national = await importFile(office, 'apply', b64, newSet('X_3', null));
    expect(national.statusCode).toBe(403);
    expect(national.json().message).toContain('quản trị hệ thống');
    expect((await importFile(officeYB, 'apply', b64, newSet('X_4', laoCai))).statusCode).toBe(403);
    expect((await importFile(officeYB, 'preview', b64, newSet('X_4', laoCai))).statusCode).toBe(403);
    const district = await importFile(office, 'apply', b64, newSet('X_5', await t.unitId('082', '2024-06-01')));
    expect(district.statusCode).toBe(400);
    expect(await dataFingerprint(t.db)).toBe(before);

    const byAdmin = await importFile(admin, 'apply', b64, newSet('QUOC_GIA_NHAP', null));
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect((byAdmin.json() as ImportReport).set).toMatchObject({ isNational: true, province: null, status: 'draft' });
  });

  it('accepts files above the default 1 MB body limit and refuses those above 5 MB', async () => {
    const big = Buffer.alloc(1_200_000, 7).toString('base64'); // ~1.6 MB of base64, not a workbook
    const ok = await importFile(office, 'preview', big, newSet('LC_LON'));
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as ImportReport).ok).toBe(false);
    const tooBig = await importFile(office, 'preview', 'A'.repeat(5_400_000), newSet('LC_LON'));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});
