import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineageResponse, UnitDetail, UnitSummary } from '../../contracts/units.js';
import { createTestContext, type Client, type TestContext } from '../../test/app.js';

let t: TestContext;
let admin: Client;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.userClient({ roles: ['system_admin'] });
});
afterAll(() => t.close());

async function list(c: Client, query: string): Promise<{ items: UnitSummary[]; total: number }> {
  const res = await c.get(`/api/units?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('units as of a date', () => {
  it('gives the two former provinces in 2024 and the merged province after 1 July 2025', async () => {
    const y2024 = await list(admin, 'roots=true&asOf=2024-06-01');
    expect(y2024.items.map((u) => `${u.code} ${u.name}`).sort()).toEqual(['10 Tỉnh Lào Cai', '15 Tỉnh Yên Bái']);
    expect(y2024.items.every((u) => u.childCount === 9)).toBe(true);
    const y2025 = await list(admin, 'roots=true&asOf=2025-07-01');
    expect(y2025.items).toHaveLength(1);
    expect(y2025.items[0]).toMatchObject({ name: 'Tỉnh Lào Cai', code: null, validFrom: '2025-07-01', childCount: 99 });
  });

  it('counts communes before and after the 2024 mergers and the 2025 reform', async () => {
    const count = async (asOf: string) => (await list(admin, `level=commune&asOf=${asOf}&limit=1`)).total;
    // Lào Cai 152 + Yên Bái 168 listed + 5 absorbed/replaced before 1 Dec 2024 (7 old units, 2 new ones)
    expect(await count('2024-06-01')).toBe(152 + 173);
    expect(await count('2024-11-15')).toBe(151 + 173); // Tà Chải merged into Bắc Hà town on 1 Nov 2024
    expect(await count('2025-06-30')).toBe(151 + 168); // the 319 old units of the 2025 reform
    expect(await count('2025-07-01')).toBe(99);
    expect((await list(admin, 'level=district&asOf=2025-07-01&limit=1')).total).toBe(0);
  });

  it('finds units ignoring diacritics and case', async () => {
    const r = await list(admin, `q=${encodeURIComponent('ta phoi')}&asOf=2024-06-01`);
    expect(r.items.map((u) => u.name)).toEqual(['Xã Tả Phời']);
    const r2 = await list(admin, `q=${encodeURIComponent('BAT XAT')}&asOf=2025-07-01`);
    expect(r2.items.map((u) => u.name)).toEqual(['Xã Bát Xát']);
    const byCode = await list(admin, 'q=02677&asOf=2024-06-01');
    expect(byCode.items[0]?.name).toBe('Xã Tả Phời');
  });

  it('lists the children of a district as of a date', async () => {
    const bacHa = await t.unitId('085', '2024-06-01');
    expect((await list(admin, `parentId=${bacHa}&asOf=2024-06-01`)).total).toBe(19);
    expect((await list(admin, `parentId=${bacHa}&asOf=2024-11-01`)).total).toBe(18);
  });
});

describe('unit page and lineage', () => {
  it('shows a 2025 commune with its five predecessors and their districts', async () => {
    const batXat = await t.unitId('02683', '2025-07-01');
    const res = await admin.get(`/api/units/${batXat}?asOf=2025-08-01`);
    expect(res.statusCode).toBe(200);
    const u = res.json() as UnitDetail;
    expect(u.ancestors.map((a) => a.name)).toEqual(['Tỉnh Lào Cai']);
    expect(u.predecessors.map((p) => p.unit.name).sort()).toEqual(
      ['Thị trấn Bát Xát', 'Xã Bản Qua', 'Xã Bản Vược', 'Xã Phìn Ngan', 'Xã Quang Kim'].sort(),
    );
    expect(u.predecessors.every((p) => p.kind === 'merge' && p.effectiveDate === '2025-07-01')).toBe(true);
    expect(u.predecessors[0]!.legalBasis).toContain('1673/NQ-UBTVQH15');
    expect(u.predecessors.every((p) => p.unit.parentName === 'Huyện Bát Xát')).toBe(true);
    expect(u.successors).toEqual([]);
  });

  it('follows a unit forward: Tà Chải → Bắc Hà town (2024) → the 2025 commune', async () => {
    const taChai = await t.unitId('02872', '2024-06-01');
    const res = await admin.get(`/api/units/${taChai}/lineage`);
    expect(res.statusCode).toBe(200);
    const g = res.json() as LineageResponse;
    const name = (id: string) => g.nodes.find((n) => n.id === id)!.name;
    const fromTaChai = g.edges.filter((e) => e.predecessorId === taChai);
    expect(fromTaChai.map((e) => [name(e.successorId), e.effectiveDate, e.kind])).toEqual([['Thị trấn Bắc Hà', '2024-11-01', 'merge']]);
    const bacHaTown = fromTaChai[0]!.successorId;
    const next = g.edges.filter((e) => e.predecessorId === bacHaTown);
    expect(next).toHaveLength(1);
    expect(next[0]!.effectiveDate).toBe('2025-07-01');
    const detail = (await admin.get(`/api/units/${taChai}`)).json() as UnitDetail;
    expect(detail.validTo).toBe('2024-11-01');
    expect(detail.successors.map((s) => s.unit.name)).toEqual(['Thị trấn Bắc Hà']);
  });

  it('keeps a reused code apart: 04264 is Phường Nguyễn Phúc before 1 Dec 2024 and the merged Phường Hồng Hà after', async () => {
    const before = (await list(admin, 'q=04264&asOf=2024-06-01')).items;
    const after = (await list(admin, 'q=04264&asOf=2025-01-01')).items;
    expect(before.map((u) => u.name)).toEqual(['Phường Nguyễn Phúc']);
    expect(after.map((u) => u.name)).toEqual(['Phường Hồng Hà']);
    const merged = (await admin.get(`/api/units/${after[0]!.id}`)).json() as UnitDetail;
    expect(merged.validFrom).toBe('2024-12-01');
    expect(merged.predecessors.map((p) => `${p.unit.code} ${p.unit.name}`).sort()).toEqual(['04264 Phường Nguyễn Phúc', '04267 Phường Hồng Hà']);
  });

  it('answers 404 with a stable code for an unknown unit and 400 for a malformed id', async () => {
    const res = await admin.get('/api/units/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await admin.get('/api/units/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION');
    expect(bad.json().details.fields[0].path).toBe('params.id');
  });
});

describe('dated attributes', () => {
  it('sets, versions and audits an attribute; refuses an earlier date and a bad value', async () => {
    const office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [await t.unitId('10', '2024-06-01')] });
    const commune = await t.unitId('02677', '2024-06-01');
    const first = await office.post(`/api/units/${commune}/attributes`, {
      key: 'ethnicArea',
      value: 'I',
      validFrom: '2021-06-04',
      legalBasis: 'QĐ 861/QĐ-TTg',
    });
    expect(first.statusCode).toBe(200);
    expect((first.json() as UnitDetail).attributes).toMatchObject([{ key: 'ethnicArea', value: 'I', validTo: null }]);
    const second = await office.post(`/api/units/${commune}/attributes`, {
      key: 'ethnicArea',
      value: 'II',
      validFrom: '2024-07-19',
      legalBasis: 'QĐ 698/QĐ-TTg',
    });
    expect(second.statusCode).toBe(200);
    const hist = (second.json() as UnitDetail).attributeHistory.filter((a) => a.key === 'ethnicArea');
    expect(hist.map((a) => [a.value, a.validFrom, a.validTo])).toEqual([
      ['II', '2024-07-19', null],
      ['I', '2021-06-04', '2024-07-19'],
    ]);
    const asOf2023 = (await office.get(`/api/units/${commune}?asOf=2023-01-01`)).json() as UnitDetail;
    expect(asOf2023.attributes.find((a) => a.key === 'ethnicArea')?.value).toBe('I');

    const earlier = await office.post(`/api/units/${commune}/attributes`, { key: 'ethnicArea', value: 'III', validFrom: '2022-01-01', legalBasis: 'x x x' });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.json().code).toBe('CONFLICT');
    const badValue = await office.post(`/api/units/${commune}/attributes`, { key: 'ethnicArea', value: 'IV', validFrom: '2025-01-01', legalBasis: 'x x x' });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().details.fields[0].path).toBe('value');

    const audit = await office.get(`/api/audit?unitId=${commune}`);
    expect(audit.statusCode).toBe(200);
    const events = audit.json().items as Array<{ action: string; after: { value: string } }>;
    expect(events.map((e) => [e.action, e.after.value])).toEqual([
      ['unit.attribute.set', 'II'],
      ['unit.attribute.set', 'I'],
    ]);
  });
});
