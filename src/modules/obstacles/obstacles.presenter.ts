/** Obstacles and their thread on the wire. */
import type { Obstacle, ObstacleAbilities, ObstacleEvent } from '../../contracts/assistance.js';
import type { FileRow } from '../../platform/files/files.repo.js';
import { presentFile } from '../../platform/files/files.presenter.js';
import { presentAgencyRef, presentUnitRef } from '../assignments/assignments.presenter.js';
import type { EventRow, ObstacleRow } from './obstacles.repo.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function presentObstacle(r: ObstacleRow, abilities: ObstacleAbilities): Obstacle {
  return {
    id: r.id,
    unit: presentUnitRef(r),
    title: r.title,
    description: r.description,
    category: r.category,
    criteria: r.criteria,
    level: r.level,
    assigneeAgency: presentAgencyRef(r.assignee_agency_id, r.assignee_agency_name, r.assignee_agency_kind),
    dueDate: r.due_date,
    status: r.status,
    answer: r.answer,
    resolutionDoc: r.resolution_doc,
    raisedBy: r.raised_by && r.raised_by_name ? { id: r.raised_by, name: r.raised_by_name } : null,
    raisedByAgency: presentAgencyRef(r.raised_by_agency_id, r.raised_by_agency_name, r.raised_by_agency_kind),
    createdAt: iso(r.created_at)!,
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    version: r.version,
    ageDays: r.age_days,
    overdue: r.overdue,
    daysOverdue: r.days_overdue,
    isDemo: r.is_demo,
    abilities,
  };
}

export function presentEvent(e: EventRow, files: FileRow[]): ObstacleEvent {
  return {
    id: e.id,
    kind: e.kind,
    text: e.text,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    fromLevel: e.from_level,
    toLevel: e.to_level,
    assigneeAgency: presentAgencyRef(e.assignee_agency_id, e.assignee_agency_name, e.assignee_agency_kind),
    actor: e.actor_id && e.actor_name ? { id: e.actor_id, name: e.actor_name } : null,
    at: iso(e.at)!,
    files: files.map(presentFile),
  };
}
