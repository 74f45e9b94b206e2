/** Contracts of the dashboards (issue 7): the figures of a year for a unit (or the nation) and the rows behind them. */
import { z } from 'zod';
import { id, isoDate } from './common.js';

export const dashboardLevels = ['ntm', 'advanced', 'model', 'modern'] as const;
export const dashboardLevel = z.enum(dashboardLevels);

/**
 * A drill-down filter: the rows behind one figure.
 * all | assessed | notAssessed | standard:met | standard:not_met | level:<ntm|advanced|model|modern|none> |
 * band:<key> | criterion:<number>:<met|not_met> | group:<key> | improved | declined | parent:<unitId> |
 * noVisit:<30|90> | obstacles:<open|overdue> | targets:<all|met|atRisk|onTrack>
 */
export const dashboardFilter = z
  .string()
  .trim()
  .max(120)
  .regex(
    /^(all|assessed|notAssessed|improved|declined|standard:(met|not_met)|level:(ntm|advanced|model|modern|none)|band:\d+(-\d+)?|criterion:[0-9A-Za-z.]+:(met|not_met)|group:[^\s]{1,100}|parent:[0-9a-f-]{36}|noVisit:(30|90)|obstacles:(open|overdue)|targets:(all|met|atRisk|onTrack))$/,
    { message: 'Bộ lọc không hợp lệ' },
  );

export const dashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** The criteria set; default: the set most communes of the year were assessed on. */
  setId: id.optional(),
  /** Default: the actor's top scope unit; a system administrator without it gets the national roll-up. */
  unitId: id.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const dashboardCommunesQuery = dashboardQuery.extend({
  filter: dashboardFilter.default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DashboardCommunesQuery = z.infer<typeof dashboardCommunesQuery>;

const unitRef = z.object({ id, code: z.string().nullable(), name: z.string(), level: z.string() });
const communeRef = z.object({ id, code: z.string().nullable(), name: z.string(), parentName: z.string().nullable(), href: z.string() });

const totals = z.object({
  communes: z.number().int(),
  assessed: z.number().int(),
  appraised: z.number().int(),
  notAssessed: z.number().int(),
  /** Average criteria met per assessed commune (not-applicable criteria count as met), one decimal. */
  avgMet: z.number().nullable(),
  meetsStandard: z.number().int(),
});

const rankedCommune = communeRef.extend({
  rank: z.number().int(),
  score: z.number().int(),
  /** Last year's score mapped onto this unit (mean of merged predecessors, one decimal). */
  prevScore: z.number().nullable(),
  delta: z.number().nullable(),
  level: dashboardLevel.nullable(),
});

export const dashboardResponse = z.object({
  /** null for the national roll-up. */
  unit: unitRef.nullable(),
  national: z.boolean(),
  year: z.number().int(),
  set: z.object({ id, code: z.string(), name: z.string(), criterionCount: z.number().int() }).nullable(),
  /** Criteria sets with results in the year (the picker's options). */
  sets: z.array(z.object({ id, code: z.string(), name: z.string(), communes: z.number().int() })),
  /** Years with any result. */
  years: z.array(z.number().int()),
  asOf: isoDate,
  computedAt: z.string(),
  totals,
  levels: z.array(z.object({ level: z.union([dashboardLevel, z.literal('none')]), count: z.number().int(), filter: z.string() })),
  bands: z.array(z.object({ key: z.string(), min: z.number().int(), max: z.number().int(), count: z.number().int(), filter: z.string() })),
  criteria: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      met: z.number().int(),
      notMet: z.number().int(),
      notApplicable: z.number().int(),
      undetermined: z.number().int(),
      assessed: z.number().int(),
      rate: z.number().nullable(),
      filterMet: z.string(),
      filterNotMet: z.string(),
    }),
  ),
  /** Years before and up to the chosen one, mapped onto today's units through lineage. */
  trend: z.array(
    z.object({
      year: z.number().int(),
      communes: z.number().int(),
      avgMet: z.number().nullable(),
      meetsStandard: z.number().int(),
      /** Today's communes whose value combines several predecessors. */
      merged: z.number().int(),
    }),
  ),
  rankings: z.object({
    top: z.array(rankedCommune),
    bottom: z.array(rankedCommune),
    improvement: z.object({
      previousYear: z.number().int(),
      groups: z.array(
        z.object({
          key: z.string(),
          kind: z.enum(['communeGroup', 'region', 'parent']),
          label: z.string(),
          communes: z.number().int(),
          ranked: z.number().int(),
          avgDelta: z.number().nullable(),
          filter: z.string(),
          top: z.array(rankedCommune),
        }),
      ),
      improved: z.number().int(),
      declined: z.number().int(),
    }),
  }),
  /** Sub-units (provinces for the national roll-up, districts in legacy years). */
  breakdown: z.array(
    z.object({
      unit: unitRef,
      communes: z.number().int(),
      assessed: z.number().int(),
      avgMet: z.number().nullable(),
      meetsStandard: z.number().int(),
      recognised: z.number().int(),
      filter: z.string(),
    }),
  ),
  obstacles: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    byLevel: z.array(z.object({ level: z.string(), count: z.number().int() })),
    byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
    communesWithOpen: z.number().int(),
    filterOpen: z.string(),
    filterOverdue: z.string(),
  }),
  visits: z.object({
    /** Today's communes of the unit (visits are counted on them and their predecessors). */
    communes: z.number().int(),
    activities30: z.number().int(),
    activities90: z.number().int(),
    visits30: z.number().int(),
    visits90: z.number().int(),
    withoutVisit30: z.number().int(),
    withoutVisit90: z.number().int(),
    filterNoVisit30: z.string(),
    filterNoVisit90: z.string(),
  }),
  /** Target-commune progress: the year's target lists (modules/targets `targetProgress`) within the unit. */
  targets: z.object({
    available: z.boolean(),
    communes: z.number().int(),
    met: z.number().int(),
    atRisk: z.number().int(),
    onTrack: z.number().int(),
    byLevel: z.array(z.object({ level: z.string(), communes: z.number().int(), met: z.number().int() })),
    filterAll: z.string(),
    filterMet: z.string(),
    filterAtRisk: z.string(),
    filterOnTrack: z.string(),
  }),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;

