// Converts the parsed reference files (seed/reference/criteria/ntm-criteria-2021-2025.json and
// ntm-criteria-2026-2030.json) into CriteriaSetDef values. Pure: the caller reads and parses the files.
//
// Mapping rules:
// - Never invent a target. A row with `targets: {}` gets no target rules (→ target_unknown). A target entry whose
//   value the file does not give as a number / yes-no word becomes `value: null` with the file's text in `note`.
// - A rule is `verified` only when its row says `verified: true` and the rule has a value.
// - Region codes are the file's own (`regions[].code`): TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL.
// - "min"/"max" rows whose unit is "%" become percent_min/percent_max; yes/no rows become boolean with
//   "Đạt"/"Có" → true and "Không" → false (row 9.1 "Nhà tạm, dột nát: Không" means the commune must have none).
// - Row 5 (schools) carries, for five regions, a second requirement (share at facility level 1 by school count);
//   it becomes indicator "5-L1" (provisional code, sourceRow "5") so it is evaluated, not lost in a note.
// - Revocation bands and key-criterion names are parsed from the file's QĐ 18/2022 text; the import fails if the
//   wording changes shape, rather than guessing.
// - validTo is null for every set: the files state start dates only.
import { arr, flag, num, obj, optStr, str, strList, type JsonObject } from './json-read.js';
import type {
  ApplicabilityRule,
  AttributeOverrideDef,
  CriteriaSetDef,
  CriterionDef,
  IndicatorDef,
  IndicatorKind,
  RecognitionConditionDef,
  RecognitionRuleDef,
  RevocationRuleDef,
  TargetMatch,
  TargetRuleDef,
  TargetValue,
} from './types.js';

/** A region of the 2021–2025 sets (targets "theo vùng"). */
export interface RegionDef {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly note: string | null;
}

/** A commune group of the 2026–2030 set (targets "theo nhóm xã"). */
export interface CommuneGroupDef {
  readonly code: string;
  readonly name: string;
  readonly definition: string;
  readonly definitionEn: string;
  readonly sources: readonly string[];
  readonly verified: boolean;
  readonly note: string | null;
}

/** Everything the reference files give the engine. */
export interface ReferenceImport {
  readonly sets: readonly CriteriaSetDef[];
  readonly regions: readonly RegionDef[];
  readonly communeGroups: readonly CommuneGroupDef[];
}

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { 'Đạt': true, 'Có': true, 'Không': false };

// Target keys that explain rather than give values; they become notes on every rule of the row.
const ROW_NOTE_KEYS: Readonly<Record<string, string>> = {
  regionNote: 'Theo vùng',
  assessment_vi: 'Cách đánh giá',
  precondition_vi: 'Điều kiện',
};

// Labels for the extra keys inside one target entry.
const ENTRY_NOTE_LABELS: Readonly<Record<string, string>> = {
  standard_vi: 'Chuẩn',
  level1Note_vi: 'Mức độ 1',
  requirements_vi: 'Yêu cầu',
  value_en: 'EN',
};

function normName(s: string): string {
  return s.normalize('NFC').trim().toLocaleLowerCase('vi');
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(textOf).join('; ');
  return JSON.stringify(v);
}

function joinNotes(parts: readonly (string | null | undefined)[]): string | null {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return kept.length > 0 ? kept.join(' | ') : null;
}

function mapKind(kind: string, unit: string | null, path: string): IndicatorKind {
  if (kind === 'boolean') return 'boolean';
  if (kind === 'min') return unit === '%' ? 'percent_min' : 'min';
  if (kind === 'max') return unit === '%' ? 'percent_max' : 'max';
  throw new Error(`${path}: unsupported indicator kind "${kind}"`);
}

