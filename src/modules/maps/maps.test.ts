import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundariesResponse, BoundaryReport, ListBoundarySetsResponse, MapValuesResponse, UploadBoundariesResponse } from '../../contracts/maps.js';
import { decodeRing } from '../../domain/maps/simplify.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { multipartFile } from '../../test/multipart.js';

let t: TestContext;
let dataDir = '';
let office: Client;
let districtOffice: Client;
let viewerElsewhere: Client;
let district2024 = '';
let province2025 = '';
let setId = '';
const units: Record<string, string> = {};

/** A wiggly closed outline around a centre: `n` points, radius varying smoothly like a real boundary. */
function outline(cx: number, cy: number, r: number, n: number, seed = 1): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const rr = r * (1 + 0.15 * Math.sin(3 * a + seed) + 0.07 * Math.sin(11 * a + 2 * seed) + 0.03 * Math.sin(37 * a + seed));
    pts.push([+(cx + rr * Math.cos(a)).toFixed(6), +(cy + rr * Math.sin(a) * 0.93).toFixed(6)]);
  }
  pts.push(pts[0]!);
  return pts;
}
const feature = (props: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties: props, geometry });
const polygon = (cx: number, cy: number, n = 400) => ({ type: 'Polygon', coordinates: [outline(cx, cy, 0.03, n)] });
const fc = (...features: unknown[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));

/** Three communes of the former Bát Xát district (2024): Thị trấn Bát Xát, Xã Bản Vược, Xã Bản Qua. */
const valid = () =>
  fc(
    feature({ ma_xa: '02683', ten: 'Thị trấn Bát Xát' }, polygon(103.89, 22.54)),
    feature({ ma_xa: '02710', ten: 'Xã Bản Vược' }, { type: 'MultiPolygon', coordinates: [[outline(103.95, 22.6, 0.03, 600)], [outline(104.0, 22.65, 0.004, 30)]] }),
    feature({ ma_xa: 2716, ten: 'Xã Bản Qua' }, polygon(103.92, 22.5)),
  );

const upload = (c: Client, body: Buffer, query = 'name=Ranh%20gi%E1%BB%9Bi%202024&yearFrom=2024&yearTo=2024', name = 'ranh-gioi.geojson') => {
  const m = multipartFile(body, name);
  return c.post(`/api/maps/boundaries?${query}`, m.body, m.headers);
};
const tmpFiles = () => {
  const d = path.join(dataDir, 'uploads', 'tmp');
  return fs.existsSync(d) ? fs.readdirSync(d) : [];
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-maps-'));
  t = await createTestContext({ MTQG_DATA_DIR: dataDir });
  for (const code of ['02683', '02710', '02716']) units[code] = await t.unitId(code, '2024-06-01');
  district2024 = await t.unitId('082', '2024-06-01');
  province2025 = (await queryOne<{ parent_id: string }>(t.db, sql`select parent_id from unit where id = ${await t.unitId('02683', '2025-07-01')}`))!.parent_id;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province2025] });
  districtOffice = await t.userClient({ roles: ['province_office'], scopeUnitIds: [district2024] });
  viewerElsewhere = await t.userClient({ roles: ['viewer'], scopeUnitIds: [await t.unitId('080', '2024-06-01')] });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('before any upload', () => {
  it('answers "no boundaries" (empty features) so the map shows tiles', async () => {
    const res = await office.get(`/api/maps/boundaries?year=2024&unitId=${district2024}`);
    expect(res.statusCode).toBe(200);
    const b = res.json() as BoundariesResponse;
    expect(b.features).toEqual([]);
    expect(b.sets).toEqual([]);
    expect(b.bbox).toBeNull();
  });
});

