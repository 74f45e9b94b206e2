/**
 * Per-commune views built on assessments: recognition and revocation decisions (with predecessors' history through
 * lineage), the yearly maintenance review of recognised communes (risk-sorted) and the commune profile.
 */
import { sql } from 'drizzle-orm';
import type {
  CommuneProfile,
  CommuneStatus,
  CreateRecognitionBody,
  MaintenanceResponse,
  MaintenanceRow,
  Recognition,
  maintenanceQuery,
} from '../../contracts/assessments.js';
import type { z } from 'zod';
import { asEvaluation } from '../../domain/assessments/status.js';
import { evaluateRevocation } from '../../domain/criteria/index.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { allUnitsInScope, scopeUnitIds } from '../../platform/auth/scope.repo.js';
import type { RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { invalid, notFound } from '../../platform/errors.js';
import { loadAttachable } from '../../platform/files/files.service.js';
import { presentFile } from '../../platform/files/files.presenter.js';
import { mutate } from '../../platform/tx.js';
import { presentUnitRef } from '../assignments/assignments.presenter.js';
import * as unitsRepo from '../units/units.repo.js';
import { byCode, evaluateValues, finalEvaluation, finalStatusOf, liveOf, loadSet, valuesOf } from './assessments.evaluation.js';
import { json, findResults } from './assessments.repo.js';
import { getAssessment } from './assessments.service.js';
import * as recRepo from './recognitions.repo.js';
import * as statusRepo from './status.repo.js';
import { findAssessment } from './assessments.repo.js';

async function loadCommune(db: Db, ctx: RequestCtx, unitId: string) {
  const unit = (await unitsRepo.findUnitsByIds(db, [unitId]))[0];
  if (!unit || unit.level !== 'commune' || !(await allUnitsInScope(db, ctx.actor!, [unitId]))) throw notFound('Xã');
  return unit;
}

async function presentRecognitions(db: Db, rows: recRepo.RecognitionRow[]): Promise<Recognition[]> {
  const files = new Map((await recRepo.filesOf(db, rows.flatMap((r) => (r.file_id ? [r.file_id] : [])))).map((f) => [f.id, f]));
  return rows.map((r) => ({
    id: r.id,
    unit: presentUnitRef(r),
    viaPredecessor: r.via_predecessor,
    kind: r.kind,
    level: r.level,
    year: r.year,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    signer: r.signer,
    file: r.file_id && files.get(r.file_id) ? presentFile(files.get(r.file_id)!) : null,
    revokes: r.revokes_id,
    revokedBy: r.revoked_by_id,
    sourceNote: r.source_note,
    isDemo: r.is_demo,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function listRecognitions(db: Db, ctx: RequestCtx, unitId: string): Promise<{ items: Recognition[]; canRecord: boolean }> {
  authorize(ctx.actor, 'recognition.read');
  await loadCommune(db, ctx, unitId);
  return { items: await presentRecognitions(db, await recRepo.listForUnit(db, unitId)), canRecord: can(ctx.actor, 'recognition.record') };
}

/** Record a recognition or a revocation (of the commune's own recognition or a predecessor's). */
export async function createRecognition(db: Db, ctx: RequestCtx, unitId: string, body: CreateRecognitionBody): Promise<{ items: Recognition[]; canRecord: boolean }> {
  authorize(ctx.actor, 'recognition.record');
  await loadCommune(db, ctx, unitId);
  await mutate(db, ctx, async (tx) => {
    if (body.fileId) await loadAttachable(tx, [body.fileId], unitId);
    if (body.kind === 'revocation') {
      if (!body.revokesId) throw invalid([{ path: 'revokesId', message: 'Cần chọn quyết định công nhận bị thu hồi' }]);
      const own = await recRepo.listForUnit(tx, unitId);
      const target = own.find((r) => r.id === body.revokesId);
      if (!target || target.kind !== 'recognition') throw invalid([{ path: 'revokesId', message: 'Quyết định công nhận không thuộc xã này' }]);
      if (target.revoked_by_id) throw invalid([{ path: 'revokesId', message: 'Quyết định công nhận này đã bị thu hồi' }]);
    }
    const v: recRepo.NewRecognition = {
      unitId,
      kind: body.kind,
      level: body.level,
      year: body.year,
      decisionNo: body.decisionNo ?? null,
      decisionDate: body.decisionDate ?? null,
      signer: body.signer ?? null,
      fileId: body.fileId ?? null,
      revokesId: body.kind === 'revocation' ? (body.revokesId ?? null) : null,
      sourceNote: body.sourceNote ?? null,
      createdBy: ctx.actor!.id,
    };
    const id = await recRepo.insertRecognition(tx, v);
    await recordAudit(tx, ctx, { action: `recognition.${body.kind}`, entityType: 'recognition', entityId: id, unitId, after: v });
  });
  return listRecognitions(db, ctx, unitId);
}

const RISK_SCORE = { revocation: 4, possible_revocation: 3, criteria_lost: 2, no_assessment: 1, kept: 0 } as const;
const LEVEL_RANK = { ntm: 0, advanced: 1, model: 2, modern: 3 } as const;

/** The recognition a maintenance row is held against: the commune's own, else the lowest level of its predecessors'. */
function basisOf(r: statusRepo.MaintenanceRow): Pick<MaintenanceRow, 'recognition' | 'basis' | 'needsDecision' | 'predecessors'> {
  if (r.recognition_id && r.level && r.recognition_year !== null) {
    return {
      recognition: { id: r.recognition_id, level: r.level, year: r.recognition_year, decisionNo: r.decision_no, viaPredecessor: false },
      basis: 'own',
      needsDecision: false,
      predecessors: null,
    };
  }
  const recs = json<statusRepo.PredecessorRecognition[]>(r.predecessor_recognitions) ?? [];
  // The merged commune cannot be held to more than its least recognised part: lowest level, then the latest year.
  const weakest = [...recs].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.year - a.year)[0]!;
  return {
    recognition: { id: weakest.id, level: weakest.level, year: weakest.year, decisionNo: weakest.decision_no, viaPredecessor: true },
    basis: 'predecessors',
    needsDecision: true,
    predecessors: {
      total: Math.max(r.n_predecessors, recs.length),
      recognised: recs.length,
      recognitions: recs.map((p) => ({ id: p.id, unit: presentUnitRef(p), level: p.level, year: p.year, decisionNo: p.decision_no })),
    },
  };
}

/**
 * The yearly maintenance review: each recognised commune's latest appraised summary against its standard, the set's
 * revocation rules (domain engine), the trend against the year before; sorted by risk. A merged commune with no
 * decision of its own but formed from recognised communes is listed too, with their recognitions as the labelled
 * basis and `needsDecision` (it comes first within its risk level).
 */
export async function maintenance(db: Db, ctx: RequestCtx, q: z.infer<typeof maintenanceQuery>): Promise<MaintenanceResponse> {
  authorize(ctx.actor, 'maintenance.read');
  const scope = scopeUnitIds(ctx.actor) ?? sql`(select id from unit)`;
  const rows = await statusRepo.maintenance(db, scope, q.year, q.withinUnitId ?? null);
  const items: MaintenanceRow[] = [];
  for (const r of rows) {
    let revocation: MaintenanceRow['revocation'] = null;
    let criteriaLost: string[] = [];
    if (r.set_id && r.criteria && r.set_row_version !== null) {
      const set = await loadSet(db, r.set_id, r.set_row_version);
      const criteria = json<Array<{ number: string; status: string }>>(r.criteria);
      criteriaLost = criteria.filter((c) => c.status === 'not_met' || c.status === 'undetermined').map((c) => c.number);
      const out = evaluateRevocation(set.compiled, asEvaluation(set.code, r.status_year!, criteria));
      revocation = { triggered: out.triggered, possible: out.indeterminate, ruleId: out.ruleId, percentFailing: Math.round(out.failing.percent * 10) / 10, why: out.why };
    }
    const risk: MaintenanceRow['risk'] =
      r.status_year === null ? 'no_assessment' : revocation?.triggered ? 'revocation' : revocation?.possible ? 'possible_revocation' : criteriaLost.length ? 'criteria_lost' : 'kept';
    const basis = basisOf(r);
    items.push({
      unit: presentUnitRef(r),
      ...basis,
      assessment: r.status_year === null ? null : { id: r.assessment_id, year: r.status_year, setCode: r.set_code ?? '' },
      criteriaMet: r.criteria_met,
      criteriaApplicable: r.criteria_applicable,
      meetsStandard: r.meets_standard,
      criteriaLost,
      revocation,
      trend: r.prev_year !== null && r.prev_met !== null && r.criteria_met !== null ? { previousYear: r.prev_year, previousMet: r.prev_met, delta: r.criteria_met - r.prev_met } : null,
      risk,
      riskScore: RISK_SCORE[risk] * 100 + (basis.needsDecision ? 50 : 0) + criteriaLost.length,
      profileUrl: `/communes/${r.unit_id}?year=${q.year}`,
    });
  }
  items.sort((a, b) => b.riskScore - a.riskScore || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return { year: q.year, items: items.slice(q.offset, q.offset + q.limit), total: items.length };
}

function presentStatus(r: statusRepo.StatusRow): CommuneStatus {
  return {
    unitId: r.unit_id,
    year: r.year,
    setId: r.set_id,
    setCode: r.set_code,
    criteriaMet: r.criteria_met,
    criteriaApplicable: r.criteria_applicable,
    meetsStandard: r.meets_standard,
    missing: json<string[]>(r.missing),
    basis: r.basis,
    assessmentId: r.assessment_id,
    computedAt: new Date(r.computed_at).toISOString(),
  };
}

/** One page per commune: status and level, criteria table of the year, history through lineage, decisions, help. */
export async function profile(db: Db, ctx: RequestCtx, unitId: string, year: number | undefined): Promise<CommuneProfile> {
  authorize(ctx.actor, 'profile.read');
  const unit = await loadCommune(db, ctx, unitId);
  const [history, recognitions, counts] = await Promise.all([
    statusRepo.statusHistory(db, unitId),
    recRepo.listForUnit(db, unitId),
    statusRepo.assistanceCounts(db, unitId, todayVN()),
  ]);
  const own = history.filter((h) => !h.via_predecessor);
  const y = year ?? own[0]?.year ?? Number(todayVN().slice(0, 4));
  const assessmentId = await statusRepo.assessmentOfYear(db, unitId, y);
  let criteria: CommuneProfile['criteria'] = [];
  let assessment: CommuneProfile['assessment'] = null;
  if (assessmentId) {
    assessment = await getAssessment(db, ctx, assessmentId);
    const a = (await findAssessment(db, assessmentId))!;
    const set = await loadSet(db, a.set_id, a.set_row_version);
    const rows = await findResults(db, assessmentId);
    const ev = await evaluateValues(db, a, set, valuesOf(rows));
    const engine = byCode(ev);
    const final = new Map(finalEvaluation(ev, rows, a.review_chain).criteria.map((c) => [c.number, c.status]));
    const rowsByCode = new Map(rows.map((r) => [r.indicator_code, r]));
    criteria = set.def.criteria.map((c) => ({
      number: c.number,
      name: c.name,
      status: final.get(c.number) ?? 'undetermined',
      indicators: c.indicators.flatMap((i) => {
        const r = rowsByCode.get(i.code);
        if (!r) return [];
        const live = liveOf(engine.get(i.code));
        const verdicts = json<Record<string, { verdict: 'met' | 'not_met' | 'not_applicable' }> | null>(r.verdicts) ?? {};
        return [
          {
            code: i.code,
            wording: i.wording,
            unit: i.unit,
            value: r.value,
            target: live.target,
            targetState: live.targetState,
            selfStatus: live.status,
            verdicts: Object.fromEntries(Object.entries(verdicts).map(([k, v]) => [k, v.verdict])),
            finalStatus: finalStatusOf(r, a.review_chain, engine.get(i.code)),
            gap: live.gap,
          },
        ];
      }),
    }));
  }
  const presentedRecognitions = await presentRecognitions(db, recognitions);
  const inForce = recognitions.find((r) => !r.via_predecessor && r.kind === 'recognition' && !r.revoked_by_id && r.year <= y);
  const statusOfYear = own.find((h) => h.year === y);
  return {
    unit: { ...presentUnitRef({ unit_id: unit.id, unit_code: unit.code, unit_name: unit.name, unit_valid_from: unit.valid_from, unit_valid_to: unit.valid_to }), parentName: unit.parent_name ?? null },
    year: y,
    level: inForce?.level ?? null,
    status: statusOfYear ? presentStatus(statusOfYear) : null,
    assessment,
    criteria,
    history: history.map((h) => ({ ...presentStatus(h), unit: presentUnitRef(h), viaPredecessor: h.via_predecessor })),
    recognitions: presentedRecognitions,
    assistance: { helpers: counts.helpers, activities: counts.activities, openObstacles: counts.open_obstacles },
  };
}
