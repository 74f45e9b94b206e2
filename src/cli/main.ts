/** The command line: mtqg start | migrate | seed | user | backup | restore | audit verify | import-units | demo remove. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { role as roleSchema, type Role } from '../contracts/users.js';
import { verifyAuditChain } from '../platform/audit.js';
import { backup, restore } from '../platform/backup.js';
import { systemCtx } from '../platform/context.js';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client.js';
import { startServer } from '../platform/server.js';
import { removeDemo, seedDemo } from '../seed/demo.js';
import { seedCriteria } from '../seed/criteria.js';
import { seedProgrammes } from '../seed/programmes.js';
import { seedReference } from '../seed/reference.js';
import { importChanges, importReorganisation, importUnitList } from '../seed/units-import.js';
import { mutate } from '../platform/tx.js';
import { recordAudit } from '../platform/audit.js';
import { createUserCli, resetPasswordCli } from './users.js';

const HELP = `mtqg — Chương trình MTQG cấp xã

Usage: mtqg <command> [options]
  start                          migrate, load reference data (and demo data in demo mode), serve HTTP
  migrate                        apply database migrations
  seed [--demo]                  load reference data; with --demo also the demo users
  demo remove                    delete every demo user
  user create --login L --name N --role R [--role R2] [--password P]   (password from MTQG_PASSWORD if not given)
  user reset-password --login L [--password P]
  backup --file F                write a backup (PostgreSQL: SQL; embedded: PGlite archive)
  restore --file F               replace the database with a backup (stop the server first)
  audit verify                   check the audit log's hash chain
  import-units --list F [--changes F]      import a province's unit list (same shape as seed/reference/units)
  import-units --reform F --effective YYYY-MM-DD --province-name N --from-codes 10,15 --legal-basis T
Environment: see README (DATABASE_URL, MTQG_DATA_DIR, PORT, ...).`;

async function withDb<T>(config: Config, fn: (d: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const config = loadConfig();
  const opts = (args: string[]) =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        file: { type: 'string' },
        login: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        password: { type: 'string' },
        demo: { type: 'boolean' },
        list: { type: 'string' },
        changes: { type: 'string' },
        reform: { type: 'string' },
        effective: { type: 'string' },
        'province-name': { type: 'string' },
        'from-codes': { type: 'string' },
        'legal-basis': { type: 'string' },
      },
    }).values;
  switch (cmd) {
    case 'start': {
      const running = await startServer(config);
      const shutdown = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      return -1; // keep running
    }
    case 'migrate':
      await withDb(config, async () => undefined);
      console.log('Migrations applied.');
      return 0;
    case 'seed': {
      const o = opts([sub ?? '', ...rest].filter(Boolean));
      await withDb(config, async ({ db }) => {
        console.log((await seedReference(db, systemCtx())) ? 'Reference data loaded.' : 'Reference data already present.');
        console.log((await seedCriteria(db, systemCtx())) ? 'National criteria sets loaded.' : 'Criteria sets already present.');
        console.log((await seedProgrammes(db, systemCtx())) ? 'National target programmes loaded.' : 'Programmes already present.');
        if (o.demo) console.log((await seedDemo(db, systemCtx())) ? 'Demo users created.' : 'Demo users already present.');
      });
      return 0;
    }
    case 'demo':
      if (sub !== 'remove') break;
      await withDb(config, async ({ db }) => console.log(`Removed ${await removeDemo(db, systemCtx())} demo users.`));
      return 0;
    case 'user': {
      const o = opts(rest);
      const password = o.password ?? process.env.MTQG_PASSWORD;
      if (!o.login || !password) throw new Error('--login and --password (or MTQG_PASSWORD) are required');
      if (sub === 'create') {
        const roles = (o.role ?? ['system_admin']).map((r) => roleSchema.parse(r)) as Role[];
        await withDb(config, ({ db }) => createUserCli(db, { login: o.login!, name: o.name ?? o.login!, roles, password }));
        console.log(`User ${o.login} created.`);
        return 0;
      }
      if (sub === 'reset-password') {
        await withDb(config, ({ db }) => resetPasswordCli(db, o.login!, password));
        console.log(`Password of ${o.login} reset; the account is unlocked.`);
        return 0;
      }
      break;
    }
    case 'backup': {
      const o = opts([sub ?? '', ...rest].filter(Boolean));
      if (!o.file) throw new Error('--file is required');
      await backup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file: o.file });
      console.log(`Backup written to ${o.file}`);
      return 0;
    }
    case 'restore': {
      const o = opts([sub ?? '', ...rest].filter(Boolean));
      if (!o.file) throw new Error('--file is required');
      await restore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file: o.file });
      console.log(`Restored from ${o.file}`);
      return 0;
    }
    case 'audit':
      if (sub !== 'verify') break;
      return withDb(config, async ({ db }) => {
        const r = await verifyAuditChain(db);
        console.log(r.ok ? `Audit chain intact: ${r.checked} records.` : `Audit chain BROKEN at record ${r.firstBrokenSeq} (${r.checked} records verified before it).`);
        return r.ok ? 0 : 1;
      });
    case 'import-units': {
      const o = opts([sub ?? '', ...rest].filter(Boolean));
      await withDb(config, ({ db }) =>
        mutate(db, systemCtx(), async (tx) => {
          const result: Record<string, unknown> = {};
          if (o.list) result.list = await importUnitList(tx, fs.readFileSync(o.list, 'utf8'));
          if (o.changes) result.changes = await importChanges(tx, fs.readFileSync(o.changes, 'utf8'));
          if (o.reform) {
            if (!o.effective || !o['province-name'] || !o['from-codes'] || !o['legal-basis'])
              throw new Error('--reform needs --effective, --province-name, --from-codes and --legal-basis');
            result.reform = await importReorganisation(tx, fs.readFileSync(o.reform, 'utf8'), {
              effectiveDate: o.effective,
              province: { code: null, name: o['province-name'], sourceNote: o.reform },
              predecessorProvinceCodes: o['from-codes'].split(','),
              provinceLegalBasis: o['legal-basis'],
            });
          }
          await recordAudit(tx, systemCtx(), { action: 'units.import', entityType: 'dataset', entityId: 'units', after: result });
          console.log(JSON.stringify(result));
        }),
      );
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
  }
  console.error(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
