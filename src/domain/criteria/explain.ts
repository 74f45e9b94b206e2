// Vietnamese explanations of evaluation results. Built on demand from the result's data (not during evaluation),
// because a province evaluation holds hundreds of thousands of indicator results and most explanations are never read.
import { attrLabel } from './applicability.js';
import type { CompiledIndicator, CompiledRule } from './compile.js';
import { formatQuantity, formatValue } from './format.js';
import type { CriterionStatus, IndicatorResult, TargetReason } from './types.js';

/** What an explanation needs from the evaluation beyond the result itself. */
export interface ExplainContext {
  readonly year: number;
  /** Text of each attribute override by id, for "applied under rule ..." notes. */
  readonly overrideText: Readonly<Record<string, string>>;
}

function ruleNote(rule: CompiledRule, reason: TargetReason | null, ctx: ExplainContext): string {
  const via = reason?.['override'];
  if (typeof via !== 'string') return rule.note;
  return `${rule.note}; áp dụng theo quy định: ${ctx.overrideText[via] ?? via}`;
}

const isMinKind = (kind: IndicatorResult['kind']): boolean => kind === 'min' || kind === 'percent_min' || kind === 'count_min';

/** Explain one indicator result in Vietnamese. */
export function explainIndicator(ci: CompiledIndicator, rule: CompiledRule | null, ctx: ExplainContext, r: IndicatorResult): string {
  const unit = ci.def.unit;
  const cause = r.cause;
  switch (cause.code) {
    case 'not_applicable':
      return `Không áp dụng: chỉ tiêu chỉ áp dụng cho ${ci.applicabilityText ?? ''}.`;
    case 'attribute_missing': {
      const what = cause.of === 'applicability' ? 'chỉ tiêu có áp dụng hay không' : 'mức chỉ tiêu áp dụng';
      return `Thiếu thông tin của xã (${cause.attrs.map(attrLabel).join(', ')}) nên chưa xác định được ${what}.`;
    }
    case 'no_target_rule':
      return `Chưa có mức chỉ tiêu cho năm ${ctx.year}: cần nhập mức chỉ tiêu kèm nguồn văn bản.`;
    case 'value_invalid':
      return `Giá trị không hợp lệ: cần ${cause.expected}.`;
    default:
      break;
  }
  if (!rule) return '';
  const note = ruleNote(rule, r.reason, ctx);
  if (cause.code === 'target_value_unknown') return `Chưa biết giá trị chỉ tiêu (${note}): cần nhập mức chỉ tiêu kèm nguồn văn bản.`;
  if (cause.code === 'value_missing') return `Thiếu số liệu: xã chưa nhập giá trị (yêu cầu ${rule.targetText}, ${note}).`;

  const met = r.status === 'met';
  const head = met ? 'Đạt' : 'Chưa đạt';
  if (r.kind === 'boolean') return `${head}: ${formatValue(r.value, unit)}, yêu cầu ${rule.targetText} (${note}).`;
  if (r.kind === 'verdict') {
    const req = ci.scaleRank ? `"${String(r.target)}" trở lên` : `"${String(r.target)}"`;
    return `${head}: "${String(r.value)}", yêu cầu ${req} (${note}).`;
  }
  const min = isMinKind(r.kind);
  const sign = min ? (met ? '≥' : '<') : met ? '≤' : '>';
  const value = formatQuantity(r.value as number, unit);
  if (met) return `Đạt: ${value} ${sign} ${rule.targetText} (${note}).`;
  const gap = formatQuantity(r.gap?.absolute ?? 0, unit);
  return `Chưa đạt: ${value} ${sign} ${rule.targetText} (${note}), ${min ? 'còn thiếu' : 'vượt'} ${gap}.`;
}

/** Explain a criterion's status in Vietnamese. */
export function explainCriterion(status: CriterionStatus, indicators: readonly IndicatorResult[]): string {
  const codes = (s: IndicatorResult['status']): string[] => indicators.filter((i) => i.status === s).map((i) => i.code);
  switch (status) {
    case 'met': {
      const applicable = indicators.filter((i) => i.status !== 'not_applicable').length;
      return `Đạt: ${applicable}/${applicable} chỉ tiêu áp dụng đều đạt.`;
    }
    case 'not_applicable':
      return 'Không áp dụng: không có chỉ tiêu nào áp dụng cho xã.';
    case 'not_met':
      return `Chưa đạt: ${codes('not_met').join(', ')} chưa đạt.`;
    case 'undetermined': {
      if (indicators.length === 0) return 'Chưa xác định: tiêu chí chưa có chỉ tiêu nào (chưa có dữ liệu nguồn).';
      const parts: string[] = [];
      const missing = codes('missing_value');
      const unknown = codes('target_unknown');
      if (missing.length) parts.push(`thiếu số liệu ${missing.join(', ')}`);
      if (unknown.length) parts.push(`chưa có mức chỉ tiêu ${unknown.join(', ')}`);
      return `Chưa xác định: ${parts.join('; ')}.`;
    }
  }
}
