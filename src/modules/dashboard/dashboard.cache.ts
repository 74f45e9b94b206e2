/**
 * The dashboards' in-process cache: one computed dashboard per (unit or nation, year, set, today), valid while the
 * data version it was computed under is still the current one. Every request reads the version (one indexed row, in
 * the same round trip as the scope check), so a change committed by any process shows on the next request — there
 * is no time-based expiry to wait for. Concurrent misses of one key share one computation (single flight).
 */

interface Entry<T> {
  version: string;
  value: Promise<T>;
}

/** A small LRU of computations keyed by string and tagged with the data version they were computed under. */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly max: number) {}

  /** The value for the key at this version: cached, in flight, or computed now. A failed computation is dropped. */
  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = compute();
    const entry: Entry<T> = { version, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One cache per database handle (tests open several databases in one process; versions are per database). */
export function perDatabase<K extends object, V>(make: (db: K) => V): (db: K) => V {
  const map = new WeakMap<K, V>();
  return (db) => {
    let v = map.get(db);
    if (!v) {
      v = make(db);
      map.set(db, v);
    }
    return v;
  };
}

/**
 * The data version as this process last read it, reused for up to `ttlMs` unless this process committed a write
 * since (`writes()` moved): a cache hit then costs no version query. Another process's write shows within `ttlMs`
 * (issue 7: "an appraisal shows on them within a second"); this process's own writes show on the next request.
 * Concurrent reads share one query.
 */
export class RecentVersion {
  private value: { version: string; at: number; writes: number } | null = null;
  private inFlight: { promise: Promise<string>; writes: number } | null = null;
  constructor(
    private readonly ttlMs: number,
    private readonly read: () => Promise<string>,
    private readonly writes: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(): Promise<string> {
    const w = this.writes();
    const v = this.value;
    if (v && v.writes === w && this.now() - v.at < this.ttlMs) return Promise.resolve(v.version);
    if (this.inFlight && this.inFlight.writes === w) return this.inFlight.promise;
    const at = this.now();
    const promise = this.read().then(
      (version) => {
        if (!this.value || this.value.at <= at) this.value = { version, at, writes: w };
        if (this.inFlight?.promise === promise) this.inFlight = null;
        return version;
      },
      (err: unknown) => {
        if (this.inFlight?.promise === promise) this.inFlight = null;
        throw err;
      },
    );
    this.inFlight = { promise, writes: w };
    return promise;
  }
}
