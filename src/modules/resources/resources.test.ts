import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.js';
import { queryRows } from '../../platform/db/query.js';
import { readProgrammesFile, seedProgrammes } from '../../seed/programmes.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { multipartFile, samples } from '../../test/multipart.js';

let t: TestContext;
let tmp: string;
let admin: Client;
let officer: Client; // commune officer of Xã Bát Xát (2025), formed from five old units
let otherOfficer: Client; // commune officer of Xã Hợp Thành (2025)
let viewer: Client;
let helper: Client; // help team of Sở Khoa học và Công nghệ, assigned to Xã Hợp Thành
let batXat: string;
let hopThanh: string;
let old: Record<'batXat' | 'banVuoc' | 'banQua' | 'c02734', string>;
let ntm2021: { id: string; components: Array<{ id: string; code: string }> };
let integrated: { id: string; components: Array<{ id: string; code: string }> };

const entry = (over: Record<string, unknown> = {}) => ({
  unitId: old.banVuoc,
  year: 2023,
  componentId: ntm2021.components[1]!.id,
  source: 'central_budget',
  criterion: '2',
  workName: 'Đường trục thôn Cốc Râm',
  plannedVnd: 1_500_000_000,
  allocatedVnd: 1_200_000_000,
  disbursedVnd: 900_000_000,
  ...over,
});

