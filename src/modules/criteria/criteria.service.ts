/**
 * Criteria sets: browse national sets and provincial variants, clone into a variant or a new version, edit a draft's
 * wording and targets (entered or confirmed with their source), publish, diff two versions, and evaluate a commune-year.
 * Drafts are edited under a row lock with an optimistic `expectedVersion`; a published version never changes.
 */
import type { z } from 'zod';
import type {
  CloneSetBody,
  DiffResponse,
  EvaluateBody,
  EvaluationResponse,
  IndicatorKindName,
  ListSetsQuery,
  PublishBody,
  SetAbilities,
  SetDetail,
  UpdateIndicatorBody,
  UpdateSetBody,
  UpsertTargetBody,
  listSetsResponse,
} from '../../contracts/criteria.js';
import { SET_CODE_MAX } from '../../contracts/criteria.js';
import { evaluateCommune, validateSet, type CriteriaSetDef, type TargetRuleDef, type TargetValue } from '../../domain/criteria/index.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, isGlobal, type Action } from '../../platform/auth/policy.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { addDays } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { searchKey } from '../../platform/text.js';
import { mutate } from '../../platform/tx.js';
import * as unitsRepo from '../units/units.repo.js';
import { diffSets as diffDocuments } from './criteria.diff.js';
import { findIndicator, forEvaluation, matchKey, renamed, sourceText, withIndicatorFields, withTarget } from './criteria.document.js';
import { assertCanManage, assertDraft, assertRowVersion, setAbilities } from './criteria.policy.js';
import { presentDetail, presentEvaluation, presentSetRef, presentSummary } from './criteria.presenter.js';
import * as repo from './criteria.repo.js';

const SET = 'Bộ tiêu chí';

/** Whether each set's province is in the actor's scope, for a page of sets: one query. */
async function abilitiesFor(
  db: Db,
  actor: Actor,
  rows: ReadonlyArray<{ province_unit_id: string | null; status: 'draft' | 'published' }>,
): Promise<(r: { province_unit_id: string | null; status: 'draft' | 'published' }) => SetAbilities> {
  const provinces = rows.map((r) => r.province_unit_id).filter((p): p is string => p !== null);
  const inScope = isGlobal(actor) ? null : await repo.provincesInScope(db, actor, provinces);
  return (r) =>
    setAbilities(actor, {
      provinceUnitId: r.province_unit_id,
      status: r.status,
      provinceInScope: r.province_unit_id === null || inScope === null || inScope.has(r.province_unit_id),
    });
}

/** National sets and provincial variants, filtered; every role may read them. */
export async function listSets(db: Db, ctx: RequestCtx, q: ListSetsQuery): Promise<z.infer<typeof listSetsResponse>> {
  authorize(ctx.actor, 'criteria.read');
  const { rows, total } = await repo.listSets(db, q);
  const abilities = await abilitiesFor(db, ctx.actor, rows);
  return { items: rows.map((r) => presentSummary(r, abilities(r))), total };
}

async function loadWithDefinition(db: Db, id: string): Promise<repo.SetWithDefinition> {
  const row = await repo.findSetWithDefinition(db, id);
  if (!row) throw notFound(SET);
  return row;
}

/** One set with its criteria, indicators and targets (with sources, verification and demo flags). */
export async function getSet(db: Db, ctx: RequestCtx, id: string): Promise<SetDetail> {
  authorize(ctx.actor, 'criteria.read');
  const row = await loadWithDefinition(db, id);
  return presentDetail(row, (await abilitiesFor(db, ctx.actor, [row]))(row));
}

/** Problems of a document in Vietnamese; the engine's validation is the last safety net. */
function assertValid(def: CriteriaSetDef): void {
  const problems = validateSet(def);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', 'Bộ tiêu chí sau khi sửa không hợp lệ', { fields: problems.map((p) => ({ path: 'definition', message: p })) });
  }
}

