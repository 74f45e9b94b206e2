/**
 * Resources mobilised per commune, year, programme component and source: entries (create, edit with optimistic
 * versions, delete — each audited in its transaction) and totals with disbursement rates for the actor's scope.
 * `resourceTotals` is the stable entry point for reports and dashboards (see docs/ARCHITECTURE.md).
 */
import type { z } from 'zod';
import type {
  CreateResourceBody,
  ListResourcesQuery,
  listResourcesResponse,
  ResourceEntry,
  ResourceRule,
  ResourceTotalsResponse,
  TotalsGroupBy,
  UpdateResourceBody,
} from '../../contracts/resources.js';
import { checkEntry, quantityUnitOf } from '../../domain/resources/rules.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { loadAttachable } from '../../platform/files/files.service.js';
import { mutate } from '../../platform/tx.js';
import { findComponentPeriod } from '../programmes/programmes.repo.js';
import * as repo from './resources.repo.js';
import { canWriteFor, resourceAbilities } from './resources.policy.js';
import { presentAmounts, presentEntry, presentTotalsRow } from './resources.presenter.js';

/** A refused entry: VALIDATION with the fields, and the stable rule code(s) in `details.rule` / `details.rules`. */
function ruleError(violations: Array<{ rule: ResourceRule; path: string; message: string }>): AppError {
  return new AppError('VALIDATION', violations[0]!.message, {
    rule: violations[0]!.rule,
    rules: violations.map((v) => v.rule),
    fields: violations.map((v) => ({ path: v.path, message: v.message })),
  });
}

async function present(db: Db, actor: Actor, rows: repo.EntryRow[]): Promise<ResourceEntry[]> {
  const [inScope, files] = await Promise.all([unitIdsInScope(db, actor, rows.map((r) => r.unit_id)), repo.findEntryFiles(db, rows.map((r) => r.id))]);
  return rows.map((r) =>
    presentEntry(
      r,
      files.filter((f) => f.entry_id === r.id),
      resourceAbilities(actor, inScope.has(r.unit_id)),
    ),
  );
}

/** A unit filter must name a unit inside the scope (else 404, as for any hidden unit). */
async function checkUnitFilter(db: Db, actor: Actor, unitId: string | undefined): Promise<void> {
  if (unitId && !(await unitIdsInScope(db, actor, [unitId])).has(unitId)) throw notFound('Đơn vị');
}

export async function listResources(db: Db, ctx: RequestCtx, q: ListResourcesQuery): Promise<z.infer<typeof listResourcesResponse>> {
  authorize(ctx.actor, 'resource.read');
  await checkUnitFilter(db, ctx.actor, q.unitId);
  const { rows, total } = await repo.listEntries(db, ctx.actor, q);
  return { items: await present(db, ctx.actor, rows), total, canCreate: can(ctx.actor, 'resource.write') };
}

async function loadVisible(db: Db, actor: Actor, id: string, lock = false): Promise<{ row: repo.EntryRow; inScope: boolean }> {
  const row = await repo.findEntry(db, id, lock);
  if (!row) throw notFound('Khoản nguồn lực');
  const inScope = (await unitIdsInScope(db, actor, [row.unit_id])).has(row.unit_id);
  if (!inScope) throw notFound('Khoản nguồn lực');
  return { row, inScope };
}

export async function getResource(db: Db, ctx: RequestCtx, id: string): Promise<ResourceEntry> {
  authorize(ctx.actor, 'resource.read');
  const { row } = await loadVisible(db, ctx.actor, id);
  return (await present(db, ctx.actor, [row]))[0]!;
}

type EntryFields = Omit<CreateResourceBody, 'unitId' | 'fileIds'>;

/** Check an entry against the unit's life, the component's programme period and the pure rules; the stored values. */
async function validated(tx: Db, unitId: string, b: EntryFields): Promise<repo.EntryValues> {
  const criterion = b.criterion?.trim() || null;
  const workName = b.workName?.trim() || null;
  const violations = checkEntry({ ...b, criterion, workName });
  const unit = await repo.unitInYear(tx, unitId, b.year);
  if (!unit || unit.level !== 'commune' || !unit.in_year) {
    violations.unshift({
      rule: 'RESOURCE_UNIT_NOT_COMMUNE_IN_YEAR',
      path: 'year',
      message: unit ? `${unit.name} không phải là xã, phường tồn tại trong năm ${b.year}` : 'Đơn vị không tồn tại',
    });
  }
  if (b.componentId) {
    const c = await findComponentPeriod(tx, b.componentId);
    if (!c || b.year < c.period_from || b.year > c.period_to) {
      violations.push({
        rule: 'RESOURCE_COMPONENT_NOT_IN_YEAR',
        path: 'componentId',
        message: c ? `${c.programme_name} chỉ áp dụng cho các năm ${c.period_from}–${c.period_to}` : 'Hợp phần, dự án không tồn tại',
      });
    }
  }
  if (violations.length) throw ruleError(violations);
  return {
    year: b.year,
    componentId: b.componentId,
    source: b.source,
    criterion,
    workName,
    plannedVnd: b.plannedVnd,
    allocatedVnd: b.allocatedVnd,
    disbursedVnd: b.disbursedVnd,
    quantity: b.quantity,
    quantityUnit: b.quantity === null ? null : quantityUnitOf(b.source),
    note: b.note?.trim() || null,
  };
}

