/** All SQL of stored files. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryOne, queryRows } from '../db/query.js';
import type { FileMime } from './files.sniff.js';

export interface FileRow {
  id: string;
  sha256: string;
  mime: FileMime;
  size: number;
  original_name: string;
  unit_id: string;
  uploaded_by: string | null;
  created_at: Date | string;
  is_demo: boolean;
}

const columns = sql`f.id, f.sha256, f.mime, f.size, f.original_name, f.unit_id, f.uploaded_by, f.created_at, f.is_demo`;

export async function insertFile(
  tx: Db,
  v: { sha256: string; mime: FileMime; size: number; originalName: string; unitId: string; uploadedBy: string | null; isDemo?: boolean },
): Promise<FileRow> {
  const row = await queryOne<FileRow>(
    tx,
    sql`insert into stored_file (sha256, mime, size, original_name, unit_id, uploaded_by, is_demo)
        values (${v.sha256}, ${v.mime}, ${v.size}, ${v.originalName}, ${v.unitId}, ${v.uploadedBy}, ${v.isDemo ?? false})
        returning id, sha256, mime, size, original_name, unit_id, uploaded_by, created_at, is_demo`,
  );
  return row!;
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return queryOne<FileRow>(db, sql`select ${columns} from stored_file f where f.id = ${id}`);
}

/** Files by id (any order; missing ids are simply absent). */
export async function findFiles(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return queryRows<FileRow>(
    db,
    sql`select ${columns} from stored_file f where f.id in (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`,
  );
}
