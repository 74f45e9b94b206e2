/**
 * Exports (issue 7): the province workbook of indicator values (the benchmark province's communes × every indicator)
 * over HTTP, time until the last byte (median of 3, budget 2 s); the national workbook written by the reports'
 * streamed export service in a child process, its peak RSS (budget 300 MB) and time.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { routeExists, type BenchContext } from './lib/context.js';
import { budget, type ScenarioResult } from './lib/report.js';
import { median, round1 } from './lib/stats.js';

const child = fileURLToPath(new URL('./export-national.child.ts', import.meta.url));

export async function benchExport(ctx: BenchContext): Promise<ScenarioResult> {
  const { dataset: d, base } = ctx;
  const out: ScenarioResult = { name: 'export', title: 'Exports (.xlsx)', rows: [], budgets: [], notes: [] };
  const office = await ctx.session('bench.tinh');
  const path = `/api/reports/indicator-values/xlsx?year=${d.currentYear}&setId=${d.setId}&unitId=${d.benchProvinceId}`;
  const probe = await routeExists(`${base}${path}`, { cookie: office.cookie });
  if (!probe.ok) {
    out.notes.push(`GET /api/reports/indicator-values/xlsx is not available in this build (${probe.status}): province export NOT MEASURED.`);
    out.budgets.push(budget('province .xlsx (150 communes × indicators)', null, 2000, 'ms', 'not available'));
  } else {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie: office.cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      times.push(performance.now() - t0);
      if (res.status !== 200 || body.subarray(0, 2).toString() !== 'PK') throw new Error(`province export: ${res.status} ${body.subarray(0, 200).toString()}`);
      size = body.length;
    }
    const ms = round1(median(times));
    out.rows.push({ what: `province .xlsx, ${d.counts.benchProvinceCommunes} communes × every indicator (${(size / 1024).toFixed(0)} KB), median of 3`, concurrency: 1, requests: 3, perSecond: null, p50: ms, p95: round1(Math.max(...times)), p99: null, max: round1(Math.max(...times)), errors: 0 });
    out.budgets.push(budget(`province .xlsx (${d.counts.benchProvinceCommunes} communes × indicators), median`, ms, 2000, 'ms'));
  }
  // national: the largest year (the pre-2025 communes) through the streamed service, in its own process
  const year = d.scale === 'national' ? d.currentYear - 1 : d.currentYear - 1;
  const r = await new Promise<{ available: boolean; bytes?: number; seconds?: number; peakRssMb?: number; fileName?: string }>((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, d.url, String(year), d.setId], { stdio: ['ignore', 'pipe', 'inherit'] });
    let s = '';
    p.stdout.setEncoding('utf8').on('data', (x: string) => (s += x));
    p.on('exit', (code) => {
      const line = s.split('\n').find((l) => l.startsWith('{"export":'));
      if (code !== 0 || !line) reject(new Error(`national export child exited ${code}: ${s.slice(-500)}`));
      else resolve((JSON.parse(line) as { export: { available: boolean } }).export);
    });
  });
  if (!r.available) {
    out.notes.push('exportIndicatorValuesXlsx not found: national streamed export NOT MEASURED.');
    out.budgets.push(budget('national streamed export peak RSS', null, 300, 'MB', 'not available'));
  } else {
    out.rows.push({ what: `${d.scale} streamed .xlsx of ${year} (${(r.bytes! / 2 ** 20).toFixed(1)} MB), own process`, concurrency: 1, requests: 1, perSecond: null, p50: round1(r.seconds! * 1000), p95: round1(r.seconds! * 1000), p99: null, max: round1(r.seconds! * 1000), errors: 0 });
    out.budgets.push(budget(`${d.scale} streamed export peak RSS (${year}, whole ${d.scale === 'national' ? 'country' : 'dataset'})`, round1(r.peakRssMb!), 300, 'MB'));
    out.notes.push(`Peak RSS is the export process's maximum resident set (Node + database driver + workbook stream), ${r.fileName}.`);
  }
  return out;
}