export async function createResource(db: Db, ctx: RequestCtx, body: CreateResourceBody): Promise<ResourceEntry> {
  authorize(ctx.actor, 'resource.write');
  const actor = ctx.actor;
  const id = await mutate(db, ctx, async (tx) => {
    const inScope = (await unitIdsInScope(tx, actor, [body.unitId])).has(body.unitId);
    if (!canWriteFor(actor, inScope)) throw forbidden('Xã nằm ngoài phạm vi của bạn');
    const v = await validated(tx, body.unitId, body);
    await loadAttachable(tx, body.fileIds, body.unitId);
    const created = await repo.insertEntry(tx, { ...v, unitId: body.unitId, createdBy: actor.id });
    await repo.replaceEntryFiles(tx, created, [...new Set(body.fileIds)]);
    await recordAudit(tx, ctx, { action: 'resource.create', entityType: 'resource_entry', entityId: created, unitId: body.unitId, after: { ...v, fileIds: body.fileIds } });
    return created;
  });
  return getResource(db, ctx, id);
}

const snapshot = (r: repo.EntryRow) => ({
  year: r.year,
  componentId: r.component_id,
  source: r.source,
  criterion: r.criterion,
  workName: r.work_name,
  plannedVnd: r.planned_vnd === null ? null : Number(r.planned_vnd),
  allocatedVnd: r.allocated_vnd === null ? null : Number(r.allocated_vnd),
  disbursedVnd: r.disbursed_vnd === null ? null : Number(r.disbursed_vnd),
  quantity: r.quantity === null ? null : Number(r.quantity),
  quantityUnit: r.quantity_unit,
  note: r.note,
  version: r.row_version,
});

function staleVersion(current: number): AppError {
  return conflict('Khoản nguồn lực vừa được người khác cập nhật; vui lòng tải lại', { currentVersion: current });
}

export async function updateResource(db: Db, ctx: RequestCtx, id: string, body: UpdateResourceBody): Promise<ResourceEntry> {
  authorize(ctx.actor, 'resource.write');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const { row, inScope } = await loadVisible(tx, actor, id, true);
    if (!canWriteFor(actor, inScope)) throw forbidden();
    if (row.row_version !== body.expectedVersion) throw staleVersion(row.row_version);
    const v = await validated(tx, row.unit_id, body);
    await loadAttachable(tx, body.fileIds, row.unit_id);
    if (!(await repo.updateEntry(tx, id, body.expectedVersion, v, actor.id))) throw staleVersion(row.row_version);
    await repo.replaceEntryFiles(tx, id, [...new Set(body.fileIds)]);
    await recordAudit(tx, ctx, {
      action: 'resource.update',
      entityType: 'resource_entry',
      entityId: id,
      unitId: row.unit_id,
      before: snapshot(row),
      after: { ...v, fileIds: body.fileIds, version: row.row_version + 1 },
    });
  });
  return getResource(db, ctx, id);
}

export async function deleteResource(db: Db, ctx: RequestCtx, id: string, expectedVersion: number): Promise<{ ok: true }> {
  authorize(ctx.actor, 'resource.write');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const { row, inScope } = await loadVisible(tx, actor, id, true);
    if (!canWriteFor(actor, inScope)) throw forbidden();
    if (row.row_version !== expectedVersion) throw staleVersion(row.row_version);
    if (!(await repo.deleteEntry(tx, id, expectedVersion))) throw staleVersion(row.row_version);
    await recordAudit(tx, ctx, { action: 'resource.delete', entityType: 'resource_entry', entityId: id, unitId: row.unit_id, before: snapshot(row) });
  });
  return { ok: true };
}

/** Options of `resourceTotals`: the period (one year or a range), a unit (with its lineage and subtree), the grouping. */
export interface ResourceTotalsOptions {
  year?: number;
  fromYear?: number;
  toYear?: number;
  unitId?: string;
  groupBy: TotalsGroupBy;
  source?: repo.EntryFilters['source'];
  programmeId?: string;
  componentId?: string | 'none';
  /** groupBy 'unit': the map of communes history rolls into (default today, Asia/Ho_Chi_Minh). */
  asOf?: string;
}

/**
 * Totals and disbursement rates of the resources entries the actor may see, grouped by unit (entries rolled forward
 * to the communes in force on `asOf`: a merged commune sums its predecessors), source, component (`none` = outside
 * the programmes) or year; `total` counts every matching entry once. Stable: reports and dashboards call it.
 * Throws FORBIDDEN without `resource.read`, NOT_FOUND for a unit outside the scope.
 */
export async function resourceTotals(db: Db, ctx: RequestCtx, opts: ResourceTotalsOptions): Promise<ResourceTotalsResponse> {
  authorize(ctx.actor, 'resource.read');
  await checkUnitFilter(db, ctx.actor, opts.unitId);
  const asOf = opts.asOf ?? todayVN();
  const f: repo.EntryFilters = {
    unitId: opts.unitId,
    year: opts.year,
    fromYear: opts.fromYear,
    toYear: opts.toYear,
    source: opts.source,
    programmeId: opts.programmeId,
    componentId: opts.componentId,
  };
  const [rows, total] = await Promise.all([repo.totalsBy(db, ctx.actor, f, opts.groupBy, asOf), repo.totalOf(db, ctx.actor, f)]);
  return { groupBy: opts.groupBy, asOf, rows: rows.map(presentTotalsRow), total: presentAmounts(total), canCreate: can(ctx.actor, 'resource.write') };
}
