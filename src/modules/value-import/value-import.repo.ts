/** All SQL of the values import: jobs (progress, report, preview, conditional apply) and the cycle's rows in one read. */
import { sql, type SQL } from 'drizzle-orm';
import type { AssessmentStatus, ResultState } from '../../contracts/assessments.js';
import type { ImportIssue } from '../../contracts/value-import.js';
import type { IndicatorValue } from '../../domain/criteria/index.js';
import { inScope } from '../../platform/auth/scope.repo.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { json } from '../assessments/assessments.repo.js';
import { communeOfficers } from '../assessments/notifications.repo.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The commune's active officers other than the importing user (recipients of the import notification). */
export function communeOfficersExcept(unitId: string, userId: string): SQL {
  return sql`select o.id from (${communeOfficers(unitId)}) o where o.id <> ${userId}`;
}

/** A change as stored in the job's preview: what the contract shows plus what apply needs (row id, validated version). */
export interface StoredChange {
  row: number;
  assessmentId: string;
  unit: { id: string; code: string | null; name: string };
  code: string;
  wording: string;
  unitOfMeasure: string | null;
  before: IndicatorValue | null;
  after: IndicatorValue | null;
  noteBefore: string | null;
  noteAfter: string | null;
  /** Whether apply writes the note (else it keeps the stored one). */
  noteChanged: boolean;
  statusBefore: 'met' | 'not_met' | 'not_applicable' | 'missing_value' | 'target_unknown';
  statusAfter: 'met' | 'not_met' | 'not_applicable' | 'missing_value' | 'target_unknown';
  resultId: string;
  baseVersion: number;
}
export interface StoredCommune {
  assessmentId: string;
  unit: { id: string; code: string | null; name: string };
  changes: number;
  criteriaMetBefore: number;
  criteriaMetAfter: number;
  criteriaApplicable: number;
  meetsStandardBefore: boolean;
  meetsStandardAfter: boolean;
}
export interface StoredPreview {
  changes: StoredChange[];
  communes: StoredCommune[];
}

export interface JobRow {
  id: string;
  cycle_id: string;
  cycle_name: string;
  cycle_year: number;
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  file_id: string;
  file_sha256: string;
  file_name: string;
  status: 'parsing' | 'validated' | 'applied' | 'failed';
  phase: 'reading' | 'validating' | 'done';
  total_rows: number;
  processed_rows: number;
  error_count: number;
  warning_count: number;
  change_count: number;
  commune_count: number;
  errors: ImportIssue[] | string;
  preview: StoredPreview | string | null;
  failure: string | null;
  version: number;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  validated_at: Date | string | null;
  applied_at: Date | string | null;
  applied_by_name: string | null;
}

const jobColumns = sql`j.id, j.cycle_id, c.name as cycle_name, c.year as cycle_year, j.unit_id, u.code as unit_code, u.name as unit_name,
  j.file_id, f.sha256 as file_sha256, j.file_name, j.status, j.phase, j.total_rows, j.processed_rows, j.error_count, j.warning_count,
  j.change_count, j.commune_count, j.errors, j.preview, j.failure, j.version, j.created_by, cu.name as created_by_name, j.created_at,
  j.updated_at, j.validated_at, j.applied_at, au.name as applied_by_name`;
const jobFrom = sql`value_import_job j join assessment_cycle c on c.id = j.cycle_id join unit u on u.id = j.unit_id
  join stored_file f on f.id = j.file_id left join app_user cu on cu.id = j.created_by left join app_user au on au.id = j.applied_by`;

