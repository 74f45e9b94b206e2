/**
 * Dashboard maths (pure): scores, totals, per-criterion achievement rates, recognition levels, the combination of
 * predecessor communes' results through lineage, and the ranking by improvement within groups of similar communes.
 */
import { bandOf, bandsFor, type Band } from './bands.js';

export type CriterionStatus = 'met' | 'not_met' | 'not_applicable' | 'undetermined';
export type Level = 'ntm' | 'advanced' | 'model' | 'modern';
export const LEVELS: readonly Level[] = ['ntm', 'advanced', 'model', 'modern'];

export interface CriterionMark {
  readonly number: string;
  readonly status: string;
}

/** One commune-year summary (a commune_status row, or the combination of predecessors' rows). */
export interface StatusFacts {
  readonly criteriaMet: number;
  readonly criteriaApplicable: number;
  readonly meetsStandard: boolean;
  readonly basis: 'self' | 'appraised';
  readonly criteria: readonly CriterionMark[];
}

/** What a score needs (no per-criterion detail): trends and lineage work on this. */
export type ScoreFacts = Pick<StatusFacts, 'criteriaMet' | 'criteriaApplicable' | 'meetsStandard' | 'basis'>;

/**
 * The score used for averages, bands and rankings: criteria met, counting a criterion that does not apply to the
 * commune as achieved (a commune that meets all of its applicable criteria is in the top band).
 */
export function scoreOf(s: ScoreFacts, criterionCount: number): number {
  const notApplicable = Math.max(0, criterionCount - s.criteriaApplicable);
  return Math.min(criterionCount, s.criteriaMet + notApplicable);
}

const norm = (s: string): CriterionStatus =>
  s === 'met' || s === 'not_met' || s === 'not_applicable' ? s : 'undetermined';

export interface CommuneFigure {
  readonly id: string;
  readonly level: Level | null;
  readonly status: StatusFacts | null;
}

export interface CriterionRate {
  readonly number: string;
  readonly met: number;
  readonly notMet: number;
  readonly notApplicable: number;
  readonly undetermined: number;
  /** Communes with a status in which the criterion applies (met + not met + undetermined). */
  readonly assessed: number;
  /** met / assessed in percent, one decimal; null when nobody was assessed on it. */
  readonly rate: number | null;
}

export interface Totals {
  readonly communes: number;
  readonly assessed: number;
  readonly appraised: number;
  /** Average score per assessed commune, one decimal; null when none was assessed. */
  readonly avgScore: number | null;
  readonly meetsStandard: number;
}

export interface Summary {
  readonly totals: Totals;
  readonly levels: ReadonlyArray<{ level: Level | 'none'; count: number }>;
  readonly bands: ReadonlyArray<Band & { count: number }>;
  readonly criteria: readonly CriterionRate[];
}

/** Percent with one decimal (null when the denominator is 0). */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

/** One decimal. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Vietnamese name order: the same comparison as `a.localeCompare(b, 'vi')`, with one collator made once (localeCompare
 * with a locale builds a collator per call, which dominated sorting the national list of communes).
 */
export const compareVi: (a: string, b: string) => number = new Intl.Collator('vi').compare;

/** Totals, levels, bands and per-criterion rates of a set of communes for one set of `criterionNumbers`. */
export function summarise(communes: readonly CommuneFigure[], criterionNumbers: readonly string[]): Summary {
  const n = criterionNumbers.length;
  const bands = bandsFor(n).map((b) => ({ ...b, count: 0 }));
  const levelCounts = new Map<Level | 'none', number>([...LEVELS, 'none' as const].map((l) => [l, 0]));
  const rates = new Map(criterionNumbers.map((num) => [num, { met: 0, notMet: 0, notApplicable: 0, undetermined: 0 }]));
  let assessed = 0;
  let appraised = 0;
  let scoreSum = 0;
  let meets = 0;
  for (const c of communes) {
    levelCounts.set(c.level ?? 'none', (levelCounts.get(c.level ?? 'none') ?? 0) + 1);
    const s = c.status;
    if (!s) continue;
    assessed++;
    if (s.basis === 'appraised') appraised++;
    if (s.meetsStandard) meets++;
    const score = scoreOf(s, n);
    scoreSum += score;
    const band = bandOf(bands, score);
    bands.find((b) => b.key === band.key)!.count++;
    for (const m of s.criteria) {
      const r = rates.get(m.number);
      if (!r) continue;
      const st = norm(m.status);
      if (st === 'met') r.met++;
      else if (st === 'not_met') r.notMet++;
      else if (st === 'not_applicable') r.notApplicable++;
      else r.undetermined++;
    }
  }
  return {
    totals: {
      communes: communes.length,
      assessed,
      appraised,
      avgScore: assessed > 0 ? round1(scoreSum / assessed) : null,
      meetsStandard: meets,
    },
    levels: [...levelCounts].map(([level, count]) => ({ level, count })),
    bands,
    criteria: criterionNumbers.map((number) => {
      const r = rates.get(number)!;
      const applicableAssessed = r.met + r.notMet + r.undetermined;
      return { number, ...r, assessed: applicableAssessed, rate: percent(r.met, applicableAssessed) };
    }),
  };
}

/** The status of one criterion in a commune's facts ('none' when the commune has no status). */
export function criterionStatusIn(s: StatusFacts | null, number: string): CriterionStatus | 'none' {
  if (!s) return 'none';
  const m = s.criteria.find((c) => c.number === number);
  return m ? norm(m.status) : 'undetermined';
}

export interface ImprovementInput {
  readonly id: string;
  readonly name: string;
  readonly groupKey: string;
  readonly score: number | null;
  readonly prevScore: number | null;
}

export interface ImprovementRank {
  readonly id: string;
  readonly groupKey: string;
  readonly delta: number;
  /** Competition ranking within the group (1, 2, 2, 4 …) by improvement, highest first. */
  readonly rank: number;
  readonly groupSize: number;
}

/**
 * Rank communes by improvement (score this year minus last year's, both mapped to this year's units) within each
 * group of similar communes. Only communes with both scores are ranked. Equal improvements share a rank; among them
 * the higher current score, then the name, comes first in the order.
 */
export function rankImprovement(items: readonly ImprovementInput[]): ImprovementRank[] {
  const groups = new Map<string, Array<ImprovementInput & { delta: number }>>();
  for (const it of items) {
    if (it.score === null || it.prevScore === null) continue;
    const list = groups.get(it.groupKey) ?? [];
    list.push({ ...it, delta: it.score - it.prevScore });
    groups.set(it.groupKey, list);
  }
  const out: ImprovementRank[] = [];
  for (const [groupKey, list] of groups) {
    list.sort((a, b) => b.delta - a.delta || (b.score ?? 0) - (a.score ?? 0) || compareVi(a.name, b.name));
    let rank = 0;
    list.forEach((it, i) => {
      if (i === 0 || it.delta !== list[i - 1]!.delta) rank = i + 1;
      out.push({ id: it.id, groupKey, delta: it.delta, rank, groupSize: list.length });
    });
  }
  return out;
}

/** Competition ranking of communes by score, highest first (ties share a rank; name orders within a tie). */
export function rankByScore<T extends { id: string; name: string; score: number | null }>(items: readonly T[]): Array<T & { rank: number }> {
  const scored = items.filter((i) => i.score !== null).sort((a, b) => b.score! - a.score! || compareVi(a.name, b.name));
  let rank = 0;
  return scored.map((it, i) => {
    if (i === 0 || it.score !== scored[i - 1]!.score) rank = i + 1;
    return { ...it, rank };
  });
}
