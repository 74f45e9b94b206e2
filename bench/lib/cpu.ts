/** CPU time of this process and of a database's PostgreSQL backends (Linux /proc), to report CPU per request. */
import fs from 'node:fs';
import pg from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms (user + system) of the given processes, from /proc; processes gone are skipped. */
export function procCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // fields after the ")" of comm: state is field 3, utime 14, stime 15 (1-based)
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * TICK_MS;
}

/** Backend pids connected to a database (needs a connection to the same server). */
export async function backendPids(url: string, database: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    return r.rows.map((x) => x.pid);
  } finally {
    await c.end();
  }
}

/** Start measuring: this process's CPU and the database backends' CPU; `stop()` returns both deltas in ms. */
export async function cpuMeter(url: string, database: string, extraPids: readonly number[] = []) {
  const pids = [...(await backendPids(url, database)), ...extraPids];
  const self0 = process.cpuUsage();
  const pg0 = procCpuMs(pids);
  return {
    stop: () => {
      const self = process.cpuUsage(self0);
      return { appMs: (self.user + self.system) / 1000, dbMs: procCpuMs(pids) - pg0, dbBackends: pids.length };
    },
  };
}
