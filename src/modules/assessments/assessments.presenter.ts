/** Assessments, indicator rows, verdicts, evidence and history on the wire. */
import type {
  Assessment,
  AssessmentAbilities,
  AssessmentHistory,
  Evidence,
  IndicatorResult,
  LiveEvaluation,
  VerdictRecord,
} from '../../contracts/assessments.js';
import type { IndicatorStatus } from '../../domain/criteria/index.js';
import { hasThumbnail } from '../../platform/files/files.thumbs.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import { json, type AssessmentRow, type EventRow, type EvidenceJson, type ResultRow, type RoundRow, type VerdictJson } from './assessments.repo.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentAssessment(a: AssessmentRow, abilities: AssessmentAbilities): Assessment {
  return {
    id: a.id,
    cycle: { id: a.cycle_id, name: a.cycle_name, year: a.year, setId: a.set_id, setCode: a.set_code },
    unit: presentUnitRef(a),
    status: a.status,
    currentStep: a.current_step,
    steps: a.review_chain.map((s) => ({ ...s, agencyId: s.agencyId ?? null, dueDate: a.deadlines.steps?.[s.key] ?? null })),
    submitDueDate: a.deadlines.submit ?? null,
    version: a.version,
    round: a.round,
    submittedAt: iso(a.submitted_at),
    appraisedAt: iso(a.appraised_at),
    locked: a.locked,
    progress: { indicators: a.n_indicators, filled: a.n_filled, returned: a.n_returned, awaitingVerdict: a.n_submitted },
    isDemo: a.is_demo,
    abilities,
  };
}

export function presentVerdict(v: VerdictJson): VerdictRecord {
  return { step: v.step, verdict: v.verdict, agreed: v.agreed, reason: v.reason, round: v.round, actor: person(v.actor_id, v.actor_name), at: iso(v.at)! };
}

export function presentEvidence(e: EvidenceJson): Evidence {
  const hasExif = e.taken_at !== null || (e.lat !== null && e.lon !== null);
  return {
    id: e.id,
    sha256: e.sha256,
    mime: e.mime,
    size: Number(e.size),
    originalName: e.original_name,
    unitId: e.unit_id,
    createdAt: iso(e.created_at)!,
    url: `/api/files/${e.id}`,
    thumbnailUrl: hasThumbnail(e.mime) ? `/api/files/${e.id}/thumbnail` : null,
    exif: hasExif ? { takenAt: e.taken_at, gps: e.lat !== null && e.lon !== null ? { lat: e.lat, lon: e.lon } : null } : null,
  };
}

export function presentResult(
  r: ResultRow,
  evaluation: LiveEvaluation,
  finalStatus: IndicatorStatus,
  flags: { editable: boolean; reviewable: boolean },
): IndicatorResult {
  const verdicts = json<Record<string, VerdictJson> | null>(r.verdicts) ?? {};
  const evidence = json<EvidenceJson[] | null>(r.evidence) ?? [];
  return {
    code: r.indicator_code,
    criterionNumber: r.criterion_number,
    value: r.value,
    note: r.note,
    carriedOver: r.carried_over,
    state: r.state,
    version: r.version,
    updatedAt: iso(r.updated_at),
    updatedBy: person(r.updated_by, r.updated_by_name),
    evaluation,
    verdicts: Object.fromEntries(Object.entries(verdicts).map(([k, v]) => [k, presentVerdict(v)])),
    finalStatus,
    returnReason: r.state === 'returned' ? r.return_reason : null,
    evidence: evidence.map(presentEvidence),
    editable: flags.editable,
    reviewable: flags.reviewable,
  };
}

export function presentHistory(h: { rounds: RoundRow[]; events: EventRow[] }): AssessmentHistory {
  return {
    rounds: h.rounds.map((r) => ({
      round: r.round,
      step: r.step_key,
      kind: r.kind,
      items: json<Array<{ code: string; reason: string }>>(r.items),
      actor: person(r.actor_id, r.actor_name),
      at: iso(r.at)!,
    })),
    events: h.events.map((e) => ({
      kind: e.kind,
      step: e.step_key,
      round: e.round,
      code: e.code,
      verdict: e.verdict,
      reason: e.reason,
      actor: person(e.actor_id, e.actor_name),
      at: iso(e.at)!,
    })),
  };
}
