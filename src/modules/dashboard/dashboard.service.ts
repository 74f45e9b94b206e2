/**
 * Dashboards: authorise → one round trip for the data version and the scope → the cached computation for
 * (unit or nation, year, set, today) → present. The computation reads the write-time summaries with a few set-based
 * queries and does the maths in domain/dashboard.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import type {
  DashboardCommunesQuery,
  DashboardCommunesResponse,
  DashboardQuery,
  DashboardResponse,
} from '../../contracts/dashboard.js';
import { dashboardResponse } from '../../contracts/dashboard.js';
import { bandOf, bandsFor } from '../../domain/dashboard/bands.js';
import {
  compareVi,
  rankByScore,
  rankImprovement,
  round1,
  scoreOf,
  summarise,
  type ScoreFacts,
  type StatusFacts,
} from '../../domain/dashboard/figures.js';
import { authorize, isGlobal } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { addDays, todayVN } from '../../platform/dates.js';
import { AppError, notFound } from '../../platform/errors.js';
import { committedWrites } from '../../platform/tx.js';
import { perDatabase, RecentVersion, VersionedCache } from './dashboard.cache.js';
import { targetProgress } from '../targets/targets.service.js';
import {
  presentCommuneRow,
  presentRanked,
  presentTargetRow,
  presentTodayRow,
  type CommuneFacts,
  type TargetFacts,
  type TodayFacts,
} from './dashboard.presenter.js';
import * as repo from './dashboard.repo.js';

const NIL = '00000000-0000-0000-0000-000000000000';
const TREND_YEARS = 5;
const RANK_SIZE = 10;
const GROUP_TOP = 5;
const MAX_GROUPS = 30;

/** A computed dashboard: the response (validated and serialised once) and the rows behind its figures. */
export interface Computed {
  response: DashboardResponse;
  /** The response as JSON, sent as it is on every cache hit. */
  body: string;
  /** Strong ETag of `body` (the same form @fastify/etag gives other responses). */
  etag: string;
  /** `body` compressed once per computation, on first demand. */
  encoded: Partial<Record<'br' | 'gzip', Buffer>>;
  communes: CommuneFacts[];
  today: TodayFacts[];
  targets: TargetFacts[];
  criterionNames: Map<string, string>;
}

/** How long a version read is reused when this process has not written since (see `RecentVersion`). */
export const VERSION_TTL_MS = 250;
const versionOf = perDatabase<Db, RecentVersion>((db) => new RecentVersion(VERSION_TTL_MS, () => repo.dataVersion(db), () => committedWrites(db)));
/**
 * At most 64 computations and about 192 MB of them: a computation's memory is estimated as six times its JSON (the
 * JSON string itself, the checked response object, the per-commune facts kept for drill-down, the compressed forms).
 */
const CACHE_MAX_BYTES = 192 * 1024 * 1024;
const weighComputed = (c: Computed) => c.body.length * 6;
const cacheOf = perDatabase<Db, VersionedCache<Computed>>(() => new VersionedCache<Computed>(64, weighComputed, CACHE_MAX_BYTES));
const usageCacheOf = perDatabase<Db, VersionedCache<repo.SetUsageRow[]>>(() => new VersionedCache<repo.SetUsageRow[]>(1));

interface Target {
  unit: UnitRef | null;
  version: string;
}

type UnitRef = { id: string; code: string | null; name: string; level: string };
const accessCacheOf = perDatabase<Db, VersionedCache<UnitRef | null>>(() => new VersionedCache<UnitRef | null>(2000));

/**
 * Authorise, resolve the unit (default: the actor's top scope unit; national for global actors) and check scope.
 * Per request this costs one query (the data version); the scope answer is cached per (actor, unit) under the same
 * version, and every change of scope (user scope, assignments, units) is audited and so moves the version.
 */
