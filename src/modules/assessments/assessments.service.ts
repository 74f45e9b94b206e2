/**
 * The assessment workflow: the commune's form (one request), the autosave path (conditional update on the row version,
 * replay-safe by client operation id), submission, verdicts, per-indicator returns, forwarding along the review chain,
 * final appraisal (locked) and reopening by the steering office. Every transition goes through the pure table
 * (domain/assessments/transitions.ts) and a conditional update, writes its audit record and refreshes the commune's
 * status summary in the same transaction.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  AssessmentActionBody,
  AssessmentForm,
  AssessmentHistory,
  FormSummary,
  IndicatorResult,
  ListAssessmentsQuery,
  ReopenBody,
  ReturnBody,
  ReviewBody,
  SaveResultBody,
  SaveResultResponse,
  VerdictsBody,
  VerdictValue,
  listAssessmentsResponse,
  Assessment,
} from '../../contracts/assessments.js';
import type { FinalEvaluation } from '../../domain/assessments/status.js';
import { decide, isEditable, type AssessmentAction, type Decision } from '../../domain/assessments/transitions.js';
import type { CommuneEvaluation } from '../../domain/criteria/index.js';
import { canonicalJson, recordAudit } from '../../platform/audit.js';
import { authorize, type Action } from '../../platform/auth/policy.js';
import { unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import {
  byCode,
  countingVerdict,
  evaluateValues,
  finalEvaluation,
  finalStatusOf,
  liveOf,
  loadSet,
  valuesOf,
  type LoadedSet,
} from './assessments.evaluation.js';
import { assessmentAbilities, currentStepOf, reviewableCriteria, sidesOf } from './assessments.policy.js';
import { presentAssessment, presentHistory, presentResult } from './assessments.presenter.js';
import * as repo from './assessments.repo.js';
import { findAgencyRefs } from './cycles.repo.js';
import * as notifications from './notifications.repo.js';
import { notify as notifyAfterCommit } from './notifications.service.js';
import { upsertStatus } from './status.repo.js';

const ASSESSMENT = 'Hồ sơ đánh giá';
const STALE = 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại';

interface Loaded {
  row: repo.AssessmentRow;
  unitInScope: boolean;
  set: LoadedSet;
}

/** Load an assessment the actor may see (commune in scope, or review routed to the actor's agency), else 404. */
async function loadVisible(db: Db, actor: Actor, id: string): Promise<Loaded> {
  const row = await repo.findAssessment(db, id);
  if (!row) throw notFound(ASSESSMENT);
  const unitInScope = (await unitIdsInScope(db, actor, [row.unit_id])).has(row.unit_id);
  if (!unitInScope && !(await repo.isVisibleTo(db, actor, id))) throw notFound(ASSESSMENT);
  return { row, unitInScope, set: await loadSet(db, row.set_id, row.set_row_version) };
}

function abilitiesOf(actor: Actor, l: Loaded) {
  return assessmentAbilities(actor, l.row, l.unitInScope, l.set.criteriaNumbers);
}

export async function listAssessments(db: Db, ctx: RequestCtx, q: ListAssessmentsQuery): Promise<z.infer<typeof listAssessmentsResponse>> {
  authorize(ctx.actor, 'assessment.read');
  const { rows, total } = await repo.listAssessments(db, ctx.actor, q);
  const inScope = await unitIdsInScope(db, ctx.actor, rows.map((r) => r.unit_id));
  const items: Assessment[] = [];
  for (const r of rows) {
    const set = await loadSet(db, r.set_id, r.set_row_version);
    items.push(presentAssessment(r, assessmentAbilities(ctx.actor, r, inScope.has(r.unit_id), set.criteriaNumbers)));
  }
  return { items, total };
}

export async function getAssessment(db: Db, ctx: RequestCtx, id: string): Promise<Assessment> {
  authorize(ctx.actor, 'assessment.read');
  const l = await loadVisible(db, ctx.actor, id);
  return presentAssessment(l.row, abilitiesOf(ctx.actor, l));
}

function summaryOf(f: FinalEvaluation): FormSummary {
  return { criteriaMet: f.criteriaMet, criteriaApplicable: f.criteriaApplicable, meetsStandard: f.meetsStandard, missingCriteria: f.missing };
}

