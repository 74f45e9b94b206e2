/** The paths real users take through the built app (issue 2: sign-in, the dated unit tree, lineage, scope). */
import type { Page } from 'playwright-core';
import { check, signIn, type Journey } from './harness.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** Names of the top-level rows of the unit tree. */
async function treeRoots(page: Page): Promise<string[]> {
  const tree = page.getByRole('list', { name: 'Cây đơn vị' });
  await tree.waitFor();
  return (await tree.locator(':scope > li > div .tree-name, :scope > li .tree-name').first().isVisible())
    ? (await tree.locator(':scope > li').evaluateAll((lis) => lis.map((li) => li.querySelector('.tree-name')?.textContent?.trim() ?? ''))).filter(Boolean)
    : [];
}

export const journeys: Journey[] = [
  {
    name: 'sign in with a demo account and see the role-aware navigation',
    async run(page, base) {
      await page.goto(`${base}/units`);
      await page.waitForURL(/\/login/); // protected page → login first
      await page.getByRole('heading', { name: 'Tài khoản dùng thử' }).waitFor(); // demo accounts are listed in demo mode
      await page.getByLabel('Tên đăng nhập').fill('demo.vpdp');
      await page.getByLabel(/^Mật khẩu/).fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
      await signIn(page, base, 'demo.vpdp');
      await page.getByRole('heading', { name: /Văn phòng Điều phối NTM tỉnh Lào Cai/ }).waitFor();
      for (const item of ['Đơn vị hành chính', 'Cơ quan', 'Người dùng', 'Nhật ký']) {
        check(await nav(page).getByRole('link', { name: item }).isVisible(), `nav shows ${item}`);
      }
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL(/\/login/);
    },
  },
  {
    name: 'browse the 2024 tree and the 2025 tree',
    async run(page, base) {
      await signIn(page, base, 'demo.vpdp');
      await nav(page).getByRole('link', { name: 'Đơn vị hành chính' }).click();
      await page.getByRole('group', { name: 'Chọn nhanh ngày' }).getByRole('button', { name: '01/01/2024' }).click();
      await page.getByRole('button', { name: 'Mở rộng Tỉnh Yên Bái' }).waitFor();
      const roots2024 = await treeRoots(page);
      check(JSON.stringify(roots2024) === JSON.stringify(['Tỉnh Lào Cai', 'Tỉnh Yên Bái']), `2024 roots: ${roots2024.join(', ')}`);
      await page.getByRole('button', { name: 'Mở rộng Tỉnh Lào Cai' }).click();
      await page.getByRole('button', { name: 'Mở rộng Huyện Bát Xát' }).click();
      await page.getByRole('link', { name: /Xã Bản Vược/ }).waitFor();
      await page.getByRole('group', { name: 'Chọn nhanh ngày' }).getByRole('button', { name: 'Hôm nay' }).click();
      await page.getByRole('button', { name: 'Mở rộng Tỉnh Lào Cai' }).waitFor();
      const rootsToday = await treeRoots(page);
      check(JSON.stringify(rootsToday) === JSON.stringify(['Tỉnh Lào Cai']), `today's roots: ${rootsToday.join(', ')}`);
      await page.getByRole('button', { name: 'Mở rộng Tỉnh Lào Cai' }).click();
      await page.getByRole('link', { name: /Xã Bát Xát/ }).first().waitFor();
      check((await page.getByRole('button', { name: 'Mở rộng Huyện Bát Xát' }).count()) === 0, 'no districts after 1 July 2025');
    },
  },
  {
    name: 'search without diacritics, open a merged commune and follow its predecessors',
    async run(page, base) {
      await signIn(page, base, 'demo.vpdp');
      await page.goto(`${base}/units`);
      await page.getByLabel('Tìm đơn vị theo tên hoặc mã').fill('bat xat');
      await page.getByRole('link', { name: /^Xã Bát Xát/ }).first().click();
      await page.getByRole('heading', { level: 1, name: /Xã Bát Xát/ }).waitFor();
      const preds = page.getByRole('region', { name: 'Đơn vị trước (hình thành từ)' });
      for (const n of ['Thị trấn Bát Xát', 'Xã Bản Vược', 'Xã Bản Qua', 'Xã Quang Kim', 'Xã Phìn Ngan']) {
        await preds.getByRole('link', { name: n }).waitFor();
      }
      check((await preds.getByText('sáp nhập').count()) >= 5, 'the links say "sáp nhập"');
      await preds.getByRole('link', { name: 'Xã Bản Vược' }).click();
      await page.getByRole('heading', { level: 1, name: /Xã Bản Vược/ }).waitFor();
      await page.getByText(/đến hết 30\/06\/2025/).first().waitFor();
      const succ = page.getByRole('region', { name: 'Đơn vị sau (chuyển thành)' });
      await succ.getByRole('link', { name: 'Xã Bát Xát' }).waitFor();
      await page.getByText('Huyện Bát Xát').first().waitFor(); // its district in the breadcrumb
    },
  },
  {
    name: 'a commune officer sees only the commune and its history',
    async run(page, base) {
      await signIn(page, base, 'demo.xa');
      check((await nav(page).getByRole('link', { name: 'Người dùng' }).count()) === 0, 'no user administration for a commune officer');
      await nav(page).getByRole('link', { name: 'Đơn vị hành chính' }).click();
      await page.getByRole('link', { name: /Xã Bát Xát/ }).first().waitFor();
      const roots = await treeRoots(page);
      check(JSON.stringify(roots) === JSON.stringify(['Xã Bát Xát']), `roots: ${roots.join(', ')}`);
      await page.goto(`${base}/units?q=ta%20phoi`);
      await page.getByText(/Không tìm thấy đơn vị nào khớp/).waitFor();
    },
  },
  {
    name: 'works on a 360 px phone: the menu opens and the page does not scroll sideways',
    viewport: { width: 360, height: 740 },
    async run(page, base) {
      await signIn(page, base, 'demo.vpdp');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `horizontal overflow of ${overflow}px`);
      await page.getByRole('button', { name: /menu/i }).click();
      await nav(page).getByRole('link', { name: 'Nhật ký' }).click();
      await page.getByRole('heading', { level: 1, name: /Nhật ký/ }).waitFor();
      await page.getByRole('table').or(page.getByRole('list')).first().waitFor();
    },
  },
  {
    name: 'hashed assets are precompressed and cached immutably; pages are not',
    async run(page, base) {
      const html = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } });
      check(html.headers.get('cache-control') === 'no-cache', `index.html cache-control ${html.headers.get('cache-control')}`);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
      check(asset, 'index.html references a hashed script');
      const res = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      check(res.headers.get('cache-control')?.includes('immutable'), `asset cache-control ${res.headers.get('cache-control')}`);
      check(res.headers.get('content-encoding') === 'br', `asset encoding ${res.headers.get('content-encoding')}`);
      const stale = await fetch(`${base}/assets/khong-co-abc123.js`);
      check(stale.status === 404, `a missing asset answers ${stale.status}`);
      await page.goto(`${base}/api/docs`);
      await page.getByText('mtqg API').first().waitFor();
    },
  },
];
