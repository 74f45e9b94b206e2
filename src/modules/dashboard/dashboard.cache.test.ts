import { describe, expect, it } from 'vitest';
import { RecentVersion, VersionedCache } from './dashboard.cache.js';

describe('RecentVersion', () => {
  const setup = () => {
    const s = { db: '1', reads: 0, writes: 0, now: 0 };
    const v = new RecentVersion(
      250,
      async () => {
        s.reads++;
        return s.db;
      },
      () => s.writes,
      () => s.now,
    );
    return { s, v };
  };

  it("reuses a read for the TTL; another process's write shows once the TTL is over", async () => {
    const { s, v } = setup();
    expect(await v.get()).toBe('1');
    s.db = '2'; // committed by another process
    s.now = 249;
    expect(await v.get()).toBe('1');
    expect(s.reads).toBe(1);
    s.now = 250;
    expect(await v.get()).toBe('2');
    expect(s.reads).toBe(2);
  });

  it("shows this process's own write on the next read, TTL or not", async () => {
    const { s, v } = setup();
    await v.get();
    s.db = '2';
    s.writes++;
    s.now = 1;
    expect(await v.get()).toBe('2');
  });

  it('shares one query between concurrent reads', async () => {
    const { s, v } = setup();
    const all = await Promise.all([v.get(), v.get(), v.get()]);
    expect(all).toEqual(['1', '1', '1']);
    expect(s.reads).toBe(1);
  });
});

describe('VersionedCache', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('recomputes when the version moved and shares one computation between concurrent misses', async () => {
    const c = new VersionedCache<string>(4);
    let runs = 0;
    const compute = async () => `v${++runs}`;
    const [a, b] = await Promise.all([c.get('k', '1', compute), c.get('k', '1', compute)]);
    expect([a, b, runs]).toEqual(['v1', 'v1', 1]);
    expect(await c.get('k', '2', compute)).toBe('v2');
    expect(c.size).toBe(1);
  });

  it('evicts the least recently used beyond the count and the total weight, never the entry just added', async () => {
    const c = new VersionedCache<string>(10, (v) => v.length, 10);
    await c.get('a', '1', async () => 'aaaa');
    await c.get('b', '1', async () => 'bbbb');
    await settle();
    expect([c.size, c.totalWeight]).toEqual([2, 8]);
    await c.get('a', '1', async () => 'unused'); // a is now the most recently used
    await c.get('c', '1', async () => 'cccc');
    await settle();
    expect([c.size, c.totalWeight]).toEqual([2, 8]); // b went
    let recomputed = false;
    await c.get('b', '1', async () => {
      recomputed = true;
      return 'bbbb';
    });
    expect(recomputed).toBe(true);
    await c.get('huge', '1', async () => 'x'.repeat(50));
    await settle();
    expect([c.size, c.totalWeight]).toEqual([1, 50]); // over the bound alone, but kept: it was just computed
  });

  it('drops a failed computation', async () => {
    const c = new VersionedCache<string>(4);
    await expect(c.get('k', '1', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await settle();
    expect(c.size).toBe(0);
  });
});
