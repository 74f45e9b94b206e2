/**
 * Criteria journeys (issue 3): the catalog with verification badges; a commune's evaluation showing, per indicator,
 * the target that applies and why with its verification status; confirming a missing target with its source in a
 * provincial variant and seeing the evaluation change; comparing two versions; importing a set from a spreadsheet.
 */
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { check, type Journey } from './harness.js';

async function signInWithDemo(page: Page, base: string, login: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: `Dùng ${login}` }).click();
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const NATIONAL_2021 = 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025';

/** The status badge of an evaluation row (icon + word), as its text without the icon. */
async function statusOf(row: Locator): Promise<string> {
  const text = await row.locator('.eval-status .badge').first().innerText();
  return text.replace(/^[^\p{L}]+/u, '').trim();
}

async function waitForStatus(row: Locator, expected: string): Promise<void> {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < 10_000) {
    last = await statusOf(row).catch(() => '');
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected status "${expected}", saw "${last}"`);
}

const evalRow = (page: Page, code: string) => page.getByRole('listitem', { name: `Chỉ tiêu ${code}`, exact: true });

/** A workbook typed the way an official fills the template in. */
async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chỉ tiêu');
  ws.addRow(['Tiêu chí số', 'Tên tiêu chí', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Loại', 'Đơn vị tính', 'Chung', 'Vùng TDMNPB', 'Nguồn (văn bản, điều, trang)', 'Đã xác minh']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const criteriaJourneys: Journey[] = [
  {
    name: 'criteria: a commune evaluation says which target applies and why; confirming a target changes it',
    async run(page, base) {
      await signInWithDemo(page, base, 'demo.vpdp');
      await nav(page).getByRole('link', { name: 'Bộ tiêu chí' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí' }).waitFor();

      // The catalog lists the sets with their target counts by verification state.
      const catalog = page.getByRole('region', { name: 'Danh sách bộ tiêu chí' });
      const row = catalog.getByRole('row').filter({ has: page.getByRole('link', { name: NATIONAL_2021, exact: true }) });
      await row.getByText('Đã ban hành').waitFor();
      await row.getByText(/30 đã xác minh/).waitFor();
      await row.getByText(/43 chưa có chỉ tiêu/).waitFor();
      await row.getByRole('link', { name: NATIONAL_2021, exact: true }).click();

      // The set page: criteria → indicators → targets, each with its state badge and source.
      await page.getByRole('heading', { level: 1, name: NATIONAL_2021 }).waitFor();
      const ind5 = page.getByRole('article', { name: /^5 Tỷ lệ trường học/ });
      const tdmnpb = ind5.getByRole('row').filter({ hasText: 'vùng Trung du và miền núi phía Bắc (TDMNPB)' }).first();
      await tdmnpb.getByText('≥ 100%', { exact: true }).waitFor();
      await tdmnpb.getByText('Đã xác minh').waitFor();
      const ind10 = page.getByRole('article', { name: /^10 Thu nhập/ });
      await ind10.getByText('Chưa có chỉ tiêu').first().waitFor();
      check((await page.getByRole('button', { name: /Nhập mức chỉ tiêu/ }).count()) === 0, 'a national set offers no target editing');

      // Evaluate Xã Bát Xát for 2025.
      await page.getByRole('link', { name: 'Đánh giá một xã' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đánh giá xã theo bộ tiêu chí' }).waitFor();
      await page.getByLabel('Năm đánh giá').selectOption('2025');
      await page.getByRole('combobox', { name: /Xã được đánh giá/ }).fill('bat xat');
      await page.getByRole('option', { name: /Xã Bát Xát/ }).click();
      await page.getByRole('heading', { name: 'Kết quả: Xã Bát Xát, năm 2025' }).waitFor();
      check(new URL(page.url()).searchParams.get('year') === '2025', 'the year is in the URL');

      // Indicator 5: the TDMNPB target applies, because of the commune's region; verified; 90% is 10% short.
      const row5 = evalRow(page, '5');
      await row5.getByLabel(/Giá trị của xã/).fill('90');
      await waitForStatus(row5, 'Chưa đạt');
      await row5.getByText('≥ 100%', { exact: true }).waitFor();
      await row5.getByText('Chọn theo vùng Trung du và miền núi phía Bắc (TDMNPB).').waitFor();
      await row5.getByText('Đã xác minh').waitFor();
      await row5.getByText('còn thiếu 10%', { exact: true }).waitFor();
      await row5.getByLabel(/Giá trị của xã/).fill('100');
      await waitForStatus(row5, 'Đạt');

      // Indicator 10 (income): no target in the law as loaded → target unknown, "chưa có chỉ tiêu".
      const row10 = evalRow(page, '10');
      await row10.getByLabel(/Giá trị của xã/).fill('45');
      await waitForStatus(row10, 'Chưa rõ mức chỉ tiêu');
      await row10.getByText('Chưa có chỉ tiêu').waitFor();

      // The national set cannot be edited: copy it into a provincial variant (a draft) from here.
      await page.getByRole('button', { name: 'Tạo biến thể tỉnh để nhập chỉ tiêu' }).click();
      const clone = page.getByRole('dialog', { name: 'Sao chép bộ tiêu chí' });
      await clone.getByText('Tỉnh Lào Cai').waitFor(); // the office's own province, pre-filled
      await clone.getByRole('button', { name: 'Tạo bản nháp' }).click();
      await page.getByText(/Đã tạo bản nháp “.*”: đang đánh giá theo bản nháp này\./).waitFor();
      await page.locator('.eval-set-line').getByText('Bản nháp').waitFor();
      check((await row10.getByLabel(/Giá trị của xã/).inputValue()) === '45', 'the typed values are kept in the variant');
      await waitForStatus(row10, 'Chưa rõ mức chỉ tiêu');

      // Confirm the income target for TDMNPB, 2025, with its source.
      await row10.getByRole('button', { name: 'Nhập chỉ tiêu 10' }).click();
      const dialog = page.getByRole('dialog', { name: 'Xác nhận mức chỉ tiêu' });
      await dialog.getByLabel('Vùng', { exact: true }).selectOption('TDMNPB');
      await dialog.getByLabel('Từ năm', { exact: true }).fill('2025');
      await dialog.getByLabel('Đến năm', { exact: true }).fill('2025');
      await dialog.getByText('Mức này áp dụng cho: vùng Trung du và miền núi phía Bắc (TDMNPB), năm 2025.').waitFor();
      await dialog.getByLabel(/^Mức chỉ tiêu/).fill('41');
      await dialog.getByRole('button', { name: 'Xác nhận mức chỉ tiêu' }).click();
      await dialog.getByText('Ghi rõ văn bản (số, ngày, cơ quan ban hành)').waitFor(); // the source is required
      await dialog.getByLabel(/^Văn bản nguồn/).fill('Quyết định 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ');
      await dialog.getByLabel(/^Điều, khoản, phụ lục/).fill('Phụ lục I, tiêu chí 10');
      await dialog.getByLabel('Trang', { exact: true }).fill('5');
      check(await dialog.getByLabel(/Tôi đã đối chiếu/).isChecked(), '"confirmed" is ticked when confirming');
      await dialog.getByRole('button', { name: 'Xác nhận mức chỉ tiêu' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The evaluation changes: 45 ≥ 41, verified, chosen by region and year.
      await waitForStatus(row10, 'Đạt');
      await row10.getByText('≥ 41 triệu đồng/người/năm', { exact: true }).waitFor();
      await row10.getByText('Đã xác minh').waitFor();
      await row10.getByText(/Chọn theo vùng Trung du và miền núi phía Bắc \(TDMNPB\); năm đánh giá 2025/).waitFor();
      await row10.getByText(/Quyết định 318\/QĐ-TTg ngày 08\/3\/2022.*Phụ lục I, tiêu chí 10, tr\. 5/).waitFor();

      // The set page records who confirmed it and when.
      await row10.getByRole('link', { name: 'Xem mọi mức của chỉ tiêu 10' }).click();
      const card = page.getByRole('article', { name: /^10 Thu nhập/ });
      await card.getByText(/Văn phòng Điều phối NTM tỉnh Lào Cai xác nhận lúc \d\d\/\d\d\/\d{4}/).waitFor();
      await card.getByText('Đã xác minh').first().waitFor();
    },
  },
  {
    name: 'criteria: compare the national 2021–2025 set with the illustrative provincial variant',
    async run(page, base) {
      await signInWithDemo(page, base, 'demo.xem');
      await nav(page).getByRole('link', { name: 'Bộ tiêu chí' }).click();
      check((await page.getByRole('link', { name: 'Nhập từ bảng tính' }).count()) === 0, 'no import for a viewer');
      await page.getByRole('link', { name: 'So sánh hai phiên bản' }).click();
      await page.getByRole('heading', { level: 1, name: 'So sánh bộ tiêu chí' }).waitFor();
      const from = page.getByLabel('Bộ trước');
      const to = page.getByLabel('Bộ sau');
      await from.locator('option', { hasText: /^NTM_XA_2021_2025 — / }).waitFor({ state: 'attached' });
      const fromValue = await from.locator('option', { hasText: /^NTM_XA_2021_2025 — / }).getAttribute('value');
      const toValue = await to.locator('option', { hasText: /^NTM_XA_2021_2025-LAO_CAI-MINH_HOA — / }).getAttribute('value');
      check(fromValue && toValue, 'both sets are listed');
      await page.getByRole('button', { name: 'So sánh', exact: true }).click();
      await page.getByRole('alert').getByText('Chọn đủ hai bộ tiêu chí để so sánh.').waitFor();
      await from.selectOption(fromValue);
      await to.selectOption(toValue);
      await page.getByRole('button', { name: 'So sánh', exact: true }).click();

      const counts = page.getByRole('list', { name: 'Số thay đổi' });
      await counts.getByText('Thêm: 43').waitFor();
      await counts.getByText('Bỏ: 0').waitFor();
      // The set's own name changed, before and after side by side.
      const header = page.getByRole('region', { name: 'Thông tin chung của bộ' });
      await header.getByRole('cell', { name: NATIONAL_2021, exact: true }).waitFor();
      // Income (10): an illustrative target was added where the law as loaded has none.
      const income = page.getByRole('region', { name: 'Tiêu chí 10. Thu nhập' });
      const target = income.getByRole('row').filter({ hasText: 'Mức chung (mọi xã, mọi năm)' });
      await target.getByText('Thêm').waitFor();
      await target.getByText('không có').waitFor();
      await target.getByText(/Dữ liệu minh họa$/).waitFor(); // the badge, not the source text
      check(new URL(page.url()).searchParams.get('from') === fromValue, 'the comparison is in the URL');

      // The variant's own page offers the same comparison with its national set.
      await page.getByRole('link', { name: /^NTM_XA_2021_2025-LAO_CAI-MINH_HOA/ }).click();
      await page.getByRole('note').getByText(/dữ liệu minh họa để dùng thử/).waitFor();
      await page.getByRole('link', { name: 'So sánh với bộ gốc' }).click();
      await counts.getByText('Thêm: 43').waitFor();
    },
  },
  {
    name: 'criteria: import a set from a spreadsheet, read the validation report, fix and apply',
    async run(page, base) {
      await signInWithDemo(page, base, 'demo.vpdp');
      await page.goto(`${base}/criteria`);
      await page.getByRole('link', { name: 'Nhập từ bảng tính' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nhập bộ tiêu chí từ bảng tính' }).waitFor();
      const template = await page.request.get(`${base}/api/criteria/import-template.xlsx`);
      check(template.ok() && template.headers()['content-type']?.includes('spreadsheetml'), 'the template downloads');

      await page.getByLabel(/^Mã bộ tiêu chí/).fill('LC_NHAP_E2E');
      await page.getByLabel(/^Tên bộ tiêu chí/).fill('Bộ tiêu chí xã NTM tỉnh Lào Cai (nhập thử)');
      await page.getByLabel(/^Căn cứ pháp lý/).fill('QĐ 318/QĐ-TTg; Quyết định của UBND tỉnh Lào Cai');
      await page.getByLabel(/^Hiệu lực từ ngày/).fill('08/03/2022');
      const SRC = 'QĐ 318/QĐ-TTg ngày 08/3/2022, Phụ lục I';
      const good: (string | number | null)[][] = [
        ['1', 'Quy hoạch', '1.1', 'Có quy hoạch chung xây dựng xã được phê duyệt', 'Có/Không', null, 'Có', null, `${SRC}, tr. 1`, 'Có'],
        ['10', 'Thu nhập', '10', 'Thu nhập bình quân đầu người', 'Tối thiểu', 'triệu đồng/người/năm', null, '41,5', `${SRC}, tr. 5`, 'Không'],
      ];
      const bad = [...good, ['10', null, '10.2', 'Chỉ tiêu có loại sai', 'Loại không có', null, null, null, null, null]];
      await page.getByLabel(/^Tệp bảng tính/).setInputFiles({
        name: 'phu-luc-loi.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbook(bad),
      });
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      const report = page.getByRole('region', { name: 'Báo cáo kiểm tra: phu-luc-loi.xlsx' });
      await report.getByText(/Có \d+ lỗi: sửa tệp rồi kiểm tra lại$/).waitFor();
      const badRow = report.getByRole('row').filter({ hasText: '10.2' });
      await badRow.getByText('Lỗi').first().waitFor();
      check((await page.getByRole('button', { name: 'Tạo bộ tiêu chí (bản nháp)' }).count()) === 0, 'a file with errors cannot be applied');

      await page.getByLabel(/^Tệp bảng tính/).setInputFiles({
        name: 'phu-luc.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbook(good),
      });
      check((await report.count()) === 0, 'a new file clears the old report');
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      const okReport = page.getByRole('region', { name: 'Báo cáo kiểm tra: phu-luc.xlsx' });
      await okReport.getByText('Tệp hợp lệ: có thể tạo bộ tiêu chí').waitFor();
      await page.getByRole('button', { name: 'Tạo bộ tiêu chí (bản nháp)' }).click();
      await page.getByText('Đã tạo bản nháp:').waitFor();
      await page.getByRole('link', { name: 'Bộ tiêu chí xã NTM tỉnh Lào Cai (nhập thử)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí xã NTM tỉnh Lào Cai (nhập thử)' }).waitFor();
      await page.getByText('LC_NHAP_E2E', { exact: true }).first().waitFor();
      const income = page.getByRole('article', { name: /^10 Thu nhập/ });
      await income.getByText('≥ 41,5 triệu đồng/người/năm').waitFor();
      await income.getByText('Chưa xác minh').first().waitFor();
    },
  },
  {
    name: 'criteria: the evaluation works on a 360 px phone without sideways scrolling',
    viewport: { width: 360, height: 740 },
    async run(page, base) {
      await signInWithDemo(page, base, 'demo.xa');
      await page.getByRole('button', { name: /menu/i }).click();
      await nav(page).getByRole('link', { name: 'Bộ tiêu chí' }).click();
      await page.getByRole('link', { name: NATIONAL_2021, exact: true }).click();
      await page.getByRole('link', { name: 'Đánh giá một xã' }).click();
      await page.getByLabel('Năm đánh giá').selectOption('2025');
      await page.getByRole('combobox', { name: /Xã được đánh giá/ }).fill('bat xat');
      await page.getByRole('option', { name: /Xã Bát Xát/ }).click();
      const row = evalRow(page, '3.1');
      await row.getByLabel(/Giá trị của xã/).fill('85');
      await waitForStatus(row, 'Đạt');
      await row.getByText('Mức chung: không phân theo vùng, nhóm xã hay năm.').waitFor();
      check((await page.getByRole('button', { name: /Tạo biến thể tỉnh/ }).count()) === 0, 'a commune officer cannot copy sets');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `horizontal overflow of ${overflow}px`);
    },
  },
];
