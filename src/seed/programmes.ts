/**
 * The national target programmes and their projects / components, from seed/reference/programmes/programmes.json:
 * reference data (not demo), loaded once on first start like the units and criteria. Each row keeps its source note
 * and `verified` flag; what the shared reference notes do not confirm stays unverified.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { recordAudit } from '../platform/audit.js';
import type { RequestCtx } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { getSetting, setSetting } from '../platform/settings.repo.js';
import { mutate } from '../platform/tx.js';
import { insertComponent, insertProgramme } from '../modules/programmes/programmes.repo.js';
import { referenceDir } from './reference.js';

export const PROGRAMMES_FILE = 'programmes/programmes.json';

const fileSchema = z.object({
  programmes: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      shortName: z.string().min(1),
      periodFrom: z.number().int(),
      periodTo: z.number().int(),
      decisionNo: z.string().nullable(),
      decisionDate: z.iso.date().nullable(),
      verified: z.boolean(),
      sourceNote: z.string().min(1),
      components: z.array(z.object({ code: z.string().min(1), name: z.string().min(1), verified: z.boolean().default(false), sourceNote: z.string().optional() })),
    }),
  ),
});
export type ProgrammesFile = z.infer<typeof fileSchema>;

/** The reference file, validated (a malformed file fails start-up loudly rather than loading half of it). */
export function readProgrammesFile(): ProgrammesFile {
  return fileSchema.parse(JSON.parse(fs.readFileSync(path.join(referenceDir, PROGRAMMES_FILE), 'utf8')));
}

/** Load the programmes once (guarded by the `programmes_loaded_at` setting); false when already there. */
export async function seedProgrammes(db: Db, ctx: RequestCtx): Promise<boolean> {
  if (await getSetting(db, 'programmes_loaded_at')) return false;
  const file = readProgrammesFile();
  await mutate(db, ctx, async (tx) => {
    const loaded: Array<{ code: string; components: number }> = [];
    for (const [i, p] of file.programmes.entries()) {
      const id = await insertProgramme(tx, { ...p, position: i + 1 });
      for (const [k, c] of p.components.entries()) {
        await insertComponent(tx, { programmeId: id, code: c.code, name: c.name, position: k + 1, verified: c.verified, sourceNote: c.sourceNote ?? null });
      }
      loaded.push({ code: p.code, components: p.components.length });
    }
    await setSetting(tx, 'programmes_loaded_at', new Date().toISOString());
    await recordAudit(tx, ctx, { action: 'seed.programmes', entityType: 'dataset', entityId: 'programmes', after: { file: PROGRAMMES_FILE, programmes: loaded } });
  });
  return true;
}