// Reads the value of one target entry for the kind; extra keys are returned as note text.
function entryValue(kind: IndicatorKind, entry: JsonObject, path: string): { value: TargetValue; notes: string[] } {
  const notes: string[] = [];
  let value: TargetValue = null;
  const valueKey = kind === 'boolean' || kind === 'verdict' ? 'value' : kind.endsWith('min') ? 'min' : 'max';
  for (const [k, v] of Object.entries(entry)) {
    if (k === 'level1MinPct') continue; // handled by the caller as its own indicator
    if (k === valueKey) {
      if (kind === 'boolean') {
        const word = str(v, `${path}.${k}`);
        value = BOOLEAN_WORDS[word] ?? null;
        if (value === null) notes.push(`Giá trị trong nguồn: "${word}"`);
      } else if (kind === 'verdict') value = str(v, `${path}.${k}`);
      else value = num(v, `${path}.${k}`);
      continue;
    }
    if (k === 'value_en') continue;
    notes.push(`${ENTRY_NOTE_LABELS[k] ?? k}: ${textOf(v)}`);
  }
  return { value, notes };
}

interface RowContext {
  readonly kind: IndicatorKind;
  readonly verified: boolean;
  readonly source: string | null;
  readonly rowNotes: readonly string[];
}

function makeRule(ctx: RowContext, match: TargetMatch, value: TargetValue, notes: readonly string[]): TargetRuleDef {
  return {
    match,
    value,
    source: ctx.source,
    verified: ctx.verified && value !== null,
    note: joinNotes([...notes, ...ctx.rowNotes]),
  };
}

function importIndicatorRow(raw: unknown, path: string, fallbackCode: string): IndicatorDef[] {
  const row = obj(raw, path);
  const givenCode = optStr(row['code'], `${path}.code`);
  const code = givenCode ?? fallbackCode;
  const unit = optStr(row['unit'], `${path}.unit`);
  const kind = mapKind(str(row['kind'], `${path}.kind`), unit, path);
  const verified = flag(row['verified'], `${path}.verified`);
  const sources = strList(row['sources'], `${path}.sources`);
  const targets = obj(row['targets'], `${path}.targets`);
  const rowNotes: string[] = [];
  for (const [k, label] of Object.entries(ROW_NOTE_KEYS)) if (targets[k] !== undefined) rowNotes.push(`${label}: ${textOf(targets[k])}`);
  if (typeof row['targetVerified'] === 'string') rowNotes.push(`Cơ sở mức chỉ tiêu: ${row['targetVerified']}`);
  if (typeof row['confidence'] === 'string') rowNotes.push(`Độ tin cậy: ${row['confidence']}`);
  const ctx: RowContext = { kind, verified, source: sources.length > 0 ? sources.join(' ; ') : null, rowNotes };

  const rules: TargetRuleDef[] = [];
  const level1Rules: TargetRuleDef[] = [];
  const level1Regions: string[] = [];
  const level1Notes: string[] = [];
  for (const [key, val] of Object.entries(targets)) {
    if (key in ROW_NOTE_KEYS) continue;
    const at = `${path}.targets.${key}`;
    if (key === 'default') {
      const { value, notes } = entryValue(kind, obj(val, at), at);
      rules.push(makeRule(ctx, {}, value, notes));
    } else if (key === 'byRegion') {
      for (const [region, rv] of Object.entries(obj(val, at))) {
        const entry = obj(rv, `${at}.${region}`);
        const { value, notes } = entryValue(kind, entry, `${at}.${region}`);
        rules.push(makeRule(ctx, { region }, value, notes));
        if (entry['level1MinPct'] !== undefined) {
          const l1 = obj(entry['level1MinPct'], `${at}.${region}.level1MinPct`);
          for (const k of Object.keys(l1)) {
            if (k !== 'communesWithMoreThan3Schools' && k !== 'communesWith3OrFewerSchools') throw new Error(`${at}.${region}.level1MinPct: unexpected key ${k}`);
          }
          level1Regions.push(region);
          if (typeof entry['level1Note_vi'] === 'string' && !level1Notes.includes(entry['level1Note_vi'])) level1Notes.push(entry['level1Note_vi']);
          const l1ctx: RowContext = { ...ctx, kind: 'percent_min' };
          level1Rules.push(makeRule(l1ctx, { region, schoolsOver3: true }, num(l1['communesWithMoreThan3Schools'], `${at}.${region}.level1MinPct.communesWithMoreThan3Schools`), []));
          level1Rules.push(makeRule(l1ctx, { region, schoolsOver3: false }, num(l1['communesWith3OrFewerSchools'], `${at}.${region}.level1MinPct.communesWith3OrFewerSchools`), []));
        }
      }
    } else if (key === 'byYear') {
      for (const [y, yv] of Object.entries(obj(val, at))) {
        const year = Number(y);
        if (!Number.isInteger(year)) throw new Error(`${at}: bad year ${y}`);
        const { value, notes } = entryValue(kind, obj(yv, `${at}.${y}`), `${at}.${y}`);
        rules.push(makeRule(ctx, { yearFrom: year, yearTo: year }, value, notes));
      }
    } else {
      throw new Error(`${at}: unsupported target key "${key}"`);
    }
  }

  const partial = row['partialEvidence'] === undefined ? null : obj(row['partialEvidence'], `${path}.partialEvidence`);
  const note = joinNotes([
    optStr(row['note'], `${path}.note`),
    partial ? `Bằng chứng một phần: ${textOf(partial['summary'])} (${textOf(partial['status'])})` : null,
    givenCode === null ? 'Mã chỉ tiêu do hệ thống đặt tạm: nguồn không ghi số thứ tự.' : null,
  ]);
  const main: IndicatorDef = {
    code,
    wording: str(row['content_vi'], `${path}.content_vi`),
    kind,
    unit,
    applicability: null,
    targets: rules,
    verified,
    ...(givenCode === null ? { codeProvisional: true } : {}),
    note,
  };
  if (level1Rules.length === 0) return [main];
  const applicability: ApplicabilityRule = { attr: 'region', in: level1Regions };
  const level1: IndicatorDef = {
    code: `${code}-L1`,
    wording: 'Tỷ lệ trường học đạt tiêu chuẩn cơ sở vật chất mức độ 1',
    kind: 'percent_min',
    unit: '%',
    applicability,
    targets: level1Rules,
    verified,
    codeProvisional: true,
    sourceRow: code,
    note: joinNotes([
      `Tách từ chỉ tiêu ${code} (yêu cầu "trong đó" của các vùng ${level1Regions.join(', ')}); mức phụ thuộc thuộc tính xã schoolsOver3 (xã có hơn 3 trường).`,
      ...level1Notes,
    ]),
  };
  return [main, level1];
}