/** Present rows with their live evaluation, final status and what the actor may do on each. */
function presentRows(actor: Actor, l: Loaded, rows: readonly repo.ResultRow[], ev: CommuneEvaluation): Map<string, IndicatorResult> {
  const engine = byCode(ev);
  const reviewable = new Set(reviewableCriteria(actor, l.row, l.unitInScope, l.set.criteriaNumbers));
  const sides = sidesOf(actor, l.unitInScope, [...reviewable]);
  const canFill = sides.includes('commune') && l.row.cycle_status === 'open';
  return new Map(
    rows.map((r) => [
      r.indicator_code,
      presentResult(r, liveOf(engine.get(r.indicator_code)), finalStatusOf(r, l.row.review_chain, engine.get(r.indicator_code)), {
        editable: canFill && isEditable(l.row.status, r.state),
        reviewable:
          l.row.cycle_status === 'open' && reviewable.has(r.criterion_number) && (r.state === 'submitted' || r.state === 'reviewed') && ['in_review', 'returned'].includes(l.row.status),
      }),
    ]),
  );
}

/** Everything the commune's form needs in one response: the set reduced to the form, values, live statuses. */
export async function getForm(db: Db, ctx: RequestCtx, id: string): Promise<AssessmentForm> {
  authorize(ctx.actor, 'assessment.read');
  const l = await loadVisible(db, ctx.actor, id);
  const [rows, lastYear] = await Promise.all([repo.findResults(db, id), repo.lastYearValues(db, l.row.unit_id, l.row.year)]);
  const ev = await evaluateValues(db, l.row, l.set, valuesOf(rows));
  const presented = presentRows(ctx.actor, l, rows, ev);
  const final = finalEvaluation(ev, rows, l.row.review_chain);
  const evCriteria = new Map(ev.criteria.map((c) => [c.number, c]));
  const finalCriteria = new Map(final.criteria.map((c) => [c.number, c]));
  const agencies = await agencyRefs(db, l.row.criterion_agencies);
  return {
    assessment: presentAssessment(l.row, abilitiesOf(ctx.actor, l)),
    criteria: l.set.def.criteria.map((c) => ({
      number: c.number,
      name: c.name,
      isKey: evCriteria.get(c.number)?.isKey ?? false,
      agency: agencies.get(l.row.criterion_agencies[c.number] ?? '') ?? null,
      status: finalCriteria.get(c.number)?.status ?? 'undetermined',
      indicators: c.indicators
        .filter((i) => presented.has(i.code))
        .map((i) => {
          const result = presented.get(i.code)!;
          const last = lastYear.get(i.code);
          const applicable =
            result.evaluation.status === 'not_applicable' ? false : evCriteria.get(c.number)?.indicators.find((x) => x.code === i.code)?.cause.code === 'attribute_missing' ? null : true;
          return {
            code: i.code,
            wording: i.wording,
            kind: i.kind,
            unit: i.unit,
            ...(i.scale ? { scale: [...i.scale] } : {}),
            applicable,
            result,
            lastYear: last === undefined ? null : { year: l.row.year - 1, value: last },
          };
        }),
    })),
    summary: summaryOf(final),
    demoNotice: l.set.hasDemoTargets || l.set.isDemo ? 'Dữ liệu minh họa — một số chỉ tiêu dùng mức minh họa, không phải quy định' : null,
  };
}

async function agencyRefs(db: Db, map: Record<string, string>) {
  return findAgencyRefs(db, [...new Set(Object.values(map))]);
}

/** The stored row as the client sees it, with the live summary (one query for the rows). */
async function answerRow(db: Db, actor: Actor, l: Loaded, code: string, replayed: boolean, read?: readonly repo.ResultRow[]): Promise<SaveResultResponse> {
  const rows = read ?? (await repo.findRowsForAnswer(db, l.row.id, code));
  const ev = await evaluateValues(db, l.row, l.set, valuesOf(rows));
  const presented = presentRows(actor, l, rows.filter((r) => r.indicator_code === code), ev);
  return { result: presented.get(code)!, replayed, summary: summaryOf(finalEvaluation(ev, rows, l.row.review_chain)) };
}

