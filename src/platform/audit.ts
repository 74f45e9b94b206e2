/** The audit log: one append-only, hash-chained record per mutation, written in the mutation's transaction. */
import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { queryOne } from './db/query.js';
import { auditEvent } from './db/schema/index.js';
import type { RequestCtx } from './context.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

const AUDIT_LOCK = 72_727_002;
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so a record hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

interface HashedFields {
  seq: number;
  prevHash: string;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** The hash of one record: SHA-256 over the previous hash and the record's canonical JSON. */
export function hashRecord(f: HashedFields): string {
  return createHash('sha256').update(f.prevHash).update('\n').update(canonicalJson(f)).digest('hex');
}

/** Normalise a value as jsonb will store it (drops undefined, dates to strings). */
function jsonValue(v: unknown): unknown {
  return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown);
}

/** Append one audit record. Must be called with the mutation's transaction. */
export async function recordAudit(tx: Db, ctx: RequestCtx, input: AuditInput): Promise<void> {
  // One writer at a time extends the chain; the lock is held only until this transaction ends.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const prev = await queryOne<{ seq: number; hash: string }>(
    tx,
    sql`select seq, hash from audit_event order by seq desc limit 1`,
  );
  const fields: HashedFields = {
    seq: (prev?.seq ?? 0) + 1,
    prevHash: prev?.hash ?? GENESIS_HASH,
    at: new Date().toISOString(),
    actorId: ctx.actor?.id ?? null,
    actorLogin: ctx.actor?.login ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    unitId: input.unitId ?? null,
    before: jsonValue(input.before),
    after: jsonValue(input.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const hash = hashRecord(fields);
  await tx.insert(auditEvent).values({ ...fields, at: new Date(fields.at), hash });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

/** Walk the whole chain in order and recompute every hash. */
export async function verifyAuditChain(db: Db, batch = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvent)
      .where(gt(auditEvent.seq, expectedSeq - 1))
      .orderBy(asc(auditEvent.seq))
      .limit(batch);
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null };
    for (const r of rows) {
      const fields: HashedFields = {
        seq: r.seq,
        prevHash: r.prevHash,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorLogin: r.actorLogin,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        unitId: r.unitId,
        before: r.before,
        after: r.after,
        requestId: r.requestId,
        ip: r.ip,
      };
      if (r.seq !== expectedSeq || r.prevHash !== prevHash || hashRecord(fields) !== r.hash) {
        return { ok: false, checked, firstBrokenSeq: r.seq };
      }
      prevHash = r.hash;
      expectedSeq++;
      checked++;
    }
  }
}