async function resolveTarget(db: Db, ctx: RequestCtx, unitId: string | undefined): Promise<Target> {
  authorize(ctx.actor, 'dashboard.read');
  const actor = ctx.actor;
  const version = await versionOf(db).get();
  if (!unitId && isGlobal(actor)) return { unit: null, version };
  const today = todayVN();
  const unit = await accessCacheOf(db).get(`${actor.id}|${unitId ?? 'default'}|${today}`, version, async () => {
    const id = unitId ?? (await repo.defaultUnit(db, actor, today));
    if (!id) return null;
    const a = await repo.access(db, actor, id, today);
    return a?.id && a.in_scope ? { id: a.id, code: a.code, name: a.name!, level: a.level! } : null;
  });
  if (!unit) {
    if (!unitId) throw new AppError('NOT_FOUND', 'Tài khoản chưa được giao phạm vi đơn vị nào nên chưa có bảng điều hành');
    throw notFound('Đơn vị');
  }
  return { unit, version };
}

/** The figures of the year for the unit (or the nation), as JSON ready to send. */
export async function getDashboard(db: Db, ctx: RequestCtx, q: DashboardQuery): Promise<Computed> {
  const target = await resolveTarget(db, ctx, q.unitId);
  return computeCached(db, ctx, target, q.year, q.setId ?? null);
}

/**
 * The body to send for an Accept-Encoding: the JSON compressed once per computation (brotli quality 4, like the
 * app's compression plugin, or gzip), so a cache hit costs no compression; null encoding = plain JSON.
 */
