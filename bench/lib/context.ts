/** What every scenario of the dataset harness gets: the dataset, the running server, a database handle, sessions. */
import type { Db } from '../../src/platform/db/client.js';
import type { Dataset } from '../national/generate.js';
import { summarise, type LatencySummary } from './stats.js';

export interface BenchContext {
  dataset: Dataset;
  /** The app server (its own process). */
  base: string;
  serverPid: number;
  /** Direct SQL on the dataset's database (the floor), pool of the app's size. */
  db: Db;
  quick: boolean;
  /** Signed-in session of a benchmark user (cached per login). */
  session(login: string): Promise<{ cookie: string; csrf: string }>;
}

/** Seconds of a measured HTTP load at 1 and at 50 clients. */
export const durations = (quick: boolean) => ({ c1: quick ? 3 : 8, c50: quick ? 4 : 12, warmup: quick ? 20 : 100 });

/**
 * Run `fn` `total` times with `concurrency` callers at once and summarise the latencies (ms). The database pool
 * decides how many actually run at once, as it does for the app.
 */
export async function measureFloor(fn: () => Promise<unknown>, concurrency: number, total: number): Promise<LatencySummary> {
  const latencies: number[] = [];
  let left = total;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left--;
        const t = performance.now();
        await fn();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarise(latencies);
}

/** Is the endpoint there? (A route that does not exist answers 404 NOT_FOUND with "Không tìm thấy địa chỉ này".) */
export async function routeExists(url: string, headers: Record<string, string>): Promise<{ ok: boolean; status: number; body: string }> {
  const res = await fetch(url, { headers });
  const body = await res.text();
  return { ok: res.status !== 404 || !body.includes('Không tìm thấy địa chỉ này'), status: res.status, body: body.slice(0, 300) };
}
