/**
 * Excel import of a cycle's indicator values: template → upload (stored, job created, 202) → background validation
 * in chunks with progress (every row against the catalog and the workflow; per-row report in Vietnamese; preview of
 * value and engine status before → after) → apply all or nothing with the autosave's conditional write made
 * set-based (value-import.repo writeValues mirrors assessments.repo saveResult: version and editable state re-checked
 * per row, version bumped, result_change appended), audited in the same transaction.
 *
 * Who writes: commune officers for their commune; the steering office (and administrators) for any commune of the
 * cycle in its scope, on the commune's behalf — the audit record of each assessment says so (`onBehalfOfCommune`).
 * Both only where the commune itself could save now (draft, or indicators returned/reopened; the cycle open). An
 * import on a commune's behalf notifies its officers (kind values_imported) in the apply's transaction.
 */
import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { ApplyBody, ApplyConflictRow, ImportIssue, ValueImportJob } from '../../contracts/value-import.js';
import { VALUE_IMPORT_MAX_BYTES } from '../../contracts/value-import.js';
import { isEditable } from '../../domain/assessments/transitions.js';
import { evaluateCommune, type CommuneEvaluation, type IndicatorResult as EngineIndicator, type IndicatorValue } from '../../domain/criteria/index.js';
import { formatValue } from '../../domain/criteria/format.js';
import { communeCodeOf, createValidator, sortIssues, type CatalogIndicator, type TargetCommune, type TargetRow, type ValidationContext } from '../../domain/value-import/validate.js';
import { cellText } from '../../domain/value-import/values.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, isGlobal } from '../../platform/auth/policy.js';
import { scopeUnits, unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { discard, keep, openBlob, receive } from '../../platform/files/files.store.js';
import { todayVN } from '../../platform/dates.js';
import { mutate } from '../../platform/tx.js';
import { notify } from '../assessments/notifications.service.js';
import * as assessmentsRepo from '../assessments/assessments.repo.js';
import { attributesDate, byCode, loadSet, type LoadedSet } from '../assessments/assessments.evaluation.js';
import * as unitsRepo from '../units/units.repo.js';
import * as cyclesRepo from '../assessments/cycles.repo.js';
import { presentJob } from './value-import.presenter.js';
import * as repo from './value-import.repo.js';
import { annotateWorkbook, readWorkbook, writeTemplate, type TemplateCommune, type TemplateMeta } from './value-import.spreadsheet.js';

const CYCLE = 'Đợt đánh giá';
const JOB = 'Lần nhập';
const CHUNK = 500;
/** A job whose progress has not moved for this long was interrupted (its process stopped). */
const STALE_SECONDS = 120;

/** May the actor write values of a commune (in scope or not) at all? Commune officers, the office, administrators. */
function mayWrite(actor: Actor, inScope: boolean): boolean {
  if (isGlobal(actor)) return true;
  return inScope && (actor.roles.includes('commune_officer') || actor.roles.includes('province_office'));
}

async function loadCycle(db: Db, actor: Actor, id: string): Promise<cyclesRepo.CycleRow> {
  const cycle = await cyclesRepo.findCycle(db, id);
  if (!cycle || !(await cyclesRepo.isVisibleTo(db, actor, id))) throw notFound(CYCLE);
  return cycle;
}

function catalogOf(set: LoadedSet): Map<string, CatalogIndicator> {
  return new Map(
    set.def.criteria.flatMap((c) =>
      c.indicators.map((i): [string, CatalogIndicator] => [i.code, { code: i.code, wording: i.wording, kind: i.kind, unit: i.unit, scale: i.scale, criterionNumber: c.number }]),
    ),
  );
}

interface CommuneFacts extends TargetCommune {
  validFrom: string | null;
  validTo: string | null;
  rowsByCode: Map<string, TargetRow & { returnReason: string | null }>;
}

/** The cycle's communes and indicator rows in one read, grouped per assessment (in the order of the query). */
function groupRows(actor: Actor, facts: readonly repo.CycleRowFact[]): Map<string, CommuneFacts> {
  const out = new Map<string, CommuneFacts>();
  for (const f of facts) {
    let c = out.get(f.assessment_id);
    if (!c) {
      const rowsByCode = new Map<string, TargetRow & { returnReason: string | null }>();
      c = {
        unitId: f.unit_id,
        unitCode: f.unit_code,
        unitName: f.unit_name,
        assessmentId: f.assessment_id,
        assessmentStatus: f.assessment_status,
        inScope: isGlobal(actor) || f.in_scope,
        mayWrite: mayWrite(actor, f.in_scope),
        rows: rowsByCode,
        rowsByCode,
        validFrom: f.unit_valid_from,
        validTo: f.unit_valid_to,
        notApplicable: new Set(),
      };
      out.set(f.assessment_id, c);
    }
    c.rowsByCode.set(f.indicator_code, { id: f.row_id, state: f.state, version: f.version, value: f.value, note: f.note, returnReason: f.return_reason });
  }
  return out;
}

/** The engine's live evaluation of a commune's values (its attributes as the workflow reads them, see attributesDate). */
async function evaluate(db: Db, set: LoadedSet, year: number, c: CommuneFacts, values: Record<string, IndicatorValue | null>): Promise<CommuneEvaluation> {
  const attrs = await unitsRepo.effectiveAttributes(db, c.unitId, attributesDate(year, c.validFrom, c.validTo));
  return evaluateCommune(set.compiled, Object.fromEntries(attrs.map((a) => [a.key, a.value])), year, values);
}

const valuesOfCommune = (c: CommuneFacts): Record<string, IndicatorValue | null> => Object.fromEntries([...c.rowsByCode].map(([code, r]) => [code, r.value]));

// ───────────────────────────── template ─────────────────────────────

function targetText(ind: CatalogIndicator, e: EngineIndicator | undefined): string {
  const t = e?.target ?? null;
  if (t === null) return 'Chưa có chỉ tiêu được xác nhận';
  const flag = e?.demo ? ' (minh họa)' : '';
  if (typeof t === 'boolean') return (t ? 'Có' : 'Không') + flag;
  if (typeof t === 'string') return (ind.scale?.length ? `${t} trở lên` : t) + flag;
  const sign = ind.kind.endsWith('_max') || ind.kind === 'max' ? '≤' : '≥';
  return `${sign} ${formatValue(t, ind.unit)}${flag}`;
}

function stateText(cycleOpen: boolean, c: CommuneFacts, r: TargetRow & { returnReason: string | null }): { text: string; editable: boolean } {
  if (!cycleOpen) return { text: 'Khóa: đợt đánh giá đã đóng', editable: false };
  if (!c.mayWrite) return { text: 'Khóa: ngoài quyền của bạn', editable: false };
  if (isEditable(c.assessmentStatus, r.state)) {
    return r.state === 'returned' ? { text: `Được trả lại để bổ sung${r.returnReason ? `: ${r.returnReason}` : ''}`, editable: true } : { text: 'Được sửa', editable: true };
  }
  if (c.assessmentStatus === 'appraised' || r.state === 'appraised') return { text: 'Khóa: đã thẩm định', editable: false };
  if (c.assessmentStatus === 'in_review') return { text: 'Khóa: hồ sơ đang thẩm tra, thẩm định', editable: false };
  return { text: 'Khóa: chỉ tiêu không được trả lại', editable: false };
}

/** The template of a cycle, for one commune (`unitId`) or every commune of the cycle in the actor's scope. */
export async function template(
  db: Db,
  ctx: RequestCtx,
  cycleId: string,
  unitId: string | undefined,
): Promise<{ fileName: string; write: (out: Writable) => Promise<void> }> {
  authorize(ctx.actor, 'valueImport.read');
  const actor = ctx.actor;
  const cycle = await loadCycle(db, actor, cycleId);
  const set = await loadSet(db, cycle.set_id, await repo.setRowVersion(db, cycle.set_id));
  const catalog = catalogOf(set);
  const communes = [...groupRows(actor, await repo.cycleRows(db, actor, cycleId, unitId ?? null)).values()].filter((c) => c.inScope);
  if (communes.length === 0) throw notFound(unitId ? 'Xã trong đợt đánh giá' : CYCLE);
  const cycleOpen = cycle.status === 'open';
  const sheetCommunes: TemplateCommune[] = [];
  for (const c of communes) {
    const ev = byCode(await evaluate(db, set, cycle.year, c, valuesOfCommune(c)));
    const rows = [...catalog.values()]
      .filter((ind) => c.rowsByCode.has(ind.code) && ev.get(ind.code)?.status !== 'not_applicable')
      .map((ind) => {
        const r = c.rowsByCode.get(ind.code)!;
        const s = stateText(cycleOpen, c, r);
        return { indicator: ind, current: r.value, note: r.note, targetText: targetText(ind, ev.get(ind.code)), stateText: s.text, editable: s.editable };
      });
    sheetCommunes.push({ unitCode: c.unitCode, unitName: c.unitName, rows });
  }
  const one = unitId ? communes[0]! : null;
  const meta: TemplateMeta = {
    cycleId,
    cycleName: cycle.name,
    year: cycle.year,
    setId: set.id,
    setCode: set.code,
    setVersion: cycle.set_version,
    setRowVersion: set.rowVersion,
    unitId: one?.unitId ?? null,
    unitName: one ? one.unitName : `${communes.length} xã trong phạm vi của bạn`,
    generatedAt: new Date().toISOString(),
    generatedBy: actor.name,
  };
  const slug = one ? (one.unitCode ?? 'xa') : 'toan-bo';
  return { fileName: `mau-nhap-gia-tri-${cycle.year}-${slug}-${todayVN()}.xlsx`, write: (out) => writeTemplate(out, meta, sheetCommunes) };
}

// ───────────────────────────── upload ─────────────────────────────

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const NOT_XLSX = 'Chỉ nhận tệp Excel .xlsx (tệp mẫu tải từ hệ thống)';

/** Jobs being validated by this process (awaited on shutdown). */
const running = new Set<Promise<void>>();

/** Wait for the validations this process is running (the app's onClose). */
export async function drain(): Promise<void> {
  await Promise.allSettled([...running]);
}

/**
 * Which unit the upload is made for (its scope decides who sees the job and the stored file): the chosen commune,
 * else the cycle's province when in scope, else the actor's own scope unit (a commune officer's commune, a district).
 */
async function jobUnit(db: Db, actor: Actor, cycle: cyclesRepo.CycleRow, unitId: string | undefined): Promise<string> {
  const facts = await repo.cycleRows(db, actor, cycle.id, unitId ?? null);
  const mine = [...new Set(facts.filter((f) => isGlobal(actor) || f.in_scope).map((f) => f.unit_id))];
  if (mine.length === 0) throw notFound(unitId ? 'Xã trong đợt đánh giá' : CYCLE);
  if (unitId) return unitId;
  if (cycle.scope_unit_id && (isGlobal(actor) || (await unitIdsInScope(db, actor, [cycle.scope_unit_id])).has(cycle.scope_unit_id))) return cycle.scope_unit_id;
  const own = await scopeUnits(db, actor.id);
  if (own.length === 1) return own[0]!.unitId;
  if (mine.length === 1) return mine[0]!;
  throw invalid([{ path: 'unitId', message: 'Hãy chọn xã của tệp (unitId)' }], 'Hãy chọn xã của tệp');
}

/**
 * Store an uploaded workbook and start validating it in the background (the answer is the job, status "parsing";
 * the client polls GET /api/value-imports/:id). Refusals (rights, scope, type, size) come before anything is stored.
 */
export async function upload(
  db: Db,
  dataDir: string,
  ctx: RequestCtx,
  cycleId: string,
  unitId: string | undefined,
  readPart: () => Promise<MultipartFile | undefined>,
  log: ImportLog,
): Promise<ValueImportJob> {
  authorize(ctx.actor, 'valueImport.write');
  const actor = ctx.actor;
  const cycle = await loadCycle(db, actor, cycleId);
  const unit = await jobUnit(db, actor, cycle, unitId);
  if (cycle.status !== 'open') throw new AppError('INVALID_TRANSITION', 'Đợt đánh giá đã đóng; không nhập được giá trị');
  const part = await readPart();
  if (!part) throw invalid([{ path: 'file', message: 'Chưa chọn tệp' }], 'Chưa có tệp gửi lên');
  const received = await receive(dataDir, part.file as Readable);
  if (part.file.truncated) {
    await discard(received.tmpPath);
    throw new AppError('PAYLOAD_TOO_LARGE', `Tệp quá lớn (tối đa ${VALUE_IMPORT_MAX_BYTES / 1024 / 1024} MB)`);
  }
  if (received.size === 0 || !ZIP.every((b, i) => received.head[i] === b)) {
    await discard(received.tmpPath);
    throw invalid([{ path: 'file', message: NOT_XLSX }], NOT_XLSX);
  }
  await keep(dataDir, received);
  const fileName = (part.filename || 'nhap-gia-tri.xlsx').slice(0, 255);
  const jobId = await mutate(db, ctx, async (tx) => {
    const fileId = await repo.insertWorkbookFile(tx, { sha256: received.sha256, size: received.size, originalName: fileName, unitId: unit, uploadedBy: actor.id });
    const id = await repo.insertJob(tx, { cycleId, unitId: unit, fileId, fileName, createdBy: actor.id });
    await recordAudit(tx, ctx, {
      action: 'valueImport.upload',
      entityType: 'value_import_job',
      entityId: id,
      unitId: unit,
      after: { cycleId, fileName, sha256: received.sha256, size: received.size },
    });
    return id;
  });
  const run = validateJob(db, dataDir, jobId, actor, log).catch(async (err: unknown) => {
    try {
      await repo.failJob(db, jobId, 'Lỗi hệ thống khi kiểm tra tệp; vui lòng tải lên lại', []);
    } catch {
      // the database is gone (shutting down): the stale check marks the job later
    }
    log.error({ err, jobId }, 'value import validation failed');
  });
  running.add(run);
  void run.finally(() => running.delete(run));
  return getJob(db, ctx, jobId);
}

type ImportLog = { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };

const fileIssue = (code: ImportIssue['code'], message: string, severity: 'error' | 'warning' = 'error'): ImportIssue => ({
  row: null,
  column: null,
  code,
  severity,
  message,
  unitCode: null,
  indicatorCode: null,
});

/** Read, check and preview a stored upload (runs after the upload's answer; progress on the job row). */
export async function validateJob(db: Db, dataDir: string, jobId: string, actor: Actor, log: ImportLog): Promise<void> {
  await yieldToLoop();
  const job = await repo.findJob(db, jobId);
  if (!job || job.status !== 'parsing') return;
  const first = openBlob(dataDir, job.file_sha256);
  if (!first) return repo.failJob(db, jobId, 'Không tìm thấy tệp đã tải lên', []);
  let opened = 0;
  const parsed = await readWorkbook(
    () => (opened++ === 0 ? first : (openBlob(dataDir, job.file_sha256) ?? first)),
    (read) => repo.setProgress(db, jobId, { phase: 'reading', processed: read, total: 0 }),
    (err, attempt) => log.warn({ err, jobId, attempt }, 'value import: the workbook reader failed'),
  );
  const fileIssues = [...parsed.fileIssues];
  const cycle = await cyclesRepo.findCycle(db, job.cycle_id);
  if (!cycle) return repo.failJob(db, jobId, 'Đợt đánh giá không còn', []);
  const set = await loadSet(db, cycle.set_id, await repo.setRowVersion(db, cycle.set_id));
  if (parsed.meta) {
    if (parsed.meta['cycleId'] && parsed.meta['cycleId'] !== cycle.id) {
      fileIssues.push(fileIssue('WRONG_CYCLE', `Tệp là mẫu của một đợt đánh giá khác (năm ${parsed.meta['year'] ?? '?'}); hãy tải mẫu của "${cycle.name}"`));
    } else if (parsed.meta['setId'] && (parsed.meta['setId'] !== set.id || Number(parsed.meta['setRowVersion']) !== set.rowVersion)) {
      fileIssues.push(fileIssue('SET_CHANGED', 'Bộ tiêu chí của đợt đã thay đổi từ khi tải mẫu; hãy tải mẫu mới'));
    }
  } else if (parsed.sheet !== null && !fileIssues.some((i) => i.severity === 'error')) {
    fileIssues.push(fileIssue('NO_TEMPLATE_INFO', 'Tệp không phải mẫu tải từ hệ thống (thiếu thông tin đợt đánh giá); các dòng vẫn được kiểm tra theo mã xã và mã chỉ tiêu', 'warning'));
  }
  if (parsed.sheet !== null && parsed.dataRows === 0) fileIssues.push(fileIssue('NO_ROWS', 'Tệp không có dòng dữ liệu nào'));
  if (fileIssues.some((i) => i.severity === 'error')) {
    return repo.failJob(db, jobId, fileIssues.find((i) => i.severity === 'error')!.message, fileIssues, parsed.dataRows);
  }

  // The facts, once: every row of the cycle, the actor's scope, unknown codes, applicability of the communes touched.
  const communes = groupRows(actor, await repo.cycleRows(db, actor, cycle.id, null));
  const byUnitCode = new Map([...communes.values()].filter((c) => c.unitCode !== null).map((c) => [c.unitCode!, c]));
  const fileCodes = [...new Set(parsed.rows.map((r) => communeCodeOf(r.communeCode)).filter((c): c is string => c !== null))];
  const known = await repo.knownCommuneCodes(db, fileCodes.filter((c) => !byUnitCode.has(c)));
  const selected = [...communes.values()].find((c) => c.unitId === job.unit_id) ?? null;
  const touched = new Set<CommuneFacts>();
  for (const r of parsed.rows) {
    if (cellText(r.value) === null) continue;
    const code = communeCodeOf(r.communeCode);
    const c = code === null ? selected : byUnitCode.get(code);
    if (c) touched.add(c);
  }
  const before = new Map<string, CommuneEvaluation>();
  for (const c of touched) {
    const ev = await evaluate(db, set, cycle.year, c, valuesOfCommune(c));
    before.set(c.assessmentId, ev);
    c.notApplicable = new Set([...byCode(ev)].filter(([, e]) => e.status === 'not_applicable').map(([code]) => code));
  }
  const context: ValidationContext = { cycleOpen: cycle.status === 'open', indicators: catalogOf(set), communes: byUnitCode, knownUnitCodes: known, selected };
  const check = createValidator(context);
  const issues: ImportIssue[] = [...fileIssues];
  const changes: Array<NonNullable<ReturnType<typeof check>['change']>> = [];
  const total = parsed.rows.length;
  for (let i = 0; i < total; i += CHUNK) {
    for (const raw of parsed.rows.slice(i, i + CHUNK)) {
      const out = check(raw);
      issues.push(...out.issues);
      if (out.change) changes.push(out.change);
    }
    await repo.setProgress(db, jobId, { phase: 'validating', processed: Math.min(total, i + CHUNK), total });
    await yieldToLoop();
  }

  // Preview: each touched commune evaluated before and after its changes (engine statuses, criteria met).
  const stored: repo.StoredChange[] = [];
  const communesOut: repo.StoredCommune[] = [];
  const perCommune = new Map<string, typeof changes>();
  for (const ch of changes) perCommune.set(ch.commune.assessmentId, [...(perCommune.get(ch.commune.assessmentId) ?? []), ch]);
  for (const [assessmentId, list] of perCommune) {
    const c = communes.get(assessmentId)!;
    const evBefore = before.get(assessmentId) ?? (await evaluate(db, set, cycle.year, c, valuesOfCommune(c)));
    const after = valuesOfCommune(c);
    for (const ch of list) after[ch.indicator.code] = ch.after;
    const evAfter = await evaluate(db, set, cycle.year, c, after);
    const b = byCode(evBefore);
    const a = byCode(evAfter);
    for (const ch of list) {
      stored.push({
        row: ch.row,
        assessmentId,
        unit: { id: c.unitId, code: c.unitCode, name: c.unitName },
        code: ch.indicator.code,
        wording: ch.indicator.wording,
        unitOfMeasure: ch.indicator.unit,
        before: ch.target.value,
        after: ch.after,
        noteBefore: ch.target.note,
        noteAfter: ch.note === undefined ? ch.target.note : ch.note,
        noteChanged: ch.note !== undefined,
        statusBefore: b.get(ch.indicator.code)?.status ?? 'target_unknown',
        statusAfter: a.get(ch.indicator.code)?.status ?? 'target_unknown',
        resultId: ch.target.id,
        baseVersion: ch.target.version,
      });
    }
    communesOut.push({
      assessmentId,
      unit: { id: c.unitId, code: c.unitCode, name: c.unitName },
      changes: list.length,
      criteriaMetBefore: evBefore.criteriaMet,
      criteriaMetAfter: evAfter.criteriaMet,
      criteriaApplicable: evAfter.criteriaApplicable,
      meetsStandardBefore: evBefore.meetsStandard,
      meetsStandardAfter: evAfter.meetsStandard,
    });
  }
  stored.sort((x, y) => x.row - y.row);
  const sorted = sortIssues(issues);
  await repo.finishValidation(db, jobId, {
    rows: total,
    errors: sorted,
    errorCount: sorted.filter((i) => i.severity === 'error').length,
    warningCount: sorted.filter((i) => i.severity === 'warning').length,
    preview: { changes: stored, communes: communesOut },
  });
}

// ───────────────────────────── read, apply, errors file ─────────────────────────────

async function loadJob(db: Db, actor: Actor, id: string): Promise<repo.JobRow> {
  const job = await repo.findJob(db, id);
  if (!job || !(await repo.isJobVisible(db, actor, id))) throw notFound(JOB);
  if (job.status === 'parsing' && Date.now() - new Date(job.updated_at).getTime() > STALE_SECONDS * 1000) {
    await repo.failStale(db, id, STALE_SECONDS);
    return (await repo.findJob(db, id))!;
  }
  return job;
}

/** One job with its progress, report and preview (polled while "parsing"). */
export async function getJob(db: Db, ctx: RequestCtx, id: string): Promise<ValueImportJob> {
  authorize(ctx.actor, 'valueImport.read');
  const job = await loadJob(db, ctx.actor, id);
  return presentJob(job, ctx.actor);
}

/** A deterministic operation id per job and row: the row's result_change says which import wrote it. */
function opIdOf(jobId: string, resultId: string): string {
  const h = createHash('sha256').update(`value-import:${jobId}:${resultId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Apply a validated job, all or nothing: refused while errors remain, when nothing changes, when the job was applied
 * already (INVALID_TRANSITION) or changed meanwhile (CONFLICT), and when any target row changed since validation
 * (CONFLICT with `details.rows`). Each row is written by the autosave's conditional statement.
 */
export async function apply(db: Db, ctx: RequestCtx, id: string, body: ApplyBody): Promise<ValueImportJob> {
  authorize(ctx.actor, 'valueImport.write');
  const actor = ctx.actor;
  const job = await loadJob(db, actor, id);
  if (job.status === 'applied') throw new AppError('INVALID_TRANSITION', 'Tệp này đã được áp dụng rồi; không áp dụng lại', { appliedAt: String(job.applied_at) });
  if (job.status !== 'validated') throw new AppError('INVALID_TRANSITION', job.status === 'parsing' ? 'Tệp đang được kiểm tra; chờ kiểm tra xong' : 'Tệp không kiểm tra được nên không áp dụng được');
  if (job.version !== body.expectedVersion) throw conflict('Lần nhập vừa thay đổi; vui lòng tải lại', { currentVersion: job.version });
  if (job.error_count > 0) throw invalid([{ path: 'file', message: `Tệp còn ${job.error_count} lỗi` }], `Tệp còn ${job.error_count} lỗi; sửa tệp và tải lên lại rồi mới áp dụng`);
  const preview = assessmentsRepo.json<repo.StoredPreview>(job.preview);
  if (!preview || preview.changes.length === 0) throw new AppError('INVALID_TRANSITION', 'Tệp không có giá trị nào khác với hiện tại; không có gì để áp dụng');
  const onBehalf = !actor.roles.includes('commune_officer');

  await mutate(db, ctx, async (tx) => {
    if (!(await repo.markApplied(tx, id, body.expectedVersion, actor.id))) throw conflict('Lần nhập vừa được áp dụng hoặc thay đổi; vui lòng tải lại');
    const cycle = await cyclesRepo.findCycle(tx, job.cycle_id);
    if (!cycle || cycle.status !== 'open') throw new AppError('INVALID_TRANSITION', 'Đợt đánh giá đã đóng; không nhập được giá trị');
    const facts = new Map((await repo.cycleRows(tx, actor, job.cycle_id, null)).map((f) => [f.row_id, f]));
    const conflicts: ApplyConflictRow[] = [];
    const refused = new Set<string>();
    for (const ch of preview.changes) {
      const f = facts.get(ch.resultId);
      if (!f || !mayWrite(actor, f.in_scope)) refused.add(ch.unit.name);
      else if (f.version !== ch.baseVersion || !isEditable(f.assessment_status, f.state)) conflicts.push({ row: ch.row, unitCode: ch.unit.code, unitName: ch.unit.name, code: ch.code });
    }
    if (refused.size) throw forbidden(`Bạn không có quyền nhập giá trị cho: ${[...refused].join(', ')}`);
    if (conflicts.length) throw stale(conflicts);
    const written = await repo.writeValues(
      tx,
      actor.id,
      preview.changes.map((ch) => ({ resultId: ch.resultId, baseVersion: ch.baseVersion, value: ch.after, note: ch.noteChanged ? ch.noteAfter : undefined, opId: opIdOf(id, ch.resultId) })),
    );
    for (const ch of preview.changes) {
      if (!written.has(ch.resultId)) conflicts.push({ row: ch.row, unitCode: ch.unit.code, unitName: ch.unit.name, code: ch.code });
    }
    if (conflicts.length) throw stale(conflicts);
    const perAssessment = new Map<string, repo.StoredChange[]>();
    for (const ch of preview.changes) perAssessment.set(ch.assessmentId, [...(perAssessment.get(ch.assessmentId) ?? []), ch]);
    for (const [assessmentId, list] of perAssessment) {
      await recordAudit(tx, ctx, {
        action: 'assessment.importValues',
        entityType: 'assessment',
        entityId: assessmentId,
        unitId: list[0]!.unit.id,
        after: {
          jobId: id,
          fileName: job.file_name,
          onBehalfOfCommune: onBehalf,
          changes: list.map((c) => ({ code: c.code, before: c.before, after: c.after, ...(c.noteChanged ? { note: c.noteAfter } : {}) })),
        },
      });
      // An office writing a commune's form tells the commune's officers (who otherwise find changed values unannounced).
      if (onBehalf) {
        const unit = list[0]!.unit;
        await notify(tx, ctx, repo.communeOfficersExcept(unit.id, actor.id), {
          kind: 'values_imported',
          title: `${actor.name} đã nhập từ Excel giá trị của ${list.length} chỉ tiêu vào hồ sơ đánh giá ${cycle.year} của ${unit.name}`,
          assessmentId,
          unitId: unit.id,
          dueDate: null,
        });
      }
    }
    await recordAudit(tx, ctx, {
      action: 'valueImport.apply',
      entityType: 'value_import_job',
      entityId: id,
      unitId: job.unit_id,
      after: { cycleId: job.cycle_id, fileSha256: job.file_sha256, changes: preview.changes.length, communes: perAssessment.size, onBehalfOfCommune: onBehalf },
    });
  });
  return getJob(db, ctx, id);
}

function stale(rows: ApplyConflictRow[]): AppError {
  const shown = rows
    .slice(0, 10)
    .map((r) => `dòng ${r.row} (${r.unitName}, chỉ tiêu ${r.code})`)
    .join('; ');
  return conflict(
    `${rows.length} chỉ tiêu đã thay đổi sau khi kiểm tra tệp: ${shown}${rows.length > 10 ? '…' : ''}. Không có gì được ghi; hãy tải mẫu mới hoặc tải tệp lên lại để kiểm tra lại`,
    { rows },
  );
}

/** The uploaded workbook annotated with each row's problems (and a sheet listing them all). */
export async function errorsWorkbook(db: Db, dataDir: string, ctx: RequestCtx, id: string): Promise<{ content: Buffer; fileName: string }> {
  authorize(ctx.actor, 'valueImport.read');
  const job = await loadJob(db, ctx.actor, id);
  const blob = openBlob(dataDir, job.file_sha256);
  if (!blob) throw notFound('Tệp đã tải lên');
  const chunks: Buffer[] = [];
  for await (const c of blob) chunks.push(c as Buffer);
  const issues = assessmentsRepo.json<ImportIssue[]>(job.errors);
  let content: Buffer;
  try {
    content = await annotateWorkbook(Buffer.concat(chunks), issues);
  } catch {
    throw new AppError('INVALID_TRANSITION', 'Tệp đã tải lên không đọc được nên không ghi lỗi vào tệp được; xem danh sách lỗi trên trang');
  }
  return { content, fileName: job.file_name.replace(/\.xlsx$/i, '') + '-loi.xlsx' };
}
