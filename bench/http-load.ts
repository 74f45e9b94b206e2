/**
 * HTTP load out of process: `runLoad(spec)` starts a child Node process that drives autocannon against a running
 * server and hands back the figures, so the load generator never competes with the server's event loop.
 * Every response's latency is kept (autocannon's histogram has no p95), status codes are counted per code.
 *
 * Scenarios:
 * - `get`: keep-alive GETs cycling through `paths` (each connection starts at its own offset), one header set.
 * - `save`: the autosave of issue 4 — one commune officer per connection saving indicators of its own form in turn,
 *   each PUT based on the version the previous answer returned and carrying a fresh operation id; a 409 takes the
 *   current version from the answer's details (counted as a conflict, not an error). Like a browser, it accepts
 *   compressed answers.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { summarise, type LatencySummary } from './lib/stats.js';

export interface SaveWriter {
  cookie: string;
  csrf: string;
  assessmentId: string;
  rows: Array<{ code: string; kind: string; version: number; target: number | boolean | string | null }>;
}

export type LoadScenario =
  | { kind: 'get'; paths: string[]; headers?: Record<string, string> }
  | { kind: 'save'; writers: SaveWriter[]; origin: string };

export interface LoadSpec {
  /** http://host:port */
  base: string;
  connections: number;
  /** Total requests of the measured run (split evenly over the connections) … */
  amount?: number;
  /** … or its length in seconds. */
  durationS?: number;
  /** Requests sent first and not counted (JIT, pools, caches). */
  warmupAmount?: number;
  scenario: LoadScenario;
}

export interface LoadResult {
  connections: number;
  requests: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  statuses: Record<string, number>;
  /** 409 answers of the save scenario. */
  conflicts: number;
  /** Anything else than 2xx (and 409 for saves), connection errors and timeouts. */
  errors: number;
  bytesPerResponse: number;
}

const self = fileURLToPath(import.meta.url);

/** Run one load in a child process; rejects if the child fails. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, '--child'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"load":'));
      if (code !== 0 || !line) return reject(new Error(`load generator exited with ${code}: ${out.slice(-2000)}`));
      resolve((JSON.parse(line) as { load: LoadResult }).load);
    });
    child.stdin.end(JSON.stringify(spec));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The child: autocannon with per-connection request builders.

interface AcClient {
  setRequests(reqs: AcRequest[]): void;
}
interface AcRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  onResponse?: (status: number, body: string) => void;
}

/** Value for an indicator save: stays valid for the indicator's kind and varies with k. */
export function benchValueOf(r: SaveWriter['rows'][number], k: number): number | boolean | string {
  if (r.kind === 'boolean') return k % 2 === 0;
  if (r.kind === 'verdict') return typeof r.target === 'string' ? r.target : 'Đạt';
  if (r.kind.startsWith('percent')) return (k * 7) % 100;
  return typeof r.target === 'number' ? Math.max(0, Math.round(r.target + (k % 5) - 2)) : k % 50;
}

function clientSetup(scenario: LoadScenario, counts: { conflicts: number }): (client: AcClient) => void {
  let next = 0;
  if (scenario.kind === 'get') {
    const { paths, headers = {} } = scenario;
    return (client) => {
      let i = (next++ * 7919) % paths.length;
      const request = (): AcRequest => ({
        method: 'GET',
        path: paths[i]!,
        headers,
        onResponse: () => {
          i = (i + 1) % paths.length;
          client.setRequests([request()]);
        },
      });
      client.setRequests([request()]);
    };
  }
  const { writers, origin } = scenario;
  return (client) => {
    const wi = next++;
    const w = writers[wi % writers.length]!;
    let k = 0;
    const request = (): AcRequest => {
      const r = w.rows[(k * 7 + wi) % w.rows.length]!;
      return {
        method: 'PUT',
        path: `/api/assessments/${w.assessmentId}/results/${encodeURIComponent(r.code)}`,
        headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br', cookie: w.cookie, 'x-csrf-token': w.csrf, origin },
        body: JSON.stringify({ value: benchValueOf(r, k), note: `Ghi chú lần ${k}`, baseVersion: r.version, opId: randomUUID() }),
        onResponse: (status, body) => {
          try {
            const b = JSON.parse(body) as { result?: { version: number }; details?: { current?: { version: number } } };
            if (status === 200 && b.result) r.version = b.result.version;
            else if (status === 409) {
              counts.conflicts++;
              r.version = b.details?.current?.version ?? r.version;
            }
          } catch {
            /* counted by status */
          }
          k++;
          client.setRequests([request()]);
        },
      };
    };
    client.setRequests([request()]);
  };
}

async function childMain(): Promise<void> {
  // autocannon ships no types: the two calls used here, typed by hand
  const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => NodeJS.EventEmitter & PromiseLike<{ errors: number; timeouts: number }>;
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const spec = JSON.parse(input) as LoadSpec;
  const run = async (amount: number | undefined, durationS: number | undefined, record: boolean) => {
    const counts = { conflicts: 0 };
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let bytes = 0;
    const t0 = performance.now();
    const instance = autocannon({
      url: spec.base,
      connections: spec.connections,
      ...(amount ? { amount } : { duration: durationS ?? 10 }),
      timeout: 30,
      setupClient: clientSetup(spec.scenario, counts),
    });
    instance.on('response', (_client: unknown, status: number, resBytes: number, ms: number) => {
      if (!record) return;
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
      bytes += resBytes;
    });
    const result = await instance;
    const seconds = (performance.now() - t0) / 1000;
    const ok = (s: number) => (s >= 200 && s < 300) || (spec.scenario.kind === 'save' && s === 409);
    const bad = Object.entries(statuses).reduce((n, [s, c]) => (ok(Number(s)) ? n : n + c), 0);
    const load: LoadResult = {
      connections: spec.connections,
      requests: latencies.length,
      seconds: Math.round(seconds * 10) / 10,
      perSecond: Math.round(latencies.length / seconds),
      latency: summarise(latencies),
      statuses,
      conflicts: counts.conflicts,
      errors: bad + result.errors,
      bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
    };
    return load;
  };
  if (spec.warmupAmount) await run(Math.max(spec.warmupAmount, spec.connections), undefined, false);
  const load = await run(spec.amount, spec.durationS, true);
  process.stdout.write(`${JSON.stringify({ load })}\n`);
}

if (process.argv[1] === self && process.argv.includes('--child')) {
  childMain().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
