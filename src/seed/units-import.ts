/**
 * Importers for administrative-unit files, usable for any province with files of the same shape:
 * a unit list (province, district, commune rows), a list of changes (mergers with their predecessors),
 * and a reorganisation (new units, each formed from listed old codes, all old units ending on one date).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/client.js';
import { addDays } from '../platform/dates.js';
import { parseCsv } from './csv.js';
import * as repo from './units-import.repo.js';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

function need(row: Record<string, string>, col: string, line: number): string {
  const v = row[col]?.trim();
  if (!v) throw new ImportError(`dòng ${line}: thiếu cột "${col}"`);
  return v;
}

const provinceType = (name: string) => (name.startsWith('Thành phố') ? 'Thành phố' : 'Tỉnh');

export interface ListImportResult {
  provinces: number;
  districts: number;
  communes: number;
}

/** Import a unit list (columns: province_code, province_name, district_code, district_name, district_type, commune_code, commune_name, commune_type, source_note). */
export async function importUnitList(tx: Db, csvText: string): Promise<ListImportResult> {
  const rows = parseCsv(csvText);
  const provinces = new Map<string, repo.ImportUnit>();
  const districts = new Map<string, repo.ImportUnit>();
  const communes: repo.ImportUnit[] = [];
  const seenCommunes = new Set<string>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const pCode = need(r, 'province_code', line);
    const dCode = need(r, 'district_code', line);
    const cCode = need(r, 'commune_code', line);
    const note = r.source_note?.trim() || null;
    if (!provinces.has(pCode)) {
      const name = need(r, 'province_name', line);
      provinces.set(pCode, { id: randomUUID(), code: pCode, name, level: 'province', type: provinceType(name), parentId: null, validFrom: null, validTo: null, sourceNote: note?.split(';')[0] ?? null });
    }
    if (!districts.has(dCode)) {
      districts.set(dCode, {
        id: randomUUID(),
        code: dCode,
        name: need(r, 'district_name', line),
        level: 'district',
        type: need(r, 'district_type', line),
        parentId: provinces.get(pCode)!.id,
        validFrom: null,
        validTo: null,
        sourceNote: note?.split(';')[0] ?? null,
      });
    }
    if (seenCommunes.has(cCode)) throw new ImportError(`dòng ${line}: mã xã ${cCode} bị lặp`);
    seenCommunes.add(cCode);
    communes.push({
      id: randomUUID(),
      code: cCode,
      name: need(r, 'commune_name', line),
      level: 'commune',
      type: need(r, 'commune_type', line),
      parentId: districts.get(dCode)!.id,
      validFrom: null,
      validTo: null,
      sourceNote: note,
    });
  });
  const existing = await repo.findUnitsByCodes(tx, [...provinces.keys()]);
  // The same province listed again (ended by a later reorganisation or not) is a second import, not new data.
  const clash = existing.find((e) => e.level === 'province' && (e.valid_to === null || e.name === provinces.get(e.code!)?.name));
  if (clash) throw new ImportError(`Tỉnh mã ${clash.code} (${clash.name}) đã có trong cơ sở dữ liệu`);
  await repo.insertUnits(tx, [...provinces.values(), ...districts.values(), ...communes]);
  return { provinces: provinces.size, districts: districts.size, communes: communes.length };
}

/**
 * Apply a list of changes (columns: effective_date, kind, predecessor_code, predecessor_name, predecessor_type,
 * parent_code, successor_code, successor_name, successor_is_new, legal_basis, source_note). A predecessor missing
 * from the lists (its code retired or reused) is created as an ended unit; a new successor starts on the date.
 */
export async function importChanges(tx: Db, csvText: string): Promise<{ links: number; created: number }> {
  const rows = parseCsv(csvText);
  const codes = new Set<string>();
  for (const r of rows) {
    codes.add(r.predecessor_code ?? '').add(r.successor_code ?? '').add(r.parent_code ?? '');
  }
  const known = await repo.findUnitsByCodes(tx, [...codes].filter(Boolean));
  const byCodeName = (code: string, name: string) => known.find((u) => u.code === code && u.name === name);
  const created: repo.ImportUnit[] = [];
  const links: repo.ImportSuccession[] = [];
  const toEnd = new Map<string, string>();
  const toStart = new Map<string, string>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const date = need(r, 'effective_date', line);
    const kind = need(r, 'kind', line) as repo.ImportSuccession['kind'];
    const successor = byCodeName(need(r, 'successor_code', line), need(r, 'successor_name', line));
    if (!successor) throw new ImportError(`dòng ${line}: không tìm thấy đơn vị kế thừa ${r.successor_code} ${r.successor_name}`);
    const predName = need(r, 'predecessor_name', line);
    let pred = byCodeName(need(r, 'predecessor_code', line), predName);
    if (!pred || pred.id === successor.id) {
      const parent = known.find((u) => u.code === r.parent_code && u.level === 'district');
      if (!parent) throw new ImportError(`dòng ${line}: không tìm thấy đơn vị cấp trên ${r.parent_code}`);
      const unit: repo.ImportUnit = {
        id: randomUUID(),
        code: r.predecessor_code!.trim(),
        name: predName,
        level: 'commune',
        type: need(r, 'predecessor_type', line),
        parentId: parent.id,
        validFrom: null,
        validTo: date,
        sourceNote: r.source_note?.trim() || null,
      };
      created.push(unit);
      pred = { id: unit.id, code: unit.code, name: unit.name, level: 'commune', parent_id: parent.id, valid_from: null, valid_to: date };
      known.push(pred);
    } else toEnd.set(pred.id, date);
    if (r.successor_is_new?.trim() === 'yes') toStart.set(successor.id, date);
    links.push({ predecessorId: pred.id, successorId: successor.id, effectiveDate: date, kind, legalBasis: r.legal_basis?.trim() || null, note: r.source_note?.trim() || null });
  });
  await repo.insertUnits(tx, created);
  for (const [id, date] of toEnd) await repo.endUnits(tx, [id], date);
  for (const [id, date] of toStart) await repo.startUnit(tx, id, date);
  await repo.insertSuccessions(tx, links);
  return { links: links.length, created: created.length };
}