function guidanceNote(c: JsonObject, path: string): string | null {
  const docs: string[] = [];
  for (const key of ['guidance', 'guidanceDocuments']) {
    if (c[key] === undefined) continue;
    arr(c[key], `${path}.${key}`).forEach((g, i) => {
      const o = obj(g, `${path}.${key}[${i}]`);
      const date = typeof o['date'] === 'string' ? `, ${o['date']}` : '';
      docs.push(`${textOf(o['doc'])} (${textOf(o['issuer'])}${date})`);
    });
  }
  return docs.length > 0 ? `Văn bản hướng dẫn: ${docs.join('; ')}` : null;
}

function importCriterion(raw: unknown, path: string, keyNames: ReadonlySet<string>): CriterionDef {
  const c = obj(raw, path);
  const number = String(num(c['number'], `${path}.number`));
  const name = str(c['name_vi'], `${path}.name_vi`);
  const group = c['group'] === undefined ? null : obj(c['group'], `${path}.group`);
  const indicators = arr(c['indicators'], `${path}.indicators`).flatMap((r, i) =>
    importIndicatorRow(r, `${path}.indicators[${i}]`, `${number}#${i + 1}`),
  );
  return {
    number,
    code: `TC${number}`,
    name,
    group: group ? str(group['name_vi'], `${path}.group.name_vi`) : null,
    groupCode: group ? str(group['code'], `${path}.group.code`) : null,
    guidedByAgencyKind: optStr(c['ministryInCharge'], `${path}.ministryInCharge`),
    isKey: keyNames.has(normName(name)),
    nameVerified: flag(c['nameVerified'] ?? c['verified'], `${path}.nameVerified`),
    indicators,
    note: joinNotes([
      optStr(c['note'], `${path}.note`),
      optStr(c['nameNote'], `${path}.nameNote`),
      optStr(c['ministryInChargeNote'], `${path}.ministryInChargeNote`),
      guidanceNote(c, path),
    ]),
  };
}