function assertValueFits(l: Loaded, code: string, value: SaveResultBody['value']): void {
  if (value === null) return;
  const ind = l.set.def.criteria.flatMap((c) => c.indicators).find((i) => i.code === code);
  if (!ind) return;
  const numeric = ind.kind !== 'boolean' && ind.kind !== 'verdict';
  const ok = ind.kind === 'boolean' ? typeof value === 'boolean' : ind.kind === 'verdict' ? typeof value === 'string' : typeof value === 'number';
  if (!ok) {
    const expected = ind.kind === 'boolean' ? 'Có/Không' : numeric ? 'một số' : 'một mức đánh giá';
    throw invalid([{ path: 'value', message: `Chỉ tiêu ${code} cần giá trị là ${expected}` }]);
  }
  if ((ind.kind === 'percent_min' || ind.kind === 'percent_max') && (typeof value !== 'number' || value < 0 || value > 100)) {
    throw invalid([{ path: 'value', message: 'Tỷ lệ phải nằm trong khoảng 0–100' }]);
  }
  if ((ind.kind === 'count_min' || ind.kind === 'count_max') && (typeof value !== 'number' || value < 0 || !Number.isInteger(value))) {
    throw invalid([{ path: 'value', message: 'Số lượng phải là số nguyên không âm' }]);
  }
}

/**
 * Save one indicator (autosave). Conditional on `baseVersion`; replaying the same `opId` answers the stored row; a
 * stale base answers CONFLICT with the current row in `details.current`.
 */
export async function saveResult(db: Db, ctx: RequestCtx, id: string, code: string, body: SaveResultBody): Promise<SaveResultResponse> {
  authorize(ctx.actor, 'assessment.fill');
  const actor = ctx.actor;
  // One read for the assessment, the scope check and the row (the hot path of autosave).
  const h = await repo.findSaveHead(db, actor, id, code);
  if (!h || (!h.in_scope && !(await repo.isVisibleTo(db, actor, id)))) throw notFound(ASSESSMENT);
  const l: Loaded = { row: h, unitInScope: h.in_scope, set: await loadSet(db, h.set_id, h.set_row_version) };
  if (!h.row_id || h.row_state === null || h.row_version === null) throw notFound('Chỉ tiêu');
  const head = { id: h.row_id, state: h.row_state, version: h.row_version };
  if (h.row_last_op_id === body.opId) return answerRow(db, actor, l, code, true);
  const d = decide({ status: l.row.status, currentStep: l.row.current_step, stepCount: l.row.review_chain.length }, 'save', sidesOf(actor, l.unitInScope, []), { submitted: 0, returned: 0 });
  throwIfRefused(d);
  if (l.row.cycle_status !== 'open') throw new AppError('INVALID_TRANSITION', 'Đợt đánh giá đã đóng');
  if (!isEditable(l.row.status, head.state)) {
    throw new AppError('INVALID_TRANSITION', 'Chỉ tiêu này không mở để sửa (chỉ sửa chỉ tiêu đang nhập hoặc được trả lại)');
  }
  assertValueFits(l, code, body.value);
  // One statement updates the row, appends to result_change (the save log) and reads the answer's rows; a transaction is opened only to claim
  // an Idempotency-Key with it. Autosaves stay out of the hash-chained audit log (its single writer would serialise
  // every keystroke of every commune); submission and every later transition are audited there.
  const apply = (q: Db) =>
    repo.saveResult(q, l.row.id, head.id, code, body.baseVersion, { value: body.value, note: body.note, carriedOver: body.carriedOver ?? false, opId: body.opId, actorId: actor.id });
  const saved = ctx.idempotency ? await mutate(db, ctx, apply) : await apply(db);
  if (saved) return answerRow(db, actor, l, code, false, saved);
  // Zero rows: a replay that raced with itself, a stale base, or a row that stopped being editable.
  const now = await repo.findRowHead(db, id, code);
  if (now?.last_op_id === body.opId) return answerRow(db, actor, l, code, true);
  const current = (await answerRow(db, actor, l, code, false)).result;
  if (now && !isEditable(l.row.status, now.state)) {
    throw new AppError('INVALID_TRANSITION', 'Chỉ tiêu vừa được gửi hoặc khóa; không sửa được nữa', { current });
  }
  throw conflict(`Chỉ tiêu ${code} vừa được người khác sửa (phiên bản ${current.version}); xem giá trị hiện tại và nhập lại nếu cần`, { current });
}

