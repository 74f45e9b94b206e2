/** All SQL of the programme catalog (reference data: written only by the seed). */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryOne, queryRows } from '../../platform/db/query.js';

export interface ProgrammeRow {
  id: string;
  code: string;
  name: string;
  short_name: string;
  period_from: number;
  period_to: number;
  decision_no: string | null;
  decision_date: string | null;
  source_note: string;
  verified: boolean;
}
export interface ComponentRow {
  id: string;
  programme_id: string;
  code: string;
  name: string;
  position: number;
  verified: boolean;
  source_note: string | null;
}

const programmeColumns = sql`id, code, name, short_name, period_from, period_to, decision_no, decision_date::text as decision_date, source_note, verified`;

/** Programmes (running in `year` when given), in catalog order. */
export async function listProgrammes(db: Db, year?: number): Promise<ProgrammeRow[]> {
  return queryRows(
    db,
    sql`select ${programmeColumns} from programme
        ${year !== undefined ? sql`where ${year} between period_from and period_to` : sql``}
        order by position, code`,
  );
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  return queryOne(db, sql`select ${programmeColumns} from programme where id = ${id}`);
}

export async function findComponents(db: Db, programmeIds: readonly string[]): Promise<ComponentRow[]> {
  if (programmeIds.length === 0) return [];
  return queryRows(
    db,
    sql`select id, programme_id, code, name, position, verified, source_note from programme_component
        where programme_id in (${sql.join(programmeIds.map((i) => sql`${i}::uuid`), sql`, `)}) order by position`,
  );
}

/** A component with its programme's period, to check it runs in an entry's year. */
export async function findComponentPeriod(db: Db, componentId: string): Promise<{ period_from: number; period_to: number; programme_name: string } | undefined> {
  return queryOne(
    db,
    sql`select p.period_from, p.period_to, p.short_name as programme_name from programme_component c join programme p on p.id = c.programme_id where c.id = ${componentId}`,
  );
}

export interface NewProgramme {
  code: string;
  name: string;
  shortName: string;
  periodFrom: number;
  periodTo: number;
  decisionNo: string | null;
  decisionDate: string | null;
  sourceNote: string;
  verified: boolean;
  position: number;
}

export async function insertProgramme(tx: Db, p: NewProgramme): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into programme (code, name, short_name, period_from, period_to, decision_no, decision_date, source_note, verified, position)
        values (${p.code}, ${p.name}, ${p.shortName}, ${p.periodFrom}, ${p.periodTo}, ${p.decisionNo}, ${p.decisionDate}, ${p.sourceNote}, ${p.verified}, ${p.position})
        returning id`,
  );
  return row!.id;
}

export async function insertComponent(
  tx: Db,
  c: { programmeId: string; code: string; name: string; position: number; verified: boolean; sourceNote: string | null },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    tx,
    sql`insert into programme_component (programme_id, code, name, position, verified, source_note)
        values (${c.programmeId}, ${c.code}, ${c.name}, ${c.position}, ${c.verified}, ${c.sourceNote}) returning id`,
  );
  return row!.id;
}