interface ParsedRevocation {
  readonly minPercent: number;
  readonly maxPercent: number | null;
  readonly maxInclusive: boolean;
  readonly keyNames: readonly string[];
  readonly text: string;
  readonly verified: boolean;
}

// Parses "30% to 50% of ... AND these include one of: A; B; C." and "50% or more of the criteria ...".
function parseRevocation(raw: unknown, path: string): ParsedRevocation {
  const o = obj(raw, path);
  const text = str(o['content_en'], `${path}.content_en`);
  const verified = flag(o['verified'], `${path}.verified`);
  const keys = /include one of: (.+?)\.?$/.exec(text);
  const keyNames = keys?.[1] ? keys[1].split(';').map((s) => s.trim()).filter((s) => s !== '') : [];
  const band = /^(\d+(?:\.\d+)?)% to (under )?(\d+(?:\.\d+)?)%/.exec(text);
  if (band?.[1] && band[3]) {
    return { minPercent: Number(band[1]), maxPercent: Number(band[3]), maxInclusive: band[2] === undefined, keyNames, text, verified };
  }
  const open = /^(\d+(?:\.\d+)?)% or more/.exec(text);
  if (open?.[1]) return { minPercent: Number(open[1]), maxPercent: null, maxInclusive: false, keyNames, text, verified };
  throw new Error(`${path}: revocation wording not understood: ${text}`);
}

interface RecognitionData {
  /** Stable id prefix from the decision number, e.g. "qd18-2022". */
  readonly idBase: string;
  readonly legalBasis: string;
  readonly revocations: readonly ParsedRevocation[];
  readonly revocationSource: string | null;
  readonly conditions: readonly RecognitionConditionDef[];
  readonly keyNames: ReadonlySet<string>;
}

function readRecognition(raw: unknown, path: string): RecognitionData {
  const rec = obj(raw, path);
  const decision = obj(rec['decision'], `${path}.decision`);
  const number = str(decision['number'], `${path}.decision.number`);
  const legalBasis = `Quyết định ${number} ngày ${str(decision['date'], `${path}.decision.date`)}`;
  const revocation = obj(rec['revocation'], `${path}.revocation`);
  const revocations = arr(revocation['commune'], `${path}.revocation.commune`).map((r, i) => parseRevocation(r, `${path}.revocation.commune[${i}]`));
  const revocationSources = strList(revocation['sources'], `${path}.revocation.sources`);
  const decisionSources = strList(decision['sources'], `${path}.decision.sources`);
  const idBase = `qd${number.split('/')[0] ?? number}-${number.split('/')[1] ?? ''}`;
  const conditions = arr(rec['communeConditions'], `${path}.communeConditions`).map((c, i): RecognitionConditionDef => {
    const o = obj(c, `${path}.communeConditions[${i}]`);
    const text = str(o['content_en'], `${path}.communeConditions[${i}].content_en`);
    const sources = strList(o['source'], `${path}.communeConditions[${i}].source`);
    return {
      id: `${idBase}-condition-${i + 1}`,
      kind: 'recognition_condition',
      // Only "fully meets the applicable set" can be decided from an evaluation; the rest are facts people enter.
      check: /fully meets the applicable set/i.test(text) ? 'meets_standard' : 'external',
      text,
      legalBasis,
      source: sources.length > 0 ? sources.join(' ; ') : null,
      verified: flag(o['verified'], `${path}.communeConditions[${i}].verified`),
    };
  });
  const keyNames = new Set(revocations.flatMap((r) => r.keyNames.map(normName)));
  const source = revocationSources.length > 0 ? revocationSources : decisionSources;
  return { idBase, legalBasis, revocations, revocationSource: source.length > 0 ? source.join(' ; ') : null, conditions, keyNames };
}

