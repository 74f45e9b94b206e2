/**
 * "Reports" journey (issue 7): a leader (demo.xem, the whole province) opens report (1) for 2024 from "Báo cáo", sees
 * the table, downloads it as .xlsx and downloads the narrative report as .docx; both files are saved and opened here
 * (exceljs for the workbook; the .docx's word/document.xml read from the zip) and their content is checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { readZip } from '../src/test/zip.js';
import { check, signIn, type Journey } from './harness.js';

/** Click a download link and save the file; returns its path and the browser's suggested name. */
async function download(page: Page, linkName: string, dir: string): Promise<{ file: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName, exact: true }).click()]);
  const failure = await d.failure();
  check(!failure, `download failed: ${failure}`);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

export const reportJourneys: Journey[] = [
  {
    name: 'reports: a leader opens report (1) for 2024, exports it as .xlsx and downloads the narrative .docx',
    async run(page, base) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-reports-'));
      try {
        await signIn(page, base, 'demo.xem');
        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo' }).click();
        await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
        await page.getByRole('link', { name: '1. Kết quả thực hiện tiêu chí theo tiêu chí và đơn vị' }).click();
        await page.getByRole('heading', { level: 1, name: /^1\. Kết quả thực hiện tiêu chí/ }).waitFor();
        await page.getByLabel('Năm', { exact: true }).selectOption('2024');
        await page.waitForURL((u) => u.searchParams.get('year') === '2024');
        const table = page.getByRole('region', { name: 'Kết quả đạt từng tiêu chí' });
        await table.waitFor();
        await page.getByText('Năm: 2024', { exact: true }).waitFor();
        const row = table.getByRole('row').filter({ hasText: 'Quy hoạch' }).first();
        await row.waitFor();
        const rowText = await row.innerText();
        check(/\d+,\d%/.test(rowText), `criterion 1 shows a rate with a decimal comma: ${rowText}`);
        check(await page.getByText('Có dữ liệu minh họa (không phải số liệu thật) trong báo cáo này.').first().isVisible(), 'the demo-data note is shown');

        const x = await download(page, 'Tải Excel', dir);
        check(/\.xlsx$/.test(x.name) && x.name.includes('2024'), `workbook name: ${x.name}`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(x.file);
        const ws = wb.worksheets[0]!;
        check(ws.getCell('A1').value === 'KẾT QUẢ THỰC HIỆN TIÊU CHÍ THEO TIÊU CHÍ VÀ ĐƠN VỊ', `workbook title: ${String(ws.getCell('A1').value)}`);
        const col1 = ws.getColumn(1).values.map(String);
        check(col1.includes('Năm: 2024'), 'workbook says the year');
        check(col1.some((v) => v.includes('minh họa')), 'workbook carries the demo-data note');
        let planning: ExcelJS.Row | undefined;
        ws.eachRow((r) => {
          if (!planning && r.getCell(3).value === 'Quy hoạch') planning = r;
        });
        check(planning, 'criterion 1 (Quy hoạch) is in the workbook');
        const assessed = planning.getCell(4).value;
        const rate = planning.getCell(7).value;
        check(typeof assessed === 'number' && assessed > 100, `communes assessed is a number (${String(assessed)})`);
        check(typeof rate === 'number' && rate >= 0 && rate <= 1 && planning.getCell(7).numFmt === '0.0%', `rate is a percentage (${String(rate)})`);
        const shown = rowText.match(/(\d+,\d)%/)![1]!.replace(',', '.');
        check(Math.abs(Number(shown) - (rate as number) * 100) < 0.051, `screen ${shown}% = workbook ${(rate as number) * 100}%`);

        await page.getByRole('link', { name: /Danh sách báo cáo/ }).click();
        await page.getByRole('link', { name: /^10\. Báo cáo kết quả thực hiện Chương trình/ }).click();
        await page.getByRole('heading', { level: 1, name: /^10\. / }).waitFor();
        await page.getByLabel('Năm', { exact: true }).selectOption('2024');
        await page.getByRole('region', { name: 'Số liệu chính' }).waitFor();
        const w = await download(page, 'Tải Word', dir);
        check(/\.docx$/.test(w.name), `document name: ${w.name}`);
        const xml = readZip(fs.readFileSync(w.file)).get('word/document.xml')?.toString('utf8') ?? '';
        const text = xml.replace(/<[^>]+>/g, '');
        check(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') && text.includes('Độc lập - Tự do - Hạnh phúc'), 'the national motto header');
        check(/Số: +\/BC-/.test(text) && /Lào Cai, ngày +tháng +năm \d{4}/.test(text), 'the number and place/date lines');
        check(text.includes('BÁO CÁO') && text.includes('năm 2024'), 'the title');
        check(/bình quân đạt \d+,\d tiêu chí\/xã/.test(text), 'the average is filled in');
        check(text.includes('Bảng 1. Phân nhóm xã theo số tiêu chí đạt') && text.includes('Nơi nhận:'), 'the tables and the recipients');
        check(xml.includes('w:ascii="Times New Roman"'), 'Times New Roman');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