describe('refused uploads write nothing', () => {
  const refused = async (body: Buffer, query?: string): Promise<BoundaryReport> => {
    const before = await dataFingerprint(t.db);
    const res = await upload(office, body, query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(await dataFingerprint(t.db)).toBe(before);
    expect(tmpFiles()).toEqual([]);
    return res.json().details.report as BoundaryReport;
  };

  it('a second feature for the same commune', async () => {
    const report = await refused(
      fc(feature({ ma_xa: '02683' }, polygon(103.89, 22.54)), feature({ ma_xa: '02710' }, polygon(103.95, 22.6)), feature({ ma_xa: '2683' }, polygon(103.9, 22.55))),
    );
    expect(report.issues).toEqual([expect.objectContaining({ feature: 3, code: '02683', kind: 'duplicate_code' })]);
    expect(report.featureCount).toBe(3);
    expect(report.issues[0]!.message).toMatch(/trùng với đối tượng 1/);
  });

  it('a code that is no commune on 31 December of the first year, and one of another province', async () => {
    const report = await refused(
      fc(
        feature({ ma_xa: '02683' }, polygon(103.89, 22.54)),
        feature({ ma_xa: '99999' }, polygon(103.95, 22.6)),
        feature({ ma_xa: '04249' }, polygon(104.87, 21.7)), // Phường Yên Thịnh, former Yên Bái
      ),
    );
    expect(report.issues.map((i) => [i.feature, i.kind])).toEqual([
      [2, 'unknown_code'],
      [3, 'other_province'],
    ]);
    expect(report.issues[0]!.message).toContain('31/12/2024');
  });

  it('bad geometry and a missing code, each reported with its feature', async () => {
    const report = await refused(
      fc(
        feature({ ma_xa: '02683' }, { type: 'Point', coordinates: [103.9, 22.5] }),
        feature({ ma_xa: '02710' }, { type: 'Polygon', coordinates: [[[103.9, 22.5], [103.91, 22.5], [103.91, 22.51], [103.9, 22.52]]] }),
        feature({ ten: 'Không có mã' }, polygon(103.92, 22.5)),
      ),
    );
    expect(report.issues.map((i) => [i.feature, i.kind])).toEqual([
      [1, 'geometry_type'],
      [2, 'ring_open'],
      [3, 'no_code'],
    ]);
  });

  it('a file that is not GeoJSON', async () => {
    const report = await refused(Buffer.from('ma_xa;ten\n02683;Bát Xát\n'));
    expect(report.issues).toEqual([expect.objectContaining({ feature: null, kind: 'json' })]);
  });

  it('an end year before the start year', async () => {
    const before = await dataFingerprint(t.db);
    const res = await upload(office, valid(), 'name=x&yearFrom=2025&yearTo=2024');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].path).toBe('yearTo');
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('a file over 20 MB is PAYLOAD_TOO_LARGE', async () => {
    const before = await dataFingerprint(t.db);
    const res = await upload(office, Buffer.concat([Buffer.from('{"type":"FeatureCollection","features":[] '), Buffer.alloc(20 * 1024 * 1024 + 10, 0x20), Buffer.from('}')]));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await dataFingerprint(t.db)).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('roles other than the steering office are FORBIDDEN, and so is an office whose scope lacks the province', async () => {
    for (const c of [viewerElsewhere, districtOffice]) {
      const before = await dataFingerprint(t.db);
      const res = await upload(c, valid());
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect(await dataFingerprint(t.db)).toBe(before);
    }
  });
});

describe('a valid upload', () => {
  let uploaded: UploadBoundariesResponse;

  beforeAll(async () => {
    const res = await upload(office, valid());
    expect(res.statusCode, res.body).toBe(201);
    uploaded = res.json() as UploadBoundariesResponse;
    setId = uploaded.set.id;
  });

  it('stores the set active for the former Lào Cai province, simplified, with the communes lacking a feature', async () => {
    const { set, report } = uploaded;
    expect(set).toMatchObject({ featureCount: 3, isActive: true, yearFrom: 2024, yearTo: 2024, asOf: '2024-12-31', codeProperty: 'ma_xa', fileName: 'ranh-gioi.geojson' });
    expect(set.province.code).toBe('10');
    expect(report.issues).toEqual([]);
    expect(report.pointsOriginal).toBe(401 + 601 + 31 + 401);
    expect(report.pointsSimplified).toBeLessThan(report.pointsOriginal / 3);
    const communes = await queryOne<{ n: number }>(
      t.db,
      sql`with recursive s(id) as (select ${set.province.unitId}::uuid union select u.id from unit u join s on u.parent_id = s.id)
          select count(*)::int as n from unit u where u.id in (select id from s) and u.level = 'commune'
            and (u.valid_from is null or u.valid_from <= '2024-12-31') and (u.valid_to is null or u.valid_to > '2024-12-31')`,
    );
    expect(report.missingUnits).toHaveLength(communes!.n - 3);
    expect(report.missingUnits.map((u) => u.code)).not.toContain('02683');
    const audit = await queryRows<{ action: string }>(t.db, sql`select action from audit_event where entity_id = ${set.id}`);
    expect(audit.map((a) => a.action)).toEqual(['map.boundaries.upload']);
    expect(tmpFiles()).toEqual([]);
  });

  it('serves the outlines of the district in 2024 as closed rings near the originals, cached by ETag', async () => {
    const res = await office.get(`/api/maps/boundaries?year=2024&unitId=${district2024}`);
    expect(res.statusCode).toBe(200);
    const b = res.json() as BoundariesResponse;
    expect(b.features.map((f) => f.code)).toEqual(['02683', '02710', '02716']);
    expect(b.features.map((f) => f.unitId)).toEqual([units['02683'], units['02710'], units['02716']]);
    expect(b.sets).toEqual([{ id: setId, name: 'Ranh giới 2024', provinceName: 'Tỉnh Lào Cai' }]);
    const banVuoc = b.features[1]!;
    expect(banVuoc.rings).toHaveLength(2); // the MultiPolygon's islet is kept at this scale
    for (const f of b.features)
      for (const r of f.rings) {
        const ring = decodeRing(r, b.grid);
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    expect(b.features[0]!.areaKm2).toBeGreaterThan(25);
    expect(b.bbox![0]).toBeGreaterThan(103.8);
    expect(b.bbox![3]).toBeLessThan(22.7);
    const again = await t.app.inject({ method: 'GET', url: `/api/maps/boundaries?year=2024&unitId=${district2024}`, headers: { cookie: office.cookie, 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it('has no outlines for 2025 (the new communes) nor for units outside the caller’s scope', async () => {
    expect(((await office.get(`/api/maps/boundaries?year=2025`)).json() as BoundariesResponse).features).toEqual([]);
    expect(((await viewerElsewhere.get(`/api/maps/boundaries?year=2024`)).json() as BoundariesResponse).features).toEqual([]);
    expect((await viewerElsewhere.get(`/api/maps/boundaries?year=2024&unitId=${district2024}`)).statusCode).toBe(404);
  });

  it('lists sets in scope and switches the active one when a newer file for the same years arrives', async () => {
    const second = await upload(office, valid(), 'name=Ranh%20gi%E1%BB%9Bi%20m%E1%BB%9Bi&yearFrom=2024&yearTo=2024');
    expect(second.statusCode).toBe(201);
    const newId = (second.json() as UploadBoundariesResponse).set.id;
    let list = (await office.get('/api/maps/boundary-sets?year=2024')).json() as ListBoundarySetsResponse;
    expect(list.canUpload).toBe(true);
    expect(list.items.map((s) => [s.id, s.isActive])).toEqual([
      [newId, true],
      [setId, false],
    ]);
    expect(list.items[1]!.abilities).toEqual({ activate: true, deactivate: false, delete: true });
    expect(((await viewerElsewhere.get('/api/maps/boundary-sets')).json() as ListBoundarySetsResponse).items).toEqual([]);

    const on = await office.post(`/api/maps/boundary-sets/${setId}/activation`, { active: true });
    expect(on.statusCode, on.body).toBe(200);
    list = (await office.get('/api/maps/boundary-sets')).json() as ListBoundarySetsResponse;
    expect(list.items.filter((s) => s.isActive).map((s) => s.id)).toEqual([setId]);

    const before = await dataFingerprint(t.db);
    expect((await districtOffice.del(`/api/maps/boundary-sets/${newId}`)).statusCode).toBe(404);
    expect(await dataFingerprint(t.db)).toBe(before);
    const del = await office.del(`/api/maps/boundary-sets/${newId}`);
    expect(del.statusCode).toBe(200);
    const left = await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from boundary_feature where set_id = ${newId}`);
    expect(left!.n).toBe(0);
    const actions = await queryRows<{ action: string }>(t.db, sql`select action from audit_event where entity_type = 'boundary_set' order by seq`);
    expect(actions.map((a) => a.action)).toEqual(['map.boundaries.upload', 'map.boundaries.upload', 'map.boundaries.activate', 'map.boundaries.delete']);
  });

  it('deactivating the only set brings back "no boundaries"', async () => {
    expect((await office.post(`/api/maps/boundary-sets/${setId}/activation`, { active: false })).statusCode).toBe(200);
    expect(((await office.get(`/api/maps/boundaries?year=2024`)).json() as BoundariesResponse).features).toEqual([]);
    expect((await office.post(`/api/maps/boundary-sets/${setId}/activation`, { active: true })).statusCode).toBe(200);
    expect(((await office.get(`/api/maps/boundaries?year=2024`)).json() as BoundariesResponse).features).toHaveLength(3);
  });
});

describe('map values', () => {
  let criteriaSet = '';
  beforeAll(async () => {
    criteriaSet = (await queryOne<{ id: string }>(t.db, sql`select id from criteria_set where code = 'NTM_XA_2021_2025' order by version limit 1`))!.id;
    await t.db.execute(
      sql`insert into commune_status (unit_id, year, set_id, criteria_met, criteria_applicable, meets_standard, missing, criteria, basis)
          values (${units['02683']}, 2024, ${criteriaSet}, 19, 19, true, '[]'::jsonb, '[]'::jsonb, 'appraised'),
                 (${units['02710']}, 2024, ${criteriaSet}, 12, 19, false, '["1","2"]'::jsonb, '[]'::jsonb, 'self')`,
    );
    const rec = await queryOne<{ id: string }>(
      t.db,
      sql`insert into recognition (unit_id, kind, level, year) values (${units['02683']}, 'recognition', 'ntm', 2020) returning id`,
    );
    await t.db.execute(sql`insert into recognition (unit_id, kind, level, year) values (${units['02683']}, 'recognition', 'advanced', 2023)`);
    // Bản Qua: recognised in 2019, revoked in 2025 — still in force in 2024.
    const bq = await queryOne<{ id: string }>(t.db, sql`insert into recognition (unit_id, kind, level, year) values (${units['02716']}, 'recognition', 'ntm', 2019) returning id`);
    const rv = await queryOne<{ id: string }>(
      t.db,
      sql`insert into recognition (unit_id, kind, level, year, revokes_id) values (${units['02716']}, 'revocation', 'ntm', 2025, ${bq!.id}) returning id`,
    );
    await t.db.execute(sql`update recognition set revoked_by_id = ${rv!.id} where id = ${bq!.id}`);
    expect(rec).toBeDefined();
  });

  it('lists every commune of the district with its parent, summary and recognised level', async () => {
    const res = await office.get(`/api/maps/values?year=2024&setId=${criteriaSet}&unitId=${district2024}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as MapValuesResponse;
    expect(v.set.criteriaCount).toBe(19);
    expect(v.unit).toMatchObject({ unitId: district2024, name: 'Huyện Bát Xát', level: 'district' });
    const communes = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from unit where parent_id = ${district2024} and level = 'commune' and (valid_to is null or valid_to > '2024-12-31')`,
    );
    expect(v.items).toHaveLength(communes!.n);
    const by = new Map(v.items.map((i) => [i.code, i]));
    expect(by.get('02683')).toMatchObject({ criteriaMet: 19, criteriaApplicable: 19, meetsStandard: true, basis: 'appraised', recognisedLevel: 'advanced' });
    expect(by.get('02683')!.parent).toEqual({ unitId: district2024, name: 'Huyện Bát Xát', level: 'district' });
    expect(by.get('02710')).toMatchObject({ criteriaMet: 12, meetsStandard: false, basis: 'self', recognisedLevel: null });
    expect(by.get('02716')).toMatchObject({ criteriaMet: null, basis: null, recognisedLevel: 'ntm' });
    const y2025 = (await office.get(`/api/maps/values?year=2025&setId=${criteriaSet}&unitId=${district2024}`)).json() as MapValuesResponse;
    expect(y2025.items).toEqual([]); // the district ended on 2025-07-01
  });

  it('in 2025 the communes hang directly under the new province', async () => {
    const v = (await office.get(`/api/maps/values?year=2025&setId=${criteriaSet}`)).json() as MapValuesResponse;
    expect(v.items).toHaveLength(99);
    expect(new Set(v.items.map((i) => i.parent?.unitId))).toEqual(new Set([province2025]));
  });

  it('is limited to the scope and refuses units outside it', async () => {
    const v = (await viewerElsewhere.get(`/api/maps/values?year=2024&setId=${criteriaSet}`)).json() as MapValuesResponse;
    expect(v.items.length).toBeGreaterThan(0);
    expect(v.items.map((i) => i.code)).not.toContain('02683');
    expect((await viewerElsewhere.get(`/api/maps/values?year=2024&setId=${criteriaSet}&unitId=${district2024}`)).statusCode).toBe(404);
    expect((await office.get(`/api/maps/values?year=2024&setId=${district2024}`)).statusCode).toBe(404);
  });
});

describe('payload for a whole province', () => {
  it('99 communes with detailed outlines simplify to a small download', async () => {
    const codes = fs
      .readFileSync(path.join(process.cwd(), 'seed/reference/units/laocai-admin-units-2025.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.slice(1, 6))
      .filter((c) => /^\d{5}$/.test(c));
    expect(codes).toHaveLength(99);
    // ~2,500 positions each (a typical detailed commune outline), laid out on a grid over the province.
    const body = fc(...codes.map((code, i) => feature({ MA_XA: code }, { type: 'Polygon', coordinates: [outline(103.6 + (i % 11) * 0.14, 21.4 + Math.floor(i / 11) * 0.13, 0.06, 2500, i)] })));
    const res = await upload(office, body, 'name=T%E1%BB%89nh%202025&yearFrom=2025');
    expect(res.statusCode, res.body).toBe(201);
    const { report, set } = res.json() as UploadBoundariesResponse;
    expect(set.featureCount).toBe(99);
    expect(report.codeProperty).toBe('MA_XA');
    expect(report.missingUnits).toEqual([]);
    const served = await t.app.inject({ method: 'GET', url: '/api/maps/boundaries?year=2025', headers: { cookie: office.cookie, 'accept-encoding': 'gzip' } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-encoding']).toBe('gzip');
    const wire = served.rawPayload.length;
    console.info(
      `maps payload: ${body.length} B GeoJSON, ${report.pointsOriginal} → ${report.pointsSimplified} points, measured gzip ${report.payloadGzipBytes} B, served gzip ${wire} B`,
    );
    expect(report.payloadGzipBytes).toBeLessThan(80_000);
    expect(wire).toBeLessThan(90_000);
  });
});
