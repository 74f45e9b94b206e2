/** Run every browser journey against the built app; prints 'N passed, N failed' and exits non-zero on failure. */
import fs from 'node:fs';
import { assessmentJourneys } from './assessments.journeys.js';
import { assistanceJourneys } from './assistance.journeys.js';
import { criteriaJourneys } from './criteria.journeys.js';
import { journeys } from './journeys.js';
import { launchBrowser, startServer } from './harness.js';

const server = await startServer(Number(process.env.MTQG_E2E_PORT ?? 0));
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
fs.mkdirSync('test-results', { recursive: true });
try {
  for (const j of [...journeys, ...criteriaJourneys, ...assistanceJourneys, ...assessmentJourneys]) {
    const context = await browser.newContext({ viewport: j.viewport ?? { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    try {
      await j.run(page, server.url);
      if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
      passed++;
      console.log(`✓ ${j.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      const shot = `test-results/${j.name.replace(/[^a-z0-9]+/gi, '-')}.png`;
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.log(`✗ ${j.name}: ${err instanceof Error ? err.message : String(err)} (screenshot: ${shot})`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
