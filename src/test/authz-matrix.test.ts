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
  await setUpResources(admin);
  await setUpMaps();
  await setUpValueImports(admin);
  await setUpPlans();
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
  review: { in: [] as string[], out: [] as string[] },
  forward: { in: [] as string[], out: [] as string[] },
  appraise: { in: [] as string[], out: [] as string[] },
  reopen: { in: [] as string[], out: [] as string[] },
  cycle: { in: [] as string[], out: [] as string[] },
  closeCycle: { in: [] as string[], out: [] as string[] },
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
        ['review', 'in_review', 0, 'submitted'],
        ['forward', 'in_review', 0, 'reviewed'],
        ['appraise', 'in_review', 1, 'reviewed'],
        ['reopen', 'appraised', 1, 'appraised'],
      ] as const) {
        const x = (await open(w)).a;
        await state(x, status, step, rows);
        assessPools[pool][w].push(x);
      }
      assessPools.cycle[w].push((await open(w)).cycleId);
      assessPools.closeCycle[w].push((await open(w)).cycleId);
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
  {
    name: 'close cycle',
    method: 'PATCH',
    url: (w) => `/api/cycles/${take(assessPools.closeCycle, w)}`,
    body: () => ({ expectedVersion: 1, status: 'closed', closeReason: 'Kết thúc đợt đánh giá' }),
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
    name: 'review assessment (verdicts and returns at once)',
    method: 'POST',
    url: (w) => `/api/assessments/${take(assessPools.review, w)}/review`,
    body: () => ({
      expectedVersion: 1,
      verdicts: [{ code: assess.codes[0], baseVersion: 1, verdict: 'met', reason: 'Đã kiểm tra thực tế' }],
      returns: [{ code: assess.codes[1], baseVersion: 1, reason: 'Thiếu hồ sơ minh chứng' }],
    }),
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
  { name: 'dashboard', method: 'GET', url: (w) => `/api/dashboard?year=2025&unitId=${assist.unit[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'dashboard rows behind a figure',
    method: 'GET',
    url: (w) => `/api/dashboard/communes?year=2025&unitId=${assist.unit[w]}&filter=all`,
    roles: roles,
    ok: 200,
    outStatus: 404,
    mutation: false,
    helpScoped: true,
  },
  { name: 'list notifications', method: 'GET', url: () => '/api/notifications', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  // Standard reports (issue 7): every role reads reports of its scope (a unit outside it → 404); the maintenance review
  // keeps its grant; the narrative report is for leaders (the maintenance roles).
  { name: 'report catalog', method: 'GET', url: () => '/api/reports', roles: roles, ok: 200, outStatus: 'ok', mutation: false },
  { name: 'report view', method: 'GET', url: (w) => `/api/reports/criteria-achievement?year=2024&unitId=${target(w)}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  { name: 'report .xlsx', method: 'GET', url: (w) => `/api/reports/bands/xlsx?year=2024&unitId=${target(w)}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  { name: 'report resources (resourceTotals)', method: 'GET', url: (w) => `/api/reports/resources?year=2024&unitId=${target(w)}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  { name: 'report target progress (targetProgress)', method: 'GET', url: () => '/api/reports/target-progress?year=2024', roles: roles, ok: 200, outStatus: 'ok', mutation: false },
  { name: 'report commune profile', method: 'GET', url: (w) => `/api/reports/commune-profile?year=2024&communeId=${target(w)}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  { name: 'report maintenance .xlsx', method: 'GET', url: (w) => `/api/reports/maintenance/xlsx?year=2024&unitId=${target(w)}`, roles: MAINTENANCE, ok: 200, outStatus: 404, mutation: false },
  { name: 'narrative report view', method: 'GET', url: (w) => `/api/reports/narrative?year=2024&unitId=${target(w)}`, roles: MAINTENANCE, ok: 200, outStatus: 404, mutation: false },
  { name: 'narrative report .docx', method: 'GET', url: (w) => `/api/reports/narrative/docx?year=2024&unitId=${target(w)}`, roles: MAINTENANCE, ok: 200, outStatus: 404, mutation: false },
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
  {
    name: 'mark all notifications read',
    method: 'POST',
    url: () => '/api/notifications/read-all',
    roles: roles,
    ok: 200,
    outStatus: 'ok',
    mutation: false, // personal state, not audited; only the caller's own rows are touched
    helpScoped: true,
  },
];

/**
 * Programmes and resources (issue 6): entries on Xã Bát Xát ("in") and Xã Hợp Thành ("out") made by the admin in
 * 2025; edits and deletions take fresh entries (version 1) from pools.
 */
const resData = { programme: '', entry: { in: '', out: '' } };
const resPools = { update: { in: [] as string[], out: [] as string[] }, remove: { in: [] as string[], out: [] as string[] } };
const resourceBody = (w: Where) => ({
  unitId: assist.unit[w],
  year: 2025,
  componentId: null,
  source: 'commune_budget',
  workName: `Nhà văn hóa thôn ${++seq}`,
  plannedVnd: 200_000_000,
  allocatedVnd: 150_000_000,
  disbursedVnd: 100_000_000,
});

async function setUpResources(admin: Client): Promise<void> {
  resData.programme = ((await admin.get('/api/programmes')).json() as { items: Array<{ id: string }> }).items[0]!.id;
  const create = async (w: Where) => {
    const r = await admin.post('/api/resources', resourceBody(w));
    if (r.statusCode !== 201) throw new Error(r.body);
    return (r.json() as { id: string }).id;
  };
  for (const w of ['in', 'out'] as const) {
    resData.entry[w] = await create(w);
    const calls = w === 'in' ? 1 + roles.length : roles.length;
    for (let i = 0; i < calls; i++) {
      resPools.update[w].push(await create(w));
      resPools.remove[w].push(await create(w));
    }
  }
}

const RESOURCE_WRITERS: Role[] = ['system_admin', 'province_office', 'department_reviewer', 'help_team', 'commune_officer'];
const resourceEndpoints: Endpoint[] = [
  { name: 'list programmes', method: 'GET', url: () => '/api/programmes', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'get programme', method: 'GET', url: () => `/api/programmes/${resData.programme}`, roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'list resources', method: 'GET', url: (w) => `/api/resources?unitId=${assist.unit[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'resource totals',
    method: 'GET',
    url: (w) => `/api/resources/totals?unitId=${assist.unit[w]}&groupBy=source`,
    roles: roles,
    ok: 200,
    outStatus: 404,
    mutation: false,
    helpScoped: true,
  },
  { name: 'get resource entry', method: 'GET', url: (w) => `/api/resources/${resData.entry[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'create resource entry',
    method: 'POST',
    url: () => '/api/resources',
    body: (w) => resourceBody(w),
    roles: RESOURCE_WRITERS,
    ok: 201,
    outStatus: 403,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'update resource entry',
    method: 'PATCH',
    url: (w) => `/api/resources/${take(resPools.update, w)}`,
    body: (w) => {
      const { unitId: _unit, ...rest } = resourceBody(w);
      return { ...rest, disbursedVnd: 150_000_000, expectedVersion: 1 };
    },
    roles: RESOURCE_WRITERS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'delete resource entry',
    method: 'DELETE',
    url: (w) => `/api/resources/${take(resPools.remove, w)}?expectedVersion=1`,
    roles: RESOURCE_WRITERS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
];
endpoints.push(...resourceEndpoints);

/**
 * Maps (issue 7): boundary sets of the former Lào Cai province ("in", feature on Xã Bản Vược) and of the former Yên Bái
 * province ("out", feature on Phường Yên Thịnh), inserted directly; deletions take fresh sets from pools. Uploads send
 * a one-feature GeoJSON for a commune of each province (run with the province-scoped users).
 */
const mapData = { set: { in: '', out: '' }, remove: { in: [] as string[], out: [] as string[] }, code: { in: '02710', out: '04249' } };
const MAP_BOUNDARY = '----mtqgmapsmatrix';
const mapUpload = (w: Where) => {
  const [x, y] = w === 'in' ? [103.95, 22.6] : [104.87, 21.7];
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { ma_xa: mapData.code[w] }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.02], [x, y + 0.02], [x, y]]] } }],
  });
  return Buffer.from(
    `--${MAP_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="ranh-gioi.geojson"\r\nContent-Type: application/geo+json\r\n\r\n${geojson}\r\n--${MAP_BOUNDARY}--\r\n`,
  );
};

async function setUpMaps(): Promise<void> {
  const mk = async (w: Where) => {
    const unitId = w === 'in' ? inUnit : await t.unitId(mapData.code.out, '2024-12-31');
    const [file] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into stored_file (sha256, mime, size, original_name, unit_id) values (${'0'.repeat(64)}, 'application/geo+json', 100, 'ranh-gioi.geojson', ${province(w)}) returning id`,
    );
    const [set] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into boundary_set (name, province_unit_id, year_from, year_to, as_of, code_property, file_id, feature_count, bbox,
                                    points_original, points_simplified, payload_gzip_bytes, is_active)
          values ('Kiểm thử', ${province(w)}, 2024, 2024, '2024-12-31', 'ma_xa', ${file!.id}, 1, '[103.9, 22.5, 104, 22.6]'::jsonb, 5, 5, 100, false)
          returning id`,
    );
    await t.db.execute(
      sql`insert into boundary_feature (set_id, unit_id, code, geometry, area_km2)
          values (${set!.id}, ${unitId}, ${mapData.code[w]}, '{"rings":[[1039000,225000,1000,0,0,1000,-1000,-1000]]}'::jsonb, 100)`,
    );
    return set!.id;
  };
  for (const w of ['in', 'out'] as const) {
    mapData.set[w] = await mk(w);
    const calls = w === 'in' ? 1 + roles.length : roles.length;
    for (let i = 0; i < calls; i++) mapData.remove[w].push(await mk(w));
  }
}

const mapEndpoints: Endpoint[] = [
  {
    name: 'upload boundaries',
    method: 'POST',
    url: () => '/api/maps/boundaries?name=Ranh%20gi%E1%BB%9Bi&yearFrom=2024&yearTo=2024',
    body: (w) => mapUpload(w),
    headers: () => ({ 'content-type': `multipart/form-data; boundary=${MAP_BOUNDARY}` }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  { name: 'map boundaries', method: 'GET', url: (w) => `/api/maps/boundaries?year=2024&unitId=${target(w)}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  { name: 'map values', method: 'GET', url: (w) => `/api/maps/values?year=2024&setId=${nationalSet}&unitId=${target(w)}`, roles: roles, ok: 200, outStatus: 404, mutation: false },
  { name: 'list boundary sets', method: 'GET', url: () => '/api/maps/boundary-sets?year=2024', roles: roles, ok: 200, outStatus: 'ok', mutation: false, provinceScoped: true },
  {
    name: 'activate boundary set',
    method: 'POST',
    url: (w) => `/api/maps/boundary-sets/${mapData.set[w]}/activation`,
    body: () => ({ active: ++seq % 2 === 0 }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'delete boundary set',
    method: 'DELETE',
    url: (w) => `/api/maps/boundary-sets/${take(mapData.remove, w)}`,
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    provinceScoped: true,
  },
];
endpoints.push(...mapEndpoints);

/**
 * Excel import of values (issue 7): jobs uploaded by the admin for Xã Bát Xát ("in") and Xã Hợp Thành ("out") in the
 * draft assessments' cycles; each apply takes a fresh validated job (a note on its own indicator).
 */
const valueImport: { job: Record<Where, string>; pool: Record<Where, string[]>; file: Buffer } = { job: { in: '', out: '' }, pool: { in: [], out: [] }, file: Buffer.alloc(0) };
const VALUE_IMPORT: Role[] = ['system_admin', 'province_office', 'commune_officer'];
async function valuesWorkbook(rows: Array<[string, string]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhập giá trị');
  ws.addRow(['Mã xã', 'Mã chỉ tiêu', 'Giá trị mới', 'Ghi chú']);
  for (const [code, note] of rows) ws.addRow(['', code, null, note]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
let valuesMultipart: ReturnType<typeof multipartFile> | undefined;
/** One multipart body (one boundary) for the body and its content-type header. */
const valuesUpload = () => (valuesMultipart ??= multipartFile(valueImport.file, 'gia-tri.xlsx'));
async function setUpValueImports(admin: Client): Promise<void> {
  valueImport.file = await valuesWorkbook([[assess.codes[40]!, 'Ghi chú kiểm thử']]);
  const make = async (w: Where, code: string) => {
    const mp = multipartFile(await valuesWorkbook([[code, `Ghi chú ${++seq}`]]), 'gia-tri.xlsx');
    const res = await admin.post(`/api/cycles/${assess.cycle[w]}/value-imports?unitId=${assist.unit[w]}`, mp.body, mp.headers);
    if (res.statusCode !== 202) throw new Error(res.body);
    const id = (res.json() as { id: string }).id;
    for (let i = 0; i < 300; i++) {
      const job = (await admin.get(`/api/value-imports/${id}`)).json() as { status: string; counts: { errors: number; changes: number } };
      if (job.status !== 'parsing') {
        if (job.status !== 'validated' || job.counts.errors || job.counts.changes !== 1) throw new Error(`value import job ${JSON.stringify(job)}`);
        return id;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('value import job did not finish');
  };
  for (const w of ['in', 'out'] as const) {
    valueImport.job[w] = await make(w, assess.codes[33]!);
    const calls = w === 'in' ? 1 + roles.length : roles.length;
    for (let i = 0; i < calls; i++) valueImport.pool[w].push(await make(w, assess.codes[41 + i]!));
  }
}
const valueImportEndpoints: Endpoint[] = [
  { name: 'values template', method: 'GET', url: (w) => `/api/cycles/${assess.cycle[w]}/values-template.xlsx`, roles: VALUE_IMPORT, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'upload values workbook',
    method: 'POST',
    url: (w) => `/api/cycles/${assess.cycle[w]}/value-imports`,
    body: () => valuesUpload().body,
    headers: () => valuesUpload().headers,
    roles: VALUE_IMPORT,
    ok: 202,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  { name: 'values import job', method: 'GET', url: (w) => `/api/value-imports/${valueImport.job[w]}`, roles: VALUE_IMPORT, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  { name: 'values import errors file', method: 'GET', url: (w) => `/api/value-imports/${valueImport.job[w]}/errors.xlsx`, roles: VALUE_IMPORT, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'apply values import',
    method: 'POST',
    url: (w) => `/api/value-imports/${take(valueImport.pool, w)}/apply`,
    body: () => ({ expectedVersion: 2 }),
    roles: VALUE_IMPORT,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
];
endpoints.push(...valueImportEndpoints);

/**
 * Plans and targets (issue 6). Target lists run with the province-scoped users (in = a 2024 list of the former Lào Cai
 * province, out = one of Yên Bái); commune plans with the users of the agency helping Xã Bát Xát (in = its plans,
 * out = Xã Hợp Thành's). Mutations that carry a version take fresh rows from pools (written directly: the flows are
 * tested in modules/targets and modules/plans).
 */
const plansAuthz = {
  commune: { in: '', out: '' }, // a 2024 commune of each province
  list: { in: '', out: '' },
  plan: { in: '', out: '' },
};
const plansPools = {
  listEdit: { in: [] as string[], out: [] as string[] },
  listAdopt: { in: [] as string[], out: [] as string[] },
  listAdd: { in: [] as string[], out: [] as string[] },
  listRemove: { in: [] as string[], out: [] as string[] },
  planEdit: { in: [] as string[], out: [] as string[] },
  planCriteria: { in: [] as string[], out: [] as string[] },
  task: { in: [] as string[], out: [] as string[] }, // "planId/taskId"
  copyYear: { in: [] as string[], out: [] as string[] },
};
let planSeq = 0;
/** Periods of the plans created through the endpoint (2028–2029, 2028–2030, …): each call a new one. */
let createPlanSeq = 0;

async function setUpPlans(): Promise<void> {
  const { insertList, insertCommunes } = await import('../modules/targets/targets.repo.js');
  const { insertPlan, insertTasks } = await import('../modules/plans/plans.repo.js');
  const communeOf = async (province: string) =>
    (
      await queryRows<{ id: string }>(
        t.db,
        sql`with recursive s(id) as (select ${province}::uuid union select u.id from unit u join s on u.parent_id = s.id)
            select u.id from unit u join s on s.id = u.id where u.level = 'commune' and u.valid_from is null and (u.valid_to is null or u.valid_to > '2024-12-31')
            order by u.code limit 1`,
      )
    )[0]!.id;
  plansAuthz.commune.in = inUnit;
  plansAuthz.commune.out = await communeOf(outProvince);
  const list = async (w: Where, opts: { commune?: boolean; doc?: boolean } = {}) => {
    const id = await insertList(t.db, {
      provinceUnitId: province(w),
      year: 2024,
      title: `Danh sách kiểm thử ${++planSeq}`,
      documentNo: opts.doc ? '1/KH-BCĐ' : null,
      documentDate: opts.doc ? '2024-03-01' : null,
      note: null,
      createdBy: null,
    });
    if (opts.commune) await insertCommunes(t.db, id, [{ unitId: plansAuthz.commune[w], targetLevel: 'ntm', helperAgencyId: null, note: null }], null);
    return id;
  };
  const plan = (w: Where, year: number, yearTo = year) =>
    insertPlan(t.db, {
      unitId: assist.unit[w], kind: yearTo === year ? 'annual' : 'phase', yearFrom: year, yearTo, title: `Kế hoạch kiểm thử ${year}–${yearTo}`,
      targetLevel: 'ntm', targetYear: yearTo, note: null, copiedFromId: null, createdBy: null,
    });
  for (const w of ['in', 'out'] as const) {
    plansAuthz.list[w] = await list(w, { commune: true });
    plansAuthz.plan[w] = await plan(w, 2026);
    const calls = w === 'in' ? 1 + roles.length : roles.length;
    for (let i = 0; i < calls; i++) {
      plansPools.listEdit[w].push(await list(w));
      plansPools.listAdopt[w].push(await list(w, { commune: true, doc: true }));
      plansPools.listAdd[w].push(await list(w));
      plansPools.listRemove[w].push(await list(w, { commune: true }));
      // Fresh phase plans (one per call) for versioned edits; copies make the annual plan of an odd year from the even
      // year before it.
      plansPools.planEdit[w].push(await plan(w, 2026, 2030 + i));
      plansPools.planCriteria[w].push(await plan(w, 2027, 2030 + i));
      plansPools.copyYear[w].push(String(2031 + 2 * i));
      await plan(w, 2030 + 2 * i);
      const [task] = await insertTasks(
        t.db,
        plansAuthz.plan[w],
        [{ criterionNumber: null, title: `Việc kiểm thử ${i}`, responsibleAgencyId: assist.agency[w], responsibleName: null, deadline: null, estimatedCostVnd: null, status: 'todo', progressNote: null }],
        null,
      );
      plansPools.task[w].push(`${plansAuthz.plan[w]}/${task}`);
    }
  }
}

const PLAN_EDITORS: Role[] = ['system_admin', 'commune_officer'];
const PLAN_TASKS: Role[] = ['system_admin', 'commune_officer', 'help_team', 'department_reviewer'];
const planEndpoints: Endpoint[] = [
  { name: 'list target lists', method: 'GET', url: () => '/api/target-lists?year=2024', roles: roles, ok: 200, outStatus: 'ok', mutation: false, provinceScoped: true },
  { name: 'get target list', method: 'GET', url: (w) => `/api/target-lists/${plansAuthz.list[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, provinceScoped: true },
  {
    name: 'target list candidates',
    method: 'GET',
    url: (w) => `/api/target-lists/${plansAuthz.list[w]}/candidates?q=xa`,
    roles: roles,
    ok: 200,
    outStatus: 404,
    mutation: false,
    provinceScoped: true,
  },
  {
    name: 'create target list',
    method: 'POST',
    url: () => '/api/target-lists',
    body: (w) => ({ provinceUnitId: province(w), year: 2024, title: `Danh sách ${++planSeq}` }),
    roles: OFFICE,
    ok: 201,
    outStatus: 403,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'update target list',
    method: 'PATCH',
    url: (w) => `/api/target-lists/${take(plansPools.listEdit, w)}`,
    body: () => ({ expectedVersion: 1, documentNo: '2/KH-BCĐ' }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'adopt target list',
    method: 'POST',
    url: (w) => `/api/target-lists/${take(plansPools.listAdopt, w)}/transitions`,
    body: () => ({ action: 'adopt', expectedVersion: 1 }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'add communes to target list',
    method: 'POST',
    url: (w) => `/api/target-lists/${take(plansPools.listAdd, w)}/communes`,
    body: (w) => ({ expectedVersion: 1, items: [{ unitId: plansAuthz.commune[w], targetLevel: 'ntm' }] }),
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    provinceScoped: true,
  },
  {
    name: 'remove commune from target list',
    method: 'DELETE',
    url: (w) => `/api/target-lists/${take(plansPools.listRemove, w)}/communes/${plansAuthz.commune[w]}?expectedVersion=1`,
    roles: OFFICE,
    ok: 200,
    outStatus: 404,
    mutation: true,
    provinceScoped: true,
  },
  { name: 'list plans', method: 'GET', url: (w) => `/api/plans?unitId=${assist.unit[w]}`, roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'plans summary', method: 'GET', url: () => '/api/plans/summary?year=2026', roles: roles, ok: 200, outStatus: 'ok', mutation: false, helpScoped: true },
  { name: 'get plan', method: 'GET', url: (w) => `/api/plans/${plansAuthz.plan[w]}`, roles: roles, ok: 200, outStatus: 404, mutation: false, helpScoped: true },
  {
    name: 'create plan',
    method: 'POST',
    url: () => '/api/plans',
    body: (w) => ({ unitId: assist.unit[w], kind: 'phase', yearFrom: 2028, yearTo: 2028 + ++createPlanSeq, targetLevel: 'ntm', targetYear: 2030 }),
    roles: PLAN_EDITORS,
    ok: 201,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'copy plan from last year',
    method: 'POST',
    url: () => '/api/plans/copy',
    body: (w) => ({ unitId: assist.unit[w], year: Number(take(plansPools.copyYear, w)) }),
    roles: PLAN_EDITORS,
    ok: 201,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'update plan',
    method: 'PATCH',
    url: (w) => `/api/plans/${take(plansPools.planEdit, w)}`,
    body: () => ({ expectedVersion: 1, status: 'approved' }),
    roles: PLAN_EDITORS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'set plan criteria',
    method: 'PUT',
    url: (w) => `/api/plans/${take(plansPools.planCriteria, w)}/criteria`,
    body: () => ({ expectedVersion: 1, items: [{ criterionNumber: '2', targetYear: 2030 }] }),
    roles: PLAN_EDITORS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'add plan task',
    method: 'POST',
    url: (w) => `/api/plans/${plansAuthz.plan[w]}/tasks`,
    body: () => ({ title: `Việc ${++planSeq}` }),
    roles: PLAN_TASKS,
    ok: 201,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
  {
    name: 'update plan task',
    method: 'PATCH',
    url: (w) => {
      const [planId, taskId] = take(plansPools.task, w).split('/');
      return `/api/plans/${planId}/tasks/${taskId}`;
    },
    body: () => ({ expectedVersion: 1, status: 'doing' }),
    roles: PLAN_TASKS,
    ok: 200,
    outStatus: 404,
    mutation: true,
    helpScoped: true,
  },
];
endpoints.push(...planEndpoints);

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
