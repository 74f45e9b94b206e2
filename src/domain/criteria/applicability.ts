// Applicability rules over commune attributes, evaluated in three-valued (Kleene) logic:
// true / false / null (= unknown because an attribute the rule needs is not recorded).
import type { ApplicabilityRule, AttrScalar, CommuneAttributes } from './types.js';

/** A compiled rule: returns true, false, or null when unknown attributes leave it undecided. */
export type RuleFn = (attrs: CommuneAttributes) => boolean | null;

/** Compile a rule into a closure so evaluating thousands of communes does no tree walking by key names. */
export function compileRule(rule: ApplicabilityRule): RuleFn {
  if ('all' in rule) {
    const parts = rule.all.map(compileRule);
    return (attrs) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(attrs);
        if (r === false) return false;
        if (r === null) unknown = true;
      }
      return unknown ? null : true;
    };
  }
  if ('any' in rule) {
    const parts = rule.any.map(compileRule);
    return (attrs) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(attrs);
        if (r === true) return true;
        if (r === null) unknown = true;
      }
      return unknown ? null : false;
    };
  }
  if ('not' in rule) {
    const inner = compileRule(rule.not);
    return (attrs) => {
      const r = inner(attrs);
      return r === null ? null : !r;
    };
  }
  const { attr } = rule;
  if ('in' in rule) {
    const allowed = new Set<AttrScalar>(rule.in);
    return (attrs) => {
      const v = attrs[attr];
      return v === null || v === undefined ? null : allowed.has(v);
    };
  }
  const expected = rule.eq;
  return (attrs) => {
    const v = attrs[attr];
    return v === null || v === undefined ? null : v === expected;
  };
}

/** Attribute names a rule reads, in first-seen order. */
export function ruleAttributes(rule: ApplicabilityRule, out: string[] = []): string[] {
  if ('all' in rule) rule.all.forEach((r) => ruleAttributes(r, out));
  else if ('any' in rule) rule.any.forEach((r) => ruleAttributes(r, out));
  else if ('not' in rule) ruleAttributes(rule.not, out);
  else if (!out.includes(rule.attr)) out.push(rule.attr);
  return out;
}

// Vietnamese labels of the known attributes; unknown keys are shown as they are.
const ATTR_LABELS: Readonly<Record<string, string>> = {
  region: 'vùng',
  communeGroup: 'nhóm xã',
  ethnicArea: 'khu vực vùng DTTS&MN',
  border: 'xã biên giới',
  especiallyDifficult: 'xã đặc biệt khó khăn',
  safeZone: 'xã an toàn khu',
  poorDistrict2018_2020: 'thuộc huyện nghèo hoặc vừa thoát nghèo giai đoạn 2018-2020',
  schoolsOver3: 'xã có hơn 3 trường',
};

/** Vietnamese label of an attribute key. */
export function attrLabel(attr: string): string {
  return ATTR_LABELS[attr] ?? attr;
}

/** Describe "attribute = value" in Vietnamese, e.g. "xã biên giới", "vùng TDMNPB". */
export function describeAttrValue(attr: string, value: AttrScalar): string {
  if (value === true) return attrLabel(attr);
  if (value === false) return `không phải ${attrLabel(attr)}`;
  return `${attrLabel(attr)} ${String(value)}`;
}

/** Describe a rule in Vietnamese, e.g. "xã biên giới và vùng TDMNPB". */
export function describeRule(rule: ApplicabilityRule): string {
  if ('all' in rule) return rule.all.map(describeNested).join(' và ');
  if ('any' in rule) return rule.any.map(describeNested).join(' hoặc ');
  if ('not' in rule) return `không (${describeRule(rule.not)})`;
  if ('in' in rule) return `${attrLabel(rule.attr)} thuộc ${rule.in.map(String).join(', ')}`;
  return describeAttrValue(rule.attr, rule.eq);
}

function describeNested(rule: ApplicabilityRule): string {
  return 'all' in rule || 'any' in rule ? `(${describeRule(rule)})` : describeRule(rule);
}
