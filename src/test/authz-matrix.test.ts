/**
 * The authorisation matrix: every role against every endpoint, for a unit inside and a unit outside its scope.
 * Refusals must answer 403/404 and leave the data unchanged; reads must be complete and scope-limited.
 * Later features add their endpoints to `endpoints` below.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../contracts/users.js';
import { addDays } from '../platform/dates.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from './app.js';

let t: TestContext;
/** Scope of every non-admin test user: the former Bát Xát district (2024). */
let scopeUnit: string;
let inUnit: string; // Xã Bản Vược, in Bát Xát district
let outUnit: string; // Xã Tả Phời, in Lào Cai city
let inAgency: string;
let outAgency: string;
let inUser: string;
let outUser: string;
const clients = new Map<Role, Client>();
/**
 * Criteria variants belong to a province, and no province lies inside the Bát Xát scope: their endpoints run with
 * users of every role scoped to the former Lào Cai province ("in") against sets of Yên Bái ("out").
 */
const provinceClients = new Map<Role, Client>();
let inProvince: string; // former Lào Cai province (2024)
let outProvince: string; // former Yên Bái province (2024)
let nationalSet: string; // NTM_XA_2021_2025 as loaded
let modelSet: string; // NTM_XA_KIEU_MAU_2021_2025 (small: cloned for the pools below)
const variantOf: Record<'in' | 'out', string> = { in: '', out: '' };
/** Fresh drafts, one per call, so each allowed edit succeeds on version 1 whatever ran before. */
const pools = { header: { in: [] as string[], out: [] as string[] }, wording: { in: [] as string[], out: [] as string[] }, target: { in: [] as string[], out: [] as string[] }, publish: { in: [] as string[], out: [] as string[] } };
let workbookBase64 = '';

