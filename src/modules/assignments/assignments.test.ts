import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../platform/dates.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';

let t: TestContext;
let admin: Client;
let office: Client;
let batXat: string; // Xã Bát Xát (2025)
let hopThanh: string; // Xã Hợp Thành (2025)
let coc: string; // another 2025 commune, out of the narrow office's scope
let banVuoc: string; // Xã Bản Vược (2024), a predecessor of Xã Bát Xát
let khcn: string;
let yTe: string;
let taiChinh: string;

const body = (over: Record<string, unknown> = {}) => ({
  agencyId: khcn,
  unitIds: [batXat, hopThanh],
  validFrom: '2025-07-01',
  legalBasisDoc: 'QĐ 123/QĐ-BCĐ',
  legalBasisDate: '2025-06-25',
  leaderName: 'Nguyễn Văn Trưởng',
  team: [
    { name: 'Trần Thị Tổ Trưởng', role: 'Tổ trưởng' },
    { name: 'Lê Văn Thành Viên', role: 'Thành viên' },
  ],
  ...over,
});

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.userClient({ roles: ['system_admin'] });
  const province = (await admin.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id as string;
  office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province] });
  batXat = await t.unitId('02683', '2025-07-01');
  hopThanh = await t.unitId('02680', '2025-07-01');
  banVuoc = await t.unitId('02710', '2024-06-01');
  const agency = async (q: string) => ((await admin.get(`/api/agencies?q=${encodeURIComponent(q)}`)).json().items[0].id as string);
  khcn = await agency('Sở Khoa học và Công nghệ');
  yTe = await agency('Sở Y tế');
  taiChinh = await agency('Sở Tài chính');
  const communes = (await admin.get('/api/units?level=commune&asOf=2025-07-01&limit=500')).json().items as Array<{ id: string; code: string }>;
  coc = communes.find((u) => u.code !== '02683' && u.code !== '02680')!.id;
});
afterAll(() => t.close());

