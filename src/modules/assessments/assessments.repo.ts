/** All SQL of assessments: the assessment with its cycle, indicator rows (conditional updates), verdicts, rounds, evidence. */
import { sql, type SQL } from 'drizzle-orm';
import type { AssessmentStatus, CycleDeadlines, ListAssessmentsQuery, ResultState, ReviewStep, VerdictValue } from '../../contracts/assessments.js';
import type { IndicatorValue } from '../../domain/criteria/index.js';
import { isGlobal } from '../../platform/auth/policy.js';
import { inScope, unitInScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { preparedRows, queryOne, queryRows } from '../../platform/db/query.js';
import { selfAndPredecessors, unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';

/** jsonb comes back parsed from node-postgres and PGlite alike; older paths may hand a string. */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export interface AssessmentRow extends UnitRefRow {
  id: string;
  cycle_id: string;
  cycle_name: string;
  cycle_status: 'open' | 'closed';
  year: number;
  set_id: string;
  set_code: string;
  set_row_version: number;
  review_chain: ReviewStep[];
  criterion_agencies: Record<string, string>;
  deadlines: CycleDeadlines;
  unit_parent_id: string | null;
  status: AssessmentStatus;
  current_step: number | null;
  round: number;
  version: number;
  submitted_at: Date | string | null;
  appraised_at: Date | string | null;
  locked: boolean;
  is_demo: boolean;
  n_indicators: number;
  n_filled: number;
  n_returned: number;
  n_submitted: number;
}

const columns = sql`
  a.id, a.cycle_id, c.name as cycle_name, c.status as cycle_status, c.year, c.set_id, s.code as set_code, s.row_version as set_row_version,
  c.review_chain, c.criterion_agencies, c.deadlines, ${unitRefColumns('u')}, u.parent_id as unit_parent_id,
  a.status, a.current_step, a.round, a.version, a.submitted_at, a.appraised_at, a.locked, a.is_demo,
  pr.n_indicators, pr.n_filled, pr.n_returned, pr.n_submitted`;
const from = sql`assessment a join assessment_cycle c on c.id = a.cycle_id join criteria_set s on s.id = c.set_id join unit u on u.id = a.unit_id
  cross join lateral (
    select count(*)::int as n_indicators,
           (count(*) filter (where r.value is not null))::int as n_filled,
           (count(*) filter (where r.state = 'returned'))::int as n_returned,
           (count(*) filter (where r.state = 'submitted'))::int as n_submitted
    from indicator_result r where r.assessment_id = a.id
  ) pr`;

/** Agencies named by a cycle's routing (chain steps and per-criterion map) include the actor's agency. */
function routedToAgency(agencyId: string): SQL {
  return sql`(exists (select 1 from jsonb_each_text(c.criterion_agencies) e where e.value = ${agencyId})
    or exists (select 1 from jsonb_array_elements(c.review_chain) st where st->>'agencyId' = ${agencyId}))`;
}

/** Assessments the actor may read: communes in scope, or cycles whose review routes to the actor's agency. */
export function visibleAssessments(actor: Actor): SQL {
  if (isGlobal(actor)) return sql`true`;
  return actor.agencyId ? sql`(${inScope(actor, sql`a.unit_id`)} or ${routedToAgency(actor.agencyId)})` : inScope(actor, sql`a.unit_id`);
}

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);
const REVIEW_ROLES = ['province_office', 'district_reviewer', 'department_reviewer'] as const;

/**
 * The current step is reviewed by the actor (mirrors assessments.policy.ts `reviewableCriteria`): district reviewers
 * with the commune in scope for `unit_parent`; the step's agency for `agency`; the routed departments for
 * `per_criterion_agency`.
 */
export function reviewsCurrentStep(actor: Actor): SQL {
  if (isGlobal(actor)) return sql`true`;
  const step = sql`(c.review_chain -> a.current_step)`;
  const conds: SQL[] = [];
  if (has(actor, 'district_reviewer')) conds.push(sql`(${step}->>'routing' = 'unit_parent' and ${inScope(actor, sql`a.unit_id`)})`);
  if (actor.agencyId && REVIEW_ROLES.some((r) => has(actor, r))) {
    conds.push(sql`(${step}->>'routing' = 'agency' and ${step}->>'agencyId' = ${actor.agencyId})`);
  }
  if (actor.agencyId && (has(actor, 'department_reviewer') || has(actor, 'province_office'))) {
    conds.push(sql`(${step}->>'routing' = 'per_criterion_agency' and exists (select 1 from jsonb_each_text(c.criterion_agencies) e where e.value = ${actor.agencyId}))`);
  }
  return conds.length ? sql`(a.current_step is not null and (${sql.join(conds, sql` or `)}))` : sql`false`;
}

/** Indicator rows `r` the actor reviews at the current step (all, or those of criteria routed to the actor's agency). */
export function rowReviewable(actor: Actor): SQL {
  if (isGlobal(actor)) return sql`true`;
  const routing = sql`(c.review_chain -> a.current_step ->> 'routing')`;
  return actor.agencyId
    ? sql`(${routing} <> 'per_criterion_agency' or c.criterion_agencies ->> r.criterion_number = ${actor.agencyId})`
    : sql`${routing} <> 'per_criterion_agency'`;
}

/** Waiting for the commune (the actor's commune officers) or for the actor's review. */
function waitingFor(actor: Actor): SQL {
  const commune = has(actor, 'commune_officer') || isGlobal(actor)
    ? sql`(a.status in ('draft', 'returned', 'reopened') and ${inScope(actor, sql`a.unit_id`)})`
    : sql`false`;
  return sql`(${commune} or (a.status in ('in_review', 'returned') and ${reviewsCurrentStep(actor)}))`;
}

export async function listAssessments(db: Db, actor: Actor, q: ListAssessmentsQuery): Promise<{ rows: AssessmentRow[]; total: number }> {
  const conds: SQL[] = [visibleAssessments(actor)];
  if (q.cycleId) conds.push(sql`a.cycle_id = ${q.cycleId}`);
  if (q.unitId) conds.push(sql`a.unit_id in ${selfAndPredecessors(q.unitId)}`);
  if (q.year) conds.push(sql`c.year = ${q.year}`);
  if (q.status) conds.push(sql`a.status = ${q.status}`);
  if (q.waitingForMe) conds.push(waitingFor(actor));
  const rows = await queryRows<AssessmentRow & { total: number }>(
    db,
    sql`select ${columns}, count(*) over ()::int as total from ${from}
        where ${sql.join(conds, sql` and `)}
        order by c.year desc, u.name collate "C", u.code limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  return queryOne<AssessmentRow>(db, sql`select ${columns} from ${from} where a.id = ${id}`);
}

/** Is the assessment visible to the actor (see visibleAssessments)? */
export async function isVisibleTo(db: Db, actor: Actor, id: string): Promise<boolean> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from assessment a join assessment_cycle c on c.id = a.cycle_id where a.id = ${id} and ${visibleAssessments(actor)}`,
  );
  return row?.n === 1;
}

// ───────────────────────────── indicator rows ─────────────────────────────

export interface VerdictJson {
  step: string;
  verdict: VerdictValue;
  agreed: boolean;
  reason: string | null;
  round: number;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}
export interface EvidenceJson {
  id: string;
  sha256: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  size: number;
  original_name: string;
  unit_id: string;
  created_at: string;
  taken_at: string | null;
  lat: number | null;
  lon: number | null;
}

export interface ResultRow {
  id: string;
  indicator_code: string;
  criterion_number: string;
  position: number;
  value: IndicatorValue | null;
  note: string | null;
  carried_over: boolean;
  state: ResultState;
  return_reason: string | null;
  version: number;
  updated_at: Date | string | null;
  updated_by: string | null;
  updated_by_name: string | null;
  last_op_id: string | null;
  /** Latest verdict per step key. */
  verdicts: Record<string, VerdictJson> | string | null;
  evidence: EvidenceJson[] | string | null;
}

const resultColumns = sql`
  r.id, r.indicator_code, r.criterion_number, r.position, r.value, r.note, r.carried_over, r.state, r.return_reason, r.version,
  r.updated_at, r.updated_by, uu.name as updated_by_name, r.last_op_id,
  (select jsonb_object_agg(z.step_key, z.v) from (
     select distinct on (v.step_key) v.step_key, jsonb_build_object('step', v.step_key, 'verdict', v.verdict, 'agreed', v.agreed,
       'reason', v.reason, 'round', v.round, 'actor_id', v.actor_id, 'actor_name', va.name, 'at', v.at) as v
     from verdict v left join app_user va on va.id = v.actor_id
     where v.result_id = r.id order by v.step_key, v.at desc, v.id) z) as verdicts,
  (select jsonb_agg(jsonb_build_object('id', f.id, 'sha256', f.sha256, 'mime', f.mime, 'size', f.size, 'original_name', f.original_name,
       'unit_id', f.unit_id, 'created_at', f.created_at, 'taken_at', e.exif_taken_at, 'lat', e.exif_lat, 'lon', e.exif_lon) order by e.added_at, f.id)
   from result_evidence e join stored_file f on f.id = e.file_id where e.result_id = r.id) as evidence`;

/** Every indicator row of an assessment (in the set's order), or one. */
export async function findResults(db: Db, assessmentId: string, code?: string): Promise<ResultRow[]> {
  return queryRows<ResultRow>(
    db,
    sql`select ${resultColumns} from indicator_result r left join app_user uu on uu.id = r.updated_by
        where r.assessment_id = ${assessmentId} ${code === undefined ? sql`` : sql`and r.indicator_code = ${code}`}
        order by r.position`,
  );
}

/** Just the values (for live evaluation after a save). */
export async function findValues(db: Db, assessmentId: string): Promise<Array<{ indicator_code: string; value: IndicatorValue | null }>> {
  return queryRows(db, sql`select indicator_code, value from indicator_result where assessment_id = ${assessmentId}`);
}

/**
 * The answer's per-row details of `indicator_result r`: the latest verdict per step, and — for the `full` row only —
 * the verdict actors' names and the evidence (shared by the save statement and `findRowsForAnswer`).
 */
const answerDetails = (full: SQL): SQL => sql`(select jsonb_object_agg(z.step_key, z.v) from (
                  select distinct on (v.step_key) v.step_key, jsonb_build_object('step', v.step_key, 'verdict', v.verdict, 'agreed', v.agreed,
                    'reason', v.reason, 'round', v.round, 'actor_id', v.actor_id,
                    'actor_name', case when ${full} then (select name from app_user where id = v.actor_id) end, 'at', v.at) as v
                  from verdict v where v.result_id = r.id order by v.step_key, v.at desc, v.id) z) as verdicts,
               case when ${full} then (select jsonb_agg(jsonb_build_object('id', f.id, 'sha256', f.sha256, 'mime', f.mime, 'size', f.size,
                   'original_name', f.original_name, 'unit_id', f.unit_id, 'created_at', f.created_at, 'taken_at', e.exif_taken_at,
                   'lat', e.exif_lat, 'lon', e.exif_lon) order by e.added_at, f.id)
                 from result_evidence e join stored_file f on f.id = e.file_id where e.result_id = r.id) end as evidence`;

const jsonValue = (v: IndicatorValue | null) => (v === null ? sql`null` : sql`${JSON.stringify(v)}::jsonb`);

/**
 * Save a value only if the row is still at `baseVersion` and editable (draft or returned), append the change to
 * `result_change`, and read what the answer needs (every row of the assessment as `findRowsForAnswer` reads it, the
 * saved row as the update left it) — one statement, so atomic without a transaction and one round trip. Null means a
 * stale or concurrent edit, or a row no longer editable (the caller re-reads to tell which). The version and state are
 * in the UPDATE's own WHERE so a concurrent writer that committed first is re-checked (never overwritten).
 */
export async function saveResult(
  db: Db,
  assessmentId: string,
  id: string,
  code: string,
  baseVersion: number,
  v: { value: IndicatorValue | null; note: string | null | undefined; carriedOver: boolean; opId: string; actorId: string },
): Promise<ResultRow[] | null> {
  const full = sql`r.indicator_code = ${code}`;
  const now = (col: string) => sql.raw(`case when u.id is null then r.${col} else u.${col} end`);
  const rows = await preparedRows<ResultRow>(
    db,
    sql`with before as (select id, value from indicator_result where id = ${id}),
        u as (
          update indicator_result r set value = ${jsonValue(v.value)}, carried_over = ${v.carriedOver},
            ${v.note === undefined ? sql`` : sql`note = ${v.note},`}
            version = r.version + 1, updated_by = ${v.actorId}, updated_at = now(), last_op_id = ${v.opId}
          from before b
          where r.id = b.id and r.version = ${baseVersion} and r.state in ('draft', 'returned')
          returning r.id, r.version, r.value, r.note, r.carried_over, r.updated_at, r.updated_by, r.last_op_id, b.value as value_before
        ),
        c as (
          insert into result_change (result_id, op_id, version, value_before, value_after, note, carried_over, actor_id)
          select u.id, ${v.opId}::uuid, u.version, u.value_before, u.value, u.note, u.carried_over, ${v.actorId}::uuid from u
        )
        select r.id, r.indicator_code, r.criterion_number, r.position, ${now('value')} as value, ${now('note')} as note,
               ${now('carried_over')} as carried_over, r.state, r.return_reason, ${now('version')} as version,
               ${now('updated_at')} as updated_at, ${now('updated_by')} as updated_by,
               case when ${full} then (select name from app_user where id = ${now('updated_by')}) end as updated_by_name, ${now('last_op_id')} as last_op_id,
               ${answerDetails(full)}
        from indicator_result r left join u on u.id = r.id
        where r.assessment_id = ${assessmentId} and exists (select 1 from u)`,
  );
  return rows.length ? rows : null;
}

export interface SaveHead extends AssessmentRow {
  in_scope: boolean;
  row_id: string | null;
  row_state: ResultState | null;
  row_version: number | null;
  row_last_op_id: string | null;
}

/**
 * The save path's one read: the assessment with its cycle (no progress counts), whether its commune is in the actor's
 * scope, and the indicator row's head.
 */
export async function findSaveHead(db: Db, actor: Actor, id: string, code: string): Promise<SaveHead | undefined> {
  const [row] = await preparedRows<SaveHead>(
    db,
    sql`select a.id, a.cycle_id, c.name as cycle_name, c.status as cycle_status, c.year, c.set_id, s.row_version as set_row_version, s.code as set_code,
               c.review_chain, c.criterion_agencies, c.deadlines, ${unitRefColumns('u')}, u.parent_id as unit_parent_id,
               a.status, a.current_step, a.round, a.version, a.submitted_at, a.appraised_at, a.locked, a.is_demo,
               0 as n_indicators, 0 as n_filled, 0 as n_returned, 0 as n_submitted,
               ${unitInScope(actor, sql`a.unit_id`)} as in_scope,
               r.id as row_id, r.state as row_state, r.version as row_version, r.last_op_id as row_last_op_id
        from assessment a join assessment_cycle c on c.id = a.cycle_id join criteria_set s on s.id = c.set_id join unit u on u.id = a.unit_id
        left join indicator_result r on r.assessment_id = a.id and r.indicator_code = ${code}
        where a.id = ${id}`,
  );
  return row;
}

/**
 * After a save: every row's value and latest verdict per step (for the live summary), and the saved row in full
 * (names, evidence) — one query.
 */
export async function findRowsForAnswer(db: Db, assessmentId: string, code: string): Promise<ResultRow[]> {
  const full = sql`r.indicator_code = ${code}`;
  return queryRows<ResultRow>(
    db,
    sql`select r.id, r.indicator_code, r.criterion_number, r.position, r.value, r.note, r.carried_over, r.state, r.return_reason, r.version,
               r.updated_at, r.updated_by, case when ${full} then (select name from app_user where id = r.updated_by) end as updated_by_name, r.last_op_id,
               ${answerDetails(full)}
        from indicator_result r where r.assessment_id = ${assessmentId}`,
  );
}

/** The minimal row facts the save path needs. */
export async function findRowHead(db: Db, assessmentId: string, code: string): Promise<{ id: string; state: ResultState; version: number; last_op_id: string | null } | undefined> {
  return queryOne(db, sql`select id, state, version, last_op_id from indicator_result where assessment_id = ${assessmentId} and indicator_code = ${code}`);
}

/** Move rows (all in `from`, or only `codes`) to `to`; bumps their version. Returns the codes moved. */
export async function moveRows(
  tx: Db,
  assessmentId: string,
  from: readonly ResultState[],
  to: ResultState,
  opts: { codes?: readonly string[]; returnReason?: 'clear' } = {},
): Promise<string[]> {
  const codes = opts.codes ? sql`and indicator_code in (${sql.join(opts.codes.map((c) => sql`${c}`), sql`, `)})` : sql``;
  const rows = await queryRows<{ indicator_code: string }>(
    tx,
    sql`update indicator_result set state = ${to}, version = version + 1
          ${opts.returnReason === 'clear' ? sql`, return_reason = null` : sql``}
        where assessment_id = ${assessmentId} and state in (${sql.join(from.map((s) => sql`${s}`), sql`, `)}) ${codes}
        returning indicator_code`,
  );
  return rows.map((r) => r.indicator_code);
}

/** Update one row's state (verdict, return) only if still at `baseVersion` and in one of `from`. */
export async function setRowState(
  tx: Db,
  id: string,
  baseVersion: number,
  from: readonly ResultState[],
  to: ResultState,
  returnReason?: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update indicator_result set state = ${to}, version = version + 1
          ${returnReason !== undefined ? sql`, return_reason = ${returnReason}` : sql``}
        where id = ${id} and version = ${baseVersion} and state in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})
        returning id`,
  );
  return rows.length === 1;
}

/** Reopened rows get the steering office's reason as their return reason. */
export async function setReturnReason(tx: Db, assessmentId: string, codes: readonly string[], reason: string): Promise<void> {
  if (codes.length === 0) return;
  await tx.execute(
    sql`update indicator_result set return_reason = ${reason}
        where assessment_id = ${assessmentId} and indicator_code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`,
  );
}

export async function insertVerdict(
  tx: Db,
  v: { resultId: string; stepKey: string; verdict: VerdictValue; agreed: boolean; reason: string | null; round: number; actorId: string | null; at?: string },
): Promise<void> {
  await tx.execute(
    sql`insert into verdict (result_id, step_key, verdict, agreed, reason, round, actor_id, at)
        values (${v.resultId}, ${v.stepKey}, ${v.verdict}, ${v.agreed}, ${v.reason}, ${v.round}, ${v.actorId}, ${v.at ? sql`${v.at}::timestamptz` : sql`now()`})`,
  );
}

/** Counts deciding whether the current step is finished. */
export async function stepFacts(db: Db, assessmentId: string): Promise<{ submitted: number; returned: number }> {
  const row = await queryOne<{ submitted: number; returned: number }>(
    db,
    sql`select (count(*) filter (where state = 'submitted'))::int as submitted, (count(*) filter (where state = 'returned'))::int as returned
        from indicator_result where assessment_id = ${assessmentId}`,
  );
  return row ?? { submitted: 0, returned: 0 };
}

export interface AssessmentChange {
  status: AssessmentStatus;
  currentStep: number | null;
  locked: boolean;
  round?: number;
  submittedAt?: 'now';
  appraisedAt?: 'now' | 'clear';
}

/** Apply an assessment-level transition only if still in the expected status and version (zero rows → CONFLICT). */
export async function applyTransition(tx: Db, id: string, expected: { status: AssessmentStatus; version: number }, c: AssessmentChange): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update assessment set status = ${c.status}, current_step = ${c.currentStep}, locked = ${c.locked}, version = version + 1
          ${c.round !== undefined ? sql`, round = ${c.round}` : sql``}
          ${c.submittedAt ? sql`, submitted_at = now()` : sql``}
          ${c.appraisedAt === 'now' ? sql`, appraised_at = now()` : c.appraisedAt === 'clear' ? sql`, appraised_at = null` : sql``}
        where id = ${id} and status = ${expected.status} and version = ${expected.version}
        returning id`,
  );
  return rows.length === 1;
}