/** Why a target value does not fit an indicator kind (Vietnamese), or null. */
function valueProblem(kind: IndicatorKindName, value: TargetValue, scale: readonly string[] | undefined): string | null {
  if (value === null) return null;
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Mức chỉ tiêu loại Có/Không phải là true hoặc false';
    case 'verdict':
      if (typeof value !== 'string' || value.trim() === '') return 'Mức chỉ tiêu loại Kết luận phải là một nhãn bằng chữ';
      if (scale && !scale.some((s) => s.normalize('NFC').trim().toLowerCase() === value.normalize('NFC').trim().toLowerCase())) {
        return `Nhãn phải là một trong: ${scale.join('; ')}`;
      }
      return null;
    default:
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Mức chỉ tiêu phải là một số';
      if ((kind === 'percent_min' || kind === 'percent_max') && (value < 0 || value > 100)) return 'Tỷ lệ phải từ 0 đến 100';
      if ((kind === 'count_min' || kind === 'count_max') && (!Number.isInteger(value) || value < 0)) return 'Số lượng phải là số nguyên không âm';
      return null;
  }
}

interface DraftEdit {
  def: CriteriaSetDef;
  audit: { action: string; before: unknown; after: unknown };
}

/**
 * The one path for editing a draft: lock the row, check the actor may manage it, that it is a draft and that the
 * edit was made on the current row version; then store the new document and audit the part that changed.
 */
async function editDraft(
  db: Db,
  ctx: RequestCtx,
  id: string,
  action: Action,
  expectedVersion: number,
  edit: (set: repo.LockedSet, actor: Actor) => DraftEdit,
): Promise<SetDetail> {
  authorize(ctx.actor, action);
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const set = await repo.lockSet(tx, id);
    if (!set) throw notFound(SET);
    const provinceInScope = set.province_unit_id === null || (await allUnitsInScope(tx, actor, [set.province_unit_id]));
    assertCanManage(actor, { provinceUnitId: set.province_unit_id, status: set.status, provinceInScope });
    assertDraft(set);
    assertRowVersion(set.row_version, expectedVersion);
    const { def, audit } = edit(set, actor);
    assertValid(def);
    await repo.replaceDefinition(tx, id, def);
    await recordAudit(tx, ctx, {
      action: audit.action,
      entityType: 'criteria_set',
      entityId: id,
      unitId: set.province_unit_id,
      before: audit.before,
      after: audit.after,
    });
  });
  return getSet(db, ctx, id);
}