function throwIfRefused(d: Decision): asserts d is Extract<Decision, { ok: true }> {
  if (d.ok) return;
  if (d.error === 'FORBIDDEN') throw forbidden(d.message);
  if (d.error === 'VALIDATION') throw invalid([{ path: 'reason', message: d.message }], d.message);
  throw new AppError('INVALID_TRANSITION', d.message);
}

/** Recompute and store the commune-year summary from values and verdicts (same transaction as the change). */
async function refreshStatus(tx: Db, l: Loaded): Promise<FinalEvaluation> {
  const a = (await repo.findAssessment(tx, l.row.id))!;
  const rows = await repo.findResults(tx, a.id);
  const final = finalEvaluation(await evaluateValues(tx, a, l.set, valuesOf(rows), true), rows, a.review_chain);
  if (a.status !== 'draft') {
    await upsertStatus(tx, {
      unitId: a.unit_id,
      year: a.year,
      setId: a.set_id,
      assessmentId: a.id,
      criteriaMet: final.criteriaMet,
      criteriaApplicable: final.criteriaApplicable,
      meetsStandard: final.meetsStandard,
      missing: final.missing,
      criteria: final.criteria.map((c) => ({ number: c.number, status: c.status })),
      basis: a.status === 'appraised' ? 'appraised' : 'self',
      isDemo: a.is_demo,
    });
  }
  return final;
}

interface StepRun {
  action: AssessmentAction;
  expectedVersion: number;
  reason?: string | null;
  permission: Action;
}

/** Load, decide with the table, apply the assessment-level change conditionally; `apply` does the rows. */
async function runTransition(
  db: Db,
  ctx: RequestCtx,
  id: string,
  run: StepRun,
  apply: (tx: Db, l: Loaded, next: Extract<Decision, { ok: true }>['next']) => Promise<Record<string, unknown>>,
): Promise<Assessment> {
  authorize(ctx.actor, run.permission);
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const l = await loadVisible(tx, actor, id);
    if (l.row.version !== run.expectedVersion) throw conflict(STALE, { currentVersion: l.row.version });
    const reviewable = reviewableCriteria(actor, l.row, l.unitInScope, l.set.criteriaNumbers);
    const facts = await repo.stepFacts(tx, id);
    const d = decide({ status: l.row.status, currentStep: l.row.current_step, stepCount: l.row.review_chain.length }, run.action, sidesOf(actor, l.unitInScope, reviewable), facts, run.reason);
    throwIfRefused(d);
    assertCycleOpen(l);
    const resubmit = run.action === 'submit' && l.row.status !== 'draft';
    const ok = await repo.applyTransition(tx, id, { status: l.row.status, version: l.row.version }, {
      ...d.next,
      ...(resubmit ? { round: l.row.round + 1 } : {}),
      ...(run.action === 'submit' ? { submittedAt: 'now' as const } : {}),
      ...(run.action === 'appraise' ? { appraisedAt: 'now' as const } : {}),
    });
    if (!ok) throw conflict(STALE);
    const after = await apply(tx, l, d.next);
    const final = await refreshStatus(tx, l);
    await recordAudit(tx, ctx, {
      action: `assessment.${run.action}`,
      entityType: 'assessment',
      entityId: id,
      unitId: l.row.unit_id,
      before: { status: l.row.status, currentStep: l.row.current_step, version: l.row.version },
      after: { ...d.next, version: l.row.version + 1, ...after, criteriaMet: final.criteriaMet, meetsStandard: final.meetsStandard },
    });
  });
  return getAssessment(db, ctx, id);
}

const stepKeyOf = (l: Loaded, index: number | null) => (index === null ? 'self' : (l.row.review_chain[index]?.key ?? 'self'));
const dueOfStep = (l: Loaded, index: number) => l.row.deadlines.steps?.[l.row.review_chain[index]?.key ?? ''] ?? null;

