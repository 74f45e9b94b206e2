/**
 * URL search params of each page, validated with zod. Values stay plain strings in the URL
 * (?asOf=2025-06-30&q=ta+phoi): see parseSearch/stringifySearch in router.tsx.
 */
import { z } from 'zod';
import { agencyKind } from '../../../src/contracts/agencies.js';
import { isoDate } from '../../../src/contracts/common.js';
import { setStatus, standardLevel, targetStates } from '../../../src/contracts/criteria.js';
import { role } from '../../../src/contracts/users.js';

const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
const text = (max: number) => opt(z.string().trim().min(1).max(max));
const offset = opt(z.coerce.number().int().min(0));

export const loginSearch = z.object({ redirect: text(2000), reason: opt(z.enum(['expired'])) });
export const unitsSearch = z.object({ asOf: opt(isoDate), q: text(100) });
export const unitSearch = z.object({ asOf: opt(isoDate) });
export const agenciesSearch = z.object({ q: text(100), kind: opt(agencyKind), asOf: opt(isoDate), offset });
export const usersSearch = z.object({ q: text(100), role: opt(role), status: opt(z.enum(['active', 'disabled'])), offset });
export const auditSearch = z.object({
  unitId: opt(z.uuid()),
  actorId: opt(z.uuid()),
  entityType: text(50),
  action: text(80),
  from: opt(isoDate),
  to: opt(isoDate),
  offset,
});
export type AuditSearch = z.infer<typeof auditSearch>;

export const criteriaSearch = z.object({
  q: text(100),
  kind: opt(z.enum(['national', 'variant'])),
  level: opt(standardLevel),
  status: opt(setStatus),
  offset,
});
/** The set page: which targets to show (by state). */
export const criteriaSetSearch = z.object({ state: opt(z.enum(targetStates)) });
export const criteriaCompareSearch = z.object({ from: opt(z.uuid()), to: opt(z.uuid()) });
export const criteriaEvaluateSearch = z.object({ unitId: opt(z.uuid()), year: opt(z.coerce.number().int().min(2000).max(2100)) });

const flag = opt(z.enum(['true', 'false']));
/**
 * Helping communes: the list pages take the same parameters as their API queries (the scorecards link to them). Enum
 * values stay plain text here and are checked against the contract by the page, so the assistance contract loads
 * with those pages and not with the entry (the login page's budget).
 */
const word = text(40);
export const assignmentsSearch = z.object({ unitId: opt(z.uuid()), agencyId: opt(z.uuid()), asOf: opt(isoDate), from: opt(isoDate), to: opt(isoDate), offset });
export const activitiesSearch = z.object({
  unitId: opt(z.uuid()),
  agencyId: opt(z.uuid()),
  kind: word,
  visit: flag,
  from: opt(isoDate),
  to: opt(isoDate),
  view: opt(z.enum(['list', 'calendar'])),
  offset,
});
export const obstaclesSearch = z.object({
  unitId: opt(z.uuid()),
  assigneeAgencyId: opt(z.uuid()),
  raisedByAgencyId: opt(z.uuid()),
  status: word,
  open: flag,
  level: word,
  category: word,
  overdue: flag,
  minAgeDays: opt(z.coerce.number().int().min(0).max(10_000)),
  resolvedFrom: opt(isoDate),
  resolvedTo: opt(isoDate),
  sort: opt(z.enum(['newest', 'oldest', 'due'])),
  offset,
});
export const inboxSearch = z.object({ overdue: flag, offset });
export const signalsSearch = z.object({ days: opt(z.coerce.number().int().min(1).max(3650)), from: opt(isoDate), to: opt(isoDate) });

const uuid = z.uuid();
/** Is a path parameter a well-formed id (the contracts' ids are UUIDs)? */
export function isUuid(s: string): boolean {
  return uuid.safeParse(s).success;
}

/** Plain key=value search strings (no JSON): a unit code "26734" must stay a string. */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

/** The inverse of parseSearch; drops empty values so URLs stay short. */
export function stringifySearch(search: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Only same-site paths may be a post-login destination (no open redirect to another site). */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target.startsWith('/login')) return '/';
  return target;
}

/** Assessments (issue 4): the cycles page filtered to one cycle's communes; the maintenance review; a commune's profile. */
const year = opt(z.coerce.number().int().min(2000).max(2100));
export const assessmentsSearch = z.object({ cycleId: opt(z.uuid()), offset });
export const maintenanceSearch = z.object({ year });
export const notificationsSearch = z.object({ unread: flag, offset });
export const communeSearch = z.object({ year });

/** Plans and targets (issue 6): the hub by year; a target list's filters (checked by the page); a plan just copied. */
export const plansSearch = z.object({ year });
export const targetListSearch = z.object({ atRisk: flag, level: word, q: text(100) });
export const planSearch = z.object({ copied: flag });
/** Reports (issue 7): a report's parameters. */
export const reportSearch = z.object({
  year,
  fromYear: year,
  setId: opt(z.uuid()),
  unitId: opt(z.uuid()),
  communeId: opt(z.uuid()),
  basis: opt(z.enum(['all', 'appraised'])),
});
/** /resources: the tab, the API filters (enum values checked by the page against the contract), the grouping. */
export const resourcesSearch = z.object({
  tab: opt(z.enum(['totals', 'entries', 'programmes'])),
  year,
  source: word,
  programmeId: opt(z.uuid()),
  componentId: opt(z.union([z.uuid(), z.literal('none')])),
  unitId: opt(z.uuid()),
  groupBy: opt(z.enum(['unit', 'source', 'component', 'year'])),
  offset,
});

/** Dashboards (issue 7): the figures of a year for a unit; the rows behind one figure (filter syntax: contracts/dashboard.ts). */
export const dashboardSearch = z.object({ year, setId: opt(z.uuid()), unitId: opt(z.uuid()) });
export const dashboardCommunesSearch = z.object({ year, setId: opt(z.uuid()), unitId: opt(z.uuid()), filter: text(120), offset });
/** Maps (issue 7): the year, the criteria set, the colouring and an optional unit to zoom to. */
export const mapSearch = z.object({ year, setId: opt(z.uuid()), by: opt(z.enum(['band', 'standard', 'level'])), unitId: opt(z.uuid()) });
/** Excel import of values (issue 7): one commune (from its assessment page) or every commune in scope; the job shown. */
export const valueImportSearch = z.object({ unitId: opt(z.uuid()), unitName: text(200), jobId: opt(z.uuid()) });
