import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dataFingerprint } from '../test/app.js';
import { dbUrl, dropDatabase, openTestDatabase, testDbKind } from '../test/db.js';
import { verifyAuditChain } from './audit.js';
import { backup, restore } from './backup.js';
import { systemCtx } from './context.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { seedReference } from '../seed/reference.js';
import { hashPassword } from './auth/password.js';
import { insertUser, replaceScope } from '../modules/users/users.repo.js';
import type { Db } from './db/client.js';
import { queryRows } from './db/query.js';
import pg from 'pg';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-backup-'));

/** A little real data beyond the reference units: a user with a scope and its audit trail (no heavy demo seed). */
async function addData(db: Db): Promise<void> {
  const id = await insertUser(db, { login: 'sao.luu', name: 'Sao lưu', email: null, agencyId: null, roles: ['viewer'], passwordHash: await hashPassword('mat-khau-dai-123') });
  const units = await queryRows<{ id: string }>(db, sql`select id from unit where code = '02683'`);
  await replaceScope(db, id, units.map((r) => r.id));
}

describe(`backup and restore (${testDbKind})`, () => {
  it('reproduces the data exactly', { timeout: 120_000 }, async () => {
    const dir = tmp();
    const file = path.join(dir, 'backup.tar.gz');
    // An uploaded file must come back with the database.
    const putUpload = (dataDir: string) => {
      fs.mkdirSync(path.join(dataDir, 'uploads', 'ab'), { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'uploads', 'ab', 'abcdef'), 'ảnh minh chứng');
    };
    const uploadOf = (dataDir: string) => fs.readFileSync(path.join(dataDir, 'uploads', 'ab', 'abcdef'), 'utf8');
    if (testDbKind === 'pglite') {
      const source = path.join(dir, 'source');
      const d = await openDatabase({ dataDir: source });
      await migrateDatabase(d);
      await seedReference(d.db, systemCtx());
      await addData(d.db);
      const before = await dataFingerprint(d.db);
      await d.close();
      putUpload(source);
      await backup({ dataDir: source, file });
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
      const target = path.join(dir, 'target');
      await restore({ dataDir: target, file });
      expect(uploadOf(target)).toBe('ảnh minh chứng');
      const r = await openDatabase({ dataDir: target });
      expect(await dataFingerprint(r.db)).toBe(before);
      expect((await verifyAuditChain(r.db)).ok).toBe(true);
      await r.close();
      return;
    }
    const source = await openTestDatabase();
    await addData(source.db);
    const before = await dataFingerprint(source.db);
    const sourceDir = path.join(dir, 'source');
    putUpload(sourceDir);
    await backup({ databaseUrl: source.url, dataDir: sourceDir, file });
    const name = `mtqg_restore_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: dbUrl('postgres') });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    try {
      // restore into a database that already has other data: it is replaced
      const target = await openDatabase({ databaseUrl: dbUrl(name), poolSize: 1 });
      await migrateDatabase(target);
      await target.close();
      const targetDir = path.join(dir, 'target');
      await restore({ databaseUrl: dbUrl(name), dataDir: targetDir, file });
      expect(uploadOf(targetDir)).toBe('ảnh minh chứng');
      const r = await openDatabase({ databaseUrl: dbUrl(name), poolSize: 1 });
      expect(await dataFingerprint(r.db)).toBe(before);
      expect((await verifyAuditChain(r.db)).ok).toBe(true);
      await r.close();
    } finally {
      await source.close();
      await dropDatabase(name);
    }
  });
});
