import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCommune, validateSet } from './engine.js';
import { evaluateRevocation } from './recognition.js';
import { importReference } from './reference-import.js';
import type { CriteriaSetDef, IndicatorDef } from './types.js';

const seedDir = new URL('../../../seed/reference/criteria/', import.meta.url);
const sharedDir = new URL('../../../../shared/reference/', import.meta.url);
const FILE_2021 = 'ntm-criteria-2021-2025.json';
const FILE_2026 = 'ntm-criteria-2026-2030.json';

// The raw files, read the way a test reads fixtures; the shapes below are only what these tests look at.
interface RawRow { code: string | null; verified?: boolean; targets: Record<string, unknown> }
interface RawCriterion { number: number; name_vi: string; indicators: RawRow[] }
interface Raw2021 {
  verificationSummary: { indicatorsVerified: string };
  regions: { code: string }[];
  criteriaSets: { code: string; criteria?: RawCriterion[] }[];
  recognition: { revocation: { commune: { content_en: string }[] } };
}
interface Raw2026 {
  verificationSummary: { indicators: string };
  communeGroups: { code: string }[];
  criteriaSets: { criteria: RawCriterion[]; criteriaCount: number; indicatorsCount: number }[];
}

const raw2021 = JSON.parse(readFileSync(new URL(FILE_2021, seedDir), 'utf8')) as Raw2021;
const raw2026 = JSON.parse(readFileSync(new URL(FILE_2026, seedDir), 'utf8')) as Raw2026;
const imported = importReference(raw2021, raw2026);

function setByCode(code: string): CriteriaSetDef {
  const s = imported.sets.find((x) => x.code === code);
  if (!s) throw new Error(`set ${code} not imported`);
  return s;
}
const ntm = setByCode('NTM_XA_2021_2025');
const advanced = setByCode('NTM_XA_NANG_CAO_2021_2025');
const model = setByCode('NTM_XA_KIEU_MAU_2021_2025');
const ntm2026 = setByCode('NTM_XA_2026_2030');
const indicatorsOf = (s: CriteriaSetDef): IndicatorDef[] => s.criteria.flatMap((c) => c.indicators);
const rawNtm = raw2021.criteriaSets.find((s) => s.code === 'NTM_XA_2021_2025')?.criteria ?? [];
const rawRows = rawNtm.flatMap((c) => c.indicators);

// "14 of 57 indicator rows ... are verified=true: 3.1, 3.2, 5, ..., 8.1-8.4, ..." → counts and expanded code list.
function parseSummary(text: string): { verified: number; total: number; codes: string[] } {
  const m = /(\d+) of (\d+) indicator rows .*?verified=true: (.+?)\. All/.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`summary not understood: ${text}`);
  const codes = m[3].split(',').flatMap((part) => {
    const code = part.trim();
    const range = /^(\d+)\.(\d+)-\1\.(\d+)$/.exec(code);
    if (!range?.[1] || !range[2] || !range[3]) return [code];
    const from = Number(range[2]);
    return Array.from({ length: Number(range[3]) - from + 1 }, (_, i) => `${range[1]}.${from + i}`);
  });
  return { verified: Number(m[1]), total: Number(m[2]), codes };
}

describe('reference files', () => {
  it('are the copies recorded in seed/reference/criteria/README.md (and of ../shared when it is beside the repo)', () => {
    const sha = (u: URL): string => createHash('sha256').update(readFileSync(u)).digest('hex');
    const readme = readFileSync(new URL('README.md', seedDir), 'utf8');
    for (const f of [FILE_2021, FILE_2026]) {
      const recorded = new RegExp(`\\| ${f.replace('.', '\\.')} \\| ([0-9a-f]{64}) \\|`).exec(readme)?.[1];
      expect(recorded, `sha256 of ${f} in the README`).toMatch(/^[0-9a-f]{64}$/);
      expect(sha(new URL(f, seedDir))).toBe(recorded);
      // CI lays shared/ beside the clone; a developer's checkout may not have it.
      if (existsSync(sharedDir)) expect(sha(new URL(f, sharedDir))).toBe(recorded);
    }
  });

  it('import into sets that validate cleanly', () => {
    expect(imported.sets.map((s) => [s.code, s.level, s.validFrom])).toEqual([
      ['NTM_XA_2021_2025', 'ntm', '2022-03-08'],
      ['NTM_XA_NANG_CAO_2021_2025', 'advanced', '2022-03-08'],
      ['NTM_XA_KIEU_MAU_2021_2025', 'model', '2022-03-08'],
      ['NTM_XA_2026_2030', 'ntm', '2026-02-15'],
    ]);
    for (const s of imported.sets) expect(validateSet(s)).toEqual([]);
  });
});

