import { describe, expect, it } from 'vitest';
import { RecentVersion } from './dashboard.cache.js';

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