function revocationRulesFor(rec: RecognitionData, criteria: readonly CriterionDef[]): RevocationRuleDef[] {
  return rec.revocations.map((r): RevocationRuleDef => {
    const names = new Set(r.keyNames.map(normName));
    const keyCriteria = criteria.filter((c) => names.has(normName(c.name))).map((c) => c.number);
    const band = r.maxPercent === null ? `${r.minPercent}-plus` : `${r.minPercent}-${r.maxPercent}`;
    return {
      id: `${rec.idBase}-revoke-${band}${r.keyNames.length > 0 ? '-key' : ''}`,
      kind: 'revocation',
      failingShare: { minPercent: r.minPercent, minInclusive: true, maxPercent: r.maxPercent, maxInclusive: r.maxInclusive },
      requiresKeyCriterion: r.keyNames.length > 0,
      keyCriteria,
      text: r.text,
      legalBasis: rec.legalBasis,
      source: rec.revocationSource,
      verified: r.verified,
    };
  });
}

// QĐ 318 Điều 1 (regionRules in the file): especially disadvantaged communes, and safe-zone (ATK) communes of
// poor or just-out-of-poverty (2018–2020) districts, use the TDMNPB levels. Attribute names are ours (documented
// in types.ts); the rule itself must be present in the file or the import fails.
function tdmnpbOverride(doc: JsonObject, regions: readonly RegionDef[]): AttributeOverrideDef {
  const rules = arr(doc['regionRules'], 'regionRules').map((r, i) => obj(r, `regionRules[${i}]`));
  const rule = rules.find((r) => typeof r['rule_vi'] === 'string' && r['rule_vi'].includes('xã đặc biệt khó khăn'));
  if (!rule) throw new Error('regionRules: the especially-disadvantaged-commune rule (QĐ 318) is missing');
  const text = str(rule['rule_vi'], 'regionRules[].rule_vi');
  if (!text.includes('Trung du miền núi phía Bắc') || !regions.some((r) => r.code === 'TDMNPB')) {
    throw new Error('regionRules: expected the rule to point at the TDMNPB region');
  }
  const sources = [...strList(rule['source'], 'regionRules[].source'), ...strList(rule['additionalSources'], 'regionRules[].additionalSources')];
  return {
    id: 'qd318-dbkk-atk-tdmnpb',
    when: {
      any: [
        { attr: 'especiallyDifficult', eq: true },
        { all: [{ attr: 'safeZone', eq: true }, { attr: 'poorDistrict2018_2020', eq: true }] },
      ],
    },
    set: { region: 'TDMNPB' },
    text,
    source: sources.length > 0 ? sources.join(' ; ') : null,
    verified: flag(rule['verified'], 'regionRules[].verified'),
  };
}

/** The 7 regions of the 2021–2025 file, with the codes it uses. */
export function regions2021_2025(raw: unknown): RegionDef[] {
  const doc = obj(raw, '$');
  return arr(doc['regions'], 'regions').map((r, i) => {
    const o = obj(r, `regions[${i}]`);
    return {
      code: str(o['code'], `regions[${i}].code`),
      name: str(o['name_vi'], `regions[${i}].name_vi`),
      nameEn: str(o['name_en'], `regions[${i}].name_en`),
      note: optStr(o['note'], `regions[${i}].note`),
    };
  });
}

function legalBasisOf(decision: JsonObject, path: string): string {
  const base = `Quyết định ${str(decision['number'], `${path}.number`)} ngày ${str(decision['date'], `${path}.date`)}`;
  const appendix = optStr(decision['appendix'], `${path}.appendix`);
  const amended = decision['amendedBy'] === undefined ? [] : arr(decision['amendedBy'], `${path}.amendedBy`).map((a, i) => {
    const o = obj(a, `${path}.amendedBy[${i}]`);
    return `${str(o['number'], `${path}.amendedBy[${i}].number`)} ngày ${str(o['date'], `${path}.amendedBy[${i}].date`)}`;
  });
  return [base, appendix, amended.length > 0 ? `sửa đổi bởi ${amended.join(', ')}` : null].filter((p) => p !== null).join('; ');
}