export async function insertJob(tx: Db, v: { cycleId: string; unitId: string; fileId: string; fileName: string; createdBy: string }): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into value_import_job (cycle_id, unit_id, file_id, file_name, created_by)
        values (${v.cycleId}, ${v.unitId}, ${v.fileId}, ${v.fileName}, ${v.createdBy}) returning id`,
  );
  return row!.id;
}

/** Store the uploaded workbook (its bytes are already at their content address). */
export async function insertWorkbookFile(tx: Db, v: { sha256: string; size: number; originalName: string; unitId: string; uploadedBy: string }): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into stored_file (sha256, mime, size, original_name, unit_id, uploaded_by)
        values (${v.sha256}, ${XLSX_MIME}, ${v.size}, ${v.originalName}, ${v.unitId}, ${v.uploadedBy}) returning id`,
  );
  return row!.id;
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return queryOne<JobRow>(db, sql`select ${jobColumns} from ${jobFrom} where j.id = ${id}`);
}

/** The job is the actor's own, or made for a unit inside the actor's scope. */
export async function isJobVisible(db: Db, actor: Actor, id: string): Promise<boolean> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from value_import_job j where j.id = ${id} and (j.created_by = ${actor.id} or ${inScope(actor, sql`j.unit_id`)})`,
  );
  return row?.n === 1;
}

export async function setProgress(db: Db, id: string, p: { phase: 'reading' | 'validating'; processed: number; total: number }): Promise<void> {
  await db.execute(
    sql`update value_import_job set phase = ${p.phase}, processed_rows = ${p.processed}, total_rows = ${p.total}, updated_at = now()
        where id = ${id} and status = 'parsing'`,
  );
}

export async function finishValidation(
  db: Db,
  id: string,
  v: { rows: number; errors: ImportIssue[]; errorCount: number; warningCount: number; preview: StoredPreview },
): Promise<void> {
  await db.execute(
    sql`update value_import_job set status = 'validated', phase = 'done', total_rows = ${v.rows}, processed_rows = ${v.rows},
          error_count = ${v.errorCount}, warning_count = ${v.warningCount}, change_count = ${v.preview.changes.length},
          commune_count = ${v.preview.communes.length}, errors = ${JSON.stringify(v.errors)}::jsonb, preview = ${JSON.stringify(v.preview)}::jsonb,
          version = version + 1, validated_at = now(), updated_at = now()
        where id = ${id} and status = 'parsing'`,
  );
}

/** The file could not be checked at all (unreadable, not a template of this cycle, interrupted). */
export async function failJob(db: Db, id: string, failure: string, errors: ImportIssue[], rows = 0): Promise<void> {
  await db.execute(
    sql`update value_import_job set status = 'failed', phase = 'done', failure = ${failure}, errors = ${JSON.stringify(errors)}::jsonb,
          error_count = ${errors.filter((e) => e.severity === 'error').length}, warning_count = ${errors.filter((e) => e.severity === 'warning').length},
          total_rows = ${rows}, version = version + 1, updated_at = now()
        where id = ${id} and status = 'parsing'`,
  );
}

/** validated → applied, only from the version the caller saw (zero rows: applied or changed meanwhile). */
export async function markApplied(tx: Db, id: string, expectedVersion: number, actorId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update value_import_job set status = 'applied', version = version + 1, applied_at = now(), applied_by = ${actorId}, updated_at = now()
        where id = ${id} and status = 'validated' and version = ${expectedVersion} returning id`,
  );
  return rows.length === 1;
}

export interface CycleRowFact {
  assessment_id: string;
  assessment_status: AssessmentStatus;
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  unit_valid_from: string | null;
  unit_valid_to: string | null;
  in_scope: boolean;
  row_id: string;
  indicator_code: string;
  state: ResultState;
  version: number;
  value: IndicatorValue | null;
  note: string | null;
  return_reason: string | null;
}

