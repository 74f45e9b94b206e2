/**
 * Maps: the steering office uploads commune boundaries as GeoJSON (validated per feature, all or nothing, simplified
 * for display); every role reads the active outlines and the per-commune values of its scope. Without an active set
 * the boundaries answer is empty and the web draws the tile view.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { MultipartFile } from '@fastify/multipart';
import type { z } from 'zod';
import type {
  BoundariesResponse,
  BoundaryIssue,
  BoundaryReport,
  ListBoundarySetsResponse,
  MapValuesResponse,
  UploadBoundariesQuery,
  UploadBoundariesResponse,
  boundariesQuery,
  mapValuesQuery,
} from '../../contracts/maps.js';
import { BOUNDARY_MAX_BYTES } from '../../contracts/maps.js';
import { readBoundaryFile } from '../../domain/maps/geojson.js';
import { GRID, areaKm2, simplifyFeature, toleranceFor } from '../../domain/maps/simplify.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { allUnitsInScope, unitIdsInScope } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.js';
import { discard, keep, receive } from '../../platform/files/files.store.js';
import { mutate } from '../../platform/tx.js';
import * as repo from './maps.repo.js';
import { boundarySetAbilities } from './maps.policy.js';
import { presentFeature, presentSet, presentValue, ringsBbox } from './maps.presenter.js';

export const GEOJSON_MIME = 'application/geo+json';
const MB = Math.round(BOUNDARY_MAX_BYTES / 1024 / 1024);

async function presentSets(db: Db, actor: Actor, rows: repo.BoundarySetRow[]) {
  const inScope = await unitIdsInScope(
    db,
    actor,
    rows.map((r) => r.province_unit_id),
  );
  return rows.map((r) => presentSet(r, boundarySetAbilities(actor, r, inScope.has(r.province_unit_id))));
}

/** Refuse the upload with its report: nothing is written (the temporary file is removed by the caller). */
function refuse(report: BoundaryReport): never {
  const n = report.issues.length;
  throw new AppError('VALIDATION', `Tệp ranh giới có ${n} lỗi; chưa lưu gì. Sửa các lỗi trong báo cáo rồi tải lên lại`, { report });
}

const emptyReport = (codeProperty: string | null, featureCount: number, issues: BoundaryIssue[]): BoundaryReport => ({
  codeProperty,
  featureCount,
  issues,
  missingUnits: [],
  pointsOriginal: 0,
  pointsSimplified: 0,
  payloadGzipBytes: 0,
});

/**
 * Upload a boundary file: stream it to disk (≤ 20 MB), parse and check every feature, resolve the codes to communes
 * existing on 31 December of `yearFrom`, all in one province inside the actor's scope; then simplify, store the file,
 * the set and its features, and (by default) make it the active set — in one audited transaction.
 */
