/** Load the reference data of the demo province: units with lineage, known attributes, provincial agencies. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { AgencyKind } from '../contracts/agencies.js';
import { recordAudit } from '../platform/audit.js';
import type { RequestCtx } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/query.js';
import { getSetting, setSetting } from '../platform/settings.repo.js';
import { mutate } from '../platform/tx.js';
import { insertAgency } from '../modules/agencies/agencies.repo.js';
import { insertAttribute } from '../modules/units/units.repo.js';
import { importChanges, importReorganisation, importUnitList } from './units-import.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** seed/reference at the repository root (from src/seed or dist/server/seed). */
export const referenceDir = [path.resolve(here, '../../seed/reference'), path.resolve(here, '../../../seed/reference')].find((p) =>
  fs.existsSync(p),
) as string;

const read = (name: string) => fs.readFileSync(path.join(referenceDir, name), 'utf8');
const STATUS_MD = 'laocai-ntm-status-2024.md (shared reference), §4';

/** Provincial agencies of the former Lào Cai province in 2024 (laocai-ntm-status-2024.md §4). */
const agencies2024: Array<{ name: string; kind: AgencyKind; validFrom?: string; note: string }> = [
  { name: 'Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Lào Cai', kind: 'steering_committee', note: `${STATUS_MD}: other NTM-relevant bodies` },
  { name: 'Văn phòng Điều phối nông thôn mới tỉnh Lào Cai', kind: 'coordination_office', note: `${STATUS_MD}: other NTM-relevant bodies; whether it sits under Sở NN&PTNT is unverified` },
  { name: 'Văn phòng UBND tỉnh', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Nội vụ', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Tư pháp', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Kế hoạch và Đầu tư', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Tài chính', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Công Thương', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', kind: 'department', note: `${STATUS_MD}: national list; leads NTM work` },
  { name: 'Sở Giao thông vận tải', kind: 'department', validFrom: '2024-01-01', note: `${STATUS_MD}: re-established, split from Sở GTVT–Xây dựng, working from 01/01/2024` },
  { name: 'Sở Xây dựng', kind: 'department', validFrom: '2024-01-01', note: `${STATUS_MD}: re-established 01/01/2024` },
  { name: 'Sở Tài nguyên và Môi trường', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Thông tin và Truyền thông', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Lao động – Thương binh và Xã hội', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Văn hóa và Thể thao', kind: 'department', validFrom: '2022-04-21', note: `${STATUS_MD}: split from Sở VHTT&DL on 21/4/2022` },
  { name: 'Sở Du lịch', kind: 'department', validFrom: '2022-04-21', note: `${STATUS_MD}: created 21/4/2022 (HĐND NQ 38, 8/12/2021)` },
  { name: 'Sở Khoa học và Công nghệ', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Giáo dục và Đào tạo', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Sở Y tế', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Thanh tra tỉnh', kind: 'department', note: `${STATUS_MD}: national list` },
  { name: 'Ban Dân tộc tỉnh', kind: 'department', note: `${STATUS_MD}: province-specific; lead for the 1719 programme` },
  { name: 'Sở Ngoại vụ', kind: 'department', note: `${STATUS_MD}: province-specific; portal inferred` },
];

export const REFORM_2025 = {
  effectiveDate: '2025-07-01',
  province: {
    code: null,
    name: 'Tỉnh Lào Cai',
    sourceNote: 'Formed on 01/07/2025 from the former Lào Cai and Yên Bái provinces (laocai-admin-units-2025.csv legal_basis); its official code is not in our reference files',
  },
  predecessorProvinceCodes: ['10', '15'],
  provinceLegalBasis: 'NQ 202/2025/QH15 (hợp nhất tỉnh Yên Bái và tỉnh Lào Cai thành tỉnh Lào Cai), hiệu lực 01/07/2025',
};

/** "Xã Tả Phời" → "Ủy ban nhân dân xã Tả Phời". */
function peoplesCommitteeName(unitName: string): string {
  return `Ủy ban nhân dân ${unitName.charAt(0).toLowerCase()}${unitName.slice(1)}`;
}

/** Load the reference data once (guarded by a setting); returns false when it was already there. */
export async function seedReference(db: Db, ctx: RequestCtx): Promise<boolean> {
  if (await getSetting(db, 'reference_loaded_at')) return false;
  await mutate(db, ctx, async (tx) => {
    const lc = await importUnitList(tx, read('units/laocai-admin-units-2024.csv'));
    const yb = await importUnitList(tx, read('units/yenbai-admin-units-2024.csv'));
    const changes = await importChanges(tx, read('units/changes-2024.csv'));
    const reform = await importReorganisation(tx, read('units/laocai-admin-units-2025.csv'), REFORM_2025);
    const provinces = await queryRows<{ id: string; code: string | null; valid_from: string | null }>(
      tx,
      sql`select id, code, valid_from from unit where level = 'province'`,
    );
    const oldLaoCai = provinces.find((p) => p.code === '10')!;
    const newLaoCai = provinces.find((p) => p.valid_from === REFORM_2025.effectiveDate)!;
    const regionBasis = 'QĐ 318/QĐ-TTg (chỉ tiêu theo vùng); ntm-criteria-2021-2025.json regions: "Lào Cai belongs to this region"';
    await insertAttribute(tx, { unitId: oldLaoCai.id, key: 'region', value: 'TDMNPB', validFrom: null, legalBasis: regionBasis, setBy: null });
    await insertAttribute(tx, { unitId: newLaoCai.id, key: 'region', value: 'TDMNPB', validFrom: REFORM_2025.effectiveDate, legalBasis: regionBasis, setBy: null });
    const [thanhBinh] = await queryRows<{ id: string }>(tx, sql`select id from unit where code = '03022' and valid_to is not null`);
    if (thanhBinh) {
      await insertAttribute(tx, {
        unitId: thanhBinh.id,
        key: 'ethnicArea',
        value: 'III',
        validFrom: null,
        legalBasis: 'QĐ 861/QĐ-TTg (04/6/2021); laocai-ntm-status-2024.md §3.1: known member [d]',
        setBy: null,
      });
    }
    for (const a of agencies2024) {
      await insertAgency(tx, { code: null, name: a.name, shortName: null, kind: a.kind, unitId: oldLaoCai.id, validFrom: a.validFrom ?? null, validTo: null, sourceNote: a.note });
    }
    const units = await queryRows<{ id: string; name: string; valid_from: string | null; valid_to: string | null }>(
      tx,
      sql`select id, name, valid_from, valid_to from unit where level in ('province', 'district', 'commune') order by name`,
    );
    for (const u of units) {
      await insertAgency(tx, {
        code: null,
        name: peoplesCommitteeName(u.name),
        shortName: null,
        kind: 'peoples_committee',
        unitId: u.id,
        validFrom: u.valid_from,
        validTo: u.valid_to,
        sourceNote: "Every administrative unit has a People's Committee (Luật Tổ chức chính quyền địa phương); dates follow the unit",
      });
    }
    await setSetting(tx, 'reference_loaded_at', new Date().toISOString());
    await recordAudit(tx, ctx, {
      action: 'seed.reference',
      entityType: 'dataset',
      entityId: 'reference',
      after: { laoCai2024: lc, yenBai2024: yb, changes2024: changes, reform2025: reform, agencies: agencies2024.length, peoplesCommittees: units.length },
    });
  });
  return true;
}