export interface ReorganisationOptions {
  effectiveDate: string;
  province: { code: string | null; name: string; sourceNote: string | null };
  /** Codes of the provinces that end and continue in the new one. */
  predecessorProvinceCodes: string[];
  provinceLegalBasis: string;
}

/**
 * Import a reorganisation (columns: new_commune_code, new_commune_name, new_commune_type, formed_from_old_codes
 * (';'-separated), formed_from_old_names, legal_basis, source_note). Every unit of the predecessor provinces ends
 * on the date; districts end without successor (the tier is abolished).
 */
export async function importReorganisation(tx: Db, csvText: string, opts: ReorganisationOptions): Promise<{ communes: number; links: number }> {
  const rows = parseCsv(csvText);
  const dayBefore = addDays(opts.effectiveDate, -1);
  const valid = await repo.findUnitsValidOn(tx, dayBefore);
  const oldProvinces = opts.predecessorProvinceCodes.map((c) => {
    const p = valid.find((u) => u.level === 'province' && u.code === c);
    if (!p) throw new ImportError(`Không tìm thấy tỉnh mã ${c} còn hiệu lực ngày ${dayBefore}`);
    return p;
  });
  const oldSubtree = new Set(await repo.findSubtreeIds(tx, oldProvinces.map((p) => p.id)));
  const oldCommunes = new Map(valid.filter((u) => u.level === 'commune' && oldSubtree.has(u.id)).map((u) => [u.code!, u]));
  const province: repo.ImportUnit = {
    id: randomUUID(),
    code: opts.province.code,
    name: opts.province.name,
    level: 'province',
    type: provinceType(opts.province.name),
    parentId: null,
    validFrom: opts.effectiveDate,
    validTo: null,
    sourceNote: opts.province.sourceNote,
  };
  const uses = new Map<string, number>();
  for (const r of rows) for (const c of (r.formed_from_old_codes ?? '').split(';')) uses.set(c.trim(), (uses.get(c.trim()) ?? 0) + 1);
  const newUnits: repo.ImportUnit[] = [province];
  const links: repo.ImportSuccession[] = oldProvinces.map((p) => ({
    predecessorId: p.id,
    successorId: province.id,
    effectiveDate: opts.effectiveDate,
    kind: 'merge' as const,
    legalBasis: opts.provinceLegalBasis,
    note: null,
  }));
  rows.forEach((r, i) => {
    const line = i + 2;
    const unit: repo.ImportUnit = {
      id: randomUUID(),
      code: need(r, 'new_commune_code', line),
      name: need(r, 'new_commune_name', line),
      level: 'commune',
      type: need(r, 'new_commune_type', line),
      parentId: province.id,
      validFrom: opts.effectiveDate,
      validTo: null,
      sourceNote: r.source_note?.trim() || null,
    };
    newUnits.push(unit);
    const olds = need(r, 'formed_from_old_codes', line).split(';').map((c) => c.trim());
    for (const code of olds) {
      const old = oldCommunes.get(code);
      if (!old) throw new ImportError(`dòng ${line}: mã cũ ${code} không có trong các tỉnh ${opts.predecessorProvinceCodes.join(', ')} ngày ${dayBefore}`);
      const kind = (uses.get(code) ?? 0) > 1 ? 'split' : olds.length > 1 ? 'merge' : old.name !== unit.name ? 'rename' : 'reorganise';
      links.push({ predecessorId: old.id, successorId: unit.id, effectiveDate: opts.effectiveDate, kind, legalBasis: r.legal_basis?.trim() || null, note: null });
    }
  });
  await repo.insertUnits(tx, newUnits);
  await repo.endUnits(tx, [...oldSubtree], opts.effectiveDate);
  await repo.insertSuccessions(tx, links);
  return { communes: rows.length, links: links.length };
}