export function encodedBody(c: Computed, acceptEncoding: string | undefined): { payload: string | Buffer; encoding: 'br' | 'gzip' | null } {
  const accepts = (name: string) =>
    (acceptEncoding ?? '').split(',').some((part) => {
      const [token, ...params] = part.trim().split(';');
      return token === name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    });
  const encoding = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
  if (!encoding || c.body.length < 1024) return { payload: c.body, encoding: null };
  c.encoded[encoding] ??=
    encoding === 'br' ? brotliCompressSync(c.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(c.body);
  return { payload: c.encoded[encoding], encoding };
}

/** The rows behind one figure, paged. */
export async function getDashboardCommunes(db: Db, ctx: RequestCtx, q: DashboardCommunesQuery): Promise<DashboardCommunesResponse> {
  const target = await resolveTarget(db, ctx, q.unitId);
  const c = await computeCached(db, ctx, target, q.year, q.setId ?? null);
  const { rows, criterion } = applyFilter(c, q.filter);
  return {
    items: rows.slice(q.offset, q.offset + q.limit),
    total: rows.length,
    filter: q.filter,
    unit: c.response.unit,
    year: c.response.year,
    set: c.response.set,
    criterionName: criterion ? (c.criterionNames.get(criterion) ?? null) : null,
  };
}

function computeCached(db: Db, ctx: RequestCtx, target: Target, year: number, setId: string | null): Promise<Computed> {
  const today = todayVN();
  const key = `${target.unit?.id ?? 'national'}|${year}|${setId ?? '-'}|${today}`;
  return cacheOf(db).get(key, target.version, () => {
    // the year/set usage (shared by every key of the version) and the unit's area (one uuid[]) start at once; with a
    // set asked for, the usage (≈ 15 ms for the country) stays off the critical path: only the area precedes the batch
    const usage = usageCacheOf(db).get('usage', target.version, () => repo.setUsage(db));
    const area = target.unit ? repo.areaIds(db, target.unit.id) : Promise.resolve(null);
    usage.catch(() => {}); // awaited below; a failure must not surface as an unhandled rejection meanwhile
    area.catch(() => {});
    return compute(db, ctx, target, year, setId, today, usage, area);
  });
}

const parseJson = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function statusOfRow(r: {
  criteria_met: number | null;
  criteria_applicable: number | null;
  meets_standard: boolean | null;
  basis: 'self' | 'appraised' | null;
  criteria: Array<{ number: string; status: string }> | string | null;
}): StatusFacts | null {
  if (r.criteria_met === null || r.criteria_applicable === null || r.basis === null || r.criteria === null) return null;
  return {
    criteriaMet: r.criteria_met,
    criteriaApplicable: r.criteria_applicable,
    meetsStandard: r.meets_standard === true,
    basis: r.basis,
    criteria: parseJson(r.criteria),
  };
}

async function compute(
  db: Db,
  ctx: RequestCtx,
  target: Target,
  year: number,
  requestedSet: string | null,
  today: string,
  usageP: Promise<repo.SetUsageRow[]>,
  areaP: Promise<repo.Area>,
): Promise<Computed> {
  const unitId = target.unit?.id ?? null;
  const setId = requestedSet ?? (await usageP).filter((u) => u.year === year)[0]?.set_id ?? null;
  const [setRow, area] = await Promise.all([setId ? repo.findSet(db, setId) : null, areaP]);
  if (setId && !setRow) throw notFound('Bộ tiêu chí');
  const criteriaDefs = setRow ? parseJson(setRow.criteria) : [];
  const numbers = criteriaDefs.map((c) => c.number);
  const n = numbers.length;
  const bands = bandsFor(n);

  // every query of the computation at once on the pool, each narrowed by the area's ids
  const [rows, prevRows, trendRows, obstacles, acts, todayRows, targetRows] = await Promise.all([
    repo.communesOfYear(db, area, year, setId ?? NIL),
    setId ? repo.previousScores(db, area, setId, year, n) : Promise.resolve([]),
    setId ? repo.trendByYear(db, area, setId, year - TREND_YEARS + 1, year, n, today) : Promise.resolve([]),
    repo.obstacleCounts(db, area, today),
    repo.activityCounts(db, area, today),
    repo.communesToday(db, area, today),
    targetProgress(db, ctx, { year }),
  ]);
  const usage = await usageP;
  const ofYear = usage.filter((u) => u.year === year);
  const years = [...new Set(usage.filter((u) => u.set_id === setId && u.year <= year && u.year > year - TREND_YEARS).map((u) => u.year))].sort();

  // ── this year's communes, last year's values mapped onto them, groups, bands, ranks
  const prev = new Map(prevRows.map((r) => [r.target, r.score]));
  const communes: CommuneFacts[] = rows.map((r) => {
    const status = statusOfRow(r);
    const score = status ? scoreOf(status, n) : null;
    const prevScore = prev.get(r.id) ?? null;
    const group = r.commune_group
      ? { groupKey: `cg:${encodeURIComponent(r.commune_group)}`, groupKind: 'communeGroup' as const, groupLabel: r.commune_group }
      : r.region
        ? { groupKey: `rg:${encodeURIComponent(r.region)}`, groupKind: 'region' as const, groupLabel: r.region }
        : { groupKey: `p:${r.parent_id ?? 'none'}`, groupKind: 'parent' as const, groupLabel: r.parent_name ?? '—' };
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      parentId: r.parent_id,
      parentName: r.parent_name,
      provinceId: r.province_id,
      ...group,
      level: r.level,
      status,
      score,
      band: score === null ? null : bandOf(bands, score).key,
      prevScore,
      delta: score !== null && prevScore !== null ? round1(score - prevScore) : null,
      rank: null,
      groupRank: null,
    };
  });
  const byId = new Map(communes.map((c) => [c.id, c]));
  for (const r of rankByScore(communes)) byId.get(r.id)!.rank = r.rank;
  const improvement = rankImprovement(communes);
  for (const r of improvement) byId.get(r.id)!.groupRank = r.rank;

  const summary = summarise(communes, numbers);
  const criterionNames = new Map(criteriaDefs.map((c) => [c.number, c.name]));

  // ── trend mapped onto today's units (aggregated in SQL: `trendByYear`); a year of the set without rows in the area shows empty
  const trendOf = new Map(trendRows.map((r) => [r.year, r]));
  const trend = years.map((y) => {
    const r = trendOf.get(y);
    return { year: y, communes: r?.communes ?? 0, avgMet: r?.avg_met ?? null, meetsStandard: r?.meets_standard ?? 0, merged: r?.merged ?? 0 };
  });

  // ── rankings
  const ranked = communes.filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank! || compareVi(a.name, b.name));
  const top = ranked.slice(0, RANK_SIZE).map((c) => presentRanked(c, c.rank!));
  const bottom = ranked.length > RANK_SIZE ? ranked.slice(-RANK_SIZE).reverse().map((c) => presentRanked(c, c.rank!)) : [];
  const groups = new Map<string, CommuneFacts[]>();
  for (const c of communes) {
    const list = groups.get(c.groupKey) ?? [];
    list.push(c);
    groups.set(c.groupKey, list);
  }
  const groupList = [...groups.entries()]
    .map(([key, list]) => {
      const rankedIn = list.filter((c) => c.groupRank !== null).sort((a, b) => a.groupRank! - b.groupRank! || (b.score ?? 0) - (a.score ?? 0) || compareVi(a.name, b.name));
      const deltas = rankedIn.map((c) => c.delta!);
      return {
        key,
        kind: list[0]!.groupKind,
        label: list[0]!.groupLabel,
        communes: list.length,
        ranked: rankedIn.length,
        avgDelta: deltas.length ? round1(deltas.reduce((s, d) => s + d, 0) / deltas.length) : null,
        filter: `group:${key}`,
        top: rankedIn.slice(0, GROUP_TOP).map((c) => presentRanked(c, c.groupRank!)),
      };
    })
    .sort((a, b) => b.ranked - a.ranked || compareVi(a.label, b.label))
    .slice(0, MAX_GROUPS);

  // ── breakdown: provinces for the nation, districts when the communes sit under districts
  const breakdownKey = (r: repo.CommuneRow) => (unitId === null ? r.province_id : r.parent_level === 'district' ? r.parent_id : null);
  const parts = new Map<string, { unit: { id: string; code: string | null; name: string; level: string }; list: CommuneFacts[] }>();
  rows.forEach((r, i) => {
    const k = breakdownKey(r);
    if (!k || k === unitId) return;
    let part = parts.get(k);
    if (!part) {
      const unit = unitId === null
        ? { id: k, code: r.province_code, name: r.province_name ?? '—', level: 'province' }
        : { id: k, code: r.parent_code, name: r.parent_name ?? '—', level: 'district' };
      parts.set(k, (part = { unit, list: [] }));
    }
    part.list.push(communes[i]!);
  });
  const breakdown = [...parts.values()]
    .map((p) => {
      const s = summarise(p.list, numbers);
      return {
        unit: p.unit,
        communes: s.totals.communes,
        assessed: s.totals.assessed,
        avgMet: s.totals.avgScore,
        meetsStandard: s.totals.meetsStandard,
        recognised: p.list.filter((c) => c.level !== null).length,
        filter: `parent:${p.unit.id}`,
      };
    })
    .sort((a, b) => compareVi(a.unit.name, b.unit.name));

  // ── obstacles and visits
  const today30 = addDays(today, -30);
  const today90 = addDays(today, -90);
  const todayFacts: TodayFacts[] = todayRows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    parentName: r.parent_name,
    lastVisit: r.last_visit,
    openObstacles: r.open_obstacles,
    overdueObstacles: r.overdue_obstacles,
  }));
  // ── target communes: the year's target lists (read with the caller's scope), limited to the unit's communes
  const inUnit = new Set([...communes.map((c) => c.id), ...todayFacts.map((t) => t.id)]);
  const targets: TargetFacts[] = targetRows
    .filter((t) => unitId === null || inUnit.has(t.unit.id))
    .map((t) => ({
      id: t.unit.id,
      code: t.unit.code,
      name: t.unit.name,
      parentName: t.unit.parentName,
      targetLevel: t.targetLevel,
      met: t.met,
      atRisk: t.atRisk,
      criteriaMet: t.status?.criteriaMet ?? null,
      criteriaApplicable: t.status?.criteriaApplicable ?? null,
      lastVisit: t.lastVisit,
      openObstacles: t.openObstacles,
      overdueObstacles: t.overdueObstacles,
    }));
  const targetLevels = [...new Set(targets.map((t) => t.targetLevel))];

  const sumBy = <K extends string>(key: (r: repo.ObstacleAggRow) => K) => {
    const m = new Map<K, number>();
    for (const r of obstacles) m.set(key(r), (m.get(key(r)) ?? 0) + r.n);
    return [...m].map(([k, count]) => ({ k, count }));
  };

  const response: DashboardResponse = {
    unit: target.unit,
    national: unitId === null,
    year,
    set: setRow ? { id: setRow.id, code: setRow.code, name: setRow.name, criterionCount: n } : null,
    sets: ofYear.map((u) => ({ id: u.set_id, code: u.code, name: u.name, communes: u.communes })),
    years: [...new Set(usage.map((u) => u.year))].sort(),
    asOf: today,
    computedAt: new Date().toISOString(),
    totals: {
      communes: summary.totals.communes,
      assessed: summary.totals.assessed,
      appraised: summary.totals.appraised,
      notAssessed: summary.totals.communes - summary.totals.assessed,
      avgMet: summary.totals.avgScore,
      meetsStandard: summary.totals.meetsStandard,
    },
    levels: summary.levels.map((l) => ({ level: l.level, count: l.count, filter: `level:${l.level}` })),
    bands: summary.bands.map((b) => ({ key: b.key, min: b.min, max: b.max, count: b.count, filter: `band:${b.key}` })),
    criteria: summary.criteria.map((c) => ({
      ...c,
      name: criterionNames.get(c.number) ?? c.number,
      filterMet: `criterion:${c.number}:met`,
      filterNotMet: `criterion:${c.number}:not_met`,
    })),
    trend,
    rankings: {
      top,
      bottom,
      improvement: {
        previousYear: year - 1,
        groups: groupList,
        improved: communes.filter((c) => (c.delta ?? 0) > 0).length,
        declined: communes.filter((c) => (c.delta ?? 0) < 0).length,
      },
    },
    breakdown,
    obstacles: {
      open: obstacles.reduce((s, r) => s + r.n, 0),
      overdue: obstacles.reduce((s, r) => s + r.overdue, 0),
      byLevel: sumBy((r) => r.level).map(({ k, count }) => ({ level: k, count })),
      byStatus: sumBy((r) => r.status).map(({ k, count }) => ({ status: k, count })),
      communesWithOpen: todayFacts.filter((t) => t.openObstacles > 0).length,
      filterOpen: 'obstacles:open',
      filterOverdue: 'obstacles:overdue',
    },
    visits: {
      communes: todayFacts.length,
      ...acts,
      withoutVisit30: todayFacts.filter((t) => !t.lastVisit || t.lastVisit <= today30).length,
      withoutVisit90: todayFacts.filter((t) => !t.lastVisit || t.lastVisit <= today90).length,
      filterNoVisit30: 'noVisit:30',
      filterNoVisit90: 'noVisit:90',
    },
    targets: {
      available: true,
      communes: targets.length,
      met: targets.filter((t) => t.met).length,
      atRisk: targets.filter((t) => !t.met && t.atRisk).length,
      onTrack: targets.filter((t) => !t.met && !t.atRisk).length,
      byLevel: targetLevels.map((level) => ({
        level,
        communes: targets.filter((t) => t.targetLevel === level).length,
        met: targets.filter((t) => t.targetLevel === level && t.met).length,
      })),
      filterAll: 'targets:all',
      filterMet: 'targets:met',
      filterAtRisk: 'targets:atRisk',
      filterOnTrack: 'targets:onTrack',
    },
  };
  const checked = dashboardResponse.parse(response); // the contract is the allow-list, checked once per computation
  const body = JSON.stringify(checked);
  const etag = `"${createHash('sha1').update(body).digest('base64')}"`;
  return { response: checked, body, etag, encoded: {}, communes, today: todayFacts, targets, criterionNames };
}

