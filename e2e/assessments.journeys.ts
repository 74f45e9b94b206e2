/**
 * "Assessments" journeys (issue 4): the commune officer fills the 2025 self-assessment with a photo and submits it; the
 * department reviewer accepts some and returns two indicators with reasons in one request; the officer is notified
 * (the header's bell), fixes only those and resubmits; every department the cycle routes criteria to reviews its own
 * criteria with its own demo account, the coordination office appraises, and the commune's profile and the maintenance
 * list change (the merged commune is listed from its predecessors' recognitions before its own decision). A second
 * journey edits the same indicator from two browsers: the stale save gets the conflict message with the other version.
 * A third edits the finished 2024 cycle and closes it with a reason: it becomes read-only. A fourth opens a 2024 cycle
 * on the communes of the adopted registration list 239/KH-BCĐ from the form and checks it has exactly that many communes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { demoAccounts } from '../src/seed/demo-users.js';
import { check, type Journey } from './harness.js';

const COMMUNE = 'Xã Bát Xát';
// A 1×1 PNG, as a phone would upload a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function signIn(page: Page, base: string, login: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  const use = page.getByRole('button', { name: `Dùng ${login}`, exact: true });
  await page.getByRole('heading', { name: 'Tài khoản dùng thử' }).waitFor();
  // The departments' further accounts are folded under the role accounts.
  if (!(await use.isVisible())) await page.locator('summary', { hasText: 'Tài khoản các sở, ngành khác' }).click();
  await use.click();
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** The commune officer's own 2025 form, from "Đánh giá xã" → "Việc chờ bạn". */
async function openOwnForm(page: Page): Promise<string> {
  await nav(page).getByRole('link', { name: 'Đánh giá xã' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đánh giá xã' }).waitFor();
  await page.getByRole('region', { name: 'Việc chờ bạn' }).getByRole('link', { name: COMMUNE }).first().click();
  await page.getByRole('heading', { level: 1, name: `Tự đánh giá 2025 — ${COMMUNE}` }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A value every row accepts: a number for number fields, the first choice for yes/no and scales. */
async function fillRow(row: Locator, n: string): Promise<void> {
  const input = row.locator('input.ar-input');
  if (await input.count()) {
    await input.fill(n);
    await input.blur();
  } else {
    await row.locator('select.ar-input').selectOption({ index: 1 });
  }
}

/** Waits for a confirmation; on failure, says which error the page shows instead. */
async function expectNotice(page: Page, text: RegExp | string): Promise<void> {
  try {
    await page.getByText(text).first().waitFor();
  } catch {
    const alerts = (await page.locator('.alert-error').allInnerTexts()).join(' | ');
    if (process.env.MTQG_E2E_DEBUG) {
      await page.screenshot({ path: 'test-results/assessments-debug.png' });
      console.log('DEBUG', page.url(), (await page.locator('main').innerText()).slice(0, 1500));
    }
    throw new Error(`no "${String(text)}"; page errors: ${alerts || 'none'}`);
  }
}

/** A row's save state badge (saved / saving / not saved / conflict). */
const saveState = (row: Locator, word: string) => row.locator('.ar-save .badge', { hasText: new RegExp(`${word}$`) });

async function waitAllSaved(page: Page): Promise<void> {
  await page.getByText(/Tất cả đã lưu\./).waitFor({ timeout: 60_000 });
}

/** Accept what can be accepted, give "met" with a reason to the rest, record. Returns how many were decided. */
async function reviewAll(page: Page): Promise<number> {
  const rest = page.getByRole('button', { name: /^Đồng ý \d+ chỉ tiêu còn lại$/ });
  if (await rest.count()) await rest.click();
  const selects = page.locator('select[id^="rv-"]');
  const n = await selects.count();
  let decided = 0;
  for (let i = 0; i < n; i++) {
    const s = selects.nth(i);
    if ((await s.inputValue()) !== '') {
      decided++;
      continue;
    }
    // A verdict already given at this step is kept as it is.
    if ((await s.locator('option').first().innerText()).includes('Giữ ý kiến')) continue;
    const values = await s.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await s.selectOption(values.includes('accept') ? 'accept' : values.includes('met') ? 'met' : 'not_met');
    decided++;
    // A changed verdict asks for a reason; accepting the status shown does not.
    const id = await s.getAttribute('id');
    const reason = page.locator(`[id="${id}-r"]`);
    if (await reason.count()) await reason.fill('Kiểm tra hồ sơ thực tế');
  }
  if (decided > 0) {
    await page.getByRole('button', { name: 'Ghi ý kiến' }).click();
    await expectNotice(page, /Đã ghi ý kiến cho \d+ chỉ tiêu/);
  }
  return decided;
}

/** The maintenance row of the commune for 2025 (its cells' text), or null when it is not listed. */
async function maintenanceRow(page: Page, base: string): Promise<string | null> {
  await page.goto(`${base}/maintenance?year=2025`);
  await page.getByRole('heading', { level: 1, name: 'Rà soát duy trì' }).waitFor();
  await page.locator('table, .empty-state').first().waitFor();
  const row = page.locator(`tr[data-unit="${COMMUNE}"]`);
  return (await row.count()) ? (await row.innerText()).replace(/\s+/g, ' ') : null;
}

export const assessmentJourneys: Journey[] = [
  {
    name: 'assessments: two browsers edit the same indicator; the stale save shows the conflict with the other version',
    async run(page, base) {
      await signIn(page, base, 'demo.xa');
      const id = await openOwnForm(page);
      const other = await page.context().browser()!.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      try {
        const page2 = await other.newPage();
        page2.setDefaultTimeout(15_000);
        await signIn(page2, base, 'demo.xa');
        await page2.goto(`${base}/assessments/${id}`);
        await page2.getByRole('heading', { level: 1, name: `Tự đánh giá 2025 — ${COMMUNE}` }).waitFor();

        // Both have the form open at the same version; the first browser saves a value.
        const first = page.locator('li.ar-row').filter({ has: page.locator('input.ar-input') }).first();
        const anchor = await first.getAttribute('id');
        await first.locator('input.ar-input').fill('12');
        await first.locator('input.ar-input').blur();
        await saveState(first, 'Đã lưu').waitFor();

        // The second (a phone) still builds on the old version: its save is refused with the other version shown.
        const row2 = page2.locator(`li#${anchor}`);
        await row2.locator('input.ar-input').fill('34');
        await row2.locator('input.ar-input').blur();
        const alert = row2.getByRole('alert');
        await alert.getByText(/vừa được người khác sửa — giá trị của bạn chưa được lưu/).waitFor();
        const text = await alert.innerText();
        check(text.includes('12') && text.includes('34'), `conflict shows both versions: ${text}`);
        await saveState(row2, 'Xung đột').waitFor();
        await page2.screenshot({ path: 'test-results/assessments-conflict-360.png', fullPage: false });
        const wide = await page2.evaluate(() => document.documentElement.scrollWidth);
        check(wide <= 360, `the form fits a 360 px phone (scrollWidth ${wide})`);

        // Keeping mine saves it on top of the other version.
        await row2.getByRole('button', { name: 'Giữ giá trị của tôi' }).click();
        await saveState(row2, 'Đã lưu').waitFor();
        check((await row2.locator('input.ar-input').inputValue()) === '34', 'my value kept');
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'assessments: fill with a photo and submit → return two → fix and resubmit → appraise; profile and maintenance follow',
    async run(page, base) {
      // The coordination office records the commune's recognition, so it enters the maintenance review; reads it.
      await signIn(page, base, 'demo.vpdp');
      await page.goto(`${base}/units?q=${encodeURIComponent('Bát Xát')}`);
      await nav(page).getByRole('link', { name: 'Rà soát duy trì' }).waitFor();
      const list = await page.request.get(`${base}/api/assessments?year=2025&limit=500`);
      const found = ((await list.json()) as { items: { id: string; unit: { id: string; name: string } }[] }).items.find((a) => a.unit.name === COMMUNE);
      check(found, 'the 2025 form of the commune exists');
      const unitId = found.unit.id;
      // Formed on 2025-07-01 from recognised communes, it is in the maintenance review before any decision of its own.
      const merged = await maintenanceRow(page, base);
      check(merged?.includes('Xã mới: cần ghi quyết định') && /đã được công nhận/.test(merged), `listed from its predecessors' recognitions: "${merged}"`);
      await page.goto(`${base}/communes/${unitId}?year=2025`);
      await page.getByRole('heading', { level: 1, name: `Hồ sơ nông thôn mới: ${COMMUNE}` }).waitFor();
      await page.getByRole('button', { name: 'Ghi quyết định' }).click();
      const rec = page.getByRole('dialog', { name: 'Ghi quyết định' });
      await rec.getByLabel(/^Năm/).fill('2024');
      await rec.getByLabel(/^Số quyết định/).fill('125/QĐ-UBND');
      await rec.getByRole('button', { name: 'Ghi quyết định' }).click();
      await page.getByText('Đã ghi quyết định.').waitFor();
      await page.getByRole('cell', { name: /125\/QĐ-UBND/ }).waitFor();
      const before = await maintenanceRow(page, base);
      check(before && !before.includes('cần ghi quyết định'), `the commune is in the maintenance list on its own decision: "${before}"`);
      const cycleId = ((await (await page.request.get(`${base}/api/assessments/${found.id}`)).json()) as { cycle: { id: string } }).cycle.id;
      const routing = ((await (await page.request.get(`${base}/api/cycles/${cycleId}`)).json()) as { criterionAgencies: Record<string, { name: string }> }).criterionAgencies;
      // The department accounts for every routed department, from the cycle's routing.
      const departments = [...new Set(Object.values(routing).map((a) => a.name))].map((name) => {
        const account = demoAccounts.find((a) => a.role === 'department_reviewer' && a.agencyName === name);
        check(account, `a demo account for ${name}`);
        return account.login;
      });
      check(departments.includes('demo.songnn') && departments.length > 5, `routed departments: ${departments.join(', ')}`);

      // The commune officer fills every indicator (a photo on the first), then submits.
      await signIn(page, base, 'demo.xa');
      const id = await openOwnForm(page);
      check(id === found.id, 'the officer opens the commune’s form');
      const rows = page.locator('li.ar-row');
      const n = await rows.count();
      check(n > 20, `the form lists every indicator (${n})`);
      for (let i = 0; i < n; i++) await fillRow(rows.nth(i), '95');
      const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-photo-')), 'anh-nha-van-hoa.png');
      fs.writeFileSync(photo, PNG);
      await rows.first().locator('input[type=file]').setInputFiles(photo);
      await rows.first().locator('img.ev-thumb').waitFor();
      await rows.first().getByText('anh-nha-van-hoa.png').waitFor();
      await waitAllSaved(page);
      await page.screenshot({ path: 'test-results/assessments-form-1280.png', fullPage: false });
      await page.getByRole('button', { name: 'Gửi hồ sơ tự đánh giá' }).click();
      await expectNotice(page, /Đã gửi hồ sơ\./);

      // The department reviewer accepts what it can and returns two of its indicators with reasons — one request.
      await signIn(page, base, 'demo.songnn');
      await page.goto(`${base}/assessments/${id}`);
      await page.getByText(/Bạn cho ý kiến ở bước/).waitFor();
      const acceptRest = page.getByRole('button', { name: /^Đồng ý \d+ chỉ tiêu còn lại$/ });
      if (await acceptRest.count()) await acceptRest.click();
      const decide = page.locator('select[id^="rv-"]');
      check((await decide.count()) >= 2, 'the reviewer has indicators to decide');
      const returned: string[] = [];
      for (let i = 0; i < 2; i++) {
        const s = decide.nth(i);
        const sid = (await s.getAttribute('id'))!;
        returned.push(sid.slice(3));
        await s.selectOption('return');
        await page.locator(`[id="${sid}-r"]`).fill(`Thiếu biên bản nghiệm thu (${sid.slice(3)})`);
      }
      await page.screenshot({ path: 'test-results/assessments-review-1280.png', fullPage: false });
      await page.getByRole('button', { name: 'Ghi ý kiến' }).click();
      await expectNotice(page, /trả lại 2 chỉ tiêu cho xã/);

      // The officer is notified: the bell counts it; the notifications page links to the form; all can be marked read.
      await signIn(page, base, 'demo.xa');
      await page.getByRole('link', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
      await page.getByText(/trả lại 2 chỉ tiêu của hồ sơ 2025/).first().waitFor();
      await page.getByRole('button', { name: /^Đánh dấu tất cả đã đọc/ }).click();
      await page.getByText(/^Đã đánh dấu \d+ thông báo là đã đọc\.$/).waitFor();
      await page.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
      // The officer finds the returned indicators in the inbox, fixes only those and resubmits.
      await nav(page).getByRole('link', { name: 'Việc cần làm' }).click();
      await page.getByRole('link', { name: /2 chỉ tiêu bị trả lại cần sửa/ }).click();
      await page.getByText('Có 2 chỉ tiêu bị trả lại. Chỉ sửa các chỉ tiêu này rồi gửi lại.').waitFor();
      const open = page.locator('li.ar-row');
      check((await open.count()) === 2, `only the two returned indicators are open (${await open.count()})`);
      for (const code of returned) await page.getByText(`Thiếu biên bản nghiệm thu (${code})`).first().waitFor();
      for (let i = 0; i < 2; i++) await fillRow(open.nth(i), '96');
      await waitAllSaved(page);
      await page.getByRole('button', { name: 'Gửi lại các chỉ tiêu đã sửa' }).click();
      await expectNotice(page, /Đã gửi hồ sơ\./);

      // Each department reviews its own criteria with its own account; the last one forwards.
      await signIn(page, base, 'demo.songnn');
      await page.goto(`${base}/assessments/${id}`);
      await page.getByText(/Bạn cho ý kiến ở bước/).waitFor();
      check((await reviewAll(page)) > 0, 'the department has verdicts to give after the resubmission');
      for (const login of departments.filter((l) => l !== 'demo.songnn')) {
        await signIn(page, base, login);
        await page.goto(`${base}/assessments/${id}`);
        await page.getByText(/Bạn cho ý kiến ở bước/).waitFor();
        await page.getByText(/Cơ quan bạn thẩm định các tiêu chí:/).first().waitFor();
        check((await reviewAll(page)) > 0, `${login} has its criteria to review`);
      }
      await page.getByRole('button', { name: /^Chuyển lên: / }).click();
      await expectNotice(page, 'Đã chuyển hồ sơ lên cấp tiếp theo.');

      // The coordination office appraises; the form locks.
      await signIn(page, base, 'demo.vpdp');
      await page.goto(`${base}/assessments/${id}`);
      await page.getByText(/Bạn cho ý kiến ở bước/).waitFor();
      await reviewAll(page);
      await page.getByRole('button', { name: 'Thẩm định (phê duyệt) hồ sơ' }).click();
      await expectNotice(page, /Đã thẩm định\. Hồ sơ đã khóa/);
      await page.getByText('Đã khóa').first().waitFor();
      await page.getByRole('button', { name: 'Mở lại hồ sơ' }).waitFor();
      await page.getByText('Lịch sử các vòng').click();
      await page.getByText(/Sở.*trả lại 2 chỉ tiêu|trả lại 2 chỉ tiêu/).first().waitFor();

      // The commune's status is now the appraised one, and the maintenance list follows.
      await page.goto(`${base}/communes/${unitId}?year=2025`);
      await page.getByText(/Sau thẩm định/).first().waitFor();
      const after = await maintenanceRow(page, base);
      check(after && after !== before, `the maintenance row changed: "${before}" → "${after}"`);
      if (process.env.MTQG_E2E_DEBUG) console.log(`maintenance row: "${before}" → "${after}"`);
    },
  },
  {
    name: 'assessments: the steering office edits the finished 2024 cycle, then closes it with a reason; it becomes read-only',
    async run(page, base) {
      await signIn(page, base, 'demo.vpdp');
      const list = await page.request.get(`${base}/api/assessments?year=2024&limit=1`);
      const one = ((await list.json()) as { items: { id: string }[] }).items[0];
      check(one, 'a 2024 assessment exists');
      await page.goto(`${base}/assessments/${one.id}`);
      await page.getByRole('button', { name: 'Mở lại hồ sơ' }).waitFor(); // appraised: the office may reopen it while the cycle is open

      await nav(page).getByRole('link', { name: 'Đánh giá xã' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đánh giá xã' }).waitFor();
      await page.getByRole('link', { name: /^Đánh giá xã NTM năm 2024/ }).click();
      await page.getByRole('button', { name: 'Sửa đợt đánh giá' }).click();
      const edit = page.getByRole('dialog', { name: 'Sửa đợt đánh giá' });
      await edit.getByLabel(/^Tên đợt/).fill('Đánh giá xã NTM năm 2024 — tỉnh Lào Cai cũ (đã hoàn thành, dữ liệu minh họa)');
      await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText(/Đã cập nhật đợt “Đánh giá xã NTM năm 2024 — tỉnh Lào Cai cũ \(đã hoàn thành/).waitFor();
      await page.getByRole('heading', { level: 2, name: /đã hoàn thành, dữ liệu minh họa/ }).waitFor();

      await page.getByRole('button', { name: 'Đóng đợt đánh giá' }).click();
      const close = page.getByRole('dialog', { name: 'Đóng đợt đánh giá' });
      await close.getByRole('button', { name: 'Đóng đợt' }).click();
      await close.getByText('Cần nêu lý do đóng đợt (ít nhất 3 ký tự).').waitFor();
      await close.getByLabel(/^Lý do đóng đợt/).fill('Đã thẩm định xong toàn bộ các xã năm 2024');
      await close.getByRole('button', { name: 'Đóng đợt' }).click();
      await page.getByText(/Đã đóng đợt “/).waitFor();
      await page.getByText(/Lý do: Đã thẩm định xong toàn bộ các xã năm 2024/).waitFor();
      check((await page.getByRole('button', { name: 'Sửa đợt đánh giá' }).count()) === 0, 'a closed cycle cannot be edited');
      check((await page.getByRole('button', { name: 'Đóng đợt đánh giá' }).count()) === 0, 'a closed cycle cannot be closed again');

      // Its forms are read-only now: no reopening.
      await page.goto(`${base}/assessments/${one.id}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByText('Đã khóa').first().waitFor();
      check((await page.getByRole('button', { name: 'Mở lại hồ sơ' }).count()) === 0, 'no reopening in a closed cycle');
    },
  },
  {
    name: 'assessments: the steering office opens a 2024 cycle on the communes of the registration list 239/KH-BCĐ',
    async run(page, base) {
      await signIn(page, base, 'demo.vpdp');
      const lists = (await (await page.request.get(`${base}/api/target-lists?year=2024&status=adopted`)).json()) as {
        items: { id: string; documentNo: string | null; counts: { total: number } }[];
      };
      const list = lists.items.find((l) => l.documentNo === '239/KH-BCĐ');
      check(list && list.counts.total > 0, 'the demo 2024 list 239/KH-BCĐ is adopted and has communes');

      await nav(page).getByRole('link', { name: 'Đánh giá xã' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đánh giá xã' }).waitFor();
      await page.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
      const form = page.getByRole('dialog', { name: 'Mở đợt đánh giá' });
      const pick = async (select: Locator, text: string) => {
        await select.locator('option', { hasText: text }).first().waitFor({ state: 'attached' });
        const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
        await select.selectOption(value!);
      };
      await pick(form.getByLabel(/^Bộ tiêu chí \(phiên bản\)/), 'NTM_XA_2021_2025');
      await form.getByLabel(/^Năm đánh giá/).fill('2024');
      const name = 'Đánh giá các xã đăng ký đạt chuẩn năm 2024 (hành trình kiểm thử)';
      await form.getByLabel(/^Tên đợt/).fill(name);
      await form.getByLabel(/^Xã tham gia/).selectOption('target_list');
      await pick(form.getByLabel(/^Danh sách đăng ký đạt chuẩn/), '239/KH-BCĐ');
      // A shorter chain than the default: the district, then the coordination office.
      await form.getByRole('button', { name: 'Bỏ bước 2' }).click();
      await form.getByRole('group', { name: 'Bước 2' }).getByLabel(/^Cơ quan xem xét/).selectOption({ index: 1 });
      await form.getByRole('button', { name: 'Mở đợt', exact: true }).click();
      await expectNotice(page, `Đã mở đợt “${name}” cho ${list.counts.total} xã.`);
      await page.getByText('Theo danh sách 239/KH-BCĐ —').first().waitFor();

      const cycleId = new URL(page.url()).searchParams.get('cycleId');
      check(cycleId, 'the page shows the new cycle');
      const cycle = (await (await page.request.get(`${base}/api/cycles/${cycleId}`)).json()) as { version: number; counts: { communes: number }; targetList: { id: string } | null };
      check(cycle.counts.communes === list.counts.total, `the cycle has ${cycle.counts.communes} communes, the list ${list.counts.total}`);
      check(cycle.targetList?.id === list.id, 'the cycle records the list');

      // Leave the demo data as it was for the journeys after this one: take the (untouched) forms out and close the cycle.
      const csrf = ((await (await page.request.get(`${base}/api/auth/session`)).json()) as { csrfToken: string }).csrfToken;
      const units = ((await (await page.request.get(`${base}/api/assessments?cycleId=${cycleId}&limit=500`)).json()) as { items: { unit: { id: string } }[] }).items;
      const headers = { 'x-csrf-token': csrf, 'content-type': 'application/json' };
      const out = await page.request.patch(`${base}/api/cycles/${cycleId}`, { headers, data: { expectedVersion: cycle.version, removeUnitIds: units.map((a) => a.unit.id) } });
      check(out.ok(), `taking the communes out: ${out.status()} ${await out.text()}`);
      const closed = await page.request.patch(`${base}/api/cycles/${cycleId}`, { headers, data: { expectedVersion: cycle.version + 1, status: 'closed', closeReason: 'Đợt thử của hành trình kiểm thử' } });
      check(closed.ok(), `closing: ${closed.status()} ${await closed.text()}`);
    },
  },
];
