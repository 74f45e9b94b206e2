/**
 * Criteria on the wire: rows and documents never leave as they are. Every target carries its trust state and the
 * Vietnamese notice ("chưa xác minh", "chưa có chỉ tiêu", demo) so no screen can show a guess as the law.
 */
import {
  targetNotices,
  type Criterion,
  type EvaluationResponse,
  type Indicator,
  type IndicatorResultDto,
  type SetAbilities,
  type SetDetail,
  type SetRef,
  type SetSummary,
  type TargetRule,
} from '../../contracts/criteria.js';
import { describeAttrValue, ruleAttributes } from '../../domain/criteria/applicability.js';
import { formatValue } from '../../domain/criteria/format.js';
import {
  describeRule,
  type CommuneEvaluation,
  type CriteriaSetDef,
  type CriterionDef,
  type IndicatorDef,
  type IndicatorResult,
  type TargetMatch,
  type TargetRuleDef,
} from '../../domain/criteria/index.js';
import type { EffectiveAttributeRow } from '../units/units.repo.js';
import type { SetRow, SetWithDefinition } from './criteria.repo.js';

type TargetState = TargetRule['state'];

const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** A match without undefined keys, as plain data. */
export function plainMatch(match: TargetMatch): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(match)) if (v !== undefined) out[k] = v;
  return out;
}

function yearText(from: number | undefined, to: number | undefined): string {
  if (from !== undefined && to !== undefined) return from === to ? `năm ${from}` : `năm ${from}–${to}`;
  if (from !== undefined) return `từ năm ${from}`;
  return `đến năm ${String(to)}`;
}

/** "mức chung", "vùng TDMNPB", "nhóm xã 2, năm 2027" ... */
export function matchText(match: TargetMatch): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(match)) {
    if (k === 'yearFrom' || k === 'yearTo' || v === undefined) continue;
    parts.push(describeAttrValue(k, v));
  }
  if (match.yearFrom !== undefined || match.yearTo !== undefined) parts.push(yearText(match.yearFrom, match.yearTo));
  return parts.length === 0 ? 'mức chung' : parts.join(', ');
}

/** How far one target can be trusted. */
export function targetStateOf(t: TargetRuleDef): TargetState {
  if (t.value === null) return 'none';
  if (t.demo === true) return 'demo';
  return t.verified ? 'verified' : 'unverified';
}

const noticeOf = (s: TargetState | null): string | null => (s === null || s === 'verified' ? null : targetNotices[s]);

/** The weakest state among an indicator's targets: 'none' when no target has a value. */
export function indicatorStateOf(ind: IndicatorDef): TargetState {
  const valued = ind.targets.filter((t) => t.value !== null);
  if (valued.length === 0) return 'none';
  const states = valued.map(targetStateOf);
  if (states.includes('demo')) return 'demo';
  if (states.includes('unverified') || valued.length < ind.targets.length) return 'unverified';
  return 'verified';
}

export function presentTarget(t: TargetRuleDef, index: number, unit: string | null): TargetRule {
  const state = targetStateOf(t);
  return {
    index,
    match: plainMatch(t.match),
    matchText: matchText(t.match),
    value: t.value,
    valueText: formatValue(t.value, unit),
    source: t.source,
    verified: t.verified,
    demo: t.demo === true,
    confirmedBy: t.confirmedBy ?? null,
    confirmedAt: t.confirmedAt ?? null,
    note: t.note ?? null,
    state,
    notice: noticeOf(state),
  };
}

export function presentIndicator(i: IndicatorDef): Indicator {
  const state = indicatorStateOf(i);
  return {
    code: i.code,
    wording: i.wording,
    kind: i.kind,
    unit: i.unit,
    applicability: i.applicability ? { text: describeRule(i.applicability), attributes: ruleAttributes(i.applicability) } : null,
    scale: i.scale ? [...i.scale] : null,
    verified: i.verified === true,
    codeProvisional: i.codeProvisional === true,
    sourceRow: i.sourceRow ?? null,
    note: i.note ?? null,
    targets: i.targets.map((t, idx) => presentTarget(t, idx, i.unit)),
    state,
    notice: noticeOf(state),
  };
}

function presentCriterion(c: CriterionDef): Criterion {
  return {
    number: c.number,
    code: c.code,
    name: c.name,
    group: c.group,
    groupCode: c.groupCode ?? null,
    guidedByAgencyKind: c.guidedByAgencyKind,
    isKey: c.isKey === true,
    nameVerified: c.nameVerified === true,
    note: c.note ?? null,
    indicators: c.indicators.map(presentIndicator),
  };
}

export function presentSetRef(r: Pick<SetRow, 'id' | 'code' | 'name' | 'version' | 'status' | 'is_demo'>): SetRef {
  return { id: r.id, code: r.code, name: r.name, version: r.version, status: r.status, isDemo: r.is_demo };
}

