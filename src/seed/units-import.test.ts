/** The unit importer takes another province's files of the same shape (here a small made-up province). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../platform/context.js';
import { queryRows } from '../platform/db/query.js';
import { mutate } from '../platform/tx.js';
import { createTestContext, type TestContext } from '../test/app.js';
import { ImportError, importChanges, importReorganisation, importUnitList } from './units-import.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const list = `province_code,province_name,district_code,district_name,district_type,commune_code,commune_name,commune_type,source_note
"98","Tỉnh Thử Nghiệm","901","Huyện Một","Huyện","90001","Xã An","Xã","test"
"98","Tỉnh Thử Nghiệm","901","Huyện Một","Huyện","90002","Xã Bình","Xã","test"
"98","Tỉnh Thử Nghiệm","902","Huyện Hai","Huyện","90003","Thị trấn Cầu","Thị trấn","test"
"98","Tỉnh Thử Nghiệm","902","Huyện Hai","Huyện","90005","Xã Đông","Xã","test; 2024: Xã Tây (90004) merged into it"
`;
const changes = `effective_date,kind,predecessor_code,predecessor_name,predecessor_type,parent_code,successor_code,successor_name,successor_is_new,legal_basis,source_note
2024-10-01,merge,90004,Xã Tây,Xã,902,90005,Xã Đông,no,NQ thử nghiệm,test
`;
const reform = `new_commune_code,new_commune_name,new_commune_type,formed_from_old_codes,formed_from_old_names,legal_basis,source_note
"90001","Xã An Bình","Xã","90001;90002","Xã An; Xã Bình","NQ sắp xếp thử nghiệm","test"
"90003","Xã Cầu Đông","Xã","90003;90005","Thị trấn Cầu; Xã Đông","NQ sắp xếp thử nghiệm","test"
`;

const communesOn = async (date: string) =>
  (
    await queryRows<{ name: string }>(
      t.db,
      sql`select name from unit where level = 'commune' and code like '900%' and (valid_from is null or valid_from <= ${date}::date)
          and (valid_to is null or valid_to > ${date}::date) order by name`,
    )
  ).map((r) => r.name);

describe('importing another province', () => {
  it('loads the list, the changes and a reorganisation with lineage', async () => {
    await mutate(t.db, systemCtx(), async (tx) => {
      expect(await importUnitList(tx, list)).toEqual({ provinces: 1, districts: 2, communes: 4 });
      expect(await importChanges(tx, changes)).toEqual({ links: 1, created: 1 });
      expect(
        await importReorganisation(tx, reform, {
          effectiveDate: '2025-07-01',
          province: { code: null, name: 'Tỉnh Thử Nghiệm Mới', sourceNote: null },
          predecessorProvinceCodes: ['98'],
          provinceLegalBasis: 'NQ thử nghiệm',
        }),
      ).toEqual({ communes: 2, links: 5 }); // 4 commune links + the province
    });
    expect(await communesOn('2024-06-01')).toEqual(['Thị trấn Cầu', 'Xã An', 'Xã Bình', 'Xã Tây', 'Xã Đông']);
    expect(await communesOn('2024-10-01')).toEqual(['Thị trấn Cầu', 'Xã An', 'Xã Bình', 'Xã Đông']);
    expect(await communesOn('2025-07-01')).toEqual(['Xã An Bình', 'Xã Cầu Đông']);
    const links = await queryRows<{ p: string; s: string; kind: string }>(
      t.db,
      sql`select p.name as p, s.name as s, us.kind from unit_succession us join unit p on p.id = us.predecessor_id
          join unit s on s.id = us.successor_id where p.code like '900%' or p.code = '98' order by p.name`,
    );
    expect(links.map((l) => `${l.p} → ${l.s} (${l.kind})`)).toEqual([
      'Thị trấn Cầu → Xã Cầu Đông (merge)',
      'Tỉnh Thử Nghiệm → Tỉnh Thử Nghiệm Mới (merge)',
      'Xã An → Xã An Bình (merge)',
      'Xã Bình → Xã An Bình (merge)',
      'Xã Tây → Xã Đông (merge)',
      'Xã Đông → Xã Cầu Đông (merge)',
    ]);
  });

  it('refuses a file twice, a duplicate code and an unknown old code, writing nothing', async () => {
    await expect(mutate(t.db, systemCtx(), (tx) => importUnitList(tx, list))).rejects.toThrow(/đã có trong cơ sở dữ liệu/);
    const dup = `${list.trim().replace(/"98"/g, '"97"')}\n"97","Tỉnh Thử Nghiệm","901","Huyện Một","Huyện","90001","Xã An","Xã","x"\n`;
    await expect(mutate(t.db, systemCtx(), (tx) => importUnitList(tx, dup))).rejects.toBeInstanceOf(ImportError);
    const bad = reform.replace('90001;90002', '90001;99999');
    await expect(
      mutate(t.db, systemCtx(), (tx) =>
        importReorganisation(tx, bad, { effectiveDate: '2026-01-01', province: { code: null, name: 'X', sourceNote: null }, predecessorProvinceCodes: ['98'], provinceLegalBasis: 'x' }),
      ),
    ).rejects.toThrow(/không tìm thấy tỉnh mã 98|mã cũ/i);
    expect((await queryRows(t.db, sql`select id from unit where code = '97'`)).length).toBe(0);
  });
});
