/** A readable diff of two JSON values (an audit event's before and after), leaf by leaf. */

export type DiffKind = 'added' | 'removed' | 'changed';
export interface DiffRow {
  /** Dotted path to the leaf, e.g. "roles.1" or "scope.0.name"; "" for a top-level scalar. */
  path: string;
  kind: DiffKind;
  before?: unknown;
  after?: unknown;
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null && Object.keys(v).length > 0;

/** Every leaf of a JSON value by path, in document order. Empty objects and arrays are leaves. */
export function flattenJson(v: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isContainer(v)) {
    out.set(prefix, v);
    return out;
  }
  for (const [k, child] of Object.entries(v)) flattenJson(child, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** The leaves that differ; null/undefined on one side (a create or a delete) makes every leaf added or removed. */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const b = before == null ? new Map<string, unknown>() : flattenJson(before);
  const a = after == null ? new Map<string, unknown>() : flattenJson(after);
  const rows: DiffRow[] = [];
  for (const [path, bv] of b) {
    if (!a.has(path)) rows.push({ path, kind: 'removed', before: bv });
    else if (JSON.stringify(a.get(path)) !== JSON.stringify(bv)) rows.push({ path, kind: 'changed', before: bv, after: a.get(path) });
  }
  for (const [path, av] of a) if (!b.has(path)) rows.push({ path, kind: 'added', after: av });
  return rows;
}

/** A leaf for display: strings as they are, everything else as compact JSON. */
export function showJsonValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