export function presentSummary(r: SetRow, abilities: SetAbilities): SetSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    legalBasis: r.legal_basis,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
    status: r.status,
    isNational: r.province_unit_id === null,
    province: r.province_unit_id ? { id: r.province_unit_id, name: r.province_name ?? '' } : null,
    parent:
      r.parent_set_id && r.parent_code !== null
        ? {
            id: r.parent_set_id,
            code: r.parent_code,
            name: r.parent_name ?? '',
            version: r.parent_version ?? 1,
            status: r.parent_status ?? 'draft',
            isDemo: r.parent_is_demo === true,
          }
        : null,
    isDemo: r.is_demo,
    publishedAt: r.published_at ? iso(r.published_at) : null,
    createdBy: r.created_by_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    rowVersion: r.row_version,
    stats: {
      criteria: r.n_criteria,
      indicators: r.n_indicators,
      targets: r.n_targets,
      verifiedTargets: r.n_verified,
      unverifiedTargets: r.n_unverified,
      demoTargets: r.n_demo,
      indicatorsWithoutTarget: r.n_without_target,
    },
    abilities,
  };
}

export function presentDetail(r: SetWithDefinition, abilities: SetAbilities): SetDetail {
  const def: CriteriaSetDef = r.definition;
  return {
    ...presentSummary(r, abilities),
    criteria: def.criteria.map(presentCriterion),
    recognitionRules: def.recognitionRules.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      text: rule.text,
      legalBasis: rule.legalBasis,
      source: rule.source,
      verified: rule.verified,
    })),
    attributeOverrides: (def.attributeOverrides ?? []).map((o) => ({ id: o.id, text: o.text, source: o.source, verified: o.verified })),
    provenance: def.provenance
      ? {
          verified: def.provenance.verified,
          notes: [...def.provenance.notes],
          sources: [...def.provenance.sources],
          statedIndicatorCount: def.provenance.statedIndicatorCount ?? null,
        }
      : null,
  };
}

function presentIndicatorResult(r: IndicatorResult, ind: IndicatorDef | undefined): IndicatorResultDto {
  const unit = ind?.unit ?? null;
  const rule = r.matchedRule && ind ? ind.targets[r.matchedRule.index] : undefined;
  // The engine saw an unconfirmed target as unknown (forEvaluation); the stored rule still has the entered value.
  const unverified = r.status === 'target_unknown' && rule !== undefined && rule.value !== null ? rule.value : null;
  let state: TargetState | null = null;
  if (unverified !== null) state = 'unverified';
  else if (r.status === 'target_unknown') state = 'none';
  else if (r.target !== null && rule) state = targetStateOf(rule);
  const c = r.cause;
  return {
    code: r.code,
    wording: ind?.wording ?? r.code,
    criterionNumber: r.criterionNumber,
    kind: r.kind,
    unit,
    status: r.status,
    value: r.value,
    target: r.target,
    targetText: r.target === null ? null : formatValue(r.target, unit),
    unverifiedTarget: unverified,
    matchedRule: r.matchedRule ? { index: r.matchedRule.index, keys: [...r.matchedRule.keys], match: plainMatch(r.matchedRule.match) } : null,
    reason: r.reason ? { ...r.reason } : null,
    cause: {
      code: c.code,
      ...('expected' in c ? { expected: c.expected } : {}),
      ...('of' in c ? { of: c.of, attrs: [...c.attrs] } : {}),
    },
    verified: r.verified,
    demo: r.demo,
    targetSource: rule?.source ?? null,
    targetState: state,
    targetNotice: noticeOf(state),
    gap: r.gap ? { absolute: r.gap.absolute, relative: r.gap.relative } : null,
    why:
      unverified === null
        ? r.why
        : `Chưa đánh giá: mức chỉ tiêu ${formatValue(unverified, unit)} (${matchText(rule!.match)}) chưa được xác minh; cần xác nhận mức chỉ tiêu với nguồn văn bản.`,
  };
}

/** The engine's evaluation, with the set, the commune and the attributes it used. */
export function presentEvaluation(
  set: SetRef,
  def: CriteriaSetDef,
  unit: { id: string; code: string | null; name: string; level: string },
  asOf: string,
  attrs: readonly EffectiveAttributeRow[],
  ev: CommuneEvaluation,
  ignoredValues: string[],
): EvaluationResponse {
  const byCode = new Map<string, IndicatorDef>();
  for (const c of def.criteria) for (const i of c.indicators) byCode.set(i.code, i);
  return {
    set,
    unit,
    year: ev.year,
    asOf,
    attributes: attrs.map((a) => ({
      key: a.key,
      value: a.value,
      fromUnitId: a.unit_id,
      fromUnitName: a.unit_name,
      inherited: a.depth > 0,
      validFrom: a.valid_from,
      legalBasis: a.legal_basis,
    })),
    criteria: ev.criteria.map((c) => ({
      number: c.number,
      name: c.name,
      status: c.status,
      met: c.met,
      applicable: c.applicable,
      isKey: c.isKey,
      why: c.why,
      indicators: c.indicators.map((r) => presentIndicatorResult(r, byCode.get(r.code))),
    })),
    criteriaMet: ev.criteriaMet,
    criteriaApplicable: ev.criteriaApplicable,
    meetsStandard: ev.meetsStandard,
    allTargetsVerified: ev.allTargetsVerified,
    relativeGapSum: ev.relativeGapSum,
    missing: { criteria: [...ev.missing.criteria], indicators: [...ev.missing.indicators] },
    counts: { ...ev.counts },
    ignoredValues,
  };
}
