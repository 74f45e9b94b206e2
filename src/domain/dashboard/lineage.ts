/**
 * Mapping commune-year results onto later units through lineage. A pair (origin → target) says that the origin
 * commune became (part of) the target unit, following unit_succession forward; a commune that still exists maps to
 * itself. A split origin maps to each of its successors (each inherits its history); the origins of one target are
 * combined with `combinePredecessors`.
 */
import { combinePredecessors, type Combined, type ScoreFacts } from './figures.js';

export interface LineagePair {
  readonly origin: string;
  readonly target: string;
}

/** Combine the origins' results per target. Origins without a result are ignored. */
export function mapThroughLineage(
  pairs: readonly LineagePair[],
  statusOf: ReadonlyMap<string, ScoreFacts>,
  criterionCount: number,
): Map<string, Combined> {
  const byTarget = new Map<string, Set<string>>();
  for (const p of pairs) {
    if (!statusOf.has(p.origin)) continue;
    const set = byTarget.get(p.target) ?? new Set<string>();
    set.add(p.origin);
    byTarget.set(p.target, set);
  }
  const out = new Map<string, Combined>();
  for (const [target, origins] of byTarget) {
    const combined = combinePredecessors([...origins].sort().map((o) => statusOf.get(o)!), criterionCount);
    if (combined) out.set(target, combined);
  }
  return out;
}