const byRank = (a: CommuneFacts, b: CommuneFacts) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || compareVi(a.name, b.name);

/** The rows behind a figure (see `dashboardFilter` for the syntax). */
export function applyFilter(c: Computed, filter: string): { rows: DashboardCommunesResponse['items']; criterion: string | null } {
  const [kind, a, b] = filter.split(':') as [string, string | undefined, string | undefined];
  const todayById = new Map(c.today.map((t) => [t.id, t]));
  const fromYear = (pred: (x: CommuneFacts) => boolean, sort = byRank, criterion: string | null = null) => ({
    rows: c.communes.filter(pred).sort(sort).map((x) => presentCommuneRow(x, criterion, todayById.get(x.id))),
    criterion,
  });
  const communeById = new Map(c.communes.map((x) => [x.id, x]));
  const fromToday = (pred: (t: TodayFacts) => boolean, sort: (x: TodayFacts, y: TodayFacts) => number) => ({
    rows: c.today.filter(pred).sort(sort).map((t) => presentTodayRow(t, communeById.get(t.id))),
    criterion: null,
  });
  const today = c.response.asOf;
  switch (kind) {
    case 'all':
      return fromYear(() => true);
    case 'assessed':
      return fromYear((x) => x.status !== null);
    case 'notAssessed':
      return fromYear((x) => x.status === null);
    case 'standard':
      return fromYear((x) => x.status !== null && x.status.meetsStandard === (a === 'met'));
    case 'level':
      return fromYear((x) => (a === 'none' ? x.level === null : x.level === a));
    case 'band':
      return fromYear((x) => x.band === filter.slice('band:'.length));
    case 'criterion': {
      const want = b === 'met';
      return fromYear(
        (x) => {
          if (!x.status) return false;
          const s = x.status.criteria.find((m) => m.number === a)?.status ?? 'undetermined';
          if (s === 'not_applicable') return false;
          return want ? s === 'met' : s !== 'met';
        },
        byRank,
        a ?? null,
      );
    }
    case 'group': {
      const key = filter.slice('group:'.length);
      return fromYear(
        (x) => x.groupKey === key,
        (x, y) => (x.groupRank ?? Number.MAX_SAFE_INTEGER) - (y.groupRank ?? Number.MAX_SAFE_INTEGER) || byRank(x, y),
      );
    }
    case 'improved':
      return fromYear((x) => (x.delta ?? 0) > 0, (x, y) => y.delta! - x.delta! || byRank(x, y));
    case 'declined':
      return fromYear((x) => (x.delta ?? 0) < 0, (x, y) => x.delta! - y.delta! || byRank(x, y));
    case 'parent':
      return fromYear((x) => x.provinceId === a || x.parentId === a);
    case 'noVisit': {
      const since = addDays(today, -Number(a));
      return fromToday(
        (t) => !t.lastVisit || t.lastVisit <= since,
        (x, y) => (x.lastVisit ?? '').localeCompare(y.lastVisit ?? '') || compareVi(x.name, y.name),
      );
    }
    case 'obstacles':
      return fromToday(
        (t) => (a === 'overdue' ? t.overdueObstacles > 0 : t.openObstacles > 0),
        (x, y) => y.openObstacles - x.openObstacles || compareVi(x.name, y.name),
      );
    case 'targets': {
      const pick = (t: TargetFacts) => (a === 'met' ? t.met : a === 'atRisk' ? !t.met && t.atRisk : a === 'onTrack' ? !t.met && !t.atRisk : true);
      return {
        rows: c.targets
          .filter(pick)
          .sort((x, y) => Number(y.atRisk) - Number(x.atRisk) || compareVi(x.name, y.name))
          .map((t) => presentTargetRow(t, communeById.get(t.id))),
        criterion: null,
      };
    }
    default:
      throw new AppError('VALIDATION', 'Bộ lọc không hợp lệ');
  }
}
