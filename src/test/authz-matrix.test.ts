/**
 * The authorisation matrix: every role against every endpoint, for a unit inside and a unit outside its scope.
 * Refusals must answer 403/404 and leave the data unchanged; reads must be complete and scope-limited.
 * Later features add their endpoints to `endpoints` below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../contracts/users.js';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addDays } from '../platform/dates.js';
import { queryRows } from '../platform/db/query.js';
import { createTestContext, dataFingerprint, type Client, type TestContext } from './app.js';
import { multipartFile, samples } from './multipart.js';

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
/**
 * Helping communes (issue 5): users of every role scoped to Xã Bát Xát (2025) and belonging to the agency assigned to
 * help it ("in"); "out" is another 2025 commune helped by another agency. Mutations take fresh rows from pools.
 */
const helpClients = new Map<Role, Client>();
let dataDir = '';
const assist = {
  unit: { in: '', out: '' },
  agency: { in: '', out: '' },
  assignment: { in: '', out: '' },
  activity: { in: '', out: '' },
  followUp: { in: '', out: '' },
  obstacle: { in: '', out: '' },
  file: { in: '', out: '' },
  poolAgency: '',
  createAgency: '',
};
const assistPools = { end: { in: [] as string[], out: [] as string[] }, replace: { in: [] as string[], out: [] as string[] }, transition: { in: [] as string[], out: [] as string[] } };
/** Start dates of the pooled assignments (their bodies are built from them). */
const poolStart = new Map<string, string>();
let lastTaken = '';
const upload = multipartFile(samples.png, 'anh.png');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-authz-'));
  t = await createTestContext({ MTQG_DATA_DIR: dataDir });
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
  await setUpAssistance(admin);
  await setUpAssessments(admin);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function setUpAssistance(admin: Client): Promise<void> {
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(res.body);
    return res.json() as { id: string; items: Array<{ id: string }>; followUps: Array<{ id: string }> };
  };
  const agency = async (q: string) => ((await admin.get(`/api/agencies?q=${encodeURIComponent(q)}`)).json() as { items: Array<{ id: string }> }).items[0]!.id;
  assist.unit.in = await t.unitId('02683', '2025-07-01');
  assist.unit.out = await t.unitId('02680', '2025-07-01');
  assist.agency.in = await agency('Sở Y tế');
  assist.agency.out = await agency('Sở Xây dựng');
  assist.poolAgency = await agency('Sở Tư pháp');
  assist.createAgency = await agency('Sở Nội vụ');
  const assign = (agencyId: string, unitId: string, validFrom: string, validTo: string | null = null) =>
    ok(admin.post('/api/assignments', { agencyId, unitIds: [unitId], validFrom, validTo, legalBasisDoc: 'QĐ 1/QĐ-BCĐ', legalBasisDate: '2025-06-30', leaderName: 'Lãnh đạo', team: [] }));
  for (const w of ['in', 'out'] as const) assist.assignment[w] = (await assign(assist.agency[w], assist.unit[w], '2025-07-01')).items[0]!.id;
  for (const role of roles) {
    helpClients.set(
      role,
      await t.userClient({ roles: [role], scopeUnitIds: role === 'system_admin' ? [] : [assist.unit.in], agencyId: assist.agency.in }),
    );
  }
  // Pooled obstacles of "in" are raised by the help team on the commune's behalf: every raising role may close them.
  const raiser = (w: Where) => (w === 'in' ? helpClients.get('help_team')! : admin);
  for (const w of ['in', 'out'] as const) {
    const a = await ok(
      admin.post('/api/activities', {
        unitId: assist.unit[w],
        agencyId: assist.agency[w],
        kind: 'field_visit',
        date: '2025-08-01',
        participants: 'Tổ giúp đỡ',
        content: 'Khảo sát',
        followUps: [{ text: 'Báo cáo', ownerName: 'UBND xã', dueDate: '2025-09-01' }],
      }),
    );
    assist.activity[w] = a.id;
    assist.followUp[w] = a.followUps[0]!.id;
    const raise = (by = admin) =>
      ok(by.post('/api/obstacles', { unitId: assist.unit[w], title: 'Vướng mắc', description: 'Mô tả', category: 'other', level: 'agency', assigneeAgencyId: assist.agency[w] }));
    assist.obstacle[w] = (await raise()).id;
    assist.file[w] = (await ok(admin.post(`/api/files?unitId=${assist.unit[w]}`, upload.body, upload.headers))).id;
    const calls = w === 'in' ? 1 + roles.length : roles.length;
    for (let i = 0; i < calls; i++) {
      for (const pool of ['end', 'replace'] as const) {
        const start = addDays(pool === 'end' ? '2040-01-01' : '2045-01-01', (i + (w === 'in' ? 0 : 100)) * 10);
        const id = (await assign(assist.poolAgency, assist.unit[w], start, addDays(start, 10))).items[0]!.id;
        poolStart.set(id, start);
        assistPools[pool][w].push(id);
      }
      assistPools.transition[w].push((await raise(raiser(w))).id);
    }
  }
}
/**
 * Assessments (issue 4): 2025 cycles on Xã Bát Xát ("in", reviewed by the help clients' agency at both steps) and on
 * Xã Hợp Thành ("out", reviewed by another agency). Pooled cycles are put into the state each action needs (directly
 * in SQL: the transitions themselves are tested in modules/assessments); saves use a fresh indicator code per call.
 */
