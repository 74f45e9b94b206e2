/** Agencies: provincial departments, committees, offices and people's committees, dated and scoped. */
import type { z } from 'zod';
import type { Agency, CreateAgencyBody, ListAgenciesQuery, UpdateAgencyBody } from '../../contracts/agencies.js';
import type { listAgenciesResponse } from '../../contracts/agencies.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/auth/policy.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import * as repo from './agencies.repo.js';
import { agencyAbilities } from './agencies.policy.js';
import { presentAgency } from './agencies.presenter.js';

export async function listAgencies(db: Db, ctx: RequestCtx, q: ListAgenciesQuery): Promise<z.infer<typeof listAgenciesResponse>> {
  authorize(ctx.actor, 'agency.read');
  const { rows, total } = await repo.listAgencies(db, ctx.actor, q);
  const abilities = agencyAbilities(ctx.actor);
  return { items: rows.map((r) => presentAgency(r, abilities)), total };
}

async function loadVisible(db: Db, ctx: RequestCtx, id: string): Promise<repo.AgencyRow> {
  authorize(ctx.actor, 'agency.read');
  const row = await repo.findAgency(db, id);
  if (!row || !(await allUnitsInScope(db, ctx.actor, [row.unit_id]))) throw notFound('Cơ quan');
  return row;
}

export async function getAgency(db: Db, ctx: RequestCtx, id: string): Promise<Agency> {
  const row = await loadVisible(db, ctx, id);
  return presentAgency(row, agencyAbilities(ctx.actor!));
}

function checkDates(validFrom: string | null | undefined, validTo: string | null | undefined): void {
  if (validFrom && validTo && validTo <= validFrom) throw invalid([{ path: 'validTo', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
}

export async function createAgency(db: Db, ctx: RequestCtx, body: CreateAgencyBody): Promise<Agency> {
  authorize(ctx.actor, 'agency.create');
  const actor = ctx.actor;
  checkDates(body.validFrom, body.validTo);
  const id = await mutate(db, ctx, async (tx) => {
    if (!(await allUnitsInScope(tx, actor, [body.unitId]))) throw forbidden('Đơn vị không nằm trong phạm vi của bạn');
    const values = {
      code: body.code ?? null,
      name: body.name,
      shortName: body.shortName ?? null,
      kind: body.kind,
      unitId: body.unitId,
      validFrom: body.validFrom ?? null,
      validTo: body.validTo ?? null,
      sourceNote: body.sourceNote ?? null,
    };
    const newId = await repo.insertAgency(tx, values);
    await recordAudit(tx, ctx, { action: 'agency.create', entityType: 'agency', entityId: newId, unitId: body.unitId, after: values });
    return newId;
  });
  return getAgency(db, ctx, id);
}

export async function updateAgency(db: Db, ctx: RequestCtx, id: string, body: UpdateAgencyBody): Promise<Agency> {
  authorize(ctx.actor, 'agency.update');
  await mutate(db, ctx, async (tx) => {
    const before = await loadVisible(tx, ctx, id);
    const next = {
      code: body.code !== undefined ? body.code : before.code,
      name: body.name ?? before.name,
      shortName: body.shortName !== undefined ? body.shortName : before.short_name,
      validFrom: body.validFrom !== undefined ? body.validFrom : before.valid_from,
      validTo: body.validTo !== undefined ? body.validTo : before.valid_to,
      sourceNote: body.sourceNote !== undefined ? body.sourceNote : before.source_note,
    };
    checkDates(next.validFrom, next.validTo);
    await repo.updateAgency(tx, id, next);
    await recordAudit(tx, ctx, {
      action: 'agency.update',
      entityType: 'agency',
      entityId: id,
      unitId: before.unit_id,
      before: { code: before.code, name: before.name, shortName: before.short_name, validFrom: before.valid_from, validTo: before.valid_to, sourceNote: before.source_note },
      after: next,
    });
  });
  return getAgency(db, ctx, id);
}
