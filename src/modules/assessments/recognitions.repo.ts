/** All SQL of recognition and revocation decisions (a commune's own and, through lineage, its predecessors'). */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';
import type { FileRow } from '../../platform/files/files.repo.js';
import { selfAndPredecessors, unitRefColumns, type UnitRefRow } from '../assignments/assignments.repo.js';

export interface RecognitionRow extends UnitRefRow {
  id: string;
  kind: 'recognition' | 'revocation';
  level: 'ntm' | 'advanced' | 'model' | 'modern';
  year: number;
  decision_no: string | null;
  decision_date: string | null;
  signer: string | null;
  file_id: string | null;
  revokes_id: string | null;
  revoked_by_id: string | null;
  source_note: string | null;
  is_demo: boolean;
  created_at: Date | string;
  via_predecessor: boolean;
}

/** Decisions of a commune and its predecessors, newest first. */
export async function listForUnit(db: Db, unitId: string): Promise<RecognitionRow[]> {
  return queryRows<RecognitionRow>(
    db,
    sql`select r.id, ${unitRefColumns('u')}, r.kind, r.level, r.year, r.decision_no, r.decision_date, r.signer, r.file_id, r.revokes_id,
               r.revoked_by_id, r.source_note, r.is_demo, r.created_at, (r.unit_id <> ${unitId}) as via_predecessor
        from recognition r join unit u on u.id = r.unit_id
        where r.unit_id in ${selfAndPredecessors(unitId)}
        order by r.year desc, coalesce(r.decision_date, make_date(r.year, 12, 31)) desc, r.created_at desc`,
  );
}

export async function findRecognition(db: Db, id: string): Promise<{ id: string; unit_id: string; kind: string; revoked_by_id: string | null; level: string } | undefined> {
  return queryOne(db, sql`select id, unit_id, kind, revoked_by_id, level from recognition where id = ${id}`);
}

export interface NewRecognition {
  unitId: string;
  kind: 'recognition' | 'revocation';
  level: RecognitionRow['level'];
  year: number;
  decisionNo: string | null;
  decisionDate: string | null;
  signer: string | null;
  fileId: string | null;
  revokesId: string | null;
  sourceNote: string | null;
  createdBy: string | null;
  isDemo?: boolean;
}

export async function insertRecognition(tx: Db, v: NewRecognition): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into recognition (unit_id, kind, level, year, decision_no, decision_date, signer, file_id, revokes_id, source_note, created_by, is_demo)
        values (${v.unitId}, ${v.kind}, ${v.level}, ${v.year}, ${v.decisionNo}, ${v.decisionDate}, ${v.signer}, ${v.fileId}, ${v.revokesId},
                ${v.sourceNote}, ${v.createdBy}, ${v.isDemo ?? false})
        returning id`,
  );
  if (v.revokesId) await tx.execute(sql`update recognition set revoked_by_id = ${row!.id} where id = ${v.revokesId}`);
  return row!.id;
}

export async function filesOf(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return queryRows<FileRow>(
    db,
    sql`select f.id, f.sha256, f.mime, f.size, f.original_name, f.unit_id, f.uploaded_by, f.created_at, f.is_demo
        from stored_file f where f.id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`,
  );
}