interface Totals {
  rows: Array<{ key: string; unit: { id: string; name: string; predecessors: number } | null; year: number | null; source: string | null; allocatedVnd: number; disbursedVnd: number; plannedVnd: number; entries: number; disbursementRate: number | null; labourDays: number; landM2: number }>;
  total: { allocatedVnd: number; disbursedVnd: number; entries: number; disbursementRate: number | null; labourDays: number; landM2: number };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-res-'));
  t = await createTestContext({ MTQG_DATA_DIR: tmp });
  admin = await t.userClient({ roles: ['system_admin'] });
  batXat = await t.unitId('02683', '2025-07-01');
  hopThanh = await t.unitId('02680', '2025-07-01');
  old = {
    batXat: await t.unitId('02683', '2024-06-01'),
    banVuoc: await t.unitId('02710', '2024-06-01'),
    banQua: await t.unitId('02716', '2024-06-01'),
    c02734: await t.unitId('02734', '2024-06-01'),
  };
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [batXat] });
  otherOfficer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [hopThanh] });
  viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [batXat] });
  const khcn = (await admin.get(`/api/agencies?q=${encodeURIComponent('Sở Khoa học và Công nghệ')}`)).json().items[0].id as string;
  const res = await admin.post('/api/assignments', { agencyId: khcn, unitIds: [hopThanh], validFrom: '2025-07-01', legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: '2025-06-30', leaderName: 'Lãnh đạo Sở', team: [] });
  if (res.statusCode !== 201) throw new Error(res.body);
  helper = await t.userClient({ roles: ['help_team'], agencyId: khcn });
  const programmes = (await admin.get('/api/programmes')).json().items as Array<{ id: string; code: string; components: Array<{ id: string; code: string }> }>;
  ntm2021 = programmes.find((p) => p.code === 'NTM_2021_2025')!;
  integrated = programmes.find((p) => p.code === 'MTQG_2026_2035')!;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('programmes catalog', () => {
  it('holds the three 2021–2025 programmes and the integrated 2026–2035 one, with their components and trust marks', async () => {
    const all = (await viewer.get('/api/programmes')).json().items as Array<{ code: string; periodFrom: number; periodTo: number; decisionNo: string | null; verified: boolean; components: unknown[]; sourceNote: string }>;
    expect(all.map((p) => [p.code, p.periodFrom, p.periodTo, p.components.length])).toEqual([
      ['NTM_2021_2025', 2021, 2025, 11],
      ['GNBV_2021_2025', 2021, 2025, 7],
      ['DTTS_2021_2025', 2021, 2025, 10],
      ['MTQG_2026_2035', 2026, 2035, 2],
    ]);
    // Only the integrated programme's resolution is in the reference notes; the others say what is unverified.
    expect(all.filter((p) => p.verified).map((p) => p.decisionNo)).toEqual(['257/2025/QH15']);
    expect(all.find((p) => p.code === 'GNBV_2021_2025')!.sourceNote).toContain('CHƯA XÁC MINH');
    const in2024 = (await viewer.get('/api/programmes?year=2024')).json().items as Array<{ code: string }>;
    expect(in2024.map((p) => p.code)).toEqual(['NTM_2021_2025', 'GNBV_2021_2025', 'DTTS_2021_2025']);
    expect((await viewer.get('/api/programmes?year=2027')).json().items.map((p: { code: string }) => p.code)).toEqual(['MTQG_2026_2035']);
    const one = await viewer.get(`/api/programmes/${integrated.id}`);
    expect(one.json().components.map((c: { code: string }) => c.code)).toEqual(['HP1', 'HP2']);
    expect((await viewer.get('/api/programmes/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.anon.get('/api/programmes')).statusCode).toBe(401);
  });

  it('is loaded once from the reference file, as reference data (no demo flag), with one audit record', async () => {
    expect(await seedProgrammes(t.db, systemCtx('test'))).toBe(false);
    const file = readProgrammesFile();
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from programme_component`);
    expect(rows[0]!.n).toBe(file.programmes.reduce((n, p) => n + p.components.length, 0));
    const audit = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_event where action = 'seed.programmes'`);
    expect(audit[0]!.n).toBe(1);
  });
});

describe('resources entries', () => {
  it('a commune officer records a 2023 entry on an old commune of the merged commune, with a document, audited', async () => {
    const up = multipartFile(samples.pdf, 'quyet-dinh-phan-bo.pdf');
    const file = (await officer.post(`/api/files?unitId=${old.banVuoc}`, up.body, up.headers)).json() as { id: string };
    const res = await officer.post('/api/resources', entry({ fileIds: [file.id] }));
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      unit: { id: old.banVuoc, code: '02710' },
      year: 2023,
      component: { code: 'ND02', programme: { code: 'NTM_2021_2025' } },
      source: 'central_budget',
      allocatedVnd: 1_200_000_000,
      disbursedVnd: 900_000_000,
      quantity: null,
      version: 1,
      isDemo: false,
      abilities: { canEdit: true, canDelete: true },
    });
    expect(e.files.map((f: { originalName: string }) => f.originalName)).toEqual(['quyet-dinh-phan-bo.pdf']);
    const audit = await queryRows<{ action: string; unit_id: string }>(t.db, sql`select action, unit_id from audit_event where entity_id = ${e.id}`);
    expect(audit).toEqual([{ action: 'resource.create', unit_id: old.banVuoc }]);
  });

  it('refuses bad entries with stable rule codes and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ disbursedVnd: 1_300_000_000 }, 'RESOURCE_DISBURSED_OVER_ALLOCATED'],
      [{ unitId: batXat, year: 2023 }, 'RESOURCE_UNIT_NOT_COMMUNE_IN_YEAR'], // the 2025 commune did not exist in 2023
      [{ unitId: old.banVuoc, year: 2026, componentId: null }, 'RESOURCE_UNIT_NOT_COMMUNE_IN_YEAR'], // ended on 01/07/2025
      [{ componentId: integrated.components[0]!.id }, 'RESOURCE_COMPONENT_NOT_IN_YEAR'], // 2026–2035 programme in 2023
      [{ source: 'people_labour', disbursedVnd: null }, 'RESOURCE_QUANTITY_REQUIRED'],
      [{ source: 'people_land', quantity: 500, disbursedVnd: 10 }, 'RESOURCE_DISBURSED_NOT_APPLICABLE'],
      [{ criterion: null, workName: ' ' }, 'RESOURCE_PURPOSE_REQUIRED'],
      [{ plannedVnd: null, allocatedVnd: null, disbursedVnd: null }, 'RESOURCE_NO_AMOUNT'],
    ];
    for (const [over, rule] of cases) {
      const before = await dataFingerprint(t.db);
      const res = await officer.post('/api/resources', entry(over));
      expect(res.statusCode, `${rule}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
      expect(res.json().details.rule).toBe(rule);
      expect(res.json().details.fields.length).toBeGreaterThan(0);
      expect(await dataFingerprint(t.db)).toBe(before);
    }
    const district = await t.unitId('082', '2024-06-01');
    const d = await admin.post('/api/resources', entry({ unitId: district }));
    expect(d.json().details.rule).toBe('RESOURCE_UNIT_NOT_COMMUNE_IN_YEAR');
    const negative = await officer.post('/api/resources', entry({ allocatedVnd: -5 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().details.fields[0].path).toMatch(/allocatedVnd$/);
    const foreignFile = multipartFile(samples.png, 'anh.png');
    const f = (await admin.post(`/api/files?unitId=${hopThanh}`, foreignFile.body, foreignFile.headers)).json() as { id: string };
    expect((await officer.post('/api/resources', entry({ fileIds: [f.id] }))).json().code).toBe('VALIDATION');
  });

  it('keeps writes to the scope: other communes are refused, viewers read only, help teams write where they help', async () => {
    const before = await dataFingerprint(t.db);
    expect((await otherOfficer.post('/api/resources', entry())).statusCode).toBe(403);
    expect((await viewer.post('/api/resources', entry())).statusCode).toBe(403);
    expect((await helper.post('/api/resources', entry())).statusCode).toBe(403);
    expect(await dataFingerprint(t.db)).toBe(before);
    const helped = await helper.post('/api/resources', entry({ unitId: hopThanh, year: 2025, source: 'enterprise', componentId: null, disbursedVnd: null }));
    expect(helped.statusCode, helped.body).toBe(201);
    expect(helped.json().component).toBeNull();
    const seen = (await viewer.get('/api/resources?limit=100')).json();
    expect(seen.canCreate).toBe(false);
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((i: { abilities: { canEdit: boolean } }) => !i.abilities.canEdit)).toBe(true);
    expect(seen.items.some((i: { unit: { id: string } }) => i.unit.id === hopThanh)).toBe(false);
    expect((await otherOfficer.get(`/api/resources/${seen.items[0].id}`)).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/resources/totals?unitId=${batXat}`)).statusCode).toBe(404);
  });

  it('edits with the version read, refuses a stale one with CONFLICT, and deletes', async () => {
    const created = (await officer.post('/api/resources', entry({ unitId: old.banQua, year: 2024, allocatedVnd: 400_000_000, disbursedVnd: 100_000_000 }))).json();
    const body = { ...entry({ year: 2024, allocatedVnd: 400_000_000, disbursedVnd: 350_000_000 }), expectedVersion: 1 } as Record<string, unknown>;
    delete body.unitId;
    const ok = await officer.patch(`/api/resources/${created.id}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, disbursedVnd: 350_000_000, unit: { id: old.banQua } });
    const before = await dataFingerprint(t.db);
    const stale = await officer.patch(`/api/resources/${created.id}`, { ...body, disbursedVnd: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect((await officer.del(`/api/resources/${created.id}?expectedVersion=1`)).statusCode).toBe(409);
    expect(await dataFingerprint(t.db)).toBe(before);
    expect((await otherOfficer.del(`/api/resources/${created.id}?expectedVersion=2`)).statusCode).toBe(404);
    expect((await officer.del(`/api/resources/${created.id}?expectedVersion=2`)).statusCode).toBe(200);
    expect((await officer.get(`/api/resources/${created.id}`)).statusCode).toBe(404);
    const audit = await queryRows<{ action: string }>(t.db, sql`select action from audit_event where entity_id = ${created.id} order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['resource.create', 'resource.update', 'resource.delete']);
  });
});

