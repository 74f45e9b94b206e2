/**
 * "Maps" journey (issue 7): the steering office opens the map, sees the communes as tiles (no boundaries yet), uploads
 * a GeoJSON of four real communes of the former Bát Xát district with one bad feature and reads the error, uploads a
 * valid file, sees those communes coloured on the choropleth and clicks one to open its profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { check, signIn, type Journey } from './harness.js';

/** Four communes of the former Bát Xát district (seed/reference/units/laocai-admin-units-2024.csv). */
const COMMUNES = [
  { code: '02683', name: 'Thị trấn Bát Xát', at: [103.89, 22.54] },
  { code: '02710', name: 'Xã Bản Vược', at: [103.96, 22.58] },
  { code: '02716', name: 'Xã Bản Qua', at: [103.93, 22.5] },
  { code: '02734', name: 'Xã Quang Kim', at: [103.99, 22.5] },
] as const;

/** A closed, slightly irregular outline of `n` points around a centre. */
function outline([cx, cy]: readonly [number, number], n = 120): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = 0.02 * (1 + 0.12 * Math.sin(3 * a) + 0.05 * Math.sin(9 * a));
    pts.push([+(cx + r * Math.cos(a)).toFixed(6), +(cy + r * Math.sin(a)).toFixed(6)]);
  }
  pts.push(pts[0]!);
  return pts;
}

function writeGeoJson(dir: string, name: string, badIndex: number | null): string {
  const features = COMMUNES.map((c, i) => ({
    type: 'Feature',
    properties: { ma_xa: c.code, ten: c.name },
    geometry: i === badIndex ? { type: 'LineString', coordinates: outline(c.at, 10) } : { type: 'Polygon', coordinates: [outline(c.at)] },
  }));
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

async function uploadFile(page: Page, file: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Tải lên ranh giới' });
  await form.getByLabel(/^Tên bộ ranh giới/).fill('Ranh giới huyện Bát Xát 2024');
  await form.getByLabel(/^Áp dụng từ năm/).fill('2024');
  await form.getByLabel(/^Đến năm/).fill('2024');
  await form.getByLabel(/^Tệp ranh giới/).setInputFiles(file);
  await form.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
}

export const mapJourneys: Journey[] = [
  {
    name: 'maps: the steering office sees tiles, uploads boundaries (one bad feature refused), then opens a commune from the choropleth',
    async run(page, base) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-maps-e2e-'));
      try {
        await signIn(page, base, 'demo.vpdp');
        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bản đồ' }).click();
        await page.getByRole('heading', { level: 1, name: 'Bản đồ' }).waitFor();
        await page.getByLabel(/^Năm/).first().selectOption('2024');

        // No boundaries: the tile view, grouped by the old districts, coloured from the appraised 2024 demo cycle.
        const tiles = page.getByRole('group', { name: 'Các xã năm 2024, xếp theo đơn vị cấp trên' });
        await tiles.waitFor();
        await tiles.getByRole('heading', { name: /Huyện Bát Xát/ }).waitFor();
        const banVuocTile = tiles.getByRole('link', { name: /^Xã Bản Vược:/ });
        await banVuocTile.waitFor();
        const tileClass = await banVuocTile.getAttribute('data-class');
        check(tileClass && tileClass !== 'none', `the Bản Vược tile is coloured (class ${tileClass})`);
        await page.getByText('Chưa có ranh giới xã cho năm này: mỗi ô vuông là một xã.').waitFor();

        // A file whose third feature is a line: refused as a whole, the error names the feature.
        await uploadFile(page, writeGeoJson(dir, 'ranh-gioi-loi.geojson', 2));
        const alert = page.getByRole('alert').filter({ hasText: 'Tệp bị từ chối, chưa lưu gì' });
        await alert.waitFor();
        const row = alert.getByRole('row').filter({ hasText: '02716' });
        await row.getByText(/chỉ nhận Polygon hoặc MultiPolygon/).waitFor();
        check((await tiles.count()) === 1, 'still the tile view after the refused file');

        // The corrected file: stored, and the map becomes a choropleth of those four communes.
        await uploadFile(page, writeGeoJson(dir, 'ranh-gioi.geojson', null));
        await page.getByText(/Đã lưu “Ranh giới huyện Bát Xát 2024”: 4 xã/).waitFor();
        const map = page.getByRole('group', { name: 'Bản đồ các xã năm 2024' });
        await map.waitFor();
        const paths = map.locator('path.map-commune');
        check((await paths.count()) === 4, `four communes drawn (${await paths.count()})`);
        for (const c of COMMUNES) {
          const p = map.getByRole('link', { name: new RegExp(`^${c.name}:`) });
          const cls = await p.getAttribute('data-class');
          check(cls && cls !== 'none', `${c.name} is coloured on the map (class ${cls})`);
        }
        await page.getByRole('table', { name: 'Các bộ ranh giới đã tải lên' }).getByText('Đang dùng').waitFor();

        // Hover shows the commune in the info line; a click opens its profile.
        const banVuoc = map.getByRole('link', { name: /^Xã Bản Vược:/ });
        await banVuoc.hover();
        await page.locator('.map-info').getByText('Xã Bản Vược').waitFor();
        await banVuoc.click();
        await page.waitForURL(/\/communes\/[0-9a-f-]{36}\?year=2024/);
        await page.getByRole('heading', { level: 1, name: /Xã Bản Vược/ }).waitFor();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