describe('NTM commune set 2021–2025 (QĐ 318 Phụ lục I)', () => {
  it('has the 19 criteria of the file, numbered 1–19, with their names and groups', () => {
    expect(ntm.criteria).toHaveLength(19);
    expect(ntm.criteria.map((c) => c.number)).toEqual(rawNtm.map((c) => String(c.number)));
    expect(ntm.criteria.map((c) => c.name)).toEqual(rawNtm.map((c) => c.name_vi));
    expect(ntm.criteria[2]).toMatchObject({ number: '3', name: 'Thủy lợi và phòng, chống thiên tai', group: 'Hạ tầng kinh tế - xã hội', groupCode: 'II' });
    expect(ntm.legalBasis).toContain('318/QĐ-TTg');
  });

  it('verifies exactly the rows the verificationSummary names, and as many as it counts', () => {
    const summary = parseSummary(raw2021.verificationSummary.indicatorsVerified);
    const rawVerified = rawRows.filter((r) => r.verified === true).map((r) => r.code);
    expect(rawRows).toHaveLength(summary.total);
    expect(rawVerified).toEqual(summary.codes);
    expect(rawVerified).toHaveLength(summary.verified);
    // Imported indicators with a verified target, counted per source row (row 5 is split into 5 and 5-L1).
    const rows = new Set(indicatorsOf(ntm).filter((i) => i.targets.some((t) => t.verified)).map((i) => i.sourceRow ?? i.code));
    expect([...rows]).toEqual(summary.codes);
  });

  it('verifies no target unless its row says verified: true, and every verified target has a value and a source', () => {
    const rowVerified = new Map(rawRows.map((r) => [r.code, r.verified === true]));
    for (const ind of indicatorsOf(ntm)) {
      for (const t of ind.targets) {
        if (!t.verified) continue;
        expect(rowVerified.get(ind.sourceRow ?? ind.code)).toBe(true);
        expect(t.value).not.toBeNull();
        expect(t.source).toMatch(/^https?:\/\//);
      }
    }
  });

  it('leaves rows without targets in the file without targets (target_unknown)', () => {
    const emptyRows = rawRows.filter((r) => Object.keys(r.targets).length === 0).map((r) => r.code);
    const withoutTargets = indicatorsOf(ntm).filter((i) => i.targets.length === 0).map((i) => i.code);
    expect(withoutTargets).toEqual(emptyRows);
    expect(withoutTargets).toContain('10'); // income: no year/region values in the file
    const ev = evaluateCommune(ntm, { region: 'TDMNPB' }, 2024, { '10': 60 });
    const income = ev.criteria.find((c) => c.number === '10')?.indicators[0];
    expect(income?.status).toBe('target_unknown');
  });

  it('maps values and kinds as the file states them', () => {
    const byCode = new Map(indicatorsOf(ntm).map((i) => [i.code, i]));
    expect(byCode.get('3.1')).toMatchObject({ kind: 'percent_min', unit: '%', targets: [{ match: {}, value: 80, verified: true }] });
    expect(byCode.get('3.2')).toMatchObject({ kind: 'boolean', targets: [{ match: {}, value: true, verified: true }] });
    expect(byCode.get('9.1')).toMatchObject({ kind: 'boolean', targets: [{ match: {}, value: false, verified: true }] });
    expect(byCode.get('11')).toMatchObject({ kind: 'percent_max', targets: [] });
    expect(byCode.get('17.4')).toMatchObject({ kind: 'min', unit: 'm²/người' });
    const schools = byCode.get('5');
    expect(schools?.targets.map((t) => [t.match.region, t.value])).toEqual([
      ['TDMNPB', 100], ['DBSH', 100], ['BTB', 100], ['DHNTB', 100], ['TN', 100], ['DNB', 100], ['DBSCL', 100],
    ]);
    expect(schools?.targets[0]?.note).toContain('tối thiểu');
    expect(schools?.targets[1]?.note).toContain('mức độ 1');
  });

  it('keeps the level-1 share of row 5 as indicator 5-L1 for the regions that have it', () => {
    const l1 = indicatorsOf(ntm).find((i) => i.code === '5-L1');
    expect(l1).toMatchObject({ sourceRow: '5', codeProvisional: true, kind: 'percent_min', applicability: { attr: 'region', in: ['TDMNPB', 'BTB', 'DHNTB', 'TN', 'DBSCL'] } });
    expect(l1?.targets.filter((t) => t.match.region === 'TDMNPB').map((t) => [t.match['schoolsOver3'], t.value])).toEqual([
      [true, 70],
      [false, 50],
    ]);
    const lc = (values: Record<string, number>, schoolsOver3: boolean) =>
      evaluateCommune(ntm, { region: 'TDMNPB', schoolsOver3 }, 2024, values).criteria.find((c) => c.number === '5')?.status;
    expect(lc({ '5': 100, '5-L1': 70 }, true)).toBe('met');
    expect(lc({ '5': 100, '5-L1': 60 }, true)).toBe('not_met');
    expect(lc({ '5': 100, '5-L1': 60 }, false)).toBe('met');
    const dbsh = evaluateCommune(ntm, { region: 'DBSH', especiallyDifficult: false, safeZone: false }, 2024, { '5': 100 });
    expect(dbsh.criteria.find((c) => c.number === '5')?.indicators.map((i) => i.status)).toEqual(['met', 'not_applicable']);
  });

  it('uses only the file\'s region codes', () => {
    const codes = imported.regions.map((r) => r.code);
    expect(codes).toEqual(raw2021.regions.map((r) => r.code));
    expect(codes).toEqual(['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']);
    for (const s of imported.sets) {
      for (const i of indicatorsOf(s)) for (const t of i.targets) if (t.match.region !== undefined) expect(codes).toContain(t.match.region);
    }
  });

  it('applies the TDMNPB levels to especially disadvantaged communes (QĐ 318 Điều 1)', () => {
    expect(ntm.attributeOverrides?.[0]).toMatchObject({ set: { region: 'TDMNPB' }, verified: true });
    const ev = evaluateCommune(ntm, { region: 'DBSH', especiallyDifficult: true, schoolsOver3: true }, 2024, { '5': 100, '5-L1': 65 });
    const l1 = ev.criteria.find((c) => c.number === '5')?.indicators[1];
    expect(l1?.status).toBe('not_met');
    expect(l1?.target).toBe(70);
    expect(l1?.reason).toEqual({ by: 'region+schoolsOver3', region: 'TDMNPB', schoolsOver3: true, override: 'qd318-dbkk-atk-tdmnpb' });
  });

  it('marks the key criteria named by the QĐ 18/2022 revocation text and parses its bands', () => {
    const text = raw2021.recognition.revocation.commune.map((r) => r.content_en).join(' ');
    const keys = ntm.criteria.filter((c) => c.isKey);
    expect(keys.map((c) => c.number)).toEqual(['10', '17', '19']);
    for (const c of keys) expect(text).toContain(c.name);
    const revocations = ntm.recognitionRules.filter((r) => r.kind === 'revocation');
    expect(revocations.map((r) => [r.id, r.failingShare, r.requiresKeyCriterion, r.keyCriteria, r.legalBasis])).toEqual([
      ['qd18-2022-revoke-30-50-key', { minPercent: 30, minInclusive: true, maxPercent: 50, maxInclusive: true }, true, ['10', '17', '19'], 'Quyết định 18/2022/QĐ-TTg ngày 2022-08-02'],
      ['qd18-2022-revoke-50-plus', { minPercent: 50, minInclusive: true, maxPercent: null, maxInclusive: false }, false, [], 'Quyết định 18/2022/QĐ-TTg ngày 2022-08-02'],
    ]);
    expect(ntm.recognitionRules.filter((r) => r.kind === 'recognition_condition').map((r) => r.kind === 'recognition_condition' && r.check)).toEqual([
      'meets_standard', 'external', 'external', 'external',
    ]);
  });

  it('applies the imported rules: 4 of 19 known failures (21%) do not revoke, open criteria leave it undecided', () => {
    const values: Record<string, number | boolean> = { '3.1': 50, '3.2': false, '6.1': false, '7': false, '8.1': false };
    const ev = evaluateCommune(ntm, { region: 'TDMNPB' }, 2024, values);
    const out = evaluateRevocation(ntm, ev);
    expect(out.failing.criteria).toEqual(['3', '6', '7', '8']);
    expect(out.triggered).toBe(false);
    expect(out.indeterminate).toBe(true); // the other criteria have no verified targets yet
  });
});

describe('advanced and model sets 2021–2025', () => {
  it('imports the advanced set as unverified names with its one verified electricity indicator', () => {
    expect(advanced.criteria).toHaveLength(19);
    expect(advanced.criteria.every((c) => c.nameVerified === false)).toBe(true);
    expect(advanced.criteria.filter((c) => c.isKey).map((c) => c.name)).toEqual(['Thu nhập', 'Môi trường', 'Chất lượng môi trường sống', 'Quốc phòng và An ninh']);
    const elec = indicatorsOf(advanced).find((i) => i.code === '4#1');
    expect(elec?.codeProvisional).toBe(true);
    expect(elec?.targets.find((t) => t.match.region === 'TDMNPB')).toMatchObject({ value: 98, verified: true });
    expect(indicatorsOf(advanced).filter((i) => i.targets.some((t) => t.verified)).map((i) => i.code)).toEqual(['4#1']);
  });

  it('imports the 4 model-commune conditions; the relative income condition has no numeric target', () => {
    expect(model.criteria.map((c) => c.code)).toEqual(['KM.1', 'KM.2', 'KM.3', 'KM.4']);
    const km2 = indicatorsOf(model).find((i) => i.code === 'KM.2');
    expect(km2?.targets).toMatchObject([{ value: null, verified: false }]);
    expect(km2?.targets[0]?.note).toContain('1.10');
  });
});

describe('NTM commune set 2026–2030 (QĐ 51/2025/QĐ-TTg)', () => {
  it('has the 10 criteria and no indicators or targets, as the file has none', () => {
    const raw = raw2026.criteriaSets[0];
    expect(ntm2026.criteria).toHaveLength(10);
    expect(ntm2026.criteria).toHaveLength(raw?.criteriaCount ?? -1);
    expect(ntm2026.criteria.map((c) => c.name)).toEqual(raw?.criteria.map((c) => c.name_vi));
    expect(indicatorsOf(ntm2026)).toHaveLength(0);
    expect(raw2026.verificationSummary.indicators).toMatch(/^0\/47/);
    expect(ntm2026.provenance?.statedIndicatorCount).toBe(raw?.indicatorsCount);
    expect(ntm2026.recognitionRules).toEqual([]);
  });

  it('never lets a commune meet it while the indicators are unknown', () => {
    const ev = evaluateCommune(ntm2026, { communeGroup: '3' }, 2026, {});
    expect(ev.meetsStandard).toBe(false);
    expect(ev.criteriaApplicable).toBe(10);
    expect(ev.criteria.every((c) => c.status === 'undetermined')).toBe(true);
  });

  it('exports the 3 commune groups with the file\'s codes', () => {
    expect(imported.communeGroups.map((g) => g.code)).toEqual(raw2026.communeGroups.map((g) => g.code));
    expect(imported.communeGroups.map((g) => [g.code, g.name, g.verified])).toEqual([
      ['1', 'Xã nhóm 1', true],
      ['2', 'Xã nhóm 2', true],
      ['3', 'Xã nhóm 3', true],
    ]);
    expect(imported.communeGroups[2]?.definition).toContain('khu vực II');
  });
});

describe('import errors', () => {
  it('fails loudly on an unknown target key rather than dropping it', () => {
    const broken = structuredClone(raw2021) as unknown as { criteriaSets: { criteria?: { indicators: { targets: Record<string, unknown> }[] }[] }[] };
    const row = broken.criteriaSets[0]?.criteria?.[2]?.indicators[0];
    if (!row) throw new Error('fixture');
    row.targets['byProvince'] = { LC: { min: 90 } };
    expect(() => importReference(broken, raw2026)).toThrow(/unsupported target key "byProvince"/);
  });
});