/** The 2021–2025 sets in the file: NTM commune (QĐ 318 Phụ lục I), advanced commune, model commune (QĐ 319). */
export function importSets2021_2025(raw: unknown): CriteriaSetDef[] {
  const doc = obj(raw, '$');
  const summary = obj(doc['verificationSummary'], 'verificationSummary');
  const regions = regions2021_2025(raw);
  const rec = readRecognition(doc['recognition'], 'recognition');
  const override = tdmnpbOverride(doc, regions);
  const out: CriteriaSetDef[] = [];

  arr(doc['criteriaSets'], 'criteriaSets').forEach((rawSet, si) => {
    const path = `criteriaSets[${si}]`;
    const s = obj(rawSet, path);
    const code = str(s['code'], `${path}.code`);
    const decision = obj(s['decision'], `${path}.decision`);
    const validFrom = optStr(decision['effectiveFrom'], `${path}.decision.effectiveFrom`) ?? str(decision['date'], `${path}.decision.date`);
    const sources = strList(s['sources'], `${path}.sources`);
    const setNote = optStr(s['note'], `${path}.note`);

    if (s['conditions'] !== undefined) {
      out.push(importModelSet(s, path, code, validFrom, sources, summary, rec));
      return;
    }
    const isAdvanced = code.includes('NANG_CAO');
    const criteria = arr(s['criteria'], `${path}.criteria`).map((c, i) => importCriterion(c, `${path}.criteria[${i}]`, rec.keyNames));
    const notes = isAdvanced
      ? [textOf(summary['advancedSet']), setNote]
      : [textOf(summary['criteriaNamesVerified']), textOf(summary['indicatorsVerified']), textOf(summary['pass2Method']), setNote];
    const rules: RecognitionRuleDef[] = [...rec.conditions, ...revocationRulesFor(rec, criteria)];
    out.push({
      code,
      name: str(s['name_vi'], `${path}.name_vi`),
      level: isAdvanced ? 'advanced' : 'ntm',
      legalBasis: legalBasisOf(decision, `${path}.decision`),
      validFrom,
      validTo: null,
      version: 1,
      criteria,
      recognitionRules: rules,
      attributeOverrides: [override],
      provenance: {
        verified: false,
        notes: [...notes, textOf(summary['amendments'])].filter((n): n is string => n !== null && n !== ''),
        sources,
      },
    });
  });
  return out;
}

// QĐ 319 model-commune conditions: one criterion per condition. A yes/no condition's target is the condition
// itself (as the file does for rows 8.1–8.4, "implied-boolean"); KM.2's relative income rule is not a number and
// stays null with its text.
function importModelSet(
  s: JsonObject,
  path: string,
  code: string,
  validFrom: string,
  sources: readonly string[],
  summary: JsonObject,
  rec: RecognitionData,
): CriteriaSetDef {
  const conditions = arr(s['conditions'], `${path}.conditions`).map((c, i) => obj(c, `${path}.conditions[${i}]`));
  const source = sources.length > 0 ? sources.join(' ; ') : null;
  const criteria = conditions.map((c, i): CriterionDef => {
    const at = `${path}.conditions[${i}]`;
    const ccode = str(c['code'], `${at}.code`);
    const unit = optStr(c['unit'], `${at}.unit`);
    const kind = mapKind(str(c['kind'], `${at}.kind`), unit, at);
    const verified = flag(c['verified'], `${at}.verified`);
    const name = str(c['content_vi'], `${at}.content_vi`);
    let target: TargetRuleDef;
    if (kind === 'boolean') {
      target = { match: {}, value: true, source, verified, note: 'Điều kiện có/không: mức yêu cầu là chính điều kiện (implied-boolean).' };
    } else {
      const t = c['targets'] === undefined ? {} : obj(c['targets'], `${at}.targets`);
      target = { match: {}, value: null, source, verified: false, note: joinNotes(Object.values(t).map(textOf)) };
    }
    return {
      number: String(i + 1),
      code: ccode,
      name,
      group: null,
      guidedByAgencyKind: null,
      nameVerified: verified,
      indicators: [{ code: ccode, wording: name, kind, unit, applicability: null, targets: [target], verified, note: optStr(c['content_en'], `${at}.content_en`) }],
    };
  });
  return {
    code,
    name: str(s['name_vi'], `${path}.name_vi`),
    level: 'model',
    legalBasis: legalBasisOf(obj(s['decision'], `${path}.decision`), `${path}.decision`),
    validFrom,
    validTo: null,
    version: 1,
    criteria,
    // The revocation bands are shares of a criteria set's criteria; the model rules are conditions, so only the
    // recognition conditions (which name the model set) are attached.
    recognitionRules: rec.conditions,
    provenance: {
      verified: true,
      notes: [textOf(summary['modelCommune']), 'validFrom là ngày ký quyết định: nguồn không ghi ngày hiệu lực.'],
      sources,
    },
  };
}