/** Submit (or resubmit) the commune's self-assessment: draft/returned rows become submitted. */
export async function submit(db: Db, ctx: RequestCtx, id: string, body: AssessmentActionBody): Promise<Assessment> {
  return runTransition(db, ctx, id, { action: 'submit', expectedVersion: body.expectedVersion, permission: 'assessment.fill' }, async (tx, l, next) => {
    const moved = await repo.moveRows(tx, id, ['draft', 'returned'], 'submitted', { returnReason: 'clear' });
    const round = l.row.status === 'draft' ? l.row.round : l.row.round + 1;
    // The audit record pins what was submitted: a digest of every value (the values themselves are in result_change).
    const values = valuesOf(await repo.findResults(tx, id));
    const valuesSha256 = createHash('sha256').update(canonicalJson(values)).digest('hex');
    await repo.insertEvent(tx, { assessmentId: id, kind: 'submit', stepKey: stepKeyOf(l, next.currentStep), round, reason: null, actorId: ctx.actor!.id });
    const step = l.row.review_chain[next.currentStep ?? 0]!;
    await notifyAfterCommit(tx, ctx, notifications.stepReviewers(step, l.row.unit_parent_id, l.row.criterion_agencies), {
      kind: 'assessment_submitted',
      title: `${l.row.unit_name} đã gửi hồ sơ tự đánh giá ${l.row.year} (${moved.length} chỉ tiêu) — chờ ${step.label}`,
      assessmentId: id,
      unitId: l.row.unit_id,
      dueDate: dueOfStep(l, next.currentStep ?? 0),
    });
    return { indicators: moved.length, round, valuesSha256 };
  });
}

type VerdictItem = VerdictsBody['items'][number];
type ReturnItem = ReturnBody['items'][number];
type GivenVerdict = { code: string; verdict: VerdictValue; agreed: boolean; reason: string | null };

/** The cycle must be open for any workflow change: a closed cycle is read-only. */
function assertCycleOpen(l: Loaded): void {
  if (l.row.cycle_status !== 'open') throw new AppError('INVALID_TRANSITION', 'Đợt đánh giá đã đóng; hồ sơ chỉ còn để xem');
}

/**
 * Record verdicts of the current step (inside the caller's transaction). Each item is conditional on its row version;
 * `accept` takes the status shown (the previous steps' verdict, else the engine's); a change needs a reason.
 * `path` prefixes field paths of errors ("items", "verdicts").
 */
async function applyVerdictItems(tx: Db, actor: Actor, l: Loaded, items: readonly VerdictItem[], path: string): Promise<GivenVerdict[]> {
  const reviewable = new Set(reviewableCriteria(actor, l.row, l.unitInScope, l.set.criteriaNumbers));
  const stepIndex = l.row.current_step!;
  const stepKey = stepKeyOf(l, stepIndex);
  const rows = await repo.findResults(tx, l.row.id);
  const byCodeRow = new Map(rows.map((r) => [r.indicator_code, r]));
  const engine = byCode(await evaluateValues(tx, l.row, l.set, valuesOf(rows), true));
  const given: GivenVerdict[] = [];
  for (const [i, item] of items.entries()) {
    const r = byCodeRow.get(item.code);
    if (!r) throw invalid([{ path: `${path}.${i}.code`, message: `Không có chỉ tiêu ${item.code}` }]);
    if (!reviewable.has(r.criterion_number)) throw forbidden(`Chỉ tiêu ${item.code} không thuộc tiêu chí do cơ quan bạn thẩm định ở bước này`);
    if (r.state !== 'submitted' && r.state !== 'reviewed') {
      throw new AppError('INVALID_TRANSITION', `Chỉ tiêu ${item.code} không chờ ý kiến (đang ở trạng thái ${r.state})`);
    }
    if (r.version !== item.baseVersion) {
      throw conflict(`Chỉ tiêu ${item.code} vừa thay đổi (phiên bản ${r.version}); vui lòng tải lại`, { code: item.code, currentVersion: r.version });
    }
    const previous = countingVerdict(r, l.row.review_chain, stepIndex);
    const shown = previous?.verdict ?? engineVerdict(engine.get(item.code)?.status);
    const verdict = item.verdict === 'accept' ? shown : item.verdict;
    if (!verdict) {
      throw invalid([{ path: `${path}.${i}.verdict`, message: `Chỉ tiêu ${item.code} chưa xác định được đạt hay chưa đạt; hãy chọn ý kiến cụ thể và nêu lý do` }]);
    }
    const agreed = verdict === shown;
    const reason = item.reason?.trim() || null;
    if (!agreed && !reason) throw invalid([{ path: `${path}.${i}.reason`, message: `Cần nêu lý do khi đổi ý kiến chỉ tiêu ${item.code}` }], 'Cần nêu lý do khi đổi ý kiến');
    if (!(await repo.setRowState(tx, r.id, r.version, ['submitted', 'reviewed'], 'reviewed'))) {
      throw conflict(`Chỉ tiêu ${item.code} vừa thay đổi; vui lòng tải lại`, { code: item.code });
    }
    await repo.insertVerdict(tx, { resultId: r.id, stepKey, verdict, agreed, reason, round: l.row.round, actorId: actor.id });
    given.push({ code: item.code, verdict, agreed, reason });
  }
  return given;
}

