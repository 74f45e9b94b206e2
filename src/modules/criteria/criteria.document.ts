/**
 * Pure edits of a criteria set document (CriteriaSetDef): each returns a new document and what it replaced, so the
 * service can validate the result, store it whole and audit the part that changed. No I/O.
 */
import type { IndicatorKindName } from '../../contracts/criteria.js';
import type { CriteriaSetDef, IndicatorDef, TargetMatch, TargetRuleDef } from '../../domain/criteria/index.js';
import { AppError } from '../../platform/errors.js';

/** A match as a canonical string (keys sorted), so {region, yearFrom} and {yearFrom, region} are the same rule. */
export function matchKey(match: TargetMatch): string {
  const entries = Object.entries(match)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** The indicator with this code, with its criterion, or NOT_FOUND. */
export function findIndicator(def: CriteriaSetDef, code: string): { criterionIndex: number; indicatorIndex: number; indicator: IndicatorDef } {
  for (const [ci, c] of def.criteria.entries()) {
    const ii = c.indicators.findIndex((i) => i.code === code);
    if (ii >= 0) return { criterionIndex: ci, indicatorIndex: ii, indicator: c.indicators[ii]! };
  }
  throw new AppError('NOT_FOUND', `Chỉ tiêu ${code} không có trong bộ tiêu chí này`);
}

function replaceIndicator(def: CriteriaSetDef, code: string, fn: (i: IndicatorDef) => IndicatorDef): CriteriaSetDef {
  const { criterionIndex, indicatorIndex } = findIndicator(def, code);
  return {
    ...def,
    criteria: def.criteria.map((c, ci) =>
      ci !== criterionIndex ? c : { ...c, indicators: c.indicators.map((i, ii) => (ii === indicatorIndex ? fn(i) : i)) },
    ),
  };
}

/** Change an indicator's wording, kind or unit. */
export function withIndicatorFields(
  def: CriteriaSetDef,
  code: string,
  patch: { wording?: string; kind?: IndicatorKindName; unit?: string | null },
): { def: CriteriaSetDef; before: IndicatorDef; after: IndicatorDef } {
  const before = findIndicator(def, code).indicator;
  const after: IndicatorDef = {
    ...before,
    ...(patch.wording !== undefined ? { wording: patch.wording } : {}),
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.unit !== undefined ? { unit: patch.unit } : {}),
  };
  return { def: replaceIndicator(def, code, () => after), before, after };
}

/** Put a target rule on an indicator: the rule with the same match is replaced, otherwise the rule is added. */
export function withTarget(
  def: CriteriaSetDef,
  code: string,
  rule: TargetRuleDef,
): { def: CriteriaSetDef; before: TargetRuleDef | null; after: TargetRuleDef; index: number } {
  const { indicator } = findIndicator(def, code);
  const key = matchKey(rule.match);
  const at = indicator.targets.findIndex((t) => matchKey(t.match) === key);
  const targets = at >= 0 ? indicator.targets.map((t, i) => (i === at ? rule : t)) : [...indicator.targets, rule];
  return {
    def: replaceIndicator(def, code, (i) => ({ ...i, targets })),
    before: at >= 0 ? indicator.targets[at]! : null,
    after: rule,
    index: at >= 0 ? at : targets.length - 1,
  };
}

/** A copy of a document under a new identity (code, version, name). */
export function renamed(def: CriteriaSetDef, id: { code: string; version: number; name: string }): CriteriaSetDef {
  return { ...def, code: id.code, version: id.version, name: id.name };
}

/** "Tài liệu, Điều 2, tr. 5": the one source text stored with a target. */
export function sourceText(s: { document: string; article?: string | undefined; page?: string | undefined }): string {
  return [s.document, s.article, s.page ? `tr. ${s.page}` : undefined].filter((p): p is string => !!p && p.trim() !== '').join(', ');
}

/**
 * The document the engine evaluates: a target entered but not confirmed (`verified: false`, not demo data) keeps
 * its place but loses its value, so the indicator is `target_unknown`, never met or not met on an unchecked number.
 * Demonstration targets stay applied: they are flagged `demo` on every result that uses them.
 */
export function forEvaluation(def: CriteriaSetDef): CriteriaSetDef {
  const unconfirmed = (t: TargetRuleDef) => t.value !== null && !t.verified && t.demo !== true;
  if (!def.criteria.some((c) => c.indicators.some((i) => i.targets.some(unconfirmed)))) return def;
  return {
    ...def,
    criteria: def.criteria.map((c) => ({
      ...c,
      indicators: c.indicators.map((i) =>
        i.targets.some(unconfirmed) ? { ...i, targets: i.targets.map((t) => (unconfirmed(t) ? { ...t, value: null } : t)) } : i,
      ),
    })),
  };
}
