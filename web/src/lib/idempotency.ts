/** Idempotency keys: one per user action, kept while the same action is retried. */

/** A fresh random key. crypto.randomUUID needs a secure context; offices on plain http get the fallback. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Remembers the key of the last attempted action. Submitting the same thing again (a retry after a
 * network error) reuses the key; submitting something different, or after success, gets a new one.
 */
export class ActionKeys {
  private last: { fingerprint: string; key: string } | null = null;

  /** The key for an attempt at this action (fingerprint = what is sent, e.g. method + path + body). */
  keyFor(fingerprint: string): string {
    if (this.last?.fingerprint !== fingerprint) this.last = { fingerprint, key: newIdempotencyKey() };
    return this.last.key;
  }

  /** The action succeeded: the next submit is a new action. */
  done(): void {
    this.last = null;
  }
}