/** Every indicator row of the cycle's assessments (or of one commune's), with whether the commune is in scope. */
export async function cycleRows(db: Db, actor: Actor, cycleId: string, unitId: string | null): Promise<CycleRowFact[]> {
  const rows = await queryRows<CycleRowFact>(
    db,
    sql`select a.id as assessment_id, a.status as assessment_status, a.unit_id, u.code as unit_code, u.name as unit_name,
               u.valid_from::text as unit_valid_from, u.valid_to::text as unit_valid_to,
               ${inScope(actor, sql`a.unit_id`)} as in_scope,
               r.id as row_id, r.indicator_code, r.state, r.version, r.value, r.note, r.return_reason
        from assessment a join unit u on u.id = a.unit_id join indicator_result r on r.assessment_id = a.id
        where a.cycle_id = ${cycleId} ${unitId ? sql`and a.unit_id = ${unitId}` : sql``}
        order by u.name collate "C", u.code, a.id, r.position`,
  );
  return rows.map((r) => ({ ...r, value: r.value === null ? null : json<IndicatorValue>(r.value) }));
}

/** Which of these codes name a commune (any time): an unknown code differs from one outside the cycle. */
export async function knownCommuneCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select distinct code from unit where level = 'commune' and code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.code));
}

export interface ValueWrite {
  resultId: string;
  baseVersion: number;
  value: IndicatorValue | null;
  /** undefined: keep the stored note. */
  note: string | null | undefined;
  opId: string;
}

/**
 * The autosave's conditional write (assessments.repo `saveResult`), set-based for a file's rows: each row is updated
 * only if still at its base version and editable (draft or returned) — version + 1, who and when, the operation id —
 * and each applied change is appended to `result_change` with the value before and after, in one statement per 500
 * rows. Returns the ids written; a row missing from the answer was stale or locked (the caller rolls back).
 */
export async function writeValues(tx: Db, actorId: string, items: readonly ValueWrite[]): Promise<Set<string>> {
  const written = new Set<string>();
  for (let i = 0; i < items.length; i += 500) {
    const chunk = items.slice(i, i + 500);
    const input = sql.join(
      chunk.map(
        (w) =>
          sql`(${w.resultId}::uuid, ${w.baseVersion}::int, ${w.value === null ? null : JSON.stringify(w.value)}::jsonb, ${w.note ?? null}::text, ${w.note !== undefined}::boolean, ${w.opId}::uuid)`,
      ),
      sql`, `,
    );
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`with input(id, base, value, note, set_note, op_id) as (values ${input}),
          before as (select r.id, r.value from indicator_result r join input i on i.id = r.id),
          u as (
            update indicator_result r set value = i.value, carried_over = false,
              note = case when i.set_note then i.note else r.note end,
              version = r.version + 1, updated_by = ${actorId}, updated_at = now(), last_op_id = i.op_id
            from input i join before b on b.id = i.id
            where r.id = i.id and r.version = i.base and r.state in ('draft', 'returned')
            returning r.id, r.version, r.value, r.note, r.carried_over, r.last_op_id, b.value as value_before
          ),
          c as (
            insert into result_change (result_id, op_id, version, value_before, value_after, note, carried_over, actor_id)
            select u.id, u.last_op_id, u.version, u.value_before, u.value, u.note, u.carried_over, ${actorId}::uuid from u
          )
          select id from u`,
    );
    for (const r of rows) written.add(r.id);
  }
  return written;
}

/** A job left in "parsing" by a stopped process: marked failed so the client stops waiting. */
export async function failStale(db: Db, id: string, olderThanSeconds: number): Promise<void> {
  await db.execute(
    sql`update value_import_job set status = 'failed', phase = 'done', version = version + 1, updated_at = now(),
          failure = 'Việc kiểm tra tệp bị gián đoạn; vui lòng tải tệp lên lại'
        where id = ${id} and status = 'parsing' and updated_at < now() - make_interval(secs => ${olderThanSeconds})`,
  );
}

/** The stored version of a criteria set (the compiled-set cache is keyed by it). */
export async function setRowVersion(db: Db, setId: string): Promise<number> {
  const row = await queryOne<{ row_version: number }>(db, sql`select row_version from criteria_set where id = ${setId}`);
  return row?.row_version ?? 0;
}
