/** Inbox items and signals on the wire. */
import type { InboxItem, NoVisitResponse, Scorecard } from '../../contracts/assistance.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import type { InboxRow, NoVisitRow, ScorecardRow } from './signals.repo.js';

export function presentInboxItem(r: InboxRow): InboxItem {
  const base = { id: r.id, unit: presentUnitRef(r), dueDate: r.due_date, overdue: r.overdue, daysOverdue: r.days_overdue };
  if (r.type === 'obstacle') {
    return { type: 'obstacle', ...base, obstacleId: r.obstacle_id!, title: r.title!, status: r.status!, level: r.level!, ageDays: r.age_days ?? 0 };
  }
  if (r.type === 'assessment') {
    return { type: 'assessment', ...base, assessmentId: r.assessment_id!, kind: r.kind!, cycleName: r.cycle_name!, year: r.year!, stepLabel: r.step_label, count: r.item_count ?? 0 };
  }
  return { type: 'follow_up', ...base, activityId: r.activity_id!, followUpId: r.id, text: r.text!, ownerName: r.owner_name! };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function presentNoVisit(r: NoVisitRow, asOf: string): NoVisitResponse['items'][number] {
  const helpers = typeof r.helpers === 'string' ? (JSON.parse(r.helpers) as NoVisitRow['helpers']) : r.helpers;
  return {
    unit: presentUnitRef(r),
    helpers: Array.isArray(helpers) ? helpers : [],
    lastVisitDate: r.last_visit_date,
    lastVisitActivityId: r.last_visit_id,
    daysSinceVisit: r.last_visit_date ? daysBetween(r.last_visit_date, asOf) : null,
  };
}

/** Calendar months the period touches (Jan 15 – Feb 3 = 2). */
export function monthsTouched(from: string, to: string): number {
  const m = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return Math.max(1, m(to) - m(from) + 1);
}

export function presentScorecard(r: ScorecardRow, from: string, to: string, months: number): Scorecard {
  const period = `from=${from}&to=${to}`;
  return {
    agency: { id: r.agency_id, name: r.agency_name, kind: r.agency_kind },
    communesHelped: r.communes_helped,
    visits: r.visits,
    visitsPerMonth: Math.round((r.visits / months) * 10) / 10,
    activities: r.activities,
    followUps: r.follow_ups,
    followUpsClosed: r.follow_ups_closed,
    obstaclesResolved: r.obstacles_resolved,
    medianDaysToResolve: r.median_days_to_resolve === null ? null : Number(r.median_days_to_resolve),
    supportValueVnd: Number(r.support_value_vnd),
    links: {
      communes: `/api/assignments?agencyId=${r.agency_id}&${period}`,
      visits: `/api/activities?agencyId=${r.agency_id}&visit=true&${period}`,
      activities: `/api/activities?agencyId=${r.agency_id}&${period}`,
      obstaclesResolved: `/api/obstacles?assigneeAgencyId=${r.agency_id}&resolvedFrom=${from}&resolvedTo=${to}`,
    },
  };
}
