/**
 * "Helping communes" journeys (issue 5): the steering office assigns an agency and a team to a commune; a team member
 * logs a visit with a photo and a follow-up; the commune raises an obstacle; it is escalated to the steering committee,
 * answered and resolved with a document; the signals and the agency's scorecard change accordingly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { check, type Journey } from './harness.js';

const HELPER = 'Sở Khoa học và Công nghệ';
// A 1×1 PNG, as a phone would upload a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function signIn(page: Page, base: string, login: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: `Dùng ${login}` }).click();
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** dd/MM/yyyy of today + n days in Asia/Ho_Chi_Minh. */
function vnDate(n = 0): string {
  const d = new Date(Date.now() + n * 86_400_000);
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(d);
  const v = (t: string) => p.find((x) => x.type === t)!.value;
  return `${v('day')}/${v('month')}/${v('year')}`;
}

const num = (s: string) => Number(s.replace(/[^\d]/g, ''));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Signals {
  noHelper: number;
  overdueSteering: number;
  communes: number;
  visits: number;
  activities: number;
  support: number;
  agencyId: string;
}

/** Reads the numbers of the signals page that the journey changes. */
async function readSignals(page: Page, base: string): Promise<Signals> {
  await page.goto(`${base}/signals`);
  await page.getByRole('heading', { level: 1, name: 'Cảnh báo' }).waitFor();
  const noHelper = num((await page.getByText(/^[\d.]+ xã chưa có cơ quan giúp đỡ$/).innerText()));
  await page.getByText(/vướng mắc quá hạn/).first().waitFor();
  const steering = page.getByRole('link', { name: /quá hạn ở Ban Chỉ đạo$/ });
  const overdueSteering = (await steering.count()) ? num((await steering.getAttribute('aria-label'))!.split(' ')[0]!) : 0;
  const row = page.locator(`tr[data-agency="${HELPER}"]`);
  await row.waitFor();
  const score = async (what: string) => num((await row.getByRole('link', { name: new RegExp(`— xem ${what} của `) }).getAttribute('aria-label'))!.split(' — ')[0]!);
  const href = await row.getByRole('link', { name: HELPER, exact: true }).getAttribute('href');
  return {
    noHelper,
    overdueSteering,
    communes: await score('các xã'),
    visits: await score('các lần đến xã'),
    activities: await score('các hoạt động'),
    support: num(await row.locator('td').last().innerText()),
    agencyId: href!.split('/').pop()!,
  };
}

async function chooseUnit(page: Page, scope: ReturnType<Page['getByRole']>, label: RegExp, name: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).fill(name);
  await page.getByRole('option', { name: new RegExp(`^${escape(name)}`) }).first().click();
}

