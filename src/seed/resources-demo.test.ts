import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../platform/context.js';
import { queryOne, queryRows } from '../platform/db/query.js';
import { createTestContext, type TestContext } from '../test/app.js';
import { BAO_YEN_2023_PEOPLE_VND, BAO_YEN_NOTE, removeResourcesDemo, seedResourcesDemo } from './resources-demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('demo resources', () => {
  it('seeds 2021–2025 for the former Lào Cai communes and 2025 for the new ones, all demo, once, quickly', async () => {
    const t0 = Date.now();
    expect(await seedResourcesDemo(t.db, systemCtx('test'))).toBe(true);
    const elapsed = Date.now() - t0;
    expect(await seedResourcesDemo(t.db, systemCtx('test'))).toBe(false);
    const stats = await queryOne<{ n: number; demo: number; years: number[]; new_units: number; old_units_2023: number }>(
      t.db,
      sql`select count(*)::int as n, count(*) filter (where is_demo)::int as demo,
            array(select distinct year from resource_entry order by year) as years,
            (select count(distinct e.unit_id)::int from resource_entry e join unit u on u.id = e.unit_id where u.valid_from = '2025-07-01') as new_units,
            (select count(distinct e.unit_id)::int from resource_entry e where e.year = 2023) as old_units_2023
          from resource_entry`,
    );
    expect(stats!.demo).toBe(stats!.n);
    expect(stats!.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(stats!.new_units).toBe(99);
    expect(stats!.old_units_2023).toBe(152); // the former Lào Cai province's commune-level units in 2023
    expect(elapsed).toBeLessThan(30_000); // generous: the point is a few multi-row INSERTs, not thousands of round trips
  });

  it("Bảo Yên's people's contributions in 2023 add up to the reported figure, with its source", async () => {
    const row = await queryOne<{ total: number; notes: string[]; communes: number }>(
      t.db,
      sql`select sum(e.allocated_vnd)::float8 as total, array_agg(distinct e.source_note) as notes, count(distinct e.unit_id)::int as communes
          from resource_entry e join unit u on u.id = e.unit_id join unit d on d.id = u.parent_id
          where d.code = '087' and e.year = 2023 and e.source like 'people_%'`,
    );
    expect(row!.total).toBe(BAO_YEN_2023_PEOPLE_VND);
    expect(row!.notes).toEqual([BAO_YEN_NOTE]);
    expect(row!.communes).toBe(17);
  });

  it('the demo commune sums its predecessors, and removal leaves real entries alone', async () => {
    const batXat = await t.unitId('02683', '2025-07-01');
    const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [batXat] });
    const totals = (await officer.get(`/api/resources/totals?groupBy=year&unitId=${batXat}`)).json() as { rows: Array<{ year: number; entries: number }> };
    expect(totals.rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const real = await officer.post('/api/resources', { unitId: batXat, year: 2025, componentId: null, source: 'people_cash', workName: 'Sân thể thao thôn', allocatedVnd: 45_000_000 });
    expect(real.statusCode, real.body).toBe(201);
    const removed = await removeResourcesDemo(t.db);
    expect(removed).toBeGreaterThan(3000);
    const left = await queryRows<{ id: string }>(t.db, sql`select id from resource_entry`);
    expect(left.map((r) => r.id)).toEqual([real.json().id]);
    expect(await seedResourcesDemo(t.db, systemCtx('test'))).toBe(true); // can be loaded again after removal
  });
});
