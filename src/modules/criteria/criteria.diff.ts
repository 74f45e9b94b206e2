/**
 * Side-by-side difference of two criteria set documents (pure): per criterion (by number), indicator (by code) and
 * target rule (by its match), what was added, removed or changed, with the values before and after.
 */
import type { CriterionDiff, FieldChange, IndicatorDiff, TargetDiff } from '../../contracts/criteria.js';
import { describeRule, type CriteriaSetDef, type CriterionDef, type IndicatorDef, type TargetRuleDef } from '../../domain/criteria/index.js';
import { matchKey } from './criteria.document.js';
import { matchText, plainMatch, presentTarget } from './criteria.presenter.js';

type Scalar = string | number | boolean | null;

function fields(pairs: ReadonlyArray<readonly [string, Scalar, Scalar]>): FieldChange[] {
  return pairs.filter(([, a, b]) => a !== b).map(([field, before, after]) => ({ field, before, after }));
}

function indicatorFields(a: IndicatorDef | null, b: IndicatorDef | null): FieldChange[] {
  const pick = (i: IndicatorDef | null) => ({
    wording: i?.wording ?? null,
    kind: i?.kind ?? null,
    unit: i?.unit ?? null,
    applicability: i?.applicability ? describeRule(i.applicability) : null,
    scale: i?.scale ? i.scale.join('; ') : null,
    verified: i ? i.verified === true : null,
  });
  const x = pick(a);
  const y = pick(b);
  return fields([
    ['wording', x.wording, y.wording],
    ['kind', x.kind, y.kind],
    ['unit', x.unit, y.unit],
    ['applicability', x.applicability, y.applicability],
    ['scale', x.scale, y.scale],
    ['verified', x.verified, y.verified],
  ]);
}

function targetFields(a: TargetRuleDef | null, b: TargetRuleDef | null): FieldChange[] {
  const pick = (t: TargetRuleDef | null) => ({
    value: t ? t.value : null,
    source: t?.source ?? null,
    verified: t ? t.verified : null,
    demo: t ? t.demo === true : null,
    confirmedBy: t?.confirmedBy ?? null,
    confirmedAt: t?.confirmedAt ?? null,
    note: t?.note ?? null,
  });
  const x = pick(a);
  const y = pick(b);
  return fields([
    ['value', x.value, y.value],
    ['source', x.source, y.source],
    ['verified', x.verified, y.verified],
    ['demo', x.demo, y.demo],
    ['confirmedBy', x.confirmedBy, y.confirmedBy],
    ['confirmedAt', x.confirmedAt, y.confirmedAt],
    ['note', x.note, y.note],
  ]);
}

function diffTargets(a: IndicatorDef | null, b: IndicatorDef | null): TargetDiff[] {
  const before = new Map((a?.targets ?? []).map((t, i) => [matchKey(t.match), { t, i }]));
  const after = new Map((b?.targets ?? []).map((t, i) => [matchKey(t.match), { t, i }]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const out: TargetDiff[] = [];
  for (const k of keys) {
    const x = before.get(k) ?? null;
    const y = after.get(k) ?? null;
    const f = targetFields(x?.t ?? null, y?.t ?? null);
    const change = !x ? 'added' : !y ? 'removed' : f.length > 0 ? 'changed' : null;
    if (!change) continue;
    const match = (y ?? x)!.t.match;
    out.push({
      change,
      match: plainMatch(match),
      matchText: matchText(match),
      before: x ? presentTarget(x.t, x.i, a?.unit ?? null) : null,
      after: y ? presentTarget(y.t, y.i, b?.unit ?? null) : null,
      fields: change === 'changed' ? f : [],
    });
  }
  return out;
}

function diffIndicators(a: CriterionDef | null, b: CriterionDef | null): IndicatorDiff[] {
  const before = new Map((a?.indicators ?? []).map((i) => [i.code, i]));
  const after = new Map((b?.indicators ?? []).map((i) => [i.code, i]));
  const out: IndicatorDiff[] = [];
  for (const code of [...new Set([...before.keys(), ...after.keys()])]) {
    const x = before.get(code) ?? null;
    const y = after.get(code) ?? null;
    const f = x && y ? indicatorFields(x, y) : [];
    const targets = diffTargets(x, y);
    const change = !x ? 'added' : !y ? 'removed' : f.length > 0 || targets.length > 0 ? 'changed' : null;
    if (!change) continue;
    out.push({ code, wording: (y ?? x)!.wording, change, fields: f, targets });
  }
  return out;
}

/** What changed from set `a` to set `b`; unchanged parts are left out. */
export function diffSets(a: CriteriaSetDef, b: CriteriaSetDef): { header: FieldChange[]; criteria: CriterionDiff[]; counts: { added: number; removed: number; changed: number } } {
  const header = fields([
    ['name', a.name, b.name],
    ['level', a.level, b.level],
    ['legalBasis', a.legalBasis, b.legalBasis],
    ['validFrom', a.validFrom, b.validFrom],
    ['validTo', a.validTo, b.validTo],
  ]);
  const before = new Map(a.criteria.map((c) => [c.number, c]));
  const after = new Map(b.criteria.map((c) => [c.number, c]));
  const criteria: CriterionDiff[] = [];
  for (const number of [...new Set([...before.keys(), ...after.keys()])]) {
    const x = before.get(number) ?? null;
    const y = after.get(number) ?? null;
    const f =
      x && y
        ? fields([
            ['name', x.name, y.name],
            ['group', x.group, y.group],
            ['guidedByAgencyKind', x.guidedByAgencyKind, y.guidedByAgencyKind],
            ['isKey', x.isKey === true, y.isKey === true],
          ])
        : [];
    const indicators = diffIndicators(x, y);
    const change = !x ? 'added' : !y ? 'removed' : f.length > 0 || indicators.length > 0 ? 'changed' : null;
    if (!change) continue;
    criteria.push({ number, name: (y ?? x)!.name, change, fields: f, indicators });
  }
  const counts = { added: 0, removed: 0, changed: header.length > 0 ? 1 : 0 };
  const tally = (change: 'added' | 'removed' | 'changed', own: boolean) => {
    if (change !== 'changed') counts[change]++;
    else if (own) counts.changed++;
  };
  for (const c of criteria) {
    tally(c.change, c.fields.length > 0);
    if (c.change !== 'changed') continue;
    for (const i of c.indicators) {
      tally(i.change, i.fields.length > 0);
      if (i.change !== 'changed') continue;
      for (const t of i.targets) tally(t.change, true);
    }
  }
  return { header, criteria, counts };
}