/** The 3 commune groups of 2026–2030, as the file defines them (codes "1", "2", "3"). */
export function communeGroups2026_2030(raw: unknown): CommuneGroupDef[] {
  const doc = obj(raw, '$');
  return arr(doc['communeGroups'], 'communeGroups').map((g, i) => {
    const o = obj(g, `communeGroups[${i}]`);
    return {
      code: str(o['code'], `communeGroups[${i}].code`),
      name: str(o['name_vi'], `communeGroups[${i}].name_vi`),
      definition: str(o['definition_vi'], `communeGroups[${i}].definition_vi`),
      definitionEn: str(o['definition_en'], `communeGroups[${i}].definition_en`),
      sources: strList(o['sources'], `communeGroups[${i}].sources`),
      verified: flag(o['verified'], `communeGroups[${i}].verified`),
      note: optStr(o['note'], `communeGroups[${i}].note`),
    };
  });
}

/** The 2026–2030 commune set (QĐ 51/2025/QĐ-TTg): 10 criteria; indicators only as far as the file gives them. */
export function importSet2026_2030(raw: unknown): CriteriaSetDef {
  const doc = obj(raw, '$');
  const summary = obj(doc['verificationSummary'], 'verificationSummary');
  const sets = arr(doc['criteriaSets'], 'criteriaSets');
  const s = obj(sets[0], 'criteriaSets[0]');
  const criteria = arr(s['criteria'], 'criteriaSets[0].criteria').map((c, i) => importCriterion(c, `criteriaSets[0].criteria[${i}]`, new Set()));
  const stated = s['indicatorsCount'];
  const notes = ['criteria', 'indicators', 'communeGroups', 'transitional', 'recognitionProcedure']
    .map((k) => (summary[k] === undefined ? null : textOf(summary[k])))
    .filter((n): n is string => n !== null);
  return {
    code: str(s['code'], 'criteriaSets[0].code'),
    name: str(s['name'], 'criteriaSets[0].name'),
    level: 'ntm',
    legalBasis: str(s['decision'], 'criteriaSets[0].decision'),
    validFrom: str(s['effectiveFrom'], 'criteriaSets[0].effectiveFrom'),
    validTo: null,
    version: 1,
    criteria,
    // The file found no 2026–2030 recognition or revocation rule; QĐ 18/2022 is not carried over.
    recognitionRules: [],
    provenance: {
      verified: false,
      notes: [...notes, optStr(s['note'], 'criteriaSets[0].note'), optStr(s['groupDifferentiation'], 'criteriaSets[0].groupDifferentiation')]
        .filter((n): n is string => n !== null),
      sources: strList(doc['source'], 'source'),
      statedIndicatorCount: typeof stated === 'number' ? stated : null,
    },
  };
}

/** Import both reference files: all sets, the 2021–2025 regions and the 2026–2030 commune groups. */
export function importReference(ref2021_2025: unknown, ref2026_2030: unknown): ReferenceImport {
  return {
    sets: [...importSets2021_2025(ref2021_2025), importSet2026_2030(ref2026_2030)],
    regions: regions2021_2025(ref2021_2025),
    communeGroups: communeGroups2026_2030(ref2026_2030),
  };
}