const assess = {
  draft: { in: '', out: '' },
  cycle: { in: '', out: '' },
  codes: [] as string[],
  saveCodes: { in: [] as string[], out: [] as string[] },
  detachCodes: { in: [] as string[], out: [] as string[] },
  notification: new Map<string, string>(),
  otherNotification: '',
};
const assessPools = {
  submit: { in: [] as string[], out: [] as string[] },
  verdict: { in: [] as string[], out: [] as string[] },
  ret: { in: [] as string[], out: [] as string[] },
  forward: { in: [] as string[], out: [] as string[] },
  appraise: { in: [] as string[], out: [] as string[] },
  reopen: { in: [] as string[], out: [] as string[] },
  cycle: { in: [] as string[], out: [] as string[] },
};

async function setUpAssessments(admin: Client): Promise<void> {
  const setId = ((await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json() as { items: Array<{ id: string }> }).items[0]!.id;
  const open = async (w: Where) => {
    const agencyId = assist.agency[w];
    const res = await admin.post('/api/cycles', {
      setId,
      year: 2025,
      name: `Đợt kiểm thử ${++seq}`,
      deadlines: { submit: '2025-10-31', steps: {} },
      reviewChain: [
        { key: 'dept', level: 'department', label: 'Sở thẩm định', routing: 'agency', agencyId },
        { key: 'final', level: 'coordination_office', label: 'Văn phòng Điều phối', routing: 'agency', agencyId },
      ],
      communes: { kind: 'units', withinUnitId: assist.unit[w], unitIds: [assist.unit[w]] },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    const cycleId = (res.json() as { id: string }).id;
    const a = (await queryRows<{ id: string }>(t.db, sql`select id from assessment where cycle_id = ${cycleId}`))[0]!.id;
    return { cycleId, a };
  };
  const state = async (a: string, status: string, step: number | null, rows: string) => {
    await t.db.execute(sql`update assessment set status = ${status}, current_step = ${step}, locked = ${status === 'appraised'} where id = ${a}`);
    await t.db.execute(sql`update indicator_result set state = ${rows} where assessment_id = ${a}`);
  };
  for (const w of ['in', 'out'] as const) {
    const d = await open(w);
    assess.draft[w] = d.a;
    assess.cycle[w] = d.cycleId;
    const calls = w === 'in' ? 1 + roles.length : roles.length;
    for (let i = 0; i < calls; i++) {
      assessPools.submit[w].push((await open(w)).a);
      for (const [pool, status, step, rows] of [
        ['verdict', 'in_review', 0, 'submitted'],
        ['ret', 'in_review', 0, 'submitted'],
        ['forward', 'in_review', 0, 'reviewed'],
        ['appraise', 'in_review', 1, 'reviewed'],
        ['reopen', 'appraised', 1, 'appraised'],
      ] as const) {
        const x = (await open(w)).a;
        await state(x, status, step, rows);
        assessPools[pool][w].push(x);
      }
      assessPools.cycle[w].push((await open(w)).cycleId);
    }
  }
  assess.codes = (await queryRows<{ indicator_code: string }>(t.db, sql`select indicator_code from indicator_result where assessment_id = ${assess.draft.in} order by position`)).map((r) => r.indicator_code);
  for (const w of ['in', 'out'] as const) {
    assess.saveCodes[w] = assess.codes.slice(0, 12);
    assess.detachCodes[w] = assess.codes.slice(20, 32);
    for (const code of assess.detachCodes[w]) {
      await t.db.execute(
        sql`insert into result_evidence (result_id, file_id)
            select r.id, ${assist.file[w]}::uuid from indicator_result r where r.assessment_id = ${assess.draft[w]} and r.indicator_code = ${code}`,
      );
    }
  }
  for (const c of helpClients.values()) {
    const n = await queryRows<{ id: string }>(t.db, sql`insert into notification (user_id, kind, title) values (${c.user.id}, 'assessment_returned', 'Kiểm thử') returning id`);
    assess.notification.set(c.user.id, n[0]!.id);
  }
  const other = await queryRows<{ id: string }>(t.db, sql`insert into notification (user_id, kind, title) values (${inUser}, 'assessment_returned', 'Của người khác') returning id`);
  assess.otherNotification = other[0]!.id;
}

const takeAssist = (pool: { in: string[]; out: string[] }, w: Where): string => (lastTaken = take(pool, w));

type Where = 'in' | 'out';
interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (w: Where) => string;
  /** When the target depends on the caller (their own notification). */
  urlFor?: (w: Where, c: Client) => string;
  body?: (w: Where) => unknown;
  /** Roles allowed to try the action at all (others: 403). */
  roles: readonly Role[];
  /** Success status; out-of-scope targets answer `outStatus` (404 when the target itself is hidden, 403 when a referenced unit is). */
  ok: number;
  outStatus: 404 | 403 | 'ok';
  mutation: boolean;
  /** Run with the province-scoped users (criteria variants: in = former Lào Cai province, out = Yên Bái). */
  provinceScoped?: boolean;
  /** Run with the users of the agency helping Xã Bát Xát (helping communes: in = Xã Bát Xát, out = Xã Hợp Thành). */
  helpScoped?: boolean;
  headers?: () => Record<string, string>;
}
const HELPERS: Role[] = ['system_admin', 'help_team', 'department_reviewer'];
const RAISERS: Role[] = ['system_admin', 'province_office', 'help_team', 'department_reviewer', 'commune_officer'];
const SIGNALS: Role[] = ['system_admin', 'province_office', 'viewer'];

const OFFICE: Role[] = ['system_admin', 'province_office'];
/** Reviewers of a step routed to the help clients' agency (assessments). */
const REVIEWERS: Role[] = ['system_admin', 'province_office', 'district_reviewer', 'department_reviewer'];
const MAINTENANCE: Role[] = ['system_admin', 'province_office', 'viewer', 'district_reviewer', 'department_reviewer'];
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
  // Helping communes (issue 5)
  {
    name: 'upload a file',
    method: 'POST',
    url: (w) => `/api/files?unitId=${assist.unit[w]}`,
    body: () => upload.body,
    headers: () => upload.headers,
    roles: RAISERS,
    ok: 201,
    outStatus: 403,
    mutation: true,
    helpScoped: true,
  },
  { name: 'download a file', method: 'GET', url: (w) => `/api/files/${assist.file[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  { name: 'list assignments', method: 'GET', url: () => '/api/assignments', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'get assignment', method: 'GET', url: (w) => `/api/assignments/${assist.assignment[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'create assignment',
    method: 'POST',
    url: () => '/api/assignments',
    body: (w) => {
      const start = addDays('2050-01-01', ++seq * 2);
      return { agencyId: assist.createAgency, unitIds: [assist.unit[w]], validFrom: start, validTo: addDays(start, 1), legalBasisDoc: 'QĐ 2/QĐ-BCĐ', legalBasisDate: '2025-06-30', leaderName: 'Lãnh đạo', team: [{ name: 'Thành viên', role: 'Tổ trưởng' }] };
    },
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'end assignment',
    method: 'POST',
    url: (w) => `/api/assignments/${takeAssist(assistPools.end, w)}/end`,
    body: () => ({ validTo: addDays(poolStart.get(lastTaken)!, 5) }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'replace assignment',
    method: 'POST',
    url: (w) => `/api/assignments/${takeAssist(assistPools.replace, w)}/replace`,
    body: () => {
      const start = addDays(poolStart.get(lastTaken)!, 2);
      return { validFrom: start, legalBasisDoc: 'QĐ 3/QĐ-BCĐ', legalBasisDate: '2025-06-30', leaderName: 'Lãnh đạo mới', team: [] };
    },
    roles: OFFICE,
    ok: 201,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  { name: 'list activities', method: 'GET', url: () => '/api/activities', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'activity calendar', method: 'GET', url: () => '/api/activities/calendar?from=2025-07-01&to=2025-12-31', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'get activity', method: 'GET', url: (w) => `/api/activities/${assist.activity[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'create activity',
    method: 'POST',
    url: () => '/api/activities',
    body: (w) => ({
      unitId: assist.unit[w],
      agencyId: assist.agency[w],
      kind: 'guidance',
      date: '2025-09-01',
      participants: 'Tổ giúp đỡ',
      content: `Hướng dẫn lần ${++seq}`,
      supportValueVnd: 1_000_000,
      followUps: [{ text: 'Nộp báo cáo', ownerName: 'UBND xã', dueDate: '2025-10-01' }],
    }),
    roles: HELPERS,
    ok: 201,
    outStatus: 403,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'update follow-up',
    method: 'PATCH',
    url: (w) => `/api/activities/${assist.activity[w]}/follow-ups/${assist.followUp[w]}`,
    body: () => ({ status: ++seq % 2 ? 'done' : 'open' }),
    roles: [...HELPERS, 'province_office'],
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  { name: 'list obstacles', method: 'GET', url: () => '/api/obstacles', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'get obstacle', method: 'GET', url: (w) => `/api/obstacles/${assist.obstacle[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'raise obstacle',
    method: 'POST',
    url: () => '/api/obstacles',
    body: (w) => ({ unitId: assist.unit[w], title: `Vướng mắc ${++seq}`, description: 'Thiếu kinh phí đối ứng', category: 'funding', criteria: ['2'] }),
    roles: RAISERS,
    ok: 201,
    outStatus: 403,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'obstacle transition',
    method: 'POST',
    url: (w) => `/api/obstacles/${takeAssist(assistPools.transition, w)}/transitions`,
    body: () => ({ action: 'close', expectedVersion: 1, text: 'Xã đã tự giải quyết' }), // the raising side (and the office) closes
    roles: RAISERS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'obstacle reply',
    method: 'POST',
    url: (w) => `/api/obstacles/${assist.obstacle[w]}/replies`,
    body: () => ({ text: `Trao đổi ${++seq}` }),
    roles: RAISERS,
    ok: 201,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  { name: 'inbox', method: 'GET', url: () => '/api/inbox', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'signal: no visit', method: 'GET', url: () => '/api/signals/no-visit?days=30', roles: SIGNALS, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'signal: no helper', method: 'GET', url: () => '/api/signals/no-helper', roles: SIGNALS, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'signal: overdue obstacles', method: 'GET', url: () => '/api/signals/overdue-obstacles', roles: SIGNALS, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'signal: scorecards', method: 'GET', url: () => '/api/signals/scorecards?from=2025-07-01&to=2025-12-31', roles: SIGNALS, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  // Assessments (issue 4)
  { name: 'list cycles', method: 'GET', url: () => '/api/cycles', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'get cycle', method: 'GET', url: (w) => `/api/cycles/${assess.cycle[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'open cycle',
    method: 'POST',
    url: () => '/api/cycles',
    body: (w) => ({
      setId: nationalSet,
      year: 2025,
      name: `Đợt đánh giá ${++seq}`,
      deadlines: { submit: null, steps: {} },
      reviewChain: [{ key: 'final', level: 'coordination_office', label: 'Văn phòng Điều phối', routing: 'agency', agencyId: assist.agency[w] }],
      communes: { kind: 'units', withinUnitId: assist.unit[w], unitIds: [assist.unit[w]] },
    }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'update cycle',
    method: 'PATCH',
    url: (w) => `/api/cycles/${take(assessPools.cycle, w)}`,
    body: () => ({ expectedVersion: 1, name: `Đợt đổi tên ${++seq}` }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  { name: 'list assessments', method: 'GET', url: () => '/api/assessments', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'get assessment', method: 'GET', url: (w) => `/api/assessments/${assess.draft[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  { name: 'assessment form', method: 'GET', url: (w) => `/api/assessments/${assess.draft[w]}/form`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  { name: 'assessment history', method: 'GET', url: (w) => `/api/assessments/${assess.draft[w]}/history`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'save indicator',
    method: 'PUT',
    url: (w) => `/api/assessments/${assess.draft[w]}/results/${take(assess.saveCodes, w)}`,
    body: () => ({ value: null, note: `Ghi chú ${++seq}`, baseVersion: 1, opId: randomUUID() }),
    roles: ['system_admin', 'commune_officer'],
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'attach evidence',
    method: 'POST',
    url: (w) => `/api/assessments/${assess.draft[w]}/results/${assess.codes[15]}/evidence`,
    body: (w) => ({ fileId: assist.file[w] }),
    roles: ['system_admin', 'commune_officer'],
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'detach evidence',
    method: 'DELETE',
    url: (w) => `/api/assessments/${assess.draft[w]}/results/${take(assess.detachCodes, w)}/evidence/${assist.file[w]}`,
    roles: ['system_admin', 'commune_officer'],
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'submit assessment',
    method: 'POST',
    url: (w) => `/api/assessments/${take(assessPools.submit, w)}/submit`,
    body: () => ({ expectedVersion: 1 }),
    roles: ['system_admin', 'commune_officer'],
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'give verdicts',
    method: 'POST',
    url: (w) => `/api/assessments/${take(assessPools.verdict, w)}/verdicts`,
    body: () => ({ items: [{ code: assess.codes[0], baseVersion: 1, verdict: 'met', reason: 'Đã kiểm tra thực tế' }] }),
    roles: REVIEWERS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'return indicators',
    method: 'POST',
    url: (w) => `/api/assessments/${take(assessPools.ret, w)}/returns`,
    body: () => ({ expectedVersion: 1, items: [{ code: assess.codes[0], baseVersion: 1, reason: 'Thiếu hồ sơ minh chứng' }] }),
    roles: REVIEWERS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'forward assessment',
    method: 'POST',
    url: (w) => `/api/assessments/${take(assessPools.forward, w)}/forward`,
    body: () => ({ expectedVersion: 1 }),
    roles: REVIEWERS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'appraise assessment',
    method: 'POST',
    url: (w) => `/api/assessments/${take(assessPools.appraise, w)}/appraise`,
    body: () => ({ expectedVersion: 1 }),
    roles: REVIEWERS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'reopen assessment',
    method: 'POST',
    url: (w) => `/api/assessments/${take(assessPools.reopen, w)}/reopen`,
    body: () => ({ expectedVersion: 1, codes: [assess.codes[0]], reason: 'Phát hiện sai số liệu' }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  { name: 'list recognitions', method: 'GET', url: (w) => `/api/communes/${assist.unit[w]}/recognitions`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'record recognition',
    method: 'POST',
    url: (w) => `/api/communes/${assist.unit[w]}/recognitions`,
    body: () => ({ kind: 'recognition', level: 'ntm', year: 2025, decisionNo: `${++seq}/QĐ-UBND`, decisionDate: '2025-12-01' }),
    roles: OFFICE,
    ok: 201,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  { name: 'commune profile', method: 'GET', url: (w) => `/api/communes/${assist.unit[w]}/profile?year=2025`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  { name: 'maintenance review', method: 'GET', url: () => '/api/maintenance?year=2025', roles: MAINTENANCE, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'list notifications', method: 'GET', url: () => '/api/notifications', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  {
    name: 'mark notification read',
    method: 'POST',
    url: () => '',
    // personal even for a system administrator: "out" is another user's notification, except for the admin (own again)
    urlFor: (w, c) =>
      `/api/notifications/${w === 'in' || c === helpClients.get('system_admin') ? (assess.notification.get(c.user.id) ?? assess.otherNotification) : assess.otherNotification}/read`,
    roles: roles,
    ok: 200,
    outStatus: 404,
    mutation: false, // read marks are personal state, not audited
    helpScoped: true,
  },
];

async function call(c: Client, e: Endpoint, w: Where) {
  const url = e.urlFor ? e.urlFor(w, c) : e.url(w);
  if (e.method === 'GET') return c.get(url);
  if (e.method === 'PATCH') return c.patch(url, e.body?.(w));
  if (e.method === 'PUT') return c.put(url, e.body?.(w));
  if (e.method === 'DELETE') return c.del(url);
  return c.post(url, e.body?.(w), e.headers?.());
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
    const c = (e.provinceScoped ? provinceClients : e.helpScoped ? helpClients : clients).get(role)!;
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

  it('a help-team member sees and writes only the communes its agency helps', async () => {
    const c = helpClients.get('help_team')!;
    const units = (await c.get('/api/units?level=commune&asOf=2025-08-01')).json();
    expect(units.items.map((u: { id: string }) => u.id)).toEqual([assist.unit.in]);
    const lists = ['/api/activities', '/api/obstacles', '/api/assignments'];
    for (const url of lists) {
      const items = (await c.get(`${url}?limit=500`)).json().items as Array<{ unit: { id: string } }>;
      expect(items.length, url).toBeGreaterThan(0);
      expect(items.every((i) => i.unit.id === assist.unit.in), url).toBe(true);
    }
    const all = (await clients.get('system_admin')!.get('/api/obstacles?limit=500')).json();
    expect(all.items.some((i: { unit: { id: string } }) => i.unit.id === assist.unit.out)).toBe(true);
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
