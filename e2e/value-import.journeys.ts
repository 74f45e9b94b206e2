/**
 * "Excel import of values" journey (issue 7): the steering office (demo.vpdp) opens the open 2025 cycle, downloads the
 * province-wide template, fills values for one commune that is still filling its form — two of them wrong — and
 * uploads it: exactly those two rows are listed with Vietnamese messages and nothing can be applied. It fixes them,
 * uploads again, reads the preview, applies, and the values show up in the commune's assessment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { check, signIn, type Journey } from './harness.js';

// Template columns (1-based): A Mã xã … D Mã chỉ tiêu, F Đơn vị tính, G Loại, J Trạng thái, L Giá trị mới.
const COL = { commune: 1, code: 4, unit: 6, kind: 7, state: 10, value: 12 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export const valueImportJourneys: Journey[] = [
  {
    name: 'value import: the steering office uploads an Excel file with two bad rows, sees them listed, fixes them and applies',
    async run(page, base) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-vimport-'));
      try {
        await signIn(page, base, 'demo.vpdp');
        // The open 2025 cycle and a commune of it still filling its form (not Xã Bát Xát, which other journeys use).
        const cycles = (await (await page.request.get(`${base}/api/cycles?year=2025&status=open`)).json()) as { items: Array<{ id: string; name: string }> };
        const cycle = cycles.items[0];
        check(cycle, 'the demo data has an open 2025 cycle');
        const drafts = (await (await page.request.get(`${base}/api/assessments?cycleId=${cycle.id}&status=draft&limit=100`)).json()) as {
          items: Array<{ id: string; unit: { code: string; name: string } }>;
        };
        const target = drafts.items.find((a) => a.unit.name !== 'Xã Bát Xát');
        check(target, 'a commune of the 2025 cycle is still filling its form');

        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đánh giá xã' }).click();
        await page.getByRole('heading', { level: 1, name: 'Đánh giá xã' }).waitFor();
        await page.goto(`${base}/assessments?cycleId=${cycle.id}`);
        await page.getByRole('link', { name: 'Nhập từ Excel', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: `Nhập giá trị từ Excel — ${cycle.name}` }).waitFor();

        const [d] = await Promise.all([
          page.waitForEvent('download', { timeout: 90_000 }),
          page.getByRole('link', { name: 'Tải mẫu toàn bộ các xã trong phạm vi' }).click(),
        ]);
        check(!(await d.failure()), 'the template downloads');
        const templateFile = path.join(dir, d.suggestedFilename());
        await d.saveAs(templateFile);
        check(templateFile.endsWith('.xlsx'), `the template is a workbook (${d.suggestedFilename()})`);

        // Fill four values of the commune: a rate and a yes/no right, a rate over 100 and a yes/no as free text wrong.
        const fill = async (values: Map<number, ExcelJS.CellValue>, name: string) => {
          const wb = await load(templateFile);
          const ws = wb.getWorksheet('Nhập giá trị')!;
          for (const [n, v] of values) ws.getRow(n).getCell(COL.value).value = v;
          const file = path.join(dir, name);
          await wb.xlsx.writeFile(file);
          return file;
        };
        const wb = await load(templateFile);
        const ws = wb.getWorksheet('Nhập giá trị')!;
        const rows: Array<{ n: number; code: string; unit: string; kind: string }> = [];
        ws.eachRow((row, n) => {
          if (n > 1 && String(row.getCell(COL.commune).value) === target.unit.code && row.getCell(COL.state).value === 'Được sửa') {
            rows.push({ n, code: String(row.getCell(COL.code).value), unit: String(row.getCell(COL.unit).value ?? ''), kind: String(row.getCell(COL.kind).value) });
          }
        });
        const rates = rows.filter((r) => r.unit === '%');
        const yesNo = rows.filter((r) => r.kind === 'Có/Không');
        check(rates.length >= 2 && yesNo.length >= 2, `the commune has editable rates and yes/no indicators (${rows.length} rows)`);
        const [rateOk, rateBad] = [rates[0]!, rates[1]!];
        const [boolOk, boolBad] = [yesNo[0]!, yesNo[1]!];
        const bad = await fill(
          new Map<number, ExcelJS.CellValue>([
            [rateOk.n, 75],
            [boolOk.n, 'Có'],
            [rateBad.n, 150],
            [boolBad.n, 'Chắc là có'],
          ]),
          'gia-tri-loi.xlsx',
        );

        const fileInput = page.getByLabel('Tệp Excel đã điền (.xlsx)');
        await fileInput.setInputFiles({ name: 'gia-tri-loi.xlsx', mimeType: XLSX, buffer: fs.readFileSync(bad) });
        await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
        const errors = page.getByRole('table', { name: 'Lỗi và lưu ý trong tệp' });
        await errors.waitFor({ timeout: 90_000 });
        await page.getByText('Tệp còn 2 lỗi.', { exact: false }).waitFor();
        const listed = errors.locator('tbody tr');
        check((await listed.count()) === 2, `exactly the two bad rows are listed (got ${await listed.count()})`);
        const texts = await listed.allInnerTexts();
        check(texts.some((x) => x.includes(String(rateBad.n)) && x.includes('Tỷ lệ phải từ 0 đến 100')), `row ${rateBad.n}: the rate over 100 (${texts.join(' | ')})`);
        check(texts.some((x) => x.includes(String(boolBad.n)) && x.includes('Cần ghi Có hoặc Không')), `row ${boolBad.n}: the yes/no as free text (${texts.join(' | ')})`);
        check((await page.getByRole('button', { name: 'Áp dụng', exact: true }).count()) === 0, 'a file with errors cannot be applied');

        // Fix the two rows and upload again.
        const good = await fill(
          new Map<number, ExcelJS.CellValue>([
            [rateOk.n, 75],
            [boolOk.n, 'Có'],
            [rateBad.n, 95],
            [boolBad.n, 'Không'],
          ]),
          'gia-tri.xlsx',
        );
        await fileInput.setInputFiles({ name: 'gia-tri.xlsx', mimeType: XLSX, buffer: fs.readFileSync(good) });
        await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
        await page.getByText('Tệp hợp lệ. Xem trước thay đổi rồi bấm “Áp dụng”.').waitFor({ timeout: 90_000 });
        const preview = page.getByRole('table', { name: 'Xem trước thay đổi' });
        check((await preview.locator('tbody tr').count()) === 4, 'the preview lists the four changes');
        await preview.locator('tbody tr', { hasText: rateOk.code }).first().waitFor();
        await page.getByRole('button', { name: 'Áp dụng', exact: true }).click();
        await page.getByText(/Đã áp dụng 4 giá trị cho 1 xã/).waitFor();

        await page.getByRole('link', { name: `Mở hồ sơ của ${target.unit.name}` }).click();
        await page.getByRole('heading', { level: 1, name: `Tự đánh giá 2025 — ${target.unit.name}` }).waitFor();
        const rateRow = page.locator(`tr[data-code="${rateOk.code}"]`);
        await rateRow.getByText(/75/).first().waitFor();
        const fixedRow = page.locator(`tr[data-code="${rateBad.code}"]`);
        await fixedRow.getByText(/95/).first().waitFor();
        const boolRow = page.locator(`tr[data-code="${boolBad.code}"]`);
        await boolRow.getByText('Không', { exact: true }).first().waitFor();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
