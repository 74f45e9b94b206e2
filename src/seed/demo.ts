/** Demonstration data: one demo user per role (flagged is_demo so it can be listed and removed). */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/auth/password.js';
import type { RequestCtx } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/query.js';
import { getSetting, setSetting } from '../platform/settings.repo.js';
import { mutate } from '../platform/tx.js';
import { insertUser, replaceScope } from '../modules/users/users.repo.js';
import { removeAssessmentsDemo, seedAssessmentsDemo } from './assessments-demo.js';
import { removeAssistanceDemo, seedAssistanceDemo } from './assistance-demo.js';
import { removeCriteriaDemo, seedCriteriaDemo } from './criteria.js';
import { demoAccounts, type DemoAccount } from './demo-users.js';
import { removePlansDemo, seedPlansDemo } from './plans-demo.js';
import { removeResourcesDemo, seedResourcesDemo } from './resources-demo.js';

/** Create the demo users once; false when demo data was already loaded. */
export async function seedDemo(db: Db, ctx: RequestCtx): Promise<boolean> {
  await seedCriteriaDemo(db, ctx); // guarded on its own, so installs from before it get it too
  if (await getSetting(db, 'demo_loaded_at')) {
    await addMissingDemoUsers(db, ctx); // accounts added to demo-users.ts after the install loaded its demo
    await seedAssistanceDemo(db, ctx); // guarded on its own, so installs from before it get it too
    await seedAssessmentsDemo(db, ctx); // likewise
    await seedPlansDemo(db, ctx); // likewise (after the assessments: plans read their summaries)
    await seedResourcesDemo(db, ctx); // likewise
    return false;
  }
  const hashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)));
  await mutate(db, ctx, async (tx) => {
    await createDemoUsers(tx, demoAccounts, hashes);
    await setSetting(tx, 'demo_loaded_at', new Date().toISOString());
    await recordAudit(tx, ctx, { action: 'seed.demo', entityType: 'dataset', entityId: 'demo', after: { users: demoAccounts.map((a) => a.login) } });
  });
  await seedAssistanceDemo(db, ctx); // after the users: the demo help team is linked to its assignments
  await seedAssessmentsDemo(db, ctx);
  await seedPlansDemo(db, ctx); // after the assessments: plans start from their 2025 summaries
  await seedResourcesDemo(db, ctx);
  return true;
}

async function createDemoUsers(tx: Db, accounts: readonly DemoAccount[], hashes: readonly string[]): Promise<void> {
  for (const [i, a] of accounts.entries()) {
    const scopeIds: string[] = [];
    for (const s of a.scope) {
      const rows = await queryRows<{ id: string; code: string | null }>(
        tx,
        sql`select id, code from unit where level = ${s.level}
            and (valid_from is null or valid_from <= ${s.asOf}::date) and (valid_to is null or valid_to > ${s.asOf}::date)
            ${s.codes.length ? sql`and code in (${sql.join(s.codes.map((c) => sql`${c}`), sql`, `)})` : sql``}`,
      );
      if (s.codes.length && rows.length !== s.codes.length) throw new Error(`demo user ${a.login}: scope units ${s.codes.join(',')} not found`);
      scopeIds.push(...rows.map((r) => r.id));
    }
    const agencyId = a.agencyName
      ? (await queryRows<{ id: string }>(tx, sql`select id from agency where name = ${a.agencyName} limit 1`))[0]?.id ?? null
      : null;
    const id = await insertUser(tx, { login: a.login, name: a.description.split(' (')[0]!, email: null, agencyId, roles: [a.role], passwordHash: hashes[i]!, isDemo: true });
    await replaceScope(tx, id, scopeIds);
  }
}

/** Create the demo accounts an install with demo data does not have yet (a login taken by anyone is left alone). */
async function addMissingDemoUsers(db: Db, ctx: RequestCtx): Promise<void> {
  const taken = new Set((await queryRows<{ login: string }>(db, sql`select login from app_user`)).map((r) => r.login));
  const missing = demoAccounts.filter((a) => !taken.has(a.login));
  if (missing.length === 0) return;
  const hashes = await Promise.all(missing.map((a) => hashPassword(a.password)));
  await mutate(db, ctx, async (tx) => {
    await createDemoUsers(tx, missing, hashes);
    await recordAudit(tx, ctx, { action: 'seed.demo.users', entityType: 'dataset', entityId: 'demo', after: { users: missing.map((a) => a.login) } });
  });
}

/** Remove every demo user (and their sessions/scope) without touching real data. */
export async function removeDemo(db: Db, ctx: RequestCtx): Promise<number> {
  return mutate(db, ctx, async (tx) => {
    await removePlansDemo(tx);
    await removeResourcesDemo(tx);
    await removeAssessmentsDemo(tx); // before the demo criteria set its cycles use
    await removeCriteriaDemo(tx);
    await removeAssistanceDemo(tx);
    const rows = await queryRows<{ id: string }>(tx, sql`delete from app_user where is_demo returning id`);
    await tx.execute(sql`delete from app_setting where key = 'demo_loaded_at'`);
    await recordAudit(tx, ctx, { action: 'seed.demo.remove', entityType: 'dataset', entityId: 'demo', after: { users: rows.length } });
    return rows.length;
  });
}
