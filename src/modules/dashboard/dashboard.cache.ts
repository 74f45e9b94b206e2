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
export function perDatabase<K extends object, V>(make: () => V): (db: K) => V {
  const map = new WeakMap<K, V>();
  return (db) => {
    let v = map.get(db);
    if (!v) {
      v = make();
      map.set(db, v);
    }
    return v;
  };
}
