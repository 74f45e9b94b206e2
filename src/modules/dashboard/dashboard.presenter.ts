/** Dashboard rows → contract objects (the only way out). */
import type { DashboardCommuneRow, DashboardResponse } from '../../contracts/dashboard.js';
import type { Level, StatusFacts } from '../../domain/dashboard/figures.js';

/** A commune of the year's universe with everything the figures and the drill-downs need. */
export interface CommuneFacts {
  id: string;
  code: string | null;
  name: string;
  parentId: string | null;
  parentName: string | null;
  provinceId: string | null;
  groupKey: string;
  groupKind: 'communeGroup' | 'region' | 'parent';
  groupLabel: string;
  level: Level | null;
  status: StatusFacts | null;
  score: number | null;
  band: string | null;
  prevScore: number | null;
  delta: number | null;
  rank: number | null;
  groupRank: number | null;
}

/** A commune in force today with its visits and obstacles (lineage included). */
export interface TodayFacts {
  id: string;
  code: string | null;
  name: string;
  parentName: string | null;
  lastVisit: string | null;
  openObstacles: number;
  overdueObstacles: number;
}

export const profileHref = (id: string) => `/communes/${id}`;

type Ranked = DashboardResponse['rankings']['top'][number];

export function presentRanked(c: CommuneFacts, rank: number): Ranked {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    parentName: c.parentName,
    href: profileHref(c.id),
    rank,
    score: c.score ?? 0,
    prevScore: c.prevScore,
    delta: c.delta,
    level: c.level,
  };
}

/** A drill-down row from the year's communes (with the status of one criterion when the filter names one). */
export function presentCommuneRow(c: CommuneFacts, criterion: string | null, today: TodayFacts | undefined): DashboardCommuneRow {
  const mark = criterion && c.status ? (c.status.criteria.find((m) => m.number === criterion)?.status ?? 'undetermined') : null;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    parentName: c.parentName,
    href: profileHref(c.id),
    score: c.score,
    criteriaMet: c.status?.criteriaMet ?? null,
    criteriaApplicable: c.status?.criteriaApplicable ?? null,
    meetsStandard: c.status?.meetsStandard ?? null,
    basis: c.status?.basis ?? null,
    band: c.band,
    level: c.level,
    prevScore: c.prevScore,
    delta: c.delta,
    group: c.groupLabel,
    criterionStatus: mark,
    lastVisit: today?.lastVisit ?? null,
    openObstacles: today?.openObstacles ?? null,
    overdueObstacles: today?.overdueObstacles ?? null,
    targetLevel: null,
    atRisk: null,
  };
}

/**
 * A drill-down row named by a commune in force today `t` (its visits and obstacles), with the year's facts `c` when it
 * is one of the year's communes; `own` fills what `t` knows itself (the criteria counts when `c` has no status, and a
 * target list's level and risk).
 */
function rowOfToday(t: TodayFacts, c: CommuneFacts | undefined, own: Pick<DashboardCommuneRow, 'criteriaMet' | 'criteriaApplicable' | 'targetLevel' | 'atRisk'>): DashboardCommuneRow {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    parentName: t.parentName,
    href: profileHref(t.id),
    score: c?.score ?? null,
    criteriaMet: c?.status?.criteriaMet ?? own.criteriaMet,
    criteriaApplicable: c?.status?.criteriaApplicable ?? own.criteriaApplicable,
    meetsStandard: c?.status?.meetsStandard ?? null,
    basis: c?.status?.basis ?? null,
    band: c?.band ?? null,
    level: c?.level ?? null,
    prevScore: c?.prevScore ?? null,
    delta: c?.delta ?? null,
    group: c?.groupLabel ?? null,
    criterionStatus: null,
    lastVisit: t.lastVisit,
    openObstacles: t.openObstacles,
    overdueObstacles: t.overdueObstacles,
    targetLevel: own.targetLevel,
    atRisk: own.atRisk,
  };
}

/** A drill-down row from today's communes (visits and obstacles). */
export function presentTodayRow(t: TodayFacts, c: CommuneFacts | undefined): DashboardCommuneRow {
  return rowOfToday(t, c, { criteriaMet: null, criteriaApplicable: null, targetLevel: null, atRisk: null });
}

/** A commune of a target list (targets module) with the dashboard's facts when it is one of the year's communes. */
export interface TargetFacts extends TodayFacts {
  targetLevel: string;
  met: boolean;
  atRisk: boolean;
  criteriaMet: number | null;
  criteriaApplicable: number | null;
}

export function presentTargetRow(t: TargetFacts, c: CommuneFacts | undefined): DashboardCommuneRow {
  return rowOfToday(t, c, { criteriaMet: t.criteriaMet, criteriaApplicable: t.criteriaApplicable, targetLevel: t.targetLevel, atRisk: t.atRisk });
}