export const assistanceJourneys: Journey[] = [
  {
    name: 'assistance: assign a team, log a visit with a photo, raise → escalate → resolve an obstacle; signals follow',
    async run(page, base) {
      // The steering office reads the signals first.
      await signIn(page, base, 'demo.vpdp');
      const before = await readSignals(page, base);
      const commune = (await page.getByRole('list', { name: 'Xã chưa có cơ quan giúp đỡ' }).getByRole('link').first().innerText()).trim();

      // It assigns the agency and a help team to a commune that has no helper.
      await nav(page).getByRole('link', { name: 'Giúp đỡ xã' }).click();
      await page.getByRole('heading', { level: 1, name: 'Giúp đỡ xã' }).waitFor();
      await page.getByRole('button', { name: 'Phân công cơ quan giúp đỡ' }).click();
      const assign = page.getByRole('dialog', { name: 'Phân công cơ quan giúp đỡ' });
      await assign.getByLabel('Cơ quan giúp đỡ').selectOption(before.agencyId);
      await chooseUnit(page, assign, /Xã được giúp đỡ/, commune);
      await assign.getByLabel(/^Căn cứ/).fill('Quyết định 125/QĐ-BCĐ');
      await assign.getByLabel(/^Ngày ban hành văn bản/).fill(vnDate(-3));
      await assign.getByLabel(/^Lãnh đạo phụ trách/).fill('Phó Giám đốc Nguyễn Văn An');
      await assign.getByRole('button', { name: 'Thêm thành viên' }).click();
      await assign.getByRole('group', { name: 'Thành viên 1' }).getByLabel(/^Họ và tên/).fill('Trần Thị Bình');
      await assign.getByRole('button', { name: 'Thêm thành viên' }).click();
      await assign.getByRole('group', { name: 'Thành viên 2' }).getByLabel(/^Họ và tên/).fill('Lò Văn Chung');
      await assign.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(`Đã phân công ${HELPER} giúp đỡ 1 xã.`).waitFor();
      const assignedRow = page.getByRole('row').filter({ hasText: commune }).filter({ hasText: 'Quyết định 125/QĐ-BCĐ' });
      await assignedRow.getByText('Trần Thị Bình').waitFor();
      await assignedRow.getByText('Đang giúp đỡ').waitFor();

      // A help-team member logs a visit with a photo and a follow-up.
      await signIn(page, base, 'demo.giupxa');
      await nav(page).getByRole('link', { name: 'Giúp đỡ xã' }).click();
      await page.getByRole('navigation', { name: 'Các mục giúp đỡ xã' }).getByRole('link', { name: 'Hoạt động' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hoạt động giúp đỡ xã' }).waitFor();
      await page.getByRole('button', { name: 'Ghi nhận hoạt động' }).click();
      const log = page.getByRole('dialog', { name: 'Ghi nhận hoạt động' });
      await chooseUnit(page, log, /^Xã/, commune);
      await log.getByLabel(/^Loại hoạt động/).selectOption({ label: 'Làm việc tại xã' });
      await log.getByLabel(/^Thành phần tham gia/).fill('Tổ giúp đỡ; Chủ tịch UBND xã; trưởng thôn');
      await log.getByLabel(/^Nội dung/).fill('Khảo sát đường trục thôn và nhà văn hóa');
      await log.getByLabel(/^Kết quả/).fill('Xã thống nhất kế hoạch hoàn thiện tiêu chí giao thông');
      await log.getByLabel(/^Giá trị hỗ trợ/).fill('1500000');
      await log.getByLabel(/^Tiêu chí liên quan/).fill('2, 6.1');
      const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-photo-')), 'anh-hien-truong.png');
      fs.writeFileSync(photo, PNG);
      const input = log.locator('input[type=file]');
      check((await input.getAttribute('accept')) === 'image/*,application/pdf', 'the photo input takes images and PDFs');
      check((await input.getAttribute('capture')) === null, 'no capture: the phone offers gallery and camera');
      await input.setInputFiles(photo);
      await log.getByRole('list', { name: 'Tệp đã đính kèm' }).getByText('anh-hien-truong.png').waitFor();
      await log.getByRole('button', { name: 'Thêm việc cần làm' }).click();
      const fu = log.getByRole('group', { name: 'Việc 1' });
      await fu.getByLabel(/^Nội dung việc/).fill('Xã lập dự toán sửa đường trục thôn');
      await fu.getByLabel(/^Người phụ trách/).fill('Chủ tịch UBND xã');
      await fu.getByLabel(/^Hạn hoàn thành/).fill(vnDate(14));
      await log.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(new RegExp(`^✓ Đã ghi nhận hoạt động ngày ${escape(vnDate())} tại ${escape(commune)}\\.`)).waitFor();
      await page.getByRole('link', { name: `Xem hoạt động Làm việc tại xã ngày ${vnDate()} tại ${commune}` }).first().click();
      await page.getByRole('heading', { level: 1, name: `Làm việc tại xã — ${commune}, ${vnDate()}` }).waitFor();
      await page.getByText('1.500.000 đ').waitFor();
      await page.getByRole('img', { name: 'anh-hien-truong.png' }).waitFor();
      const fuRow = page.getByRole('row').filter({ hasText: 'Xã lập dự toán sửa đường trục thôn' });
      await fuRow.getByText('Đang làm').waitFor();
      await fuRow.getByText(vnDate(14)).waitFor();

      // The commune officer raises an obstacle (already past its due date).
      await signIn(page, base, 'demo.xa');
      await page.goto(`${base}/assistance/obstacles`);
      await page.getByRole('button', { name: 'Nêu khó khăn, vướng mắc' }).click();
      const raise = page.getByRole('dialog', { name: 'Nêu khó khăn, vướng mắc' });
      await chooseUnit(page, raise, /^Xã/, 'Xã Bát Xát');
      await raise.getByLabel(/^Tiêu đề/).fill('Thiếu vốn đối ứng làm đường thôn Trung Chải');
      await raise.getByLabel(/^Mô tả/).fill('Xã chưa bố trí được 30% vốn đối ứng theo cơ chế hỗ trợ.');
      await raise.getByLabel(/^Nhóm vướng mắc/).selectOption({ label: 'Vốn, kinh phí' });
      await raise.getByLabel(/^Hạn xử lý/).fill(vnDate(-1));
      await raise.getByRole('button', { name: 'Nêu khó khăn, vướng mắc' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thiếu vốn đối ứng làm đường thôn Trung Chải' }).waitFor();
      const obstacleUrl = page.url();
      await page.getByText('Quá hạn 1 ngày').first().waitFor();
      await page.locator('.facts').getByText('Cơ quan giúp đỡ').waitFor();

      // The helping agency cannot solve it: escalated to the departments …
      await signIn(page, base, 'demo.giupxa');
      await page.goto(`${base}/inbox`);
      await page.getByRole('link', { name: 'Thiếu vốn đối ứng làm đường thôn Trung Chải' }).click();
      await page.getByRole('button', { name: 'Chuyển lên: Sở, ngành' }).click();
      const esc1 = page.getByRole('dialog', { name: 'Chuyển lên: Sở, ngành' });
      await esc1.getByLabel(/^Ghi chú/).fill('Vượt khả năng của tổ giúp đỡ');
      await esc1.getByRole('button', { name: 'Chuyển lên cấp trên' }).click();
      await page.getByText('Đã cập nhật: Mới, Sở, ngành.').waitFor();

      // … and by the steering office to the steering committee, which accepts and resolves it with a document.
      await signIn(page, base, 'demo.vpdp');
      await page.goto(obstacleUrl);
      await page.getByRole('button', { name: 'Chuyển lên: Ban Chỉ đạo' }).click();
      await page.getByRole('dialog', { name: 'Chuyển lên: Ban Chỉ đạo' }).getByRole('button', { name: 'Chuyển lên cấp trên' }).click();
      await page.getByText('Đã cập nhật: Mới, Ban Chỉ đạo.').waitFor();
      const mid = await readSignals(page, base);
      check(mid.overdueSteering === before.overdueSteering + 1, `overdue at the steering committee: ${before.overdueSteering} → ${mid.overdueSteering}`);
      await page.getByRole('link', { name: /quá hạn ở Ban Chỉ đạo$/ }).click();
      await page.getByRole('link', { name: 'Thiếu vốn đối ứng làm đường thôn Trung Chải' }).click();
      await page.getByRole('button', { name: 'Tiếp nhận' }).click();
      await page.getByRole('dialog', { name: 'Tiếp nhận' }).getByRole('button', { name: 'Tiếp nhận' }).click();
      await page.getByText('Đã cập nhật: Đã tiếp nhận, Ban Chỉ đạo.').waitFor();
      await page.getByRole('button', { name: 'Giải quyết' }).click();
      const resolve = page.getByRole('dialog', { name: 'Giải quyết' });
      await resolve.getByRole('button', { name: 'Giải quyết' }).click();
      await resolve.getByText(/Nội dung trả lời: bắt buộc/).waitFor(); // the answer is required
      await resolve.getByLabel(/^Nội dung trả lời/).fill('Tỉnh bố trí vốn đối ứng từ nguồn ngân sách tỉnh năm nay.');
      await resolve.getByLabel(/^Văn bản giải quyết/).fill('Công văn 456/BCĐ-VPĐP ngày 20/11/2026 của Ban Chỉ đạo tỉnh');
      await resolve.getByRole('button', { name: 'Giải quyết' }).click();
      await page.getByText('Đã cập nhật: Đã giải quyết, Ban Chỉ đạo.').waitFor();
      await page.locator('.facts').getByText('Công văn 456/BCĐ-VPĐP ngày 20/11/2026 của Ban Chỉ đạo tỉnh').waitFor();
      await page.getByRole('list').filter({ hasText: 'Chuyển lên cấp trên' }).getByText('Cấp: Sở, ngành → Ban Chỉ đạo').waitFor();

      // The signals and the agency's scorecard follow.
      const after = await readSignals(page, base);
      check(after.noHelper === before.noHelper - 1, `communes with no helper: ${before.noHelper} → ${after.noHelper}`);
      check(after.overdueSteering === before.overdueSteering, `overdue at the steering committee back to ${before.overdueSteering}, saw ${after.overdueSteering}`);
      check(after.communes === before.communes + 1, `communes helped: ${before.communes} → ${after.communes}`);
      check(after.visits === before.visits + 1, `visits: ${before.visits} → ${after.visits}`);
      check(after.activities === before.activities + 1, `activities: ${before.activities} → ${after.activities}`);
      check(after.support === before.support + 1_500_000, `support value: ${before.support} → ${after.support}`);
      // Each number links to its rows: the visits include the one just logged.
      await page.locator(`tr[data-agency="${HELPER}"]`).getByRole('link', { name: /— xem các lần đến xã của / }).click();
      await page.getByRole('heading', { level: 1, name: 'Hoạt động giúp đỡ xã' }).waitFor();
      await page.getByRole('link', { name: `Xem hoạt động Làm việc tại xã ngày ${vnDate()} tại ${commune}` }).first().waitFor();
    },
  },
  {
    name: 'assistance: a commune page shows who helps it (with its predecessors’ history), activities and obstacles; phone width',
    viewport: { width: 360, height: 800 },
    async run(page, base) {
      await signIn(page, base, 'demo.xa');
      await page.goto(`${base}/assistance/obstacles`);
      await page.getByRole('link', { name: 'Thiếu vốn đối ứng làm đường thôn Trung Chải' }).first().click();
      await page.locator('.facts').getByRole('link', { name: 'Xã Bát Xát' }).click();
      await page.getByRole('heading', { level: 1, name: 'Xã Bát Xát' }).waitFor();
      const helpers = page.getByRole('region', { name: 'Cơ quan đang giúp đỡ' });
      await helpers.getByRole('link', { name: HELPER }).first().waitFor();
      await page.getByRole('region', { name: 'Lịch sử phân công' }).getByText(/\(trước sáp nhập\)/).first().waitFor();
      await page.getByRole('heading', { name: 'Hoạt động giúp đỡ gần đây' }).waitFor();
      await page.getByRole('heading', { name: 'Vướng mắc đang mở' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
      await page.screenshot({ path: '/tmp/assist-unit-360.png', fullPage: true });

      // The help team's inbox on a phone.
      await signIn(page, base, 'demo.giupxa');
      await page.goto(`${base}/inbox`);
      await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor();
      await page.getByRole('list', { name: 'Danh sách việc cần làm' }).or(page.getByText(/Không có việc nào đang chờ bạn/)).first().waitFor();
      const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow2 <= 0, `no horizontal scrolling on the inbox at 360 px (overflow ${overflow2}px)`);
      await page.screenshot({ path: '/tmp/assist-inbox-360.png', fullPage: true });
    },
  },
];
