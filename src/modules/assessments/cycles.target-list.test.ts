/**
 * Opening (and extending) an assessment cycle from a province target list (issue 4 × issue 6): only an adopted list of
 * the cycle's year whose province is in the actor's scope; the cycle gets exactly the list's communes and records the
 * list; every refusal has a stable rule code and writes nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';

let t: TestContext;
let office: Client; // steering office of the former (2024) and the new (2025) province
let districtOffice: Client; // same role, scoped to one district only
let setId = '';
let province2024 = '';
let province2025 = '';
let batXat = ''; // 2025 commune
let district2024 = '';
let banVuoc = ''; // registered for NTM
let taPhoi = ''; // registered for the advanced level
let adopted = ''; // adopted 2024 list: banVuoc (ntm) + taPhoi (advanced)
let draft = ''; // draft 2024 list: banVuoc

const cycleBody = (communes: unknown, year = 2024) => ({
  setId,
  year,
  name: `Đánh giá ${year} theo danh sách (kiểm thử)`,
  deadlines: { submit: `${year}-10-31`, steps: {} },
  reviewChain: [{ key: 'district', level: 'district', label: 'Huyện thẩm tra', routing: 'unit_parent' }],
  communes,
});

async function newList(title: string, items: Array<{ unitId: string; targetLevel: string }>, adopt: boolean): Promise<string> {
  const created = await office.post('/api/target-lists', { provinceUnitId: province2024, year: 2024, title, documentNo: '239/KH-BCĐ', documentDate: '2024-03-15' });
  expect(created.statusCode, created.body).toBe(201);
  const added = await office.post(`/api/target-lists/${created.json().id}/communes`, { expectedVersion: created.json().rowVersion, items });
  expect(added.statusCode, added.body).toBe(200);
  if (adopt) {
    const res = await office.post(`/api/target-lists/${created.json().id}/transitions`, { action: 'adopt', expectedVersion: added.json().rowVersion });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('adopted');
  }
  return created.json().id as string;
}

const unitsOfCycle = async (cycleId: string) =>
  (await queryRows<{ unit_id: string }>(t.db, sql`select unit_id from assessment where cycle_id = ${cycleId} order by unit_id`)).map((r) => r.unit_id);

/** The request is refused with `status` and `rule`, and the database is exactly as before. */
async function refusedUnchanged(send: () => Promise<{ statusCode: number; body: string; json: () => any }>, status: number, rule: string) {
  const before = await dataFingerprint(t.db);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().details.rule).toBe(rule);
  expect(await dataFingerprint(t.db)).toBe(before);
  return res.json();
}

beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.userClient({ roles: ['system_admin'] });
  province2024 = await t.unitId('10', '2024-06-01');
  district2024 = await t.unitId('082', '2024-06-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  taPhoi = await t.unitId('02677', '2024-06-01');
  province2025 = (await admin.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id as string;
  batXat = await t.unitId('02683', '2025-07-01');
  setId = ((await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json() as { items: Array<{ id: string }> }).items[0]!.id;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province2024, province2025] });
  districtOffice = await t.userClient({ roles: ['province_office'], scopeUnitIds: [district2024] });
  adopted = await newList('Danh sách xã phấn đấu đạt chuẩn 2024 (kiểm thử)', [
    { unitId: banVuoc, targetLevel: 'ntm' },
    { unitId: taPhoi, targetLevel: 'advanced' },
  ], true);
  draft = await newList('Danh sách dự thảo 2024 (kiểm thử)', [{ unitId: banVuoc, targetLevel: 'ntm' }], false);
});
afterAll(async () => {
  await t.close();
});

