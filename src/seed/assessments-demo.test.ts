import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../platform/context.js';
import { queryOne, queryRows } from '../platform/db/query.js';
import { createTestContext, type TestContext } from '../test/app.js';
import { demoAccounts } from './demo-users.js';
import { seedDemo } from './demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ MTQG_DEMO: 'true' });
  await seedDemo(t.db, systemCtx());
  agencyIds = new Map((await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from agency`)).map((a) => [a.name, a.id]));
});
let agencyIds = new Map<string, string>();
afterAll(() => t.close());

async function signIn(login: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'demo-mtqg-2025' } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }).then((r) => r.json());
}

describe('assessments demo data', () => {
  it('has a complete, appraised 2024 cycle with returns in its history and an open 2025 cycle, all flagged demo', async () => {
    const c = await queryOne<{ n2024: number; appraised: number; returns: number; n2025: number; notDemo: number }>(
      t.db,
      sql`select (select count(*) from assessment a join assessment_cycle c on c.id = a.cycle_id where c.year = 2024)::int as n2024,
                 (select count(*) from assessment a join assessment_cycle c on c.id = a.cycle_id where c.year = 2024 and a.status = 'appraised' and a.locked)::int as appraised,
                 (select count(*) from return_round r join assessment a on a.id = r.assessment_id join assessment_cycle c on c.id = a.cycle_id where c.year = 2024)::int as returns,
                 (select count(*) from assessment a join assessment_cycle c on c.id = a.cycle_id where c.year = 2025)::int as n2025,
                 (select count(*) from assessment where not is_demo)::int as "notDemo"`,
    );
    expect(c!.n2024).toBeGreaterThan(100);
    expect(c!.appraised).toBe(c!.n2024);
    expect(c!.returns).toBeGreaterThan(10);
    expect(c!.n2025).toBe(99);
    expect(c!.notDemo).toBe(0);
  });

  it('gives demo.xa a 2025 form to fill (with last year offered) and demo.songnn reviews pending', async () => {
    const xa = await signIn('demo.xa');
    const inbox = await xa('/api/inbox');
    const item = inbox.items.find((i: { type: string; year: number }) => i.type === 'assessment' && i.year === 2025);
    expect(item).toMatchObject({ kind: 'form_to_fill' });
    const form = await xa(`/api/assessments/${item.assessmentId}/form`);
    expect(form.assessment.abilities.canEdit).toBe(true);
    expect(form.criteria.flatMap((c: { indicators: Array<{ lastYear: unknown }> }) => c.indicators).some((i: { lastYear: unknown }) => i.lastYear !== null)).toBe(true);
    const songnn = await signIn('demo.songnn');
    const pending = (await songnn('/api/inbox')).items.filter((i: { type: string; kind: string }) => i.type === 'assessment' && i.kind === 'review_pending');
    expect(pending.length).toBeGreaterThan(5);
    expect(pending[0].count).toBeGreaterThan(0);
  });

  it('has a demo department reviewer for every department the 2025 cycle routes criteria to, each with its reviews pending', async () => {
    const routed = await queryRows<{ agency_id: string; criteria: string[] }>(
      t.db,
      sql`select e.value as agency_id, array_agg(e.key order by e.key::int) as criteria
          from assessment_cycle c cross join lateral jsonb_each_text(c.criterion_agencies) e where c.year = 2025 and c.is_demo group by e.value`,
    );
    expect(routed.length).toBeGreaterThan(5);
    for (const r of routed) {
      const account = demoAccounts.find((a) => a.role === 'department_reviewer' && a.agencyName && r.agency_id === agencyIds.get(a.agencyName));
      expect(account, `a demo reviewer for agency ${r.agency_id} (criteria ${r.criteria.join(', ')})`).toBeDefined();
      const user = await queryOne<{ active: boolean }>(t.db, sql`select status = 'active' as active from app_user where login = ${account!.login} and is_demo and 'department_reviewer' = any(roles) and agency_id = ${r.agency_id}`);
      expect(user?.active, account!.login).toBe(true);
      const get = await signIn(account!.login);
      const pending = (await get('/api/inbox')).items.filter((i: { type: string; kind: string }) => i.type === 'assessment' && i.kind === 'review_pending');
      expect(pending.length, account!.login).toBeGreaterThan(0);
      // the workflow's notifications are there too, for the forms waiting at the department step
      const notes = await get('/api/notifications?unread=true&limit=100');
      expect(notes.unread, account!.login).toBeGreaterThan(0);
      expect(notes.items.every((n: { kind: string; title: string }) => n.kind === 'assessment_submitted' && n.title.includes('chờ Sở, ngành'))).toBe(true);
      const form = await get(`/api/assessments/${pending[0].assessmentId}/form`);
      expect([...form.assessment.abilities.reviewableCriteria].sort(), account!.login).toEqual([...r.criteria].sort());
    }
  });

  it('lists recognised communes of the reference list in the 2024 maintenance review, sorted by risk', async () => {
    const vpdp = await signIn('demo.vpdp');
    const m = await vpdp('/api/maintenance?year=2024&limit=500');
    expect(m.total).toBeGreaterThan(15);
    const scores = m.items.map((i: { riskScore: number }) => i.riskScore);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const profile = await vpdp(`/api/communes/${m.items[0].unit.id}/profile?year=2024`);
    expect(profile.recognitions[0].decisionNo).toBeNull();
    expect(profile.recognitions[0].sourceNote).toContain('laocai-ntm-status-2024.md');
  });
});
