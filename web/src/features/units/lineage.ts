/** Pure helpers over unit lineage and validity: which date to view a unit at, the lineage as an outline. */
import type { LineageResponse, SuccessionLink, UnitSummary } from '../../../../src/contracts/units.js';
import { addDays } from '../../lib/format.js';

type Validity = Pick<UnitSummary, 'validFrom' | 'validTo'>;
type Edge = LineageResponse['edges'][number];

/**
 * A date on which the unit existed, for links into the past: undefined (= today) while it still
 * exists, else the last day before its end (whether validTo is read as inclusive or exclusive).
 */
export function dateWhenValid(u: Validity): string | undefined {
  if (!u.validTo) return undefined;
  const lastDay = addDays(u.validTo, -1);
  return u.validFrom && lastDay < u.validFrom ? u.validFrom : lastDay;
}

/** View a predecessor on the day before the succession took effect: the last day it existed. */
export function predecessorAsOf(link: Pick<SuccessionLink, 'effectiveDate'>): string {
  return addDays(link.effectiveDate, -1);
}

/** View a successor from the day the succession took effect. */
export function successorAsOf(link: Pick<SuccessionLink, 'effectiveDate'>): string {
  return link.effectiveDate;
}

export interface OutlineRow {
  unit: UnitSummary;
  depth: number;
  /** The succession that leads from the row's parent to this unit (none for a root). */
  via: Edge | null;
  /** The unit was already listed above (a merge joins several branches); it is not expanded again. */
  repeat: boolean;
  current: boolean;
}

const byDateThenName = (a: { d: string; n: string }, b: { d: string; n: string }) =>
  a.d < b.d ? -1 : a.d > b.d ? 1 : a.n.localeCompare(b.n, 'vi');

/**
 * The lineage graph as an indented outline, oldest units first: each unit is followed by what it
 * became. A unit formed from several (a merger) is listed under its first predecessor and marked as
 * a repeat under the others. Cycles and unreachable nodes are handled (each unit expands once).
 */
export function lineageOutline(l: LineageResponse): OutlineRow[] {
  const nodes = new Map(l.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Edge[]>();
  const hasIncoming = new Set<string>();
  for (const e of l.edges) {
    if (!nodes.has(e.predecessorId) || !nodes.has(e.successorId)) continue;
    out.set(e.predecessorId, [...(out.get(e.predecessorId) ?? []), e]);
    hasIncoming.add(e.successorId);
  }
  for (const list of out.values())
    list.sort((a, b) =>
      byDateThenName(
        { d: a.effectiveDate, n: nodes.get(a.successorId)!.name },
        { d: b.effectiveDate, n: nodes.get(b.successorId)!.name },
      ),
    );
  const order = (u: UnitSummary) => ({ d: u.validFrom ?? '', n: u.name });
  const roots = l.nodes.filter((n) => !hasIncoming.has(n.id)).sort((a, b) => byDateThenName(order(a), order(b)));

  const rows: OutlineRow[] = [];
  const expanded = new Set<string>();
  const visit = (u: UnitSummary, depth: number, via: Edge | null) => {
    const repeat = expanded.has(u.id);
    rows.push({ unit: u, depth, via, repeat, current: u.id === l.unitId });
    if (repeat) return;
    expanded.add(u.id);
    for (const e of out.get(u.id) ?? []) visit(nodes.get(e.successorId)!, depth + 1, e);
  };
  for (const r of roots) visit(r, 0, null);
  // Units only reachable through a cycle have no root; start from them so none is lost.
  for (const n of l.nodes) if (!expanded.has(n.id)) visit(n, 0, null);
  return rows;
}

export interface OutlineNode {
  row: OutlineRow;
  children: OutlineNode[];
}

/** The outline rows (depth-first, with depths) as nested nodes, for nested lists. */
export function nestOutline(rows: OutlineRow[]): OutlineNode[] {
  const top: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const row of rows) {
    const node: OutlineNode = { row, children: [] };
    while (stack.length > row.depth) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : top).push(node);
    stack.push(node);
  }
  return top;
}
