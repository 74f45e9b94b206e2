/**
 * Criteria sets from the reference files: the national sets exactly as `importReference` reads them (only what the
 * files verify is verified), loaded once; and, in demo mode, one provincial variant whose missing targets are filled
 * with illustrative values, each flagged as demonstration data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_SOURCE } from '../contracts/criteria.js';
import { importReference, type CriteriaSetDef, type IndicatorDef, type TargetRuleDef, type TargetValue } from '../domain/criteria/index.js';
import { recordAudit } from '../platform/audit.js';
import type { RequestCtx } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { getSetting, setSetting } from '../platform/settings.repo.js';
import { mutate } from '../platform/tx.js';
import * as repo from '../modules/criteria/criteria.repo.js';
import { referenceDir } from './reference.js';

const FILE_2021 = 'criteria/ntm-criteria-2021-2025.json';
const FILE_2026 = 'criteria/ntm-criteria-2026-2030.json';
const readJson = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(referenceDir, name), 'utf8'));

/** Load the national criteria sets once (guarded by the `criteria_loaded_at` setting); false when already there. */
export async function seedCriteria(db: Db, ctx: RequestCtx): Promise<boolean> {
  if (await getSetting(db, 'criteria_loaded_at')) return false;
  const { sets } = importReference(readJson(FILE_2021), readJson(FILE_2026));
  await mutate(db, ctx, async (tx) => {
    const loaded: Array<{ id: string; code: string; criteria: number; indicators: number }> = [];
    for (const def of sets) {
      const id = await repo.insertSet(tx, {
        code: def.code,
        name: def.name,
        level: def.level,
        legalBasis: def.legalBasis,
        validFrom: def.validFrom,
        validTo: def.validTo,
        version: def.version,
        parentSetId: null,
        provinceUnitId: null,
        status: 'published',
        isDemo: false,
        definition: def,
        createdBy: null,
      });
      loaded.push({ id, code: def.code, criteria: def.criteria.length, indicators: def.criteria.reduce((n, c) => n + c.indicators.length, 0) });
    }
    await setSetting(tx, 'criteria_loaded_at', new Date().toISOString());
    await recordAudit(tx, ctx, {
      action: 'seed.criteria',
      entityType: 'dataset',
      entityId: 'criteria',
      after: { files: [FILE_2021, FILE_2026], sets: loaded },
    });
  });
  return true;
}

export const DEMO_SET_CODE = 'NTM_XA_2021_2025-LAO_CAI-MINH_HOA';
export const DEMO_SET_NAME = 'Bộ tiêu chí xã NTM 2021–2025 — biến thể minh họa tỉnh Lào Cai (dữ liệu mẫu)';

/** A clearly illustrative value for an indicator the law as loaded gives no target for. */
function illustrativeValue(ind: IndicatorDef): TargetValue {
  switch (ind.kind) {
    case 'boolean':
      return true;
    case 'percent_min':
      return 80;
    case 'percent_max':
      return 5;
    case 'count_min':
      return 1;
    case 'count_max':
      return 0;
    case 'min':
      return ind.unit?.includes('triệu') ? 40 : ind.unit?.includes('m²') ? 20 : 1;
    case 'max':
      return 0;
    case 'verdict':
      return ind.scale?.[ind.scale.length - 1] ?? 'Đạt';
  }
}

/** The demo variant of a national set: verified targets kept, every missing one filled and flagged as demo. */
export function demoVariant(national: CriteriaSetDef): CriteriaSetDef {
  const filled: TargetRuleDef = { match: {}, value: null, source: DEMO_SOURCE, verified: false, demo: true };
  return {
    ...national,
    code: DEMO_SET_CODE,
    name: DEMO_SET_NAME,
    version: 1,
    criteria: national.criteria.map((c) => ({
      ...c,
      indicators: c.indicators.map((ind) => {
        if (ind.targets.some((t) => t.value !== null)) return ind;
        const rule: TargetRuleDef = {
          ...filled,
          value: illustrativeValue(ind),
          note: 'Giá trị minh họa để dùng thử phần mềm; văn bản nguồn chưa cho mức chỉ tiêu này.',
        };
        return { ...ind, targets: [...ind.targets.filter((t) => t.value !== null), rule] };
      }),
    })),
    provenance: {
      verified: false,
      notes: [
        'Dữ liệu minh họa: các mức chỉ tiêu còn thiếu trong bộ quốc gia được điền giá trị minh họa (đánh dấu demo, chưa xác minh) — không phải quy định.',
        ...(national.provenance?.notes ?? []),
      ],
      sources: [...(national.provenance?.sources ?? [])],
    },
  };
}

/**
 * Demo data: one provincial variant of the 2021–2025 NTM commune set for the province formed on 2025-07-01, flagged
 * `is_demo` (removable with the demo users). Loads the national sets first if needed; false when already there.
 */
export async function seedCriteriaDemo(db: Db, ctx: RequestCtx): Promise<boolean> {
  await seedCriteria(db, ctx);
  if (await getSetting(db, 'criteria_demo_loaded_at')) return false;
  const national = await repo.findLatestNational(db, 'NTM_XA_2021_2025');
  const province = await repo.findProvinceFormedOn(db, '2025-07-01');
  if (!national || !province) return false;
  const def = demoVariant(national.definition);
  await mutate(db, ctx, async (tx) => {
    const id = await repo.insertSet(tx, {
      code: def.code,
      name: def.name,
      level: def.level,
      legalBasis: def.legalBasis,
      validFrom: def.validFrom,
      validTo: def.validTo,
      version: 1,
      parentSetId: national.id,
      provinceUnitId: province.id,
      status: 'published',
      isDemo: true,
      definition: def,
      createdBy: null,
    });
    await setSetting(tx, 'criteria_demo_loaded_at', new Date().toISOString());
    const demoTargets = def.criteria.reduce((n, c) => n + c.indicators.reduce((m, i) => m + i.targets.filter((t) => t.demo === true).length, 0), 0);
    await recordAudit(tx, ctx, {
      action: 'seed.criteria.demo',
      entityType: 'criteria_set',
      entityId: id,
      unitId: province.id,
      after: { code: def.code, name: def.name, demoTargets },
    });
  });
  return true;
}

/** Remove every demonstration criteria set (and the guard, so demo mode can load it again). */
export async function removeCriteriaDemo(tx: Db): Promise<number> {
  const n = await repo.deleteDemoSets(tx);
  await setSetting(tx, 'criteria_demo_loaded_at', null);
  return n;
}
