/**
 * "Dashboard" journey (issue 7): a leader (demo.xem, the whole province) lands on the dashboard, chooses 2024, clicks a
 * criterion's rate and gets the communes that miss it, then opens one commune's profile.
 */
import { check, signIn, type Journey } from './harness.js';

export const dashboardJourneys: Journey[] = [
  {
    name: "dashboard: a leader opens the province's 2024 figures, drills from a criterion's rate to the communes that miss it and opens one",
    async run(page, base) {
      await signIn(page, base, 'demo.xem');
      // a viewer lands on the dashboard
      await page.waitForURL((u) => u.pathname === '/dashboard');
      await page.getByRole('heading', { level: 1, name: 'Bảng điều hành — Tỉnh Lào Cai' }).waitFor();
      await page.getByLabel('Năm', { exact: true }).selectOption('2024');
      await page.waitForURL((u) => u.searchParams.get('year') === '2024');
      await page.getByText(/^Theo .*; năm 2024;/).waitFor();

      const cards = page.getByRole('list', { name: 'Số liệu chính' });
      const assessed = cards.getByRole('link', { name: /xã có kết quả đánh giá/ });
      const assessedText = await assessed.innerText();
      check(/^\d+/.test(assessedText.trim()) && Number(assessedText.trim().split(/\s/)[0]) > 100, `2024 has the appraised cycle: ${assessedText}`);

      const rates = page.getByRole('list', { name: 'Tỷ lệ xã đạt từng tiêu chí' });
      const criterion = rates.getByRole('link', { name: /^Tiêu chí 2\. / });
      const label = (await criterion.getAttribute('aria-label')) ?? '';
      const m = /xem (\d+) xã chưa đạt$/.exec(label);
      check(m && /\d+,\d %|\d+ %/.test(label), `the criterion's rate names its figure: ${label}`);
      const missing = Number(m![1]);
      check(missing > 0, 'some communes miss criterion 2');
      await criterion.click();

      await page.waitForURL((u) => u.pathname === '/dashboard/communes' && u.searchParams.get('filter') === 'criterion:2:not_met');
      await page.getByRole('heading', { level: 1, name: /^Các xã chưa đạt tiêu chí 2\. / }).waitFor();
      await page.getByText(`${missing} xã`, { exact: true }).waitFor();
      const table = page.getByRole('region', { name: /^Các xã chưa đạt tiêu chí 2\. / });
      const rows = table.getByRole('row');
      await rows.nth(1).waitFor();
      check((await rows.count()) - 1 === Math.min(50, missing), `one page of the ${missing} communes is listed`);
      const statuses = await table.locator('td[data-label="Tiêu chí này"]').allInnerTexts();
      check(statuses.length > 0 && statuses.every((s) => s.includes('Chưa')), `only communes that miss it: ${statuses.slice(0, 5).join(', ')}`);

      const first = rows.nth(1).getByRole('link').first();
      const name = (await first.innerText()).trim();
      await first.click();
      await page.waitForURL((u) => /^\/communes\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByRole('heading', { level: 1, name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    },
  },
];