export async function uploadBoundaries(
  db: Db,
  dataDir: string,
  ctx: RequestCtx,
  q: UploadBoundariesQuery,
  readPart: () => Promise<MultipartFile | undefined>,
): Promise<UploadBoundariesResponse> {
  authorize(ctx.actor, 'map.manageBoundaries');
  const actor = ctx.actor;
  if (q.yearTo !== undefined && q.yearTo < q.yearFrom) throw invalid([{ path: 'yearTo', message: 'Năm kết thúc phải từ năm bắt đầu trở đi' }]);
  const part = await readPart();
  if (!part) throw invalid([{ path: 'file', message: 'Chưa chọn tệp' }], 'Chưa có tệp gửi lên');
  const received = await receive(dataDir, part.file as Readable);
  let kept = false;
  try {
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp quá lớn (tối đa ${MB} MB)`);
    const text = await fs.promises.readFile(received.tmpPath, 'utf8');
    const read = readBoundaryFile(text, q.codeProperty);
    const issues = [...read.issues];
    const asOf = `${q.yearFrom}-12-31`;
    const resolved = await repo.resolveCommuneCodes(
      db,
      read.features.map((f) => f.code),
      asOf,
    );
    const byCode = new Map(resolved.map((r) => [r.code, r]));
    // The province is the one most features fall in; features elsewhere are refused.
    const provinceCount = new Map<string, number>();
    for (const r of resolved) if (r.province_id) provinceCount.set(r.province_id, (provinceCount.get(r.province_id) ?? 0) + 1);
    const provinceId = [...provinceCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const province = resolved.find((r) => r.province_id === provinceId);
    for (const f of read.features) {
      const r = byCode.get(f.code);
      if (!r) {
        issues.push({
          feature: f.feature,
          code: f.code,
          kind: 'unknown_code',
          message: `Đối tượng ${f.feature}: mã ${f.code} không phải xã, phường, thị trấn nào tồn tại ngày 31/12/${q.yearFrom}`,
        });
      } else if (r.province_id !== provinceId) {
        issues.push({
          feature: f.feature,
          code: f.code,
          kind: 'other_province',
          message: `Đối tượng ${f.feature}: ${r.name} (mã ${f.code}) thuộc ${r.province_name ?? 'tỉnh khác'}, không thuộc ${province?.province_name ?? ''}; mỗi tệp chỉ cho một tỉnh`,
        });
      }
    }
    if (provinceId && !(await allUnitsInScope(db, actor, [provinceId]))) throw forbidden('Tỉnh của các xã trong tệp nằm ngoài phạm vi của bạn');
    issues.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0));
    if (issues.length || !provinceId || read.features.length === 0) {
      refuse(emptyReport(read.codeProperty, read.total, issues));
    }

    const bbox = read.bbox!;
    const tolerance = toleranceFor(Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]));
    let pointsOriginal = 0;
    let pointsSimplified = 0;
    const features: repo.NewFeature[] = read.features.map((f) => {
      const s = simplifyFeature(f.polygons, tolerance);
      pointsOriginal += s.pointsBefore;
      pointsSimplified += s.pointsAfter;
      return { unitId: byCode.get(f.code)!.unit_id, code: f.code, rings: s.rings, areaKm2: areaKm2(f.polygons) };
    });
    // What the map will download for these features (the boundaries answer, compressed as the server sends it).
    const payloadGzipBytes = gzipSync(
      JSON.stringify({ features: features.map((f) => ({ unitId: f.unitId, code: f.code, rings: f.rings, areaKm2: Math.round(f.areaKm2 * 100) / 100 })) }),
    ).length;
    const featured = new Set(features.map((f) => f.unitId));
    const missingUnits = (await repo.communesUnder(db, provinceId!, asOf))
      .filter((u) => !featured.has(u.unit_id))
      .map((u) => ({ unitId: u.unit_id, code: u.code, name: u.name }));

    await keep(dataDir, received);
    kept = true;
    const originalName = (part.filename || 'ranh-gioi.geojson').slice(0, 255);
    const setId = await mutate(db, ctx, async (tx) => {
      const fileId = await repo.insertStoredFile(tx, {
        sha256: received.sha256,
        mime: GEOJSON_MIME,
        size: received.size,
        originalName,
        unitId: provinceId!,
        uploadedBy: actor.id,
      });
      const id = await repo.insertSet(tx, {
        name: q.name,
        provinceUnitId: provinceId!,
        yearFrom: q.yearFrom,
        yearTo: q.yearTo ?? null,
        asOf,
        codeProperty: read.codeProperty!,
        fileId,
        featureCount: features.length,
        bbox,
        pointsOriginal,
        pointsSimplified,
        payloadGzipBytes,
        uploadedBy: actor.id,
      });
      await repo.insertFeatures(tx, id, features);
      const deactivated = q.activate ? await repo.activate(tx, { id, province_unit_id: provinceId!, year_from: q.yearFrom, year_to: q.yearTo ?? null }) : [];
      await recordAudit(tx, ctx, {
        action: 'map.boundaries.upload',
        entityType: 'boundary_set',
        entityId: id,
        unitId: provinceId,
        after: {
          name: q.name,
          yearFrom: q.yearFrom,
          yearTo: q.yearTo ?? null,
          codeProperty: read.codeProperty,
          featureCount: features.length,
          sha256: received.sha256,
          active: q.activate,
          deactivated,
        },
      });
      return id;
    });
    const [set] = await presentSets(db, actor, [(await repo.findSet(db, setId))!]);
    return {
      set: set!,
      report: { codeProperty: read.codeProperty, featureCount: features.length, issues: [], missingUnits, pointsOriginal, pointsSimplified, payloadGzipBytes },
    };
  } finally {
    if (!kept) await discard(received.tmpPath);
  }
}

export async function listSets(db: Db, ctx: RequestCtx, year: number | undefined): Promise<ListBoundarySetsResponse> {
  authorize(ctx.actor, 'map.read');
  const rows = await repo.listSets(db, ctx.actor, year);
  return { items: await presentSets(db, ctx.actor, rows), canUpload: can(ctx.actor, 'map.manageBoundaries') };
}

/** Load a set the actor may manage: visible (province in scope) else NOT_FOUND. */
async function loadManaged(tx: Db, actor: Actor, id: string): Promise<repo.BoundarySetRow> {
  const row = await repo.findSet(tx, id, true);
  if (!row || !(await allUnitsInScope(tx, actor, [row.province_unit_id]))) throw notFound('Bộ ranh giới');
  return row;
}

/** Activate (deactivating overlapping sets of the province) or deactivate a set. */
export async function setActive(db: Db, ctx: RequestCtx, id: string, active: boolean) {
  authorize(ctx.actor, 'map.manageBoundaries');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const row = await loadManaged(tx, actor, id);
    const deactivated = active ? await repo.activate(tx, row) : (await repo.deactivate(tx, id), []);
    await recordAudit(tx, ctx, {
      action: active ? 'map.boundaries.activate' : 'map.boundaries.deactivate',
      entityType: 'boundary_set',
      entityId: id,
      unitId: row.province_unit_id,
      before: { active: row.is_active },
      after: { active, deactivated },
    });
  });
  const [set] = await presentSets(db, actor, [(await repo.findSet(db, id))!]);
  return set!;
}

/** Delete a set and its features (the uploaded file stays in the content store, as every stored file does). */
export async function deleteSet(db: Db, ctx: RequestCtx, id: string): Promise<{ ok: true }> {
  authorize(ctx.actor, 'map.manageBoundaries');
  const actor = ctx.actor;
  await mutate(db, ctx, async (tx) => {
    const row = await loadManaged(tx, actor, id);
    await repo.deleteSet(tx, id);
    await recordAudit(tx, ctx, {
      action: 'map.boundaries.delete',
      entityType: 'boundary_set',
      entityId: id,
      unitId: row.province_unit_id,
      before: { name: row.name, yearFrom: row.year_from, yearTo: row.year_to, featureCount: row.feature_count, active: row.is_active, fileId: row.file_id },
    });
  });
  return { ok: true };
}

async function checkUnit(db: Db, actor: Actor, unitId: string | undefined) {
  if (!unitId) return null;
  const unit = await repo.findUnitBrief(db, unitId);
  if (!unit || !(await allUnitsInScope(db, actor, [unitId]))) throw notFound('Đơn vị');
  return unit;
}

/** The active outlines of the communes under a unit in a year (empty = no boundaries: draw tiles). */
export async function boundaries(db: Db, ctx: RequestCtx, q: z.infer<typeof boundariesQuery>): Promise<BoundariesResponse> {
  authorize(ctx.actor, 'map.read');
  await checkUnit(db, ctx.actor, q.unitId);
  const rows = await repo.activeFeatures(db, ctx.actor, q.year, q.unitId);
  const features = rows.map(presentFeature);
  const sets = new Map(rows.map((r) => [r.set_id, { id: r.set_id, name: r.set_name, provinceName: r.province_name }]));
  const box = ringsBbox(features);
  return {
    year: q.year,
    grid: GRID,
    sets: [...sets.values()],
    bbox: box ? [box[0] / GRID, box[1] / GRID, box[2] / GRID, box[3] / GRID] : null,
    features,
  };
}

/** Per commune: code, name, parent, criteria met / applicable, meets standard, recognised level. */
export async function values(db: Db, ctx: RequestCtx, q: z.infer<typeof mapValuesQuery>): Promise<MapValuesResponse> {
  authorize(ctx.actor, 'map.read');
  const [unit, set] = await Promise.all([checkUnit(db, ctx.actor, q.unitId), repo.findCriteriaSetBrief(db, q.setId)]);
  if (!set) throw notFound('Bộ tiêu chí');
  const rows = await repo.communeValues(db, ctx.actor, q.year, q.setId, q.unitId);
  return {
    year: q.year,
    set: { id: set.id, code: set.code, name: set.name, criteriaCount: set.criteria_count },
    unit: unit ? { unitId: unit.id, name: unit.name, level: unit.level } : null,
    items: rows.map(presentValue),
  };
}