describe('totals', () => {
  it("a merged commune sums its predecessors' history; by year, source and component; the province total counts each entry once", async () => {
    // The first test left one 2023 entry on Bản Vược (1.2 bn allocated, 0.9 bn disbursed).
    const add = async (over: Record<string, unknown>) => {
      const r = await officer.post('/api/resources', entry(over));
      if (r.statusCode !== 201) throw new Error(r.body);
    };
    await add({ unitId: old.banQua, year: 2024, source: 'provincial_budget', allocatedVnd: 500_000_000, disbursedVnd: 500_000_000, plannedVnd: null });
    await add({ unitId: old.c02734, year: 2024, source: 'people_labour', componentId: null, plannedVnd: null, allocatedVnd: 60_000_000, disbursedVnd: null, quantity: 240 });
    await add({ unitId: old.batXat, year: 2024, source: 'people_land', componentId: null, plannedVnd: null, allocatedVnd: null, disbursedVnd: null, quantity: 1250.5 });
    await add({ unitId: batXat, year: 2025, source: 'commune_budget', plannedVnd: 300_000_000, allocatedVnd: 300_000_000, disbursedVnd: 150_000_000 });

    const byUnit = (await officer.get(`/api/resources/totals?unitId=${batXat}&groupBy=unit`)).json() as Totals;
    expect(byUnit.rows).toHaveLength(1);
    const row = byUnit.rows[0]!;
    expect(row.unit).toMatchObject({ id: batXat, name: 'Xã Bát Xát', predecessors: 4 });
    expect(row.entries).toBe(5);
    expect(row.allocatedVnd).toBe(1_200_000_000 + 500_000_000 + 60_000_000 + 300_000_000);
    expect(row.disbursedVnd).toBe(900_000_000 + 500_000_000 + 150_000_000);
    // The labour days' value is not disbursed: the rate is over the money sources only.
    expect(row.disbursementRate).toBe(Math.round((1_550_000_000 / 2_000_000_000) * 1000) / 10);
    expect(row.labourDays).toBe(240);
    expect(row.landM2).toBe(1250.5);
    expect(byUnit.total.allocatedVnd).toBe(row.allocatedVnd);

    // The same history on the old map: one row per old commune.
    const oldMap = (await officer.get(`/api/resources/totals?groupBy=unit&asOf=2024-06-01&unitId=${batXat}`)).json() as Totals;
    expect(oldMap.rows.map((r) => [r.unit!.id, r.allocatedVnd]).sort()).toEqual(
      [
        [old.banVuoc, 1_200_000_000],
        [old.banQua, 500_000_000],
        [old.c02734, 60_000_000],
        [old.batXat, 0],
      ].sort(),
    );

    const byYear = (await officer.get(`/api/resources/totals?unitId=${batXat}&groupBy=year`)).json() as Totals;
    expect(byYear.rows.map((r) => [r.year, r.entries, r.allocatedVnd])).toEqual([
      [2023, 1, 1_200_000_000],
      [2024, 3, 560_000_000],
      [2025, 1, 300_000_000],
    ]);
    const bySource = (await officer.get(`/api/resources/totals?unitId=${batXat}&groupBy=source&fromYear=2024&toYear=2024`)).json() as Totals;
    expect(bySource.rows.map((r) => r.source)).toEqual(['people_labour', 'people_land', 'provincial_budget']);
    const byComponent = (await officer.get(`/api/resources/totals?unitId=${batXat}&groupBy=component`)).json() as Totals;
    expect(byComponent.rows.map((r) => [r.key === 'none' ? 'none' : 'ND02', r.entries])).toEqual([
      ['ND02', 3],
      ['none', 2],
    ]);
    const outside = (await officer.get(`/api/resources/totals?unitId=${batXat}&groupBy=source&componentId=none`)).json() as Totals;
    expect(outside.total.entries).toBe(2);

    // The province office of the merged province: Xã Bát Xát's row and Xã Hợp Thành's; every entry counted once.
    const province = (await admin.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id as string;
    const office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province] });
    const all = (await office.get('/api/resources/totals?groupBy=unit')).json() as Totals;
    expect(all.rows.map((r) => r.unit!.name).sort()).toEqual(['Xã Bát Xát', 'Xã Hợp Thành']);
    expect(all.total.entries).toBe(6);
    expect(all.total.allocatedVnd).toBe(all.rows.reduce((n, r) => n + r.allocatedVnd, 0));
    const list = (await office.get(`/api/resources?unitId=${batXat}&sort=year&limit=2`)).json();
    expect(list.total).toBe(5);
    expect(list.items).toHaveLength(2);
    expect(list.items[0].viaPredecessor).toBe(false); // the 2025 entry of the commune itself comes first
    expect(list.items[1].viaPredecessor).toBe(true);
  });
});