/**
 * Move indicators back to the commune, each with its reason, as one return round (inside the caller's transaction),
 * and notify the commune's officers after commit.
 */
async function applyReturnItems(tx: Db, ctx: RequestCtx, l: Loaded, items: readonly ReturnItem[], path: string): Promise<void> {
  const reviewable = new Set(reviewableCriteria(ctx.actor!, l.row, l.unitInScope, l.set.criteriaNumbers));
  const rows = new Map((await repo.findResults(tx, l.row.id)).map((r) => [r.indicator_code, r]));
  for (const [i, item] of items.entries()) {
    const r = rows.get(item.code);
    if (!r) throw invalid([{ path: `${path}.${i}.code`, message: `Không có chỉ tiêu ${item.code}` }]);
    if (!reviewable.has(r.criterion_number)) throw forbidden(`Chỉ tiêu ${item.code} không thuộc tiêu chí do cơ quan bạn thẩm định ở bước này`);
    if (r.version !== item.baseVersion) throw conflict(`Chỉ tiêu ${item.code} vừa thay đổi (phiên bản ${r.version}); vui lòng tải lại`, { code: item.code, currentVersion: r.version });
    if (!(await repo.setRowState(tx, r.id, r.version, ['submitted', 'reviewed'], 'returned', item.reason))) {
      throw new AppError('INVALID_TRANSITION', `Chỉ tiêu ${item.code} không ở trạng thái chờ thẩm tra nên không trả lại được`);
    }
  }
  const stepKey = stepKeyOf(l, l.row.current_step);
  await repo.insertReturnRound(tx, { assessmentId: l.row.id, stepKey, kind: 'return', round: l.row.round, items: items.map((i) => ({ code: i.code, reason: i.reason })), actorId: ctx.actor!.id });
  await notifyAfterCommit(tx, ctx, sqlCommune(l), {
    kind: 'assessment_returned',
    title: `${l.row.review_chain[l.row.current_step ?? 0]?.label ?? 'Cấp thẩm tra'} trả lại ${items.length} chỉ tiêu của hồ sơ ${l.row.year} để bổ sung`,
    assessmentId: l.row.id,
    unitId: l.row.unit_id,
    dueDate: l.row.deadlines.submit ?? null,
  });
}

function assertDistinct(codes: readonly string[], path: string): void {
  if (new Set(codes).size !== codes.length) throw invalid([{ path, message: 'Mỗi chỉ tiêu chỉ có một ý kiến trong một lần ghi (đồng ý, đổi ý kiến hoặc trả lại)' }]);
}

/** Verdicts of the current step on indicators the actor reviews (see `applyVerdictItems`). */
export async function giveVerdicts(db: Db, ctx: RequestCtx, id: string, body: VerdictsBody): Promise<Assessment> {
  authorize(ctx.actor, 'assessment.review');
  const actor = ctx.actor;
  assertDistinct(body.items.map((i) => i.code), 'items');
  await mutate(db, ctx, async (tx) => {
    const l = await loadVisible(tx, actor, id);
    const reviewable = reviewableCriteria(actor, l.row, l.unitInScope, l.set.criteriaNumbers);
    const d = decide({ status: l.row.status, currentStep: l.row.current_step, stepCount: l.row.review_chain.length }, 'verdict', sidesOf(actor, l.unitInScope, reviewable), { submitted: 0, returned: 0 });
    throwIfRefused(d);
    assertCycleOpen(l);
    const given = await applyVerdictItems(tx, actor, l, body.items, 'items');
    await repo.touchAssessment(tx, id, null);
    const final = await refreshStatus(tx, l);
    await recordAudit(tx, ctx, {
      action: 'assessment.verdict',
      entityType: 'assessment',
      entityId: id,
      unitId: l.row.unit_id,
      after: { step: stepKeyOf(l, l.row.current_step), round: l.row.round, verdicts: given, criteriaMet: final.criteriaMet },
    });
  });
  return getAssessment(db, ctx, id);
}

