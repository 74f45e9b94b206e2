import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/app.js';
import { canonicalJson, recordAudit, verifyAuditChain } from './audit.js';
import { systemCtx } from './context.js';
import { queryRows } from './db/query.js';
import { mutate } from './tx.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('audit chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('links every record to the previous one, in order, even under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        mutate(t.db, systemCtx(`r${i}`), (tx) => recordAudit(tx, systemCtx(`r${i}`), { action: 'test.concurrent', entityType: 'test', entityId: String(i), after: { i, nested: { b: 2, a: 1 } } })),
      ),
    );
    const rows = await queryRows<{ seq: number; prev_hash: string; hash: string }>(t.db, sql`select seq, prev_hash, hash from audit_event order by seq`);
    rows.forEach((r, i) => {
      expect(r.seq).toBe(i + 1);
      if (i > 0) expect(r.prev_hash).toBe(rows[i - 1]!.hash);
    });
    const v = await verifyAuditChain(t.db);
    expect(v).toEqual({ ok: true, checked: rows.length, firstBrokenSeq: null });
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(t.db.execute(sql`update audit_event set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_event where seq = 1`)).rejects.toThrow();
  });

  it('detects a record altered behind the application’s back', async () => {
    await t.db.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
    await t.db.execute(sql`update audit_event set after = '{"i": 999}'::jsonb where seq = 3`);
    await t.db.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
    const v = await verifyAuditChain(t.db);
    expect(v.ok).toBe(false);
    expect(v.firstBrokenSeq).toBe(3);
    expect(v.checked).toBe(2);
  });

  it('rolls back with the mutation: a failed write leaves no audit record', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_event`);
    await expect(
      mutate(t.db, systemCtx(), async (tx) => {
        await recordAudit(tx, systemCtx(), { action: 'test.rollback', entityType: 'test' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_event`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
