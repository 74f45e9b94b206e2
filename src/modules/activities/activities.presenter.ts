/** Activities and follow-ups on the wire. */
import type { Activity, FollowUp } from '../../contracts/assistance.js';
import type { Actor } from '../../platform/context.js';
import type { FileRow } from '../../platform/files/files.repo.js';
import { presentFile } from '../../platform/files/files.presenter.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import type { ActivityRow, FollowUpRow } from './activities.repo.js';
import { activityAbilities, followUpAbilities } from './activities.policy.js';

export function presentFollowUp(f: FollowUpRow, actor: Actor, agencyId: string, today: string): FollowUp {
  return {
    id: f.id,
    activityId: f.activity_id,
    text: f.text,
    ownerName: f.owner_name,
    ownerUserId: f.owner_user_id,
    dueDate: f.due_date,
    status: f.status,
    doneAt: f.done_at ? new Date(f.done_at).toISOString() : null,
    overdue: f.status === 'open' && f.due_date < today,
    abilities: followUpAbilities(actor, agencyId, f.owner_user_id),
  };
}

export function presentActivity(r: ActivityRow, files: FileRow[], followUps: FollowUpRow[], actor: Actor, today: string): Activity {
  return {
    id: r.id,
    unit: presentUnitRef(r),
    agency: { id: r.agency_id, name: r.agency_name, kind: r.agency_kind },
    kind: r.kind,
    date: r.date,
    participants: r.participants,
    content: r.content,
    results: r.results,
    supportValueVnd: r.support_value_vnd === null ? null : Number(r.support_value_vnd),
    supportDescription: r.support_description,
    criteria: r.criteria,
    files: files.map(presentFile),
    followUps: followUps.map((f) => presentFollowUp(f, actor, r.agency_id, today)),
    createdBy: r.created_by && r.created_by_name ? { id: r.created_by, name: r.created_by_name } : null,
    createdAt: new Date(r.created_at).toISOString(),
    isDemo: r.is_demo,
    abilities: activityAbilities(actor, r.agency_id),
  };
}
