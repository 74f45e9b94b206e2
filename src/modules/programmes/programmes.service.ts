/** The programme catalog: public reference data every role reads (no scope: programmes are national). */
import type { z } from 'zod';
import type { ListProgrammesQuery, listProgrammesResponse, Programme } from '../../contracts/resources.js';
import { authorize } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './programmes.repo.js';
import { presentProgramme } from './programmes.presenter.js';

export async function listProgrammes(db: Db, ctx: RequestCtx, q: ListProgrammesQuery): Promise<z.infer<typeof listProgrammesResponse>> {
  authorize(ctx.actor, 'programme.read');
  const rows = await repo.listProgrammes(db, q.year);
  const components = await repo.findComponents(db, rows.map((r) => r.id));
  return { items: rows.map((r) => presentProgramme(r, components)) };
}

export async function getProgramme(db: Db, ctx: RequestCtx, id: string): Promise<Programme> {
  authorize(ctx.actor, 'programme.read');
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound('Chương trình');
  return presentProgramme(row, await repo.findComponents(db, [id]));
}
