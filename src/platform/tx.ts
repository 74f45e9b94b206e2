/** The one way to write: a transaction that claims the request's idempotency key and maps driver errors. */
import { sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { AppError, fromDatabaseError } from './errors.js';
import type { RequestCtx } from './context.js';

const committed = new WeakMap<object, number>();

/**
 * How many `mutate` transactions this process has committed on `db` (a handle's own count; transactions opened on a
 * transaction handle count on that handle). Lets read caches notice this process's own writes at once.
 */
export function committedWrites(db: Db): number {
  return committed.get(db) ?? 0;
}

/**
 * Run `fn` in a transaction. When the request carries an Idempotency-Key, the key is claimed inside the
 * same transaction: the claim commits with the change or not at all, and a concurrent duplicate waits on
 * the unique key and is refused, so a retried request can never apply twice.
 */
export async function mutate<T>(db: Db, ctx: RequestCtx, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    const result = await db.transaction(async (tx) => {
      const idem = ctx.idempotency;
      if (idem && !idem.claimed) {
        await tx.execute(
          sql`insert into idempotency_key (user_id, key, request_hash) values (${idem.userId}, ${idem.key}, ${idem.requestHash})`,
        );
      }
      return fn(tx as unknown as Db);
    });
    if (ctx.idempotency) ctx.idempotency.claimed = true;
    committed.set(db, (committed.get(db) ?? 0) + 1);
    return result;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const mapped = fromDatabaseError(err);
    if (mapped && ctx.idempotency && isIdempotencyClash(err)) {
      throw new AppError('CONFLICT', 'Yêu cầu này đang được xử lý hoặc đã được xử lý; vui lòng tải lại trang');
    }
    throw mapped ?? err;
  }
}

function isIdempotencyClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const constraint = e.constraint ?? e.cause?.constraint;
  return (e.code ?? e.cause?.code) === '23505' && (constraint ?? '').startsWith('idempotency_key');
}
