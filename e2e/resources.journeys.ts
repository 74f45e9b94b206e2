/**
 * "Resources" journey (issue 6): the steering office reads the province's resources total; the commune officer of
 * Xã Bát Xát adds an entry with a document on a phone-sized form; the province total grows by exactly that amount,
 * read as the vi-VN formatted figure; the commune's profile shows its resources with its old communes' history.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { check, signIn, type Journey } from './harness.js';

const COMMUNE = 'Xã Bát Xát';
const AMOUNT = 1_234_500_000;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
const vnd = new Intl.NumberFormat('vi-VN');

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** The allocated total of the resources page as shown ("12.345.000.000 đ (12,35 tỷ đ)"): its text and its value. */
async function readAllocated(page: Page): Promise<{ text: string; value: number }> {
  const dd = page.locator('.res-summary div', { hasText: 'Đã bố trí / huy động' }).locator('dd');
  await dd.waitFor();
  const text = (await dd.innerText()).trim();
  const full = text.split(' đ')[0]!;
  check(/^\d{1,3}(\.\d{3})*$/.test(full), `the total is a vi-VN formatted number: "${text}"`);
  return { text, value: Number(full.replace(/\./g, '')) };
}

async function provinceTotal(page: Page, base: string): Promise<{ text: string; value: number }> {
  await signIn(page, base, 'demo.vpdp');
  await nav(page).getByRole('link', { name: 'Nguồn lực' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nguồn lực' }).waitFor();
  await page.getByText(/^Xã theo bản đồ hành chính ngày/).waitFor();
  return readAllocated(page);
}

export const resourcesJourneys: Journey[] = [
  {
    name: 'resources: a commune adds an entry with a document and the province total grows by exactly its amount',
    async run(page, base) {
      const before = await provinceTotal(page, base);
      check(before.value > 0, 'the demo province has resources before the journey');

      // The commune officer records a 2026 entry on the integrated programme, on a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, base, 'demo.xa');
      await page.goto(`${base}/resources`);
      await page.getByRole('heading', { level: 1, name: 'Nguồn lực' }).waitFor();
      await page.getByRole('button', { name: 'Thêm khoản nguồn lực' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm khoản nguồn lực' });
      await dialog.getByRole('combobox', { name: /^Năm/ }).selectOption('2026');
      await dialog.getByRole('combobox', { name: /^Xã/ }).fill('Bát Xát');
      await page.getByRole('option', { name: new RegExp(`^${COMMUNE}`) }).first().click();
      await dialog.getByRole('combobox', { name: /^Nguồn vốn/ }).selectOption({ label: 'Ngân sách tỉnh' });
      const component = dialog.getByRole('combobox', { name: /^Dự án \/ nội dung thành phần/ });
      await component.locator('option', { hasText: 'Hợp phần 1' }).waitFor({ state: 'attached' });
      await component.selectOption({ label: 'Chương trình MTQG hợp nhất 2026–2035 — Hợp phần 1 (tên chưa xác minh)' });
      await dialog.getByRole('textbox', { name: /^Tiêu chí/ }).fill('2');
      await dialog.getByRole('textbox', { name: /^Công trình, nội dung/ }).fill('Đường liên thôn Trung Chải');
      await dialog.getByRole('textbox', { name: /^Kế hoạch/ }).fill('1500000000');
      const allocated = dialog.getByRole('textbox', { name: /^Đã bố trí/ });
      await allocated.fill(String(AMOUNT));
      await allocated.blur();
      check((await allocated.inputValue()) === '1.234.500.000', `the amount reads with thousands separators: ${await allocated.inputValue()}`);
      // A disbursement above the allocation is refused next to its field, with nothing written.
      await dialog.getByRole('textbox', { name: /^Đã giải ngân/ }).fill('2.000.000.000');
      await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
      await dialog.getByText('Số đã giải ngân không được lớn hơn số đã bố trí').waitFor();
      await dialog.getByRole('textbox', { name: /^Đã giải ngân/ }).fill('600.000.000');
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-res-'));
      const file = path.join(tmp, 'quyet-dinh-giao-von.pdf');
      fs.writeFileSync(file, PDF);
      await dialog.locator('input[type=file]').setInputFiles(file);
      await dialog.getByText('quyet-dinh-giao-von.pdf').waitFor();
      await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText('Đã ghi khoản nguồn lực.').waitFor();
      fs.rmSync(tmp, { recursive: true, force: true });

      // The entry is listed for the commune, with its document.
      await page.getByRole('navigation', { name: 'Các mục nguồn lực' }).getByRole('link', { name: 'Các khoản' }).click();
      await page.getByRole('link', { name: 'quyet-dinh-giao-von.pdf' }).first().waitFor();

      await page.setViewportSize({ width: 1280, height: 900 });

      // The province total grew by exactly the amount, as a vi-VN figure.
      const after = await provinceTotal(page, base);
      check(after.value - before.value === AMOUNT, `province total grew by ${after.value - before.value}, expected ${AMOUNT}`);
      check(after.text.startsWith(`${vnd.format(before.value + AMOUNT)} đ`), `the new total reads ${vnd.format(before.value + AMOUNT)} đ: "${after.text}"`);

      // Drill down: the commune's row leads to its entries, the new one among them.
      await page.getByRole('button', { name: `Xem các khoản của ${COMMUNE}` }).click();
      await page.getByRole('link', { name: 'quyet-dinh-giao-von.pdf' }).first().waitFor();
      const unitId = new URL(page.url()).searchParams.get('unitId');
      check(unitId, 'the drill-down filters by the commune');
      // The commune's profile shows its resources, the old communes' years included.
      await page.goto(`${base}/communes/${unitId}`);
      const section = page.getByRole('region', { name: 'Nguồn lực huy động' });
      await section.getByRole('button', { name: 'Xem các khoản của 2021' }).waitFor();
      await section.getByRole('button', { name: 'Xem các khoản của 2026' }).waitFor();
    },
  },
];
