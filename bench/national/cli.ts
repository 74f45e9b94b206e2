/** `npx tsx bench/national/cli.ts <province|national> [--drop]`: generate (or reuse) a dataset; --drop removes it. */
import { dropDataset, ensureDataset } from './generate.js';
import type { Scale } from './spec.js';

const scale = (process.argv[2] ?? 'province') as Scale;
if (scale !== 'province' && scale !== 'national') throw new Error('scale: province | national');
if (process.argv.includes('--drop')) {
  await dropDataset(scale);
  console.log(`dropped mtqg_bench_${scale}`);
} else {
  const d = await ensureDataset(scale);
  console.log(JSON.stringify(d, null, 2));
}