beforeAll(async () => {
  t = await createTestContext();
  scopeUnit = await t.unitId('082', '2024-06-01');
  inUnit = await t.unitId('02710', '2024-06-01');
  outUnit = await t.unitId('02677', '2024-06-01');
  const admin = await t.userClient({ roles: ['system_admin'] });
  const mk = async (unitId: string, name: string) =>
    ((await admin.post('/api/agencies', { name, kind: 'mass_org', unitId })).json() as { id: string }).id;
  inAgency = await mk(inUnit, 'Hội Nông dân xã Bản Vược (kiểm thử)');
  outAgency = await mk(outUnit, 'Hội Nông dân xã Tả Phời (kiểm thử)');
  const mkUser = async (login: string, unitId: string) =>
    ((await admin.post('/api/users', { login, name: login, roles: ['viewer'], scopeUnitIds: [unitId], password: 'mat-khau-dai-123' })).json() as { id: string }).id;
  inUser = await mkUser('in.user', inUnit);
  outUser = await mkUser('out.user', outUnit);
  for (const role of roles) {
    clients.set(role, await t.userClient({ roles: [role], scopeUnitIds: role === 'system_admin' ? [] : [scopeUnit] }));
  }

  inProvince = await t.unitId('10', '2024-06-01');
  outProvince = await t.unitId('15', '2024-06-01');
  for (const role of roles) {
    provinceClients.set(role, await t.userClient({ roles: [role], scopeUnitIds: role === 'system_admin' ? [] : [inProvince] }));
  }
  const setId = async (code: string) => ((await admin.get(`/api/criteria/sets?code=${code}`)).json() as { items: Array<{ id: string }> }).items[0]!.id;
  nationalSet = await setId('NTM_XA_2021_2025');
  modelSet = await setId('NTM_XA_KIEU_MAU_2021_2025');
  const variant = async (from: string, province: string) => {
    const res = await admin.post(`/api/criteria/sets/${from}/clone`, { kind: 'variant', provinceUnitId: province });
    if (res.statusCode !== 201) throw new Error(res.body);
    return (res.json() as { id: string }).id;
  };
  variantOf.in = await variant(nationalSet, inProvince);
  variantOf.out = await variant(nationalSet, outProvince);
  const calls = { in: 1 + roles.length, out: roles.length }; // anonymous callers use "in"
  for (const pool of Object.values(pools)) {
    for (const w of ['in', 'out'] as const) {
      for (let i = 0; i < calls[w]; i++) pool[w].push(await variant(modelSet, w === 'in' ? inProvince : outProvince));
    }
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chỉ tiêu');
  ws.addRow(['Tiêu chí số', 'Tên tiêu chí', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Loại', 'Chung', 'Nguồn (văn bản, điều, trang)', 'Đã xác minh']);
  ws.addRow(['1', 'Quy hoạch', '1.1', 'Có quy hoạch chung xây dựng xã', 'Có/Không', 'Đạt', 'QĐ 318/QĐ-TTg, Phụ lục I', 'Có']);
  workbookBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
});
afterAll(() => t.close());

type Where = 'in' | 'out';
interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: (w: Where) => string;
  body?: (w: Where) => unknown;
  /** Roles allowed to try the action at all (others: 403). */
  roles: readonly Role[];
  /** Success status; out-of-scope targets answer `outStatus` (404 when the target itself is hidden, 403 when a referenced unit is). */
  ok: number;
  outStatus: 404 | 403 | 'ok';
  mutation: boolean;
  /** Run with the province-scoped users (criteria variants: in = former Lào Cai province, out = Yên Bái). */
  provinceScoped?: boolean;
}

const OFFICE: Role[] = ['system_admin', 'province_office'];
const target = (w: Where) => (w === 'in' ? inUnit : outUnit);
const province = (w: Where) => (w === 'in' ? inProvince : outProvince);
const take = (pool: { in: string[]; out: string[] }, w: Where): string => {
  const id = pool[w].shift();
  if (!id) throw new Error(`criteria pool "${w}" exhausted`);
  return id;
};
let seq = 0;

const endpoints: Endpoint[] = [
  { name: 'list units', method: 'GET', url: () => '/api/units?asOf=2024-06-01', roles: roles, ok: 200, outStatus: 'ok', mutation: false },
  { name: 'get unit', method: 'GET', url: (w) => `/api/units/${target(w)}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  { name: 'unit lineage', method: 'GET', url: (w) => `/api/units/${target(w)}/lineage`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  {
    name: 'set unit attribute',
    method: 'POST',
    url: (w) => `/api/units/${target(w)}/attributes`,
    body: () => ({ key: 'border', value: true, validFrom: addDays('2024-01-01', ++seq), legalBasis: 'Kiểm thử ma trận' }), // always later than the last
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
  },
  { name: 'list agencies', method: 'GET', url: () => '/api/agencies', roles: roles, ok: 200, outStatus: 'ok', mutation: false },
  { name: 'get agency', method: 'GET', url: (w) => `/api/agencies/${w === 'in' ? inAgency : outAgency}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  {
    name: 'create agency',
    method: 'POST',
    url: () => '/api/agencies',
    body: (w) => ({ name: `Tổ công tác ${++seq}`, kind: 'other', unitId: target(w) }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
  },
  {
    name: 'update agency',
    method: 'PATCH',
    url: (w) => `/api/agencies/${w === 'in' ? inAgency : outAgency}`,
    body: () => ({ shortName: `HND ${++seq}` }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
  },
  { name: 'list users', method: 'GET', url: () => '/api/users', roles: OFFICE, ok: 200, outStatus: 'ok', mutation: false },
  { name: 'get user', method: 'GET', url: (w) => `/api/users/${w === 'in' ? inUser : outUser}`, roles: OFFICE, ok: 200, outStatus: 404, mutation: false },
  {
    name: 'create user',
    method: 'POST',
    url: () => '/api/users',
    body: (w) => ({ login: `nguoi.dung.${++seq}`, name: 'Cán bộ mới', roles: ['commune_officer'], scopeUnitIds: [target(w)], password: 'mat-khau-dai-123' }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
  },
  {
    name: 'update user',
    method: 'PATCH',
    url: (w) => `/api/users/${w === 'in' ? inUser : outUser}`,
    body: () => ({ name: `Tên mới ${++seq}` }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
  },
  {
    name: 'reset password',
    method: 'POST',
    url: (w) => `/api/users/${w === 'in' ? inUser : outUser}/password`,
    body: () => ({ password: `mat-khau-moi-${++seq}` }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
  },
  { name: 'audit log', method: 'GET', url: () => '/api/audit', roles: OFFICE, ok: 200, outStatus: 'ok', mutation: false },
  { name: 'audit verify', method: 'GET', url: () => '/api/audit/verify', roles: ['system_admin'], ok: 200, outStatus: 'ok', mutation: false },
  { name: 'session', method: 'GET', url: () => '/api/auth/session', roles: roles, ok: 200, outStatus: 'ok', mutation: false },
  // Criteria sets are public legal data (every role reads them); changing a variant needs its province in scope.
  { name: 'list criteria sets', method: 'GET', url: () => '/api/criteria/sets', roles: roles, ok: 200, outStatus: 'ok', mutation: false, provinceScoped: true },
  { name: 'get criteria set', method: 'GET', url: (w) => `/api/criteria/sets/${variantOf[w]}`, roles: roles, ok: 200, outStatus: 'ok', mutation: false, provinceScoped: true },
  { name: 'diff criteria sets', method: 'GET', url: (w) => `/api/criteria/diff?from=${nationalSet}&to=${variantOf[w]}`, roles: roles, ok: 200, outStatus: 'ok', mutation: false, provinceScoped: true },
  {
    name: 'evaluate a commune',
    method: 'POST',
    url: () => `/api/criteria/sets/${nationalSet}/evaluate`,
    body: (w) => ({ unitId: target(w), year: 2024, values: { '3.1': 85 } }),
    roles: roles,
    ok: 200,
    outStatus: 404,
    mutation: false,
  },
  {
    name: 'clone criteria set into a variant',
    method: 'POST',
    url: () => `/api/criteria/sets/${nationalSet}/clone`,
    body: (w) => ({ kind: 'variant', provinceUnitId: province(w) }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'clone criteria set into a new version',
    method: 'POST',
    url: (w) => `/api/criteria/sets/${variantOf[w]}/clone`,
    body: () => ({ kind: 'version' }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'update criteria set',
    method: 'PATCH',
    url: (w) => `/api/criteria/sets/${take(pools.header, w)}`,
    body: () => ({ expectedVersion: 1, name: `Bộ tiêu chí ${++seq}` }),
    roles: OFFICE,
    ok: 200,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'update indicator',
    method: 'PATCH',
    url: (w) => `/api/criteria/sets/${take(pools.wording, w)}/indicators/KM.1`,
    body: () => ({ expectedVersion: 1, wording: `Lời văn chỉ tiêu ${++seq}` }),
    roles: OFFICE,
    ok: 200,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'confirm target',
    method: 'POST',
    url: (w) => `/api/criteria/sets/${take(pools.target, w)}/indicators/KM.2/targets`,
    body: () => ({ expectedVersion: 1, match: {}, value: 120, source: { document: 'QĐ 319/QĐ-TTg ngày 08/3/2022', article: 'Điều 1' }, verified: true }),
    roles: OFFICE,
    ok: 200,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'publish criteria set',
    method: 'POST',
    url: (w) => `/api/criteria/sets/${take(pools.publish, w)}/publish`,
    body: () => ({ expectedVersion: 1 }),
    roles: OFFICE,
    ok: 200,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  { name: 'criteria import template', method: 'GET', url: () => '/api/criteria/import-template.xlsx', roles: OFFICE, ok: 200, outStatus: 'ok', mutation: false },
  {
    name: 'criteria import preview',
    method: 'POST',
    url: () => '/api/criteria/import',
    body: (w) => ({ fileName: 'a.xlsx', contentBase64: workbookBase64, mode: 'preview', target: { newSet: { code: `NHAP_XEM_${++seq}`, name: 'Bộ nhập thử', level: 'ntm', legalBasis: 'Kiểm thử ma trận', validFrom: '2022-03-08', provinceUnitId: province(w) } } }),
    roles: OFFICE,
    ok: 200,
    outStatus: 403,
    mutation: false,
    provinceScoped: true,
  },
  {
    name: 'criteria import apply',
    method: 'POST',
    url: () => '/api/criteria/import',
    body: (w) => ({ fileName: 'a.xlsx', contentBase64: workbookBase64, mode: 'apply', target: { newSet: { code: `NHAP_${++seq}`, name: 'Bộ nhập thử', level: 'ntm', legalBasis: 'Kiểm thử ma trận', validFrom: '2022-03-08', provinceUnitId: province(w) } } }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
];

async function call(c: Client, e: Endpoint, w: Where) {
  const url = e.url(w);
  if (e.method === 'GET') return c.get(url);
  if (e.method === 'PATCH') return c.patch(url, e.body?.(w));
  return c.post(url, e.body?.(w));
}

describe.each(endpoints)('$name', (e) => {
  it('refuses anonymous callers with 401', async () => {
    const before = await dataFingerprint(t.db);
    const res = await call(t.anon, e, 'in');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    expect(await dataFingerprint(t.db)).toBe(before);
  });

  it.each(roles.flatMap((role) => (['in', 'out'] as const).map((w) => ({ role, w }))))('$role on a unit $w of scope', async ({ role, w }) => {
    const c = (e.provinceScoped ? provinceClients : clients).get(role)!;
    const allowed = e.roles.includes(role);
    const global = role === 'system_admin';
    const expected = !allowed ? 403 : w === 'in' || global || e.outStatus === 'ok' ? e.ok : e.outStatus;
    const before = e.mutation ? await dataFingerprint(t.db) : '';
    const res = await call(c, e, w);
    expect(res.statusCode, res.body).toBe(expected);
    if (expected >= 400) {
      expect(res.json().code).toBe(expected === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
      if (e.mutation) expect(await dataFingerprint(t.db)).toBe(before);
    } else if (e.mutation) {
      expect(await dataFingerprint(t.db)).not.toBe(before); // the change and its audit record landed
    }
  });
});

describe('reads are complete and limited to the scope', () => {
  it('a user scoped to Bát Xát district sees exactly its 21 communes in 2024 and nothing of 2025', async () => {
    const c = clients.get('district_reviewer')!;
    const y2024 = (await c.get('/api/units?level=commune&asOf=2024-06-01&limit=500')).json();
    expect(y2024.total).toBe(21);
    expect(y2024.items.every((u: { parentName: string }) => u.parentName === 'Huyện Bát Xát')).toBe(true);
    const roots = (await c.get('/api/units?roots=true&asOf=2024-06-01')).json();
    expect(roots.items.map((u: { name: string }) => u.name)).toEqual(['Huyện Bát Xát']);
    expect((await c.get('/api/units?asOf=2025-08-01')).json().total).toBe(0);
  });

  it("a 2025 commune's officer sees the commune and, through lineage, the old communes it was formed from", async () => {
    const batXat2025 = await t.unitId('02683', '2025-07-01');
    const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [batXat2025] });
    const now = (await officer.get('/api/units?asOf=2025-08-01')).json();
    expect(now.items.map((u: { name: string }) => u.name)).toEqual(['Xã Bát Xát']);
    const then = (await officer.get('/api/units?asOf=2024-06-01&limit=100')).json();
    expect(then.items.map((u: { code: string }) => u.code).sort()).toEqual(['02683', '02710', '02716', '02734', '02743']);
    expect((await officer.get(`/api/units/${outUnit}`)).statusCode).toBe(404);
  });

  it('the steering office of the merged province sees both former provinces, and its user list stays in scope', async () => {
    const province2025 = (await clients.get('system_admin')!.get('/api/units?roots=true&asOf=2025-07-01')).json().items[0].id as string;
    const office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province2025] });
    const roots2024 = (await office.get('/api/units?roots=true&asOf=2024-06-01')).json();
    expect(roots2024.items.map((u: { name: string }) => u.name).sort()).toEqual(['Tỉnh Lào Cai', 'Tỉnh Yên Bái']);
    const users = (await office.get('/api/users?limit=500')).json();
    const logins = users.items.map((u: { login: string }) => u.login);
    expect(logins).toContain('in.user');
    expect(logins).toContain('out.user');
    expect(users.items.some((u: { roles: string[] }) => u.roles.includes('system_admin'))).toBe(false);
    const narrow = (await clients.get('province_office')!.get('/api/users?limit=500')).json();
    const narrowLogins = narrow.items.map((u: { login: string }) => u.login);
    expect(narrowLogins).toContain('in.user');
    expect(narrowLogins).not.toContain('out.user');
  });

  it('only a system administrator may grant the system administrator role', async () => {
    const before = await dataFingerprint(t.db);
    const res = await clients.get('province_office')!.post('/api/users', {
      login: 'leo.thang',
      name: 'Leo thang',
      roles: ['system_admin'],
      scopeUnitIds: [inUnit],
      password: 'mat-khau-dai-123',
    });
    expect(res.statusCode).toBe(403);
    expect(await dataFingerprint(t.db)).toBe(before);
  });
});
