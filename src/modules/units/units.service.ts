/** Units: the dated hierarchy as of a date, search, lineage, and dated attributes set by the steering office. */
import type { LineageResponse, ListUnitsQuery, SetAttributeBody, UnitDetail } from '../../contracts/units.js';
import { attributeValueSchemas, listUnitsResponse } from '../../contracts/units.js';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import { authorize } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import { addDays, todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import * as repo from './units.repo.js';
import { presentAttribute, presentSuccession, presentUnit } from './units.presenter.js';
import { unitAbilities } from './units.policy.js';

/** List visible units as of a date (default today). */
export async function listUnits(db: Db, ctx: RequestCtx, q: ListUnitsQuery): Promise<z.infer<typeof listUnitsResponse>> {
  authorize(ctx.actor, 'unit.read');
  const { rows, total } = await repo.listUnits(db, ctx.actor, { ...q, asOf: q.asOf ?? todayVN() });
  return { items: rows.map(presentUnit), total };
}

/** Load a unit the actor may see, or NOT_FOUND (the same answer whether it is missing or out of scope). */
async function loadVisible(db: Db, ctx: RequestCtx, id: string, asOf: string) {
  authorize(ctx.actor, 'unit.read');
  const row = await repo.findUnit(db, id, asOf);
  if (!row || !(await allUnitsInScope(db, ctx.actor, [id]))) throw notFound('Đơn vị');
  return row;
}

/** The date to show a unit's neighbourhood at: the requested date clamped into the unit's validity. */
function clampToValidity(asOf: string, validFrom: string | null, validTo: string | null): string {
  if (validTo && asOf >= validTo) return addDays(validTo, -1);
  if (validFrom && asOf < validFrom) return validFrom;
  return asOf;
}

/** One unit with its ancestors, children, attributes and direct predecessors/successors. */
export async function getUnit(db: Db, ctx: RequestCtx, id: string, asOfParam?: string): Promise<UnitDetail> {
  const first = await loadVisible(db, ctx, id, asOfParam ?? todayVN());
  const asOf = clampToValidity(asOfParam ?? todayVN(), first.valid_from, first.valid_to);
  const row = asOf === (asOfParam ?? todayVN()) ? first : ((await repo.findUnit(db, id, asOf)) ?? first);
  const [ancestors, children, attributes, links] = await Promise.all([
    repo.findAncestors(db, id, asOf),
    repo.findChildren(db, id, asOf),
    repo.findAttributes(db, id),
    repo.findDirectSuccessions(db, id),
  ]);
  const others = new Map((await repo.findUnitsByIds(db, [...new Set(links.map((l) => l.other_id))])).map((u) => [u.id, u]));
  const current = attributes.filter(
    (a) => (a.valid_from === null || a.valid_from <= asOf) && (a.valid_to === null || a.valid_to > asOf),
  );
  return {
    ...presentUnit(row),
    sourceNote: row.source_note,
    ancestors: ancestors.map(presentUnit),
    children: children.map(presentUnit),
    attributes: current.map(presentAttribute),
    attributeHistory: attributes.map(presentAttribute),
    predecessors: links.filter((l) => l.direction === 'pred').map((l) => presentSuccession(l, others.get(l.other_id)!)),
    successors: links.filter((l) => l.direction === 'succ').map((l) => presentSuccession(l, others.get(l.other_id)!)),
    abilities: unitAbilities(ctx.actor!, true),
  };
}

/** The transitive lineage graph (predecessors of predecessors, successors of successors). */
export async function getLineage(db: Db, ctx: RequestCtx, id: string): Promise<LineageResponse> {
  await loadVisible(db, ctx, id, todayVN());
  const edges = await repo.findLineage(db, id);
  const ids = new Set<string>([id]);
  for (const e of edges) ids.add(e.predecessor_id).add(e.successor_id);
  const nodes = await repo.findUnitsByIds(db, [...ids]);
  return {
    unitId: id,
    nodes: nodes.map(presentUnit),
    edges: edges.map((e) => ({
      predecessorId: e.predecessor_id,
      successorId: e.successor_id,
      effectiveDate: e.effective_date,
      kind: e.kind,
      legalBasis: e.legal_basis,
    })),
  };
}

/**
 * Set a dated attribute: the current version ends where the new one starts (history is kept).
 * A null value records that the attribute is unknown/not set from that date.
 */
export async function setAttribute(db: Db, ctx: RequestCtx, unitId: string, body: SetAttributeBody): Promise<UnitDetail> {
  authorize(ctx.actor, 'unit.setAttribute');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const unitRow = await repo.findUnit(tx, unitId, body.validFrom);
    if (!unitRow || !(await allUnitsInScope(tx, actor, [unitId]))) throw notFound('Đơn vị');
    if (body.value !== null) {
      const parsed = attributeValueSchemas[body.key].safeParse(body.value);
      if (!parsed.success) throw invalid([{ path: 'value', message: parsed.error.issues[0]?.message ?? 'Giá trị không hợp lệ' }]);
    }
    if (unitRow.valid_to && body.validFrom >= unitRow.valid_to) {
      throw invalid([{ path: 'validFrom', message: `Đơn vị đã chấm dứt từ ${unitRow.valid_to}` }]);
    }
    const latest = await repo.findLatestAttribute(tx, unitId, body.key);
    if (latest && latest.valid_from !== null && body.validFrom <= latest.valid_from) {
      throw new AppError('CONFLICT', `Đã có giá trị hiệu lực từ ${latest.valid_from}; ngày hiệu lực mới phải sau ngày đó`, {
        fields: [{ path: 'validFrom', message: `Phải sau ${latest.valid_from}` }],
      });
    }
    if (latest && latest.valid_to === null) await repo.closeAttribute(tx, latest.id, body.validFrom);
    let newId: string | null = null;
    if (body.value !== null) {
      newId = await repo.insertAttribute(tx, {
        unitId,
        key: body.key,
        value: body.value,
        validFrom: body.validFrom,
        legalBasis: body.legalBasis,
        setBy: actor.id,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'unit.attribute.set',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      before: latest ? { key: latest.key, value: latest.value, validFrom: latest.valid_from, validTo: latest.valid_to } : null,
      after: { id: newId, key: body.key, value: body.value, validFrom: body.validFrom, legalBasis: body.legalBasis },
    });
  });
  return getUnit(db, ctx, unitId, body.validFrom);
}
