/** Vitest global setup: one migrated, reference-loaded template database per run. */
import { buildTemplate, dropDatabase, testDbKind } from './db.js';

export default async function setup(): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const template = await buildTemplate();
  if (template) process.env.MTQG_TEST_TEMPLATE = template;
  console.log(`[test] ${testDbKind} template ready in ${Date.now() - t0} ms`);
  return async () => {
    if (template) await dropDatabase(template);
  };
}