export const dashboardCommuneRow = communeRef.extend({
  score: z.number().int().nullable(),
  criteriaMet: z.number().int().nullable(),
  criteriaApplicable: z.number().int().nullable(),
  meetsStandard: z.boolean().nullable(),
  basis: z.enum(['self', 'appraised']).nullable(),
  band: z.string().nullable(),
  level: dashboardLevel.nullable(),
  prevScore: z.number().nullable(),
  delta: z.number().nullable(),
  group: z.string().nullable(),
  /** For criterion filters: the commune's status on that criterion. */
  criterionStatus: z.string().nullable(),
  lastVisit: isoDate.nullable(),
  openObstacles: z.number().int().nullable(),
  overdueObstacles: z.number().int().nullable(),
  /** For target filters: the level the list aims at and whether the commune is at risk of missing it. */
  targetLevel: z.string().nullable(),
  atRisk: z.boolean().nullable(),
});
export type DashboardCommuneRow = z.infer<typeof dashboardCommuneRow>;

export const dashboardCommunesResponse = z.object({
  items: z.array(dashboardCommuneRow),
  total: z.number().int(),
  filter: z.string(),
  unit: unitRef.nullable(),
  year: z.number().int(),
  set: z.object({ id, code: z.string(), name: z.string(), criterionCount: z.number().int() }).nullable(),
  /** For criterion filters: the criterion's name. */
  criterionName: z.string().nullable(),
});
export type DashboardCommunesResponse = z.infer<typeof dashboardCommunesResponse>;
