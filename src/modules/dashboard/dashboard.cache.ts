/**
 * The dashboards' in-process cache: one computed dashboard per (unit or nation, year, set, today), valid while the
 * data version it was computed under is still the current one. Every request reads the version (one indexed row, in
 * the same round trip as the scope check), so a change committed by any process shows on the next request — there
 * is no time-based expiry to wait for. Concurrent misses of one key share one computation (single flight).
 */

interface Entry<T> {
  version: string;
  value: Promise<T>;
  /** Known once the computation has finished (`weigh`); 0 while in flight. */
  weight: number;
}

/**
 * A small LRU of computations keyed by string and tagged with the data version they were computed under, bounded
 * by count and, when `weigh` is given, by the total weight of the finished values (an estimate of their memory), so
 * a few national roll-ups cannot hold an unbounded heap. The entry just used or added is never the one evicted.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private weight = 0;
  constructor(
    private readonly max: number,
    private readonly weigh?: (value: T) => number,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

  /** The value for the key at this version: cached, in flight, or computed now. A failed computation is dropped. */
  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    if (hit) this.remove(key, hit);
    const value = compute();
    const entry: Entry<T> = { version, value, weight: 0 };
    this.entries.set(key, entry);
    value.then(
      (v) => {
        if (this.entries.get(key) !== entry || !this.weigh) return;
        entry.weight = this.weigh(v);
        this.weight += entry.weight;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.remove(key, entry);
      },
    );
    this.evict(key);
    return value;
  }

  private remove(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  /** Oldest first, until within both bounds; never `keep`. */
  private evict(keep: string): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.max && this.weight <= this.maxWeight) return;
      if (key !== keep) this.remove(key, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Total weight of the finished values held. */
  get totalWeight(): number {
    return this.weight;
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