/** Bump the assessment's version (verdicts change what the assessment shows without changing its status). */
export async function touchAssessment(tx: Db, id: string, expectedVersion: number | null): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update assessment set version = version + 1 where id = ${id} ${expectedVersion === null ? sql`` : sql`and version = ${expectedVersion}`} returning id`,
  );
  return rows.length === 1;
}

export async function insertReturnRound(
  tx: Db,
  v: { assessmentId: string; stepKey: string; kind: 'return' | 'reopen'; round: number; items: Array<{ code: string; reason: string }>; actorId: string | null; at?: string },
): Promise<void> {
  await tx.execute(
    sql`insert into return_round (assessment_id, step_key, kind, round, items, actor_id, at)
        values (${v.assessmentId}, ${v.stepKey}, ${v.kind}, ${v.round}, ${JSON.stringify(v.items)}::jsonb, ${v.actorId}, ${v.at ? sql`${v.at}::timestamptz` : sql`now()`})`,
  );
}

export async function insertEvent(
  tx: Db,
  v: { assessmentId: string; kind: 'submit' | 'forward' | 'appraise' | 'reopen'; stepKey: string | null; round: number; reason: string | null; actorId: string | null; at?: string },
): Promise<void> {
  await tx.execute(
    sql`insert into assessment_event (assessment_id, kind, step_key, round, reason, actor_id, at)
        values (${v.assessmentId}, ${v.kind}, ${v.stepKey}, ${v.round}, ${v.reason}, ${v.actorId}, ${v.at ? sql`${v.at}::timestamptz` : sql`now()`})`,
  );
}

export interface RoundRow {
  round: number;
  step_key: string;
  kind: 'return' | 'reopen';
  items: Array<{ code: string; reason: string }> | string;
  actor_id: string | null;
  actor_name: string | null;
  at: Date | string;
}
export interface EventRow {
  kind: 'submit' | 'verdict' | 'return' | 'forward' | 'appraise' | 'reopen';
  step_key: string | null;
  round: number;
  code: string | null;
  verdict: VerdictValue | null;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Date | string;
}

/** Every round and every event of an assessment, oldest first. */
export async function findHistory(db: Db, assessmentId: string): Promise<{ rounds: RoundRow[]; events: EventRow[] }> {
  const [rounds, events] = await Promise.all([
    queryRows<RoundRow>(
      db,
      sql`select rr.round, rr.step_key, rr.kind, rr.items, rr.actor_id, p.name as actor_name, rr.at
          from return_round rr left join app_user p on p.id = rr.actor_id where rr.assessment_id = ${assessmentId} order by rr.at, rr.id`,
    ),
    queryRows<EventRow>(
      db,
      sql`select * from (
            select e.kind, e.step_key, e.round, null::text as code, null::text as verdict, e.reason, e.actor_id, p.name as actor_name, e.at
            from assessment_event e left join app_user p on p.id = e.actor_id where e.assessment_id = ${assessmentId}
            union all
            select 'verdict', v.step_key, v.round, r.indicator_code, v.verdict, v.reason, v.actor_id, p.name, v.at
            from verdict v join indicator_result r on r.id = v.result_id left join app_user p on p.id = v.actor_id where r.assessment_id = ${assessmentId}
            union all
            select 'return', rr.step_key, rr.round, x->>'code', null, x->>'reason', rr.actor_id, p.name, rr.at
            from return_round rr cross join lateral jsonb_array_elements(rr.items) x left join app_user p on p.id = rr.actor_id
            where rr.assessment_id = ${assessmentId} and rr.kind = 'return'
          ) h order by h.at, h.kind, h.code`,
    ),
  ]);
  return { rounds, events };
}

// ───────────────────────────── evidence ─────────────────────────────

export async function attachEvidence(
  tx: Db,
  v: { resultId: string; fileId: string; takenAt: string | null; lat: number | null; lon: number | null; actorId: string | null },
): Promise<void> {
  await tx.execute(
    sql`insert into result_evidence (result_id, file_id, exif_taken_at, exif_lat, exif_lon, added_by)
        values (${v.resultId}, ${v.fileId}, ${v.takenAt}, ${v.lat}, ${v.lon}, ${v.actorId})
        on conflict (result_id, file_id) do nothing`,
  );
}

export async function detachEvidence(tx: Db, resultId: string, fileId: string): Promise<boolean> {
  const rows = await queryRows<{ file_id: string }>(tx, sql`delete from result_evidence where result_id = ${resultId} and file_id = ${fileId} returning file_id`);
  return rows.length === 1;
}

// ───────────────────────────── last year's values ─────────────────────────────

/**
 * Values of the commune (or of a predecessor, preferring one with the same code) in the latest assessment of the
 * year before, to offer as carried over.
 */
export async function lastYearValues(db: Db, unitId: string, year: number): Promise<Map<string, IndicatorValue>> {
  const rows = await queryRows<{ indicator_code: string; value: IndicatorValue }>(
    db,
    sql`with src as (
          select a.id from assessment a join assessment_cycle c on c.id = a.cycle_id join unit pu on pu.id = a.unit_id
          where c.year = ${year - 1} and a.unit_id in ${selfAndPredecessors(unitId)}
          order by (a.unit_id = ${unitId}) desc, (pu.code = (select code from unit where id = ${unitId})) desc, pu.code, a.id
          limit 1
        )
        select r.indicator_code, r.value from indicator_result r where r.assessment_id in (select id from src) and r.value is not null`,
  );
  return new Map(rows.map((r) => [r.indicator_code, r.value]));
}

// ───────────────────────────── inbox ─────────────────────────────

/**
 * Assessment items of the "what's due" inbox, in the inbox union's column order (modules/signals/signals.repo.ts):
 * forms to fill and indicators returned (commune officers of communes in scope, open cycles), reviews pending at the
 * actor's step (indicators waiting for the actor's verdict, or a finished step waiting to be forwarded/appraised).
 */
export function assessmentInboxItems(actor: Actor, today: string): SQL {
  const commune = has(actor, 'commune_officer')
    ? sql`a.status in ('draft', 'returned', 'reopened') and ${inScope(actor, sql`a.unit_id`)}`
    : sql`false`;
  const reviewer = isGlobal(actor) ? sql`false` : sql`a.status in ('in_review', 'returned') and ${reviewsCurrentStep(actor)}`;
  return sql`
    select 'assessment', x.id, ${unitRefColumns('u')}, x.due_date,
           (x.due_date is not null and x.due_date < ${today}::date), greatest(0, coalesce(${today}::date - x.due_date, 0))::int,
           null::uuid, null::text, null::text, null::text, null::int, null::uuid, null::text, null::text,
           x.id, x.kind, x.cycle_name, x.year, x.step_label, x.item_count
    from (
      select a.id, a.unit_id, (case when a.status = 'draft' then 'form_to_fill' else 'indicators_returned' end) as kind,
             c.name as cycle_name, c.year, null::text as step_label,
             (select count(*) from indicator_result r where r.assessment_id = a.id and r.state = 'returned')::int as item_count,
             (c.deadlines->>'submit')::date as due_date, 0 as step_done
      from assessment a join assessment_cycle c on c.id = a.cycle_id
      where c.status = 'open' and ${commune}
      union all
      select a.id, a.unit_id, 'review_pending', c.name, c.year, c.review_chain -> a.current_step ->> 'label',
             (select count(*) from indicator_result r where r.assessment_id = a.id and r.state = 'submitted' and ${rowReviewable(actor)})::int,
             (c.deadlines -> 'steps' ->> (c.review_chain -> a.current_step ->> 'key'))::date,
             (case when a.status = 'in_review' and not exists (select 1 from indicator_result r where r.assessment_id = a.id and r.state in ('submitted', 'returned')) then 1 else 0 end)
      from assessment a join assessment_cycle c on c.id = a.cycle_id
      where c.status = 'open' and ${reviewer}
    ) x join unit u on u.id = x.unit_id
    where x.kind <> 'review_pending' or x.item_count > 0 or x.step_done = 1`;
}