/**
 * A reviewer's whole decision in one transaction: verdicts on some indicators and returns of others (each with its
 * reason). Either everything is written or nothing: a stale row, a missing reason or an indicator outside the actor's
 * criteria refuses the request as a whole. With returns, the assessment moves to `returned` (conditional on
 * `expectedVersion`); with verdicts only, it keeps its status and its version is bumped.
 */
export async function review(db: Db, ctx: RequestCtx, id: string, body: ReviewBody): Promise<Assessment> {
  authorize(ctx.actor, 'assessment.review');
  const actor = ctx.actor;
  assertDistinct([...body.verdicts.map((i) => i.code), ...body.returns.map((i) => i.code)], 'returns');
  await mutate(db, ctx, async (tx) => {
    const l = await loadVisible(tx, actor, id);
    if (l.row.version !== body.expectedVersion) throw conflict(STALE, { currentVersion: l.row.version });
    const reviewable = reviewableCriteria(actor, l.row, l.unitInScope, l.set.criteriaNumbers);
    const sides = sidesOf(actor, l.unitInScope, reviewable);
    const state = { status: l.row.status, currentStep: l.row.current_step, stepCount: l.row.review_chain.length };
    const facts = { submitted: 0, returned: 0 };
    const d = body.returns.length ? decide(state, 'return', sides, facts, body.returns[0]!.reason) : decide(state, 'verdict', sides, facts);
    throwIfRefused(d);
    assertCycleOpen(l);
    // Verdicts first: they need the rows' states as the reviewer saw them; returns touch other rows only.
    const given = body.verdicts.length ? await applyVerdictItems(tx, actor, l, body.verdicts, 'verdicts') : [];
    if (body.returns.length) await applyReturnItems(tx, ctx, l, body.returns, 'returns');
    const ok = body.returns.length
      ? await repo.applyTransition(tx, id, { status: l.row.status, version: l.row.version }, d.next)
      : await repo.touchAssessment(tx, id, l.row.version);
    if (!ok) throw conflict(STALE);
    const final = await refreshStatus(tx, l);
    await recordAudit(tx, ctx, {
      action: 'assessment.review',
      entityType: 'assessment',
      entityId: id,
      unitId: l.row.unit_id,
      before: { status: l.row.status, currentStep: l.row.current_step, version: l.row.version },
      after: {
        status: body.returns.length ? d.next.status : l.row.status,
        version: l.row.version + 1,
        step: stepKeyOf(l, l.row.current_step),
        round: l.row.round,
        verdicts: given,
        returned: body.returns.map((i) => ({ code: i.code, reason: i.reason })),
        criteriaMet: final.criteriaMet,
      },
    });
  });
  return getAssessment(db, ctx, id);
}

function engineVerdict(s: string | undefined): VerdictValue | null {
  return s === 'met' || s === 'not_met' || s === 'not_applicable' ? s : null;
}

/** Return single indicators to the commune, each with its reason (a return round, kept in the history). */
export async function returnIndicators(db: Db, ctx: RequestCtx, id: string, body: ReturnBody): Promise<Assessment> {
  const codes = body.items.map((i) => i.code);
  if (new Set(codes).size !== codes.length) throw invalid([{ path: 'items', message: 'Mỗi chỉ tiêu chỉ trả lại một lần' }]);
  return runTransition(
    db,
    ctx,
    id,
    { action: 'return', expectedVersion: body.expectedVersion, permission: 'assessment.review', reason: body.items[0]?.reason ?? null },
    async (tx, l) => {
      await applyReturnItems(tx, ctx, l, body.items, 'items');
      return { step: stepKeyOf(l, l.row.current_step), returned: body.items };
    },
  );
}

const sqlCommune = (l: Loaded) => notifications.communeOfficers(l.row.unit_id);