describe('a cycle from a target list', () => {
  it('an adopted list of the year gives exactly its communes; the cycle records and shows the list (audited)', async () => {
    const res = await office.post('/api/cycles', cycleBody({ kind: 'target_list', listId: adopted }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.counts.communes).toBe(2);
    expect(c.scopeUnit.id).toBe(province2024);
    expect(c.targetList).toEqual({ id: adopted, title: 'Danh sách xã phấn đấu đạt chuẩn 2024 (kiểm thử)', documentNo: '239/KH-BCĐ', year: 2024 });
    expect(await unitsOfCycle(c.id)).toEqual([banVuoc, taPhoi].sort());
    expect((await office.get(`/api/cycles/${c.id}`)).json().targetList.id).toBe(adopted);
    const audit = await queryOne<{ after: { targetListId?: string; communes?: number } }>(
      t.db,
      sql`select after from audit_event where action = 'cycle.create' and entity_id = ${c.id}`,
    );
    expect(audit?.after).toMatchObject({ targetListId: adopted, communes: 2 });
  });

  it('can take only the communes registered for one level', async () => {
    const res = await office.post('/api/cycles', cycleBody({ kind: 'target_list', listId: adopted, targetLevel: 'advanced' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(await unitsOfCycle(res.json().id)).toEqual([taPhoi]);
    const none = await office.post('/api/cycles', cycleBody({ kind: 'target_list', listId: adopted, targetLevel: 'model' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().details.fields[0].path).toBe('communes.targetLevel');
  });

  it('refuses a draft list, another year, a list out of scope and an unknown list — writing nothing', async () => {
    const d = await refusedUnchanged(() => office.post('/api/cycles', cycleBody({ kind: 'target_list', listId: draft })), 400, 'TARGET_LIST_NOT_ADOPTED');
    expect(d.code).toBe('VALIDATION');
    expect(d.details.fields[0].path).toBe('communes.listId');
    const y = await refusedUnchanged(() => office.post('/api/cycles', cycleBody({ kind: 'target_list', listId: adopted }, 2025)), 400, 'TARGET_LIST_YEAR_MISMATCH');
    expect(y.message).toContain('2024');
    const s = await refusedUnchanged(() => districtOffice.post('/api/cycles', cycleBody({ kind: 'target_list', listId: adopted })), 403, 'TARGET_LIST_OUT_OF_SCOPE');
    expect(s.code).toBe('FORBIDDEN');
    await refusedUnchanged(
      () => office.post('/api/cycles', cycleBody({ kind: 'target_list', listId: '00000000-0000-4000-8000-000000000000' })),
      400,
      'TARGET_LIST_NOT_FOUND',
    );
  });

  it('the existing kinds still work next to it', async () => {
    const res = await districtOffice.post('/api/cycles', cycleBody({ kind: 'units', withinUnitId: district2024, unitIds: [banVuoc] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().targetList).toBeNull();
    expect(await unitsOfCycle(res.json().id)).toEqual([banVuoc]);
  });
});

describe('adding the communes of a list to an open cycle (PATCH addTargetListId)', () => {
  let cycleId = '';
  let version = 0;
  beforeAll(async () => {
    const res = await office.post('/api/cycles', cycleBody({ kind: 'units', withinUnitId: province2024, unitIds: [banVuoc] }));
    expect(res.statusCode, res.body).toBe(201);
    cycleId = res.json().id;
    version = res.json().version;
  });

  it('refuses a draft list, another year and a list out of scope, writing nothing', async () => {
    await refusedUnchanged(() => office.patch(`/api/cycles/${cycleId}`, { expectedVersion: version, addTargetListId: draft }), 400, 'TARGET_LIST_NOT_ADOPTED');
    const c2025 = await office.post('/api/cycles', cycleBody({ kind: 'units', withinUnitId: province2025, unitIds: [batXat] }, 2025));
    expect(c2025.statusCode, c2025.body).toBe(201);
    await refusedUnchanged(
      () => office.patch(`/api/cycles/${c2025.json().id}`, { expectedVersion: c2025.json().version, addTargetListId: adopted }),
      400,
      'TARGET_LIST_YEAR_MISMATCH',
    );
    const own = await districtOffice.post('/api/cycles', cycleBody({ kind: 'units', withinUnitId: district2024, unitIds: [banVuoc] }));
    expect(own.statusCode, own.body).toBe(201);
    await refusedUnchanged(
      () => districtOffice.patch(`/api/cycles/${own.json().id}`, { expectedVersion: own.json().version, addTargetListId: adopted }),
      403,
      'TARGET_LIST_OUT_OF_SCOPE',
    );
  });

  it('adds the communes not yet in the cycle and records the list', async () => {
    const res = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: version, addTargetListId: adopted });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts.communes).toBe(2);
    expect(res.json().targetList.id).toBe(adopted);
    expect(await unitsOfCycle(cycleId)).toEqual([banVuoc, taPhoi].sort());
    const audit = await queryOne<{ after: { communesAdded?: number; addTargetListId?: string } }>(
      t.db,
      sql`select after from audit_event where action = 'cycle.update' and entity_id = ${cycleId} order by seq desc limit 1`,
    );
    expect(audit?.after).toMatchObject({ communesAdded: 1, addTargetListId: adopted });
  });

  it('can add only the communes registered for one level (addTargetLevel); a level needs a list', async () => {
    const c = await office.post('/api/cycles', cycleBody({ kind: 'units', withinUnitId: province2024, unitIds: [banVuoc] }));
    expect(c.statusCode, c.body).toBe(201);
    const alone = await office.patch(`/api/cycles/${c.json().id}`, { expectedVersion: c.json().version, addTargetLevel: 'advanced' });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().details.fields[0].path).toBe('addTargetLevel');
    const ntm = await office.patch(`/api/cycles/${c.json().id}`, { expectedVersion: c.json().version, addTargetListId: adopted, addTargetLevel: 'ntm' });
    expect(ntm.statusCode, ntm.body).toBe(200);
    expect(ntm.json().counts.communes).toBe(1); // Bản Vược was already in the cycle
    expect(await unitsOfCycle(c.json().id)).toEqual([banVuoc]);
    const adv = await office.patch(`/api/cycles/${c.json().id}`, { expectedVersion: ntm.json().version, addTargetListId: adopted, addTargetLevel: 'advanced' });
    expect(adv.statusCode, adv.body).toBe(200);
    expect(await unitsOfCycle(c.json().id)).toEqual([banVuoc, taPhoi].sort());
    const audit = await queryOne<{ after: { communesAdded?: number; addTargetLevel?: string } }>(
      t.db,
      sql`select after from audit_event where action = 'cycle.update' and entity_id = ${c.json().id} order by seq desc limit 1`,
    );
    expect(audit?.after).toMatchObject({ communesAdded: 1, addTargetListId: adopted, addTargetLevel: 'advanced' });
  });

  it('the office still sees a cycle it emptied of communes, and can close it', async () => {
    const cur = (await office.get(`/api/cycles/${cycleId}`)).json();
    const out = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: cur.version, removeUnitIds: [banVuoc, taPhoi] });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().counts.communes).toBe(0);
    expect((await office.get('/api/cycles?limit=100')).json().items.map((c: { id: string }) => c.id)).toContain(cycleId);
    const closed = await office.patch(`/api/cycles/${cycleId}`, { expectedVersion: out.json().version, status: 'closed', closeReason: 'Đợt không còn xã nào' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    // a commune officer of a commune that has left the cycle no longer sees it
    const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [taPhoi] });
    expect((await officer.get(`/api/cycles/${cycleId}`)).statusCode).toBe(404);
  });
});
