/**
 * Standard reports over HTTP on a real database: figures checked against data built here (commune summaries of four
 * 2024 communes in two districts, a cycle with values, a recognition, an assignment with activities, obstacles),
 * scope limits, the streamed workbook opened with exceljs and the narrative .docx opened as a zip.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type Client, type TestContext } from '../../test/app.js';
import { readZip } from '../../test/zip.js';
import { exportIndicatorValuesXlsx } from './reports.service.js';

let t: TestContext;
let admin: Client;
let district: Client;
let officer: Client;
let setId = '';
const u = { a: '', b: '', c: '', d: '', batXat: '', cityDistrict: '', province: '' };
let criteria: string[] = [];
let thisYear = 0;

async function xlsx(res: { statusCode: number; body: string; rawPayload: Buffer; headers: Record<string, unknown> }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.userClient({ roles: ['system_admin'] });
  u.province = await t.unitId('10', '2024-06-01');
  u.batXat = await t.unitId('082', '2024-06-01');
  u.cityDistrict = (await queryRows<{ parent_id: string }>(t.db, sql`select parent_id from unit where id = ${await t.unitId('02677', '2024-06-01')}`))[0]!.parent_id;
  u.a = await t.unitId('02710', '2024-06-01');
  u.b = await t.unitId('02716', '2024-06-01');
  u.c = await t.unitId('02734', '2024-06-01');
  u.d = await t.unitId('02677', '2024-06-01');
  district = await t.userClient({ roles: ['district_reviewer'], scopeUnitIds: [u.batXat] });
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [u.a] });
  setId = ((await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json() as { items: Array<{ id: string }> }).items[0]!.id;
  criteria = (await queryRows<{ n: string }>(t.db, sql`select c->>'number' as n from criteria_set s, jsonb_array_elements(s.definition->'criteria') c where s.id = ${setId}`)).map((r) => r.n);
  expect(criteria).toHaveLength(19);

  const res = await admin.post('/api/cycles', {
    setId,
    year: 2024,
    name: 'Đánh giá năm 2024 (kiểm thử báo cáo)',
    deadlines: { submit: '2024-10-31', steps: {} },
    reviewChain: [{ key: 'district', level: 'district', label: 'Huyện thẩm tra', routing: 'unit_parent' }],
    communes: { kind: 'units', withinUnitId: u.province, unitIds: [u.a, u.b, u.c, u.d] },
  });
  expect(res.statusCode, res.body).toBe(201);
  const cycleId = (res.json() as { id: string }).id;
  await t.db.execute(sql`update indicator_result r set value = '87.5'::jsonb from assessment a where a.id = r.assessment_id and a.cycle_id = ${cycleId} and r.indicator_code = '3.1'`);
  await t.db.execute(sql`update indicator_result r set value = 'true'::jsonb from assessment a where a.id = r.assessment_id and a.cycle_id = ${cycleId} and r.indicator_code = '1.1'`);

  // Summaries: A meets all 19; B 16 (1–3 not met); C 11 of 18 (1–7 not met, 19 n/a); D 4 (only 16–19 met).
  const statusOf = (notMet: (n: number) => boolean, na: (n: number) => boolean = () => false) =>
    criteria.map((n) => ({ number: n, status: na(Number(n)) ? 'not_applicable' : notMet(Number(n)) ? 'not_met' : 'met' }));
  const put = async (unitId: string, year: number, list: Array<{ number: string; status: string }>, basis: 'self' | 'appraised') => {
    const applicable = list.filter((x) => x.status !== 'not_applicable');
    const met = applicable.filter((x) => x.status === 'met').length;
    const a = (await queryRows<{ id: string }>(t.db, sql`select id from assessment where cycle_id = ${cycleId} and unit_id = ${unitId}`))[0]?.id ?? null;
    await t.db.execute(sql`insert into commune_status (unit_id, year, set_id, assessment_id, criteria_met, criteria_applicable, meets_standard, missing, criteria, basis)
      values (${unitId}, ${year}, ${setId}, ${year === 2024 ? a : null}, ${met}, ${applicable.length}, ${met === applicable.length},
              ${JSON.stringify(applicable.filter((x) => x.status !== 'met').map((x) => x.number))}::jsonb, ${JSON.stringify(list)}::jsonb, ${basis})`);
  };
  await put(u.a, 2024, statusOf(() => false), 'appraised');
  await put(u.b, 2024, statusOf((n) => n <= 3), 'appraised');
  await put(u.c, 2024, statusOf((n) => n <= 7, (n) => n === 19), 'self');
  await put(u.d, 2024, statusOf((n) => n <= 15), 'appraised');
  await put(u.a, 2023, statusOf((n) => n <= 2), 'appraised');

  await t.db.execute(sql`insert into recognition (unit_id, kind, level, year, decision_no) values (${u.a}, 'recognition', 'ntm', 2023, '123/QĐ-UBND')`);

  const agencyId = ((await admin.get(`/api/agencies?q=${encodeURIComponent('Sở Y tế')}`)).json() as { items: Array<{ id: string }> }).items[0]!.id;
  const asg = await admin.post('/api/assignments', { agencyId, unitIds: [u.a], validFrom: '2024-01-01', legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: '2023-12-20', leaderName: 'Phó Giám đốc', team: [] });
  expect(asg.statusCode, asg.body).toBe(201);
  for (const [date, kind, vnd] of [
    ['2024-03-05', 'field_visit', 5_000_000],
    ['2024-06-10', 'communication', 1_500_000],
  ] as const) {
    const r = await admin.post('/api/activities', {
      unitId: u.a,
      agencyId,
      kind,
      date,
      participants: 'Tổ giúp đỡ',
      content: 'Hướng dẫn xây dựng hồ sơ',
      supportValueVnd: vnd,
      followUps: [{ text: 'Hoàn thiện hồ sơ', ownerName: 'UBND xã', dueDate: '2024-12-01' }],
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  const entry = await admin.post('/api/resources', { unitId: u.a, year: 2024, componentId: null, source: 'central_budget', criterion: '2', workName: 'Đường trục thôn', plannedVnd: 1_500_000_000, allocatedVnd: 1_200_000_000, disbursedVnd: 900_000_000 });
  expect(entry.statusCode, entry.body).toBe(201);
  const list = await admin.post('/api/target-lists', { provinceUnitId: u.province, year: 2024, title: 'Danh sách xã đăng ký đạt chuẩn NTM năm 2024', documentNo: '239/KH-BCĐ', documentDate: '2024-01-15' });
  expect(list.statusCode, list.body).toBe(201);
  const listed = await admin.post(`/api/target-lists/${(list.json() as { id: string }).id}/communes`, { expectedVersion: (list.json() as { rowVersion: number }).rowVersion, items: [{ unitId: u.b, targetLevel: 'ntm' }] });
  expect(listed.statusCode, listed.body).toBe(200);
  thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
  for (const level of ['commune', 'department'] as const) {
    const r = await admin.post('/api/obstacles', { unitId: u.a, title: `Thiếu kinh phí (${level})`, description: 'Chưa bố trí vốn đối ứng', category: 'funding', level, ...(level === 'department' ? { assigneeAgencyId: agencyId } : {}) });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('catalog', () => {
  it('lists every standard report with what the caller may do', async () => {
    const res = await officer.get('/api/reports');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ key: string; number: number; available: boolean; abilities: { canView: boolean }; formats: string[] }>;
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(items.find((i) => i.key === 'maintenance')!.abilities.canView).toBe(false); // commune officers: no maintenance review
    expect(items.find((i) => i.key === 'narrative')!.formats).toContain('docx');
    expect(items.find((i) => i.key === 'criteria-achievement')!.abilities.canView).toBe(true);
  });
});

describe('(1) criteria achievement', () => {
  it('counts communes meeting each criterion, overall and per district', async () => {
    const res = await admin.get(`/api/reports/criteria-achievement?year=2024&unitId=${u.province}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.scope.set.code).toBe('NTM_XA_2021_2025');
    const s = r.sections[0];
    const total = s.rows.filter((x: { kind: string }) => x.kind === 'total');
    expect(total).toHaveLength(19);
    // criterion 1: met by A only → 1/4 = 25 %; criterion 19: n/a for C, met by A, B, D → 3/3 = 100 %
    expect(total[0].cells.slice(1, 2).concat(total[0].cells.slice(3))).toEqual(['1', 4, 1, 0, 25]);
    expect(total[18].cells.slice(3)).toEqual([4, 3, 1, 100]);
    // criterion 5: met by A and B → 50 %
    expect(total[4].cells[6]).toBe(50);
    const groups = s.rows.filter((x: { kind: string }) => x.kind === 'group').map((x: { cells: string[] }) => x.cells[0]);
    expect(groups).toContain('Huyện Bát Xát');
    expect(groups).toHaveLength(3); // the total block + two districts
  });

  it('limits the figures to the scope and refuses a unit outside it', async () => {
    const r = (await district.get('/api/reports/criteria-achievement?year=2024')).json();
    const first = r.sections[0].rows.find((x: { kind: string }) => x.kind === 'total');
    expect(first.cells[3]).toBe(3); // A, B, C only
    expect((await district.get(`/api/reports/criteria-achievement?year=2024&unitId=${u.cityDistrict}`)).statusCode).toBe(404);
  });

  it('counts only appraised summaries when asked', async () => {
    const r = (await admin.get('/api/reports/criteria-achievement?year=2024&basis=appraised')).json();
    expect(r.sections[0].rows.find((x: { kind: string }) => x.kind === 'total').cells[3]).toBe(3); // C is self-assessed
  });

  it('exports the same table as a streamed .xlsx with title rows, a frozen header and number formats', async () => {
    const res = await admin.get(`/api/reports/criteria-achievement/xlsx?year=2024&unitId=${u.province}`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="Bao_cao_1_.*2024\.xlsx"; filename\*=UTF-8''B%C3%A1o%20c%C3%A1o%201/);
    const wb = await xlsx(res);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toBe('KẾT QUẢ THỰC HIỆN TIÊU CHÍ THEO TIÊU CHÍ VÀ ĐƠN VỊ');
    const texts = ws.getColumn(1).values.map(String);
    expect(texts).toContain('Năm: 2024');
    expect(texts.some((x) => x.startsWith('Lập lúc: '))).toBe(true);
    expect(texts.some((x) => x.includes('minh họa'))).toBe(false);
    let header = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(1).value === 'Đơn vị' && r.getCell(7).value === 'Tỷ lệ đạt (%)') header = i;
    });
    expect(header).toBeGreaterThan(0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    const first = ws.getRow(header + 2); // the group heading, then criterion 1 of the total block
    expect([first.getCell(2).value, first.getCell(4).value, first.getCell(5).value, first.getCell(7).value]).toEqual(['1', 4, 1, 0.25]);
    expect(first.getCell(7).numFmt).toBe('0.0%');
    expect(first.getCell(4).numFmt).toBe('#,##0');
    expect(ws.getColumn(3).width).toBe(40);
  });
});

describe('(2) bands and averages', () => {
  it('bands the communes 19 / 15–18 / 10–14 / 5–9 / under 5 with the average per year', async () => {
    const r = (await admin.get(`/api/reports/bands?year=2024&fromYear=2023`)).json();
    const s = r.sections[0];
    expect(s.columns.map((c: { label: string }) => c.label).slice(5, 10)).toEqual(['Đạt 19 tiêu chí', 'Đạt 15–18 tiêu chí', 'Đạt 10–14 tiêu chí', 'Đạt 5–9 tiêu chí', 'Đạt Dưới 5 tiêu chí']);
    const y2024 = s.rows.find((x: { kind: string; cells: number[] }) => x.kind === 'total' && x.cells[0] === 2024);
    // 19 + 16 + 11 (of 18 applicable) + 4 = 50 / 4 = 12.5; one commune meets the standard (A)
    expect(y2024.cells.slice(2)).toEqual([4, 12.5, 1, 1, 1, 1, 0, 1, 25]);
    const y2023 = s.rows.find((x: { kind: string; cells: number[] }) => x.kind === 'total' && x.cells[0] === 2023);
    expect(y2023.cells.slice(2, 4)).toEqual([1, 17]);
    const batXat = s.rows.find((x: { cells: Array<string | number> }) => x.cells[0] === 2024 && x.cells[1] === 'Huyện Bát Xát');
    expect(batXat.cells[3]).toBe(15.3); // (19 + 16 + 11) / 3 = 15.33
  });
});

describe('(3) commune profile', () => {
  it("shows the commune's criteria with values, its history and its recognition", async () => {
    const r = (await officer.get(`/api/reports/commune-profile?year=2024&communeId=${u.a}`)).json();
    const crit = r.sections.find((s: { key: string }) => s.key === 'criteria');
    const v = crit.rows.find((x: { cells: unknown[] }) => x.cells[1] === '3.1');
    expect(v.cells[3]).toBe(87.5);
    expect(crit.rows.find((x: { cells: unknown[] }) => x.cells[1] === '1.1').cells[3]).toBe('Có');
    const rec = r.sections.find((s: { key: string }) => s.key === 'recognitions');
    expect(rec.rows[0].cells.slice(0, 4)).toEqual(['Công nhận', 'Nông thôn mới', 2023, '123/QĐ-UBND']);
    const hist = r.sections.find((s: { key: string }) => s.key === 'history');
    expect(hist.rows.map((x: { cells: number[] }) => [x.cells[0], x.cells[3]])).toEqual([
      [2024, 19],
      [2023, 17],
    ]);
    expect((await officer.get(`/api/reports/commune-profile?year=2024&communeId=${u.b}`)).statusCode).toBe(404);
    expect((await officer.get('/api/reports/commune-profile?year=2024')).json().code).toBe('VALIDATION');
  });
});

describe('(4) maintenance review', () => {
  it('reuses the maintenance review: A recognised in 2023 still keeps every criterion', async () => {
    const r = (await admin.get('/api/reports/maintenance?year=2024')).json();
    const row = r.sections[0].rows.find((x: { cells: string[] }) => x.cells[0] === 'Xã Bản Vược');
    expect(row.cells).toEqual(['Xã Bản Vược', 'Nông thôn mới', 2023, '123/QĐ-UBND', 2024, 19, 19, null, 2, 'Duy trì']);
    expect(row.link).toBe(`/communes/${u.a}?year=2024`);
    expect((await officer.get('/api/reports/maintenance?year=2024')).statusCode).toBe(403);
  });
});

describe('(6) activities and (7) obstacles', () => {
  it('sums activities, visits, follow-ups and support per agency', async () => {
    const r = (await admin.get('/api/reports/activities-by-agency?year=2024')).json();
    const row = r.sections[0].rows.find((x: { cells: string[] }) => x.cells[0] === 'Sở Y tế');
    expect(row.cells).toEqual(['Sở Y tế', 1, 2, 1, 2, 0, 0, 6_500_000, '2024-06-10']);
    const wb = await xlsx(await admin.get('/api/reports/activities-by-agency/xlsx?year=2024'));
    const ws = wb.worksheets[0]!;
    let found: ExcelJS.Row | undefined;
    ws.eachRow((rr) => {
      if (rr.getCell(1).value === 'Sở Y tế') found = rr;
    });
    expect(found!.getCell(8).value).toBe(6_500_000);
    expect((found!.getCell(9).value as Date).toISOString().slice(0, 10)).toBe('2024-06-10');
    expect(found!.getCell(9).numFmt).toBe('dd/mm/yyyy');
  });

  it('counts obstacles by level and status and lists the open ones', async () => {
    const r = (await admin.get(`/api/reports/obstacles?year=${thisYear}`)).json();
    const [levels, open] = r.sections;
    expect(levels.rows.find((x: { cells: string[] }) => x.cells[0] === 'Cấp xã').cells.slice(1, 7)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(levels.rows.find((x: { kind: string }) => x.kind === 'total').cells.slice(1, 7)).toEqual([2, 0, 0, 0, 0, 2]);
    expect(open.rows).toHaveLength(2);
    expect((await admin.get(`/api/reports/obstacles?year=2024`)).json().sections[1].rows).toHaveLength(0);
  });
});

describe('(5) target-commune progress and (8) resources', () => {
  it('lists the target communes with criteria met, missing and the at-risk verdict (targetProgress)', async () => {
    const r = (await admin.get('/api/reports/target-progress?year=2024')).json();
    const rows = r.sections[0].rows;
    const b = rows.find((x: { link: string }) => x.link === `/communes/${u.b}?year=2024`);
    expect(b.cells.slice(2, 7)).toEqual(['Nông thôn mới', 2024, 16, 19, '1, 2, 3']);
    expect(b.cells[12]).toBe('Có nguy cơ không đạt');
    expect(b.cells[13]).toContain('còn thiếu 3 tiêu chí');
    expect(rows.at(-1).kind).toBe('total');
    expect(rows.at(-1).cells[0]).toBe('Tổng cộng: 1 xã');
  });

  it('totals resources by source, unit and component (resourceTotals), with the disbursement rate', async () => {
    const r = (await admin.get('/api/reports/resources?year=2024')).json();
    const [bySource, byUnit, byComponent] = r.sections;
    expect(bySource.rows[0].cells).toEqual(['Ngân sách trung ương', 1, 1_500_000_000, 1_200_000_000, 900_000_000, 75, 0, 0]);
    expect(bySource.rows.at(-1).kind).toBe('total');
    expect(byUnit.rows).toHaveLength(2);
    expect(byComponent.rows[0].cells[0]).toBe('Ngoài các chương trình');
    const docx = await admin.get(`/api/reports/narrative/docx?year=2024&unitId=${u.province}`);
    const text = readZip(docx.rawPayload).get('word/document.xml')!.toString('utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain('Tổng kế hoạch vốn 1.500.000.000 đồng; đã phân bổ 1.200.000.000 đồng; đã giải ngân 900.000.000 đồng (tỷ lệ giải ngân 75,0%');
    expect(text).toContain('Theo danh sách xã đăng ký đạt chuẩn năm 2024 (1 xã): 0 xã đã đạt đủ tiêu chí; 1 xã có nguy cơ');
  });
});

describe('demonstration data', () => {
  it('puts the demo note in the view and in the workbook when any row is demo', async () => {
    await t.db.execute(sql`update commune_status set is_demo = true where unit_id = ${u.d} and year = 2024`);
    try {
      const r = (await admin.get('/api/reports/bands?year=2024')).json();
      expect(r.hasDemo).toBe(true);
      expect(r.notes[0]).toBe('Có dữ liệu minh họa (không phải số liệu thật) trong báo cáo này.');
      const ws = (await xlsx(await admin.get('/api/reports/bands/xlsx?year=2024'))).worksheets[0]!;
      expect(ws.getColumn(1).values.map(String)).toContain('Có dữ liệu minh họa (không phải số liệu thật) trong báo cáo này.');
      expect((await admin.get('/api/reports/activities-by-agency?year=2024')).json().hasDemo).toBe(false);
    } finally {
      await t.db.execute(sql`update commune_status set is_demo = false where unit_id = ${u.d} and year = 2024`);
    }
  });
});

describe('indicator values by commune (the big export)', () => {
  it('lists communes × indicators and streams the same to a workbook through the service function', async () => {
    const r = (await admin.get('/api/reports/indicator-values?year=2024')).json();
    const s = r.sections[0];
    expect(s.totalRows).toBe(4);
    const i31 = s.columns.findIndex((c: { key: string }) => c.key === 'i_3.1');
    expect(s.rows.every((x: { cells: unknown[] }) => x.cells[i31] === 87.5)).toBe(true);
    const indicators = await queryRows<{ n: number }>(t.db, sql`select sum(jsonb_array_length(c->'indicators'))::int as n from criteria_set s, jsonb_array_elements(s.definition->'criteria') c where s.id = ${setId}`);
    expect(s.columns.length).toBe(5 + indicators[0]!.n);

    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((ok) => out.on('end', ok));
    const adminActor = { id: admin.user.id, login: admin.user.login, name: 'admin', roles: ['system_admin' as const], agencyId: null };
    const { fileName } = await exportIndicatorValuesXlsx(t.db, { actor: adminActor, requestId: 'test', ip: null }, { year: 2024 }, out);
    await done;
    expect(fileName).toContain('Giá trị chỉ tiêu theo xã');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const names: string[] = [];
    ws.eachRow((rr) => {
      if (typeof rr.getCell(2).value === 'string' && String(rr.getCell(2).value).startsWith('Xã ')) names.push(String(rr.getCell(2).value));
    });
    expect(names).toHaveLength(4);
  });
});

describe('narrative report (.docx, Decree 30/2020/NĐ-CP layout)', () => {
  it('is a Word file with the motto header, the number and date lines, the figures and Times New Roman', async () => {
    const res = await admin.get(`/api/reports/narrative/docx?year=2024&unitId=${u.province}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''B%C3%A1o%20c%C3%A1o`);
    const xml = readZip(res.rawPayload).get('word/document.xml')!.toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND TỈNH LÀO CAI');
    expect(text).toMatch(/Số: +\/BC-VPĐP/);
    expect(text).toMatch(/Lào Cai, ngày +tháng +năm \d{4}/);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('bình quân đạt 12,5 tiêu chí/xã (giảm 4,5 tiêu chí so với năm 2023)');
    expect(text).toContain('có 1 xã đang được công nhận đạt chuẩn nông thôn mới');
    expect(text).toContain('tổng giá trị hỗ trợ 6.500.000 đồng');
    expect(text).toContain('Bảng 1. Phân nhóm xã theo số tiêu chí đạt');
    expect(text).toContain('Nơi nhận:');
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar[^>]*w:left="1701"/);
  });

  it('is for leaders only, in scope', async () => {
    expect((await officer.get('/api/reports/narrative/docx?year=2024')).statusCode).toBe(403);
    expect((await district.get(`/api/reports/narrative/docx?year=2024&unitId=${u.cityDistrict}`)).statusCode).toBe(404);
    const view = (await district.get('/api/reports/narrative?year=2024')).json();
    expect(view.sections[0].rows.find((x: { cells: string[] }) => x.cells[0] === 'Bình quân tiêu chí/xã').cells[1]).toBe('15,3');
  });
});