/** Change a draft's name, legal basis or validity dates. */
export async function updateSet(db: Db, ctx: RequestCtx, id: string, body: UpdateSetBody): Promise<SetDetail> {
  return editDraft(db, ctx, id, 'criteria.edit', body.expectedVersion, (set) => {
    const d = set.definition;
    const next: CriteriaSetDef = {
      ...d,
      name: body.name ?? d.name,
      legalBasis: body.legalBasis ?? d.legalBasis,
      validFrom: body.validFrom ?? d.validFrom,
      validTo: body.validTo !== undefined ? body.validTo : d.validTo,
    };
    if (next.validTo !== null && next.validTo <= next.validFrom) {
      throw invalid([{ path: 'validTo', message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' }]);
    }
    const pick = (x: CriteriaSetDef) => ({ name: x.name, legalBasis: x.legalBasis, validFrom: x.validFrom, validTo: x.validTo });
    return { def: next, audit: { action: 'criteria.set.update', before: pick(d), after: pick(next) } };
  });
}

/** Change an indicator's wording, kind or unit in a draft (its targets must still fit the kind). */
export async function updateIndicator(db: Db, ctx: RequestCtx, id: string, code: string, body: UpdateIndicatorBody): Promise<SetDetail> {
  return editDraft(db, ctx, id, 'criteria.edit', body.expectedVersion, (set) => {
    const { def, before, after } = withIndicatorFields(set.definition, code, body);
    if (after.kind !== before.kind) {
      for (const [i, t] of after.targets.entries()) {
        const problem = valueProblem(after.kind, t.value, after.scale);
        if (problem) throw invalid([{ path: 'kind', message: `Mức chỉ tiêu thứ ${i + 1} (${String(t.value)}) không hợp với loại mới: ${problem}` }]);
      }
    }
    const pick = (x: typeof before) => ({ code: x.code, wording: x.wording, kind: x.kind, unit: x.unit });
    return { def, audit: { action: 'criteria.indicator.update', before: pick(before), after: pick(after) } };
  });
}

/**
 * Enter a target (with its source) or confirm it (`verified: true`, recorded with who confirmed it and when).
 * The rule with the same match is replaced; a human-entered target is never demonstration data.
 */
export async function upsertTarget(db: Db, ctx: RequestCtx, id: string, code: string, body: UpsertTargetBody): Promise<SetDetail> {
  const action: Action = body.verified ? 'criteria.confirmTarget' : 'criteria.edit';
  return editDraft(db, ctx, id, action, body.expectedVersion, (set, actor) => {
    const { indicator } = findIndicator(set.definition, code);
    const problem = valueProblem(indicator.kind, body.value, indicator.scale);
    if (problem) throw invalid([{ path: 'value', message: problem }]);
    const existing = indicator.targets.find((t) => matchKey(t.match) === matchKey(body.match));
    const rule: TargetRuleDef = {
      match: body.match,
      value: body.value,
      source: sourceText(body.source),
      verified: body.verified,
      confirmedBy: body.verified ? actor.name : null,
      confirmedAt: body.verified ? new Date().toISOString() : null,
      note: body.note !== undefined ? body.note : (existing?.note ?? null),
    };
    const { def, before, after } = withTarget(set.definition, code, rule);
    return {
      def,
      audit: {
        action: body.verified ? 'criteria.target.confirm' : 'criteria.target.upsert',
        before: before ? { indicator: code, ...before } : null,
        after: { indicator: code, ...after },
      },
    };
  });
}

/** Publish a draft: it becomes immutable; later edits need a new version. */
export async function publishSet(db: Db, ctx: RequestCtx, id: string, body: PublishBody): Promise<SetDetail> {
  authorize(ctx.actor, 'criteria.publish');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const set = await repo.lockSet(tx, id);
    if (!set) throw notFound(SET);
    const provinceInScope = set.province_unit_id === null || (await allUnitsInScope(tx, actor, [set.province_unit_id]));
    assertCanManage(actor, { provinceUnitId: set.province_unit_id, status: set.status, provinceInScope });
    assertDraft(set);
    assertRowVersion(set.row_version, body.expectedVersion);
    assertValid(set.definition);
    await repo.markPublished(tx, id, actor.id);
    await recordAudit(tx, ctx, {
      action: 'criteria.set.publish',
      entityType: 'criteria_set',
      entityId: id,
      unitId: set.province_unit_id,
      before: { status: 'draft' },
      after: { status: 'published', code: set.code, version: set.version },
    });
  });
  return getSet(db, ctx, id);
}

/** "NTM_XA_2021_2025-LAO_CAI-2": the source code, the province and the next free number. */
async function defaultVariantCode(tx: Db, sourceCode: string, provinceName: string): Promise<string> {
  const slug = searchKey(provinceName).replace(/^tinh\s+/, '').replace(/[^a-z0-9]+/g, '_').toUpperCase().replace(/^_|_$/g, '');
  const base = `${sourceCode.slice(0, SET_CODE_MAX - slug.length - 6)}-${slug}-`;
  const taken = await repo.codesStartingWith(tx, base);
  const numbers = taken.map((c) => Number(c.slice(base.length))).filter((n) => Number.isInteger(n));
  return `${base}${Math.max(0, ...numbers) + 1}`;
}

/** Clone a set into a provincial variant (a new code owned by a province in scope) or a new draft version. */
export async function cloneSet(db: Db, ctx: RequestCtx, id: string, body: CloneSetBody): Promise<SetDetail> {
  authorize(ctx.actor, 'criteria.edit');
  const actor = ctx.actor;
  const newId = await mutate(db, ctx, async (tx) => {
    const src = await repo.findSetWithDefinition(tx, id);
    if (!src) throw notFound(SET);
    let target: { code: string; version: number; name: string; provinceUnitId: string | null };
    if (body.kind === 'variant') {
      const province = await repo.findUnitForOwnership(tx, body.provinceUnitId!);
      if (!province || province.level !== 'province') throw invalid([{ path: 'provinceUnitId', message: 'Biến thể phải thuộc một đơn vị cấp tỉnh' }]);
      if (!(await allUnitsInScope(tx, actor, [province.id]))) throw forbidden('Tỉnh này nằm ngoài phạm vi của bạn');
      if (body.code && (await repo.codeExists(tx, body.code))) throw conflict(`Mã bộ tiêu chí "${body.code}" đã có`);
      target = {
        code: body.code ?? (await defaultVariantCode(tx, src.code, province.name)),
        version: 1,
        name: (body.name ?? `${src.name} — biến thể ${province.name}`).slice(0, 200),
        provinceUnitId: province.id,
      };
    } else {
      const provinceInScope = src.province_unit_id === null || (await allUnitsInScope(tx, actor, [src.province_unit_id]));
      assertCanManage(actor, { provinceUnitId: src.province_unit_id, status: 'draft', provinceInScope });
      target = { code: src.code, version: await repo.nextVersion(tx, src.code), name: body.name ?? src.name, provinceUnitId: src.province_unit_id };
    }
    const def = renamed(src.definition, target);
    const created = await repo.insertSet(tx, {
      code: target.code,
      name: target.name,
      level: src.level,
      legalBasis: src.legal_basis,
      validFrom: src.valid_from,
      validTo: src.valid_to,
      version: target.version,
      parentSetId: src.id,
      provinceUnitId: target.provinceUnitId,
      status: 'draft',
      isDemo: src.is_demo,
      definition: def,
      createdBy: actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'criteria.set.clone',
      entityType: 'criteria_set',
      entityId: created,
      unitId: target.provinceUnitId,
      before: { id: src.id, code: src.code, version: src.version },
      after: { kind: body.kind, id: created, code: target.code, version: target.version, name: target.name, provinceUnitId: target.provinceUnitId },
    });
    return created;
  });
  return getSet(db, ctx, newId);
}

/** What changed between two sets (usually two versions, or a variant and its national set). */
export async function diffSets(db: Db, ctx: RequestCtx, fromId: string, toId: string): Promise<DiffResponse> {
  authorize(ctx.actor, 'criteria.read');
  const [from, to] = await Promise.all([loadWithDefinition(db, fromId), loadWithDefinition(db, toId)]);
  const abilities = await abilitiesFor(db, ctx.actor, [from, to]);
  return { from: presentSummary(from, abilities(from)), to: presentSummary(to, abilities(to)), ...diffDocuments(from.definition, to.definition) };
}

/** The date to read a commune's attributes at: the given one, or 31 December clamped into the commune's life. */
function attributesDate(year: number, validFrom: string | null, validTo: string | null): string {
  const end = `${year}-12-31`;
  if (validTo && end >= validTo) return addDays(validTo, -1);
  if (validFrom && end < validFrom) return validFrom;
  return end;
}

/**
 * Evaluate a commune in the actor's scope against a set for a year, with its attributes as of a date. Targets not yet
 * confirmed count as unknown (see forEvaluation).
 */
export async function evaluate(db: Db, ctx: RequestCtx, setId: string, body: EvaluateBody): Promise<EvaluationResponse> {
  authorize(ctx.actor, 'criteria.evaluate');
  const set = await loadWithDefinition(db, setId);
  const unit = await unitsRepo.findUnit(db, body.unitId, `${body.year}-12-31`);
  if (!unit || !(await allUnitsInScope(db, ctx.actor, [unit.id]))) throw notFound('Đơn vị');
  if (unit.level !== 'commune') throw invalid([{ path: 'unitId', message: 'Chỉ đánh giá được đơn vị cấp xã' }]);
  const asOf = body.asOf ?? attributesDate(body.year, unit.valid_from, unit.valid_to);
  const attributes = await unitsRepo.effectiveAttributes(db, unit.id, asOf);
  const codes = new Set(set.definition.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
  const ignored = Object.keys(body.values).filter((k) => !codes.has(k));
  const ev = evaluateCommune(forEvaluation(set.definition), Object.fromEntries(attributes.map((a) => [a.key, a.value])), body.year, body.values);
  return presentEvaluation(
    presentSetRef(set),
    set.definition,
    { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    asOf,
    attributes,
    ev,
    ignored,
  );
}