/** Forward to the next step once every indicator has the current step's verdict. */
export async function forward(db: Db, ctx: RequestCtx, id: string, body: AssessmentActionBody): Promise<Assessment> {
  return runTransition(db, ctx, id, { action: 'forward', expectedVersion: body.expectedVersion, permission: 'assessment.review' }, async (tx, l, next) => {
    const moved = await repo.moveRows(tx, id, ['reviewed'], 'submitted');
    await repo.insertEvent(tx, { assessmentId: id, kind: 'forward', stepKey: stepKeyOf(l, l.row.current_step), round: l.row.round, reason: null, actorId: ctx.actor!.id });
    const step = l.row.review_chain[next.currentStep!]!;
    await notifyAfterCommit(tx, ctx, notifications.stepReviewers(step, l.row.unit_parent_id, l.row.criterion_agencies), {
      kind: 'assessment_forwarded',
      title: `Hồ sơ đánh giá ${l.row.year} của ${l.row.unit_name} chờ ${step.label}`,
      assessmentId: id,
      unitId: l.row.unit_id,
      dueDate: dueOfStep(l, next.currentStep!),
    });
    return { from: stepKeyOf(l, l.row.current_step), to: step.key, indicators: moved.length };
  });
}

/** Final appraisal at the last step: the assessment is locked and the commune's status becomes appraised. */
export async function appraise(db: Db, ctx: RequestCtx, id: string, body: AssessmentActionBody): Promise<Assessment> {
  return runTransition(db, ctx, id, { action: 'appraise', expectedVersion: body.expectedVersion, permission: 'assessment.review' }, async (tx, l) => {
    await repo.moveRows(tx, id, ['reviewed'], 'appraised');
    await repo.insertEvent(tx, { assessmentId: id, kind: 'appraise', stepKey: stepKeyOf(l, l.row.current_step), round: l.row.round, reason: null, actorId: ctx.actor!.id });
    await notifyAfterCommit(tx, ctx, sqlCommune(l), {
      kind: 'assessment_appraised',
      title: `Hồ sơ đánh giá ${l.row.year} của ${l.row.unit_name} đã được thẩm định`,
      assessmentId: id,
      unitId: l.row.unit_id,
      dueDate: null,
    });
    return { locked: true };
  });
}

/** Reopen an appraised assessment (steering office, with a reason): some indicators, or the whole commune. */
export async function reopen(db: Db, ctx: RequestCtx, id: string, body: ReopenBody): Promise<Assessment> {
  return runTransition(db, ctx, id, { action: 'reopen', expectedVersion: body.expectedVersion, permission: 'assessment.reopen', reason: body.reason }, async (tx, l) => {
    const known = new Set((await repo.findResults(tx, id)).map((r) => r.indicator_code));
    const unknown = body.codes.filter((c) => !known.has(c));
    if (unknown.length) throw invalid(unknown.map((c) => ({ path: 'codes', message: `Không có chỉ tiêu ${c}` })));
    const codes = body.codes.length ? body.codes : undefined;
    const moved = await repo.moveRows(tx, id, ['appraised'], 'returned', codes ? { codes } : {});
    await repo.setReturnReason(tx, id, moved, body.reason);
    const stepKey = stepKeyOf(l, l.row.review_chain.length - 1);
    await repo.insertReturnRound(tx, { assessmentId: id, stepKey, kind: 'reopen', round: l.row.round, items: moved.map((code) => ({ code, reason: body.reason })), actorId: ctx.actor!.id });
    await repo.insertEvent(tx, { assessmentId: id, kind: 'reopen', stepKey, round: l.row.round, reason: body.reason, actorId: ctx.actor!.id });
    await notifyAfterCommit(tx, ctx, sqlCommune(l), {
      kind: 'assessment_reopened',
      title: `Văn phòng Điều phối mở lại ${codes ? `${moved.length} chỉ tiêu` : 'toàn bộ hồ sơ'} ${l.row.year}: ${body.reason}`,
      assessmentId: id,
      unitId: l.row.unit_id,
      dueDate: null,
    });
    return { reopened: moved, whole: !codes, reason: body.reason };
  });
}

/** Every round (returns, reopens) and every verdict of an assessment. */
export async function history(db: Db, ctx: RequestCtx, id: string): Promise<AssessmentHistory> {
  authorize(ctx.actor, 'assessment.read');
  await loadVisible(db, ctx.actor, id);
  return presentHistory(await repo.findHistory(db, id));
}