describe('assignments', () => {
  it('the steering office assigns an agency to several communes with a legal basis, a leader and a team', async () => {
    const res = await office.post('/api/assignments', body());
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as Array<Record<string, unknown> & { unit: { id: string }; team: unknown[] }>;
    expect(items.map((a) => a.unit.id).sort()).toEqual([batXat, hopThanh].sort());
    expect(items[0]).toMatchObject({
      agency: { id: khcn, name: 'Sở Khoa học và Công nghệ', kind: 'department' },
      validFrom: '2025-07-01',
      validTo: null,
      current: true,
      legalBasisDoc: 'QĐ 123/QĐ-BCĐ',
      legalBasisDate: '2025-06-25',
      leaderName: 'Nguyễn Văn Trưởng',
      viaPredecessor: false,
      abilities: { canEnd: true, canReplace: true },
    });
    expect(items[0]!.team).toEqual([
      { id: expect.any(String), userId: null, name: 'Trần Thị Tổ Trưởng', role: 'Tổ trưởng' },
      { id: expect.any(String), userId: null, name: 'Lê Văn Thành Viên', role: 'Thành viên' },
    ]);
  });

  it('refuses an overlapping assignment of the same agency to the same commune (409) and leaves data unchanged', async () => {
    const before = await dataFingerprint(t.db);
    const res = await office.post('/api/assignments', body({ unitIds: [hopThanh], validFrom: '2026-01-01' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it('refuses non-communes and periods outside the commune life (VALIDATION)', async () => {
    const res = await office.post('/api/assignments', body({ unitIds: [banVuoc], validFrom: '2025-08-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].path).toBe('unitIds.0');
  });

  it('answers 401, 403 by role, 403 for a commune out of scope, 404 for an assignment out of scope', async () => {
    expect((await t.anon.post('/api/assignments', body())).statusCode).toBe(401);
    const helper = await t.userClient({ roles: ['help_team'], agencyId: khcn });
    expect((await helper.post('/api/assignments', body({ unitIds: [coc] }))).statusCode).toBe(403);
    const narrow = await t.userClient({ roles: ['province_office'], scopeUnitIds: [batXat] });
    const res = await narrow.post('/api/assignments', body({ agencyId: yTe, unitIds: [coc] }));
    expect(res.statusCode).toBe(403);
    const other = (await office.post('/api/assignments', body({ agencyId: yTe, unitIds: [coc] }))).json().items[0].id as string;
    expect((await narrow.get(`/api/assignments/${other}`)).statusCode).toBe(404);
    expect((await office.get(`/api/assignments/${other}`)).statusCode).toBe(200);
  });

  it("a merged 2025 commune lists its predecessors' 2024 assignments, flagged, and ends them with the commune", async () => {
    const res = await office.post('/api/assignments', body({ agencyId: yTe, unitIds: [banVuoc], validFrom: '2024-01-15', legalBasisDate: '2024-01-10' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0].validTo).toBe('2025-07-01'); // the commune ended then
    const list = (await office.get(`/api/assignments?unitId=${batXat}`)).json();
    const rows = list.items.map((a: { unit: { name: string }; agency: { name: string }; viaPredecessor: boolean; current: boolean }) => [
      a.unit.name,
      a.agency.name,
      a.viaPredecessor,
      a.current,
    ]);
    expect(rows).toEqual([
      ['Xã Bát Xát', 'Sở Khoa học và Công nghệ', false, true],
      ['Xã Bản Vược', 'Sở Y tế', true, false],
    ]);
    const asOf2024 = (await office.get(`/api/assignments?unitId=${batXat}&asOf=2024-06-01`)).json();
    expect(asOf2024.items.map((a: { unit: { id: string } }) => a.unit.id)).toEqual([banVuoc]);
  });

  it("an agency page lists the communes it helps now", async () => {
    const res = (await office.get(`/api/assignments?agencyId=${khcn}&asOf=${todayVN()}`)).json();
    expect(res.items.map((a: { unit: { code: string } }) => a.unit.code).sort()).toEqual(['02680', '02683']);
    expect(res.total).toBe(2);
  });

  it('replacing keeps the history: the old row ends, the new one links to it', async () => {
    const current = (await office.get(`/api/assignments?unitId=${hopThanh}&agencyId=${khcn}`)).json().items[0];
    const at = addDays(todayVN(), -10);
    const res = await office.post(`/api/assignments/${current.id}/replace`, {
      validFrom: at,
      legalBasisDoc: 'QĐ 456/QĐ-BCĐ',
      legalBasisDate: at,
      leaderName: 'Phạm Văn Mới',
      team: [{ name: 'Đỗ Thị Mới', role: 'Tổ trưởng' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ replacesId: current.id, validFrom: at, leaderName: 'Phạm Văn Mới', current: true });
    const history = (await office.get(`/api/assignments?unitId=${hopThanh}&agencyId=${khcn}`)).json().items;
    expect(history.map((a: { validFrom: string; validTo: string | null }) => [a.validFrom, a.validTo])).toEqual([
      [at, null],
      ['2025-07-01', at],
    ]);
    // the ended row cannot be replaced or ended again
    const again = await office.post(`/api/assignments/${current.id}/end`, { validTo: addDays(at, -1) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');
  });

  it('ending sets the end date and refuses one before the start', async () => {
    const a = (await office.get(`/api/assignments?unitId=${coc}&agencyId=${yTe}`)).json().items[0];
    expect((await office.post(`/api/assignments/${a.id}/end`, { validTo: '2025-01-01' })).statusCode).toBe(400);
    const res = await office.post(`/api/assignments/${a.id}/end`, { validTo: todayVN() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ validTo: todayVN(), current: false, abilities: { canEnd: false, canReplace: false } });
    const viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [coc] });
    expect((await viewer.post(`/api/assignments/${a.id}/end`, { validTo: todayVN() })).statusCode).toBe(403);
  });
});

describe('scope through assignments', () => {
  it('a help-team member with no scope units sees exactly the communes its agency helps now, with their history', async () => {
    const helper = await t.userClient({ roles: ['help_team'], agencyId: khcn });
    const now = (await helper.get(`/api/units?asOf=${todayVN()}&level=commune`)).json();
    expect(now.items.map((u: { code: string }) => u.code).sort()).toEqual(['02680', '02683']);
    const then = (await helper.get('/api/units?asOf=2024-06-01&level=commune&limit=100')).json();
    expect(then.items.map((u: { code: string }) => u.code)).toContain('02710'); // Bản Vược, now part of Bát Xát
    expect((await helper.get(`/api/units/${coc}`)).statusCode).toBe(404);
    const list = (await helper.get('/api/assignments')).json();
    expect(new Set(list.items.map((a: { unit: { id: string } }) => a.unit.id))).not.toContain(coc);
  });

  it('an agency whose assignment ended loses the commune', async () => {
    const helper = await t.userClient({ roles: ['help_team'], agencyId: yTe });
    expect((await helper.get(`/api/units/${coc}`)).statusCode).toBe(404); // ended today (exclusive)
  });
});
