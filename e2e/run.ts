/** Run every browser journey against the built app; prints 'N passed, N failed' and exits non-zero on failure. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, startServer, type Journey } from './harness.js';

/**
 * Every journey: e2e/journeys.ts first, then each e2e/*.journeys.ts in name order (every exported array of journeys).
 * MTQG_E2E_ONLY=<text> runs only the journeys whose file or name contains the text (for working on one feature).
 */
async function loadJourneys(): Promise<Journey[]> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const files = ['journeys.ts', ...fs.readdirSync(dir).filter((f) => f.endsWith('.journeys.ts')).sort()];
  const only = process.env.MTQG_E2E_ONLY;
  const all: Journey[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (!Array.isArray(value)) continue;
      for (const j of value as Journey[]) if (!only || f.includes(only) || j.name.includes(only)) all.push(j);
    }
  }
  return all;
}

const selected = await loadJourneys();

const server = await startServer(Number(process.env.MTQG_E2E_PORT ?? 0));
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
fs.mkdirSync('test-results', { recursive: true });
try {
  for (const j of selected) {
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
