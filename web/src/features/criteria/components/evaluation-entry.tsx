/**
 * Typing a commune's indicator values, one indicator per row with the target beside the field, and the live result
 * of each: status (colour + icon + word), the target that applies and why (region, commune group, year, general),
 * its verification badge and the gap for numbers. Criteria group the rows, each with its own result.
 */
import type { ReactNode } from 'react';
import type {
  EvaluationResponse,
  Indicator,
  IndicatorResultDto,
  SetDetail,
  TargetRule,
} from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { Field } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { comparator, gapWords, reasonWords, valueWords } from '../labels.js';
import { CriterionStatusBadge, IndicatorStatusBadge, TargetStateBadge } from './badges.js';
import { indicatorAnchor, SetLink } from './set-link.js';
import { SourceText } from './source-text.js';

/** The anchor of an indicator's row on the evaluation page. */
export const evalAnchor = (code: string) => `ev-${indicatorAnchor(code)}`;

interface Props {
  set: SetDetail;
  result: EvaluationResponse | undefined;
  /** Typed text per indicator code. */
  values: Readonly<Record<string, string>>;
  /** Per code: the text does not fit the indicator's kind. */
  invalid: Readonly<Record<string, boolean>>;
  onChange: (code: string, text: string) => void;
  /** Enter or confirm the target that applies (only when the set may be edited). */
  onTarget?: ((ind: Indicator, rule: TargetRule | null, confirm: boolean) => void) | undefined;
}

export function EvaluationEntry({ set, result, values, invalid, onChange, onTarget }: Props) {
  const { t, number } = useI18n();
  const byCode = new Map<string, IndicatorResultDto>();
  const byNumber = new Map<string, EvaluationResponse['criteria'][number]>();
  for (const c of result?.criteria ?? []) {
    byNumber.set(c.number, c);
    for (const i of c.indicators) byCode.set(i.code, i);
  }
  const overrides = Object.fromEntries(set.attributeOverrides.map((o) => [o.id, o.text]));
  return (
    <div className="eval-list">
      {set.criteria.map((c) => {
        const cr = byNumber.get(c.number);
        const applicable = cr?.indicators.filter((i) => i.status !== 'not_applicable') ?? [];
        const met = applicable.filter((i) => i.status === 'met').length;
        const hid = `ev-tc-${c.number}`;
        return (
          <section key={c.number} className="eval-criterion" aria-labelledby={hid}>
            <div className="eval-criterion-head">
              <h2 id={hid}>{t('criteria.criterionN', { number: c.number, name: c.name })}</h2>
              {cr ? <CriterionStatusBadge status={cr.status} /> : null}
            </div>
            {cr ? (
              <p className="muted eval-criterion-count">
                {t('criteria.evaluate.indicatorsMet', { met: number(met), applicable: number(applicable.length) })}
              </p>
            ) : null}
            {c.indicators.length === 0 ? <p className="muted">{t('criteria.noIndicators')}</p> : null}
            <ul className="eval-rows">
              {c.indicators.map((ind) => (
                <IndicatorRow
                  key={ind.code}
                  set={set}
                  ind={ind}
                  r={byCode.get(ind.code)}
                  text={values[ind.code] ?? ''}
                  invalid={invalid[ind.code] === true}
                  onChange={(s) => onChange(ind.code, s)}
                  onTarget={onTarget}
                  overrides={overrides}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function IndicatorRow({
  set,
  ind,
  r,
  text,
  invalid,
  onChange,
  onTarget,
  overrides,
}: {
  set: SetDetail;
  ind: Indicator;
  r: IndicatorResultDto | undefined;
  text: string;
  invalid: boolean;
  onChange: (s: string) => void;
  onTarget: Props['onTarget'];
  overrides: Record<string, string>;
}) {
  const { t, number } = useI18n();
  const hid = `${evalAnchor(ind.code)}-h`;
  const rule = r?.matchedRule ? ind.targets[r.matchedRule.index] ?? null : null;
  const gap = r ? gapWords(r.kind, r.gap, r.unit, t, number) : null;
  const why = r ? reasonWords(r, t, overrides) : null;
  const a = set.abilities;
  let action: ReactNode = null;
  if (onTarget && r) {
    if (r.status === 'target_unknown' && (a.canEdit || a.canConfirmTarget)) {
      action = (
        <Button size="small" variant="primary" onClick={() => onTarget(ind, rule, a.canConfirmTarget)}>
          {t('criteria.target.enterFor', { code: ind.code })}
        </Button>
      );
    } else if (rule && r.targetState && r.targetState !== 'verified' && a.canConfirmTarget) {
      action = (
        <Button size="small" variant="primary" onClick={() => onTarget(ind, rule, true)}>
          {t('criteria.target.confirmFor', { code: ind.code })}
        </Button>
      );
    }
  }
  return (
    <li id={evalAnchor(ind.code)} className={`eval-row${r ? ` eval-${r.status}` : ''}`} aria-labelledby={hid}>
      <div className="eval-input">
        <h3 id={hid} className="eval-code">
          {t('criteria.evaluate.indicatorN', { code: ind.code })}
        </h3>
        <p className="eval-wording">{ind.wording}</p>
        <ValueInput ind={ind} text={text} invalid={invalid} onChange={onChange} />
      </div>
      <div className="eval-result">
        {r ? (
          <>
            <p className="eval-status" aria-live="polite">
              <IndicatorStatusBadge status={r.status} />
              {gap ? <span className="eval-gap">{gap}</span> : null}
            </p>
            <dl className="eval-facts">
              <div>
                <dt>{t('criteria.evaluate.target')}</dt>
                <dd>
                  {r.target !== null ? (
                    <strong>
                      {comparator(r.kind, Boolean(ind.scale))} {valueWords(r.target, r.unit, t, number)}
                    </strong>
                  ) : (
                    <span>{t('criteria.value.none')}</span>
                  )}{' '}
                  {r.targetState ? <TargetStateBadge state={r.targetState} /> : null}
                </dd>
              </div>
              {why ? (
                <div>
                  <dt>{t('criteria.evaluate.why')}</dt>
                  <dd>{why}</dd>
                </div>
              ) : null}
              {r.targetSource ? (
                <div>
                  <dt>{t('criteria.target.source')}</dt>
                  <dd>
                    <SourceText source={r.targetSource} />
                  </dd>
                </div>
              ) : null}
              {rule?.confirmedBy ? (
                <div>
                  <dt>{t('criteria.evaluate.confirmed')}</dt>
                  <dd>{t('criteria.target.confirmedByShort', { name: rule.confirmedBy })}</dd>
                </div>
              ) : null}
            </dl>
            <p className="eval-why" lang="vi">
              {r.why}
            </p>
            {action ? <div className="row-actions">{action}</div> : null}
          </>
        ) : (
          <p className="muted">{t('criteria.evaluate.noResult')}</p>
        )}
        <p className="eval-more">
          <SetLink id={set.id} hash={indicatorAnchor(ind.code)}>
            {t('criteria.evaluate.allTargets', { code: ind.code })}
          </SetLink>
        </p>
      </div>
    </li>
  );
}

/** The value field for an indicator's kind: Có/Không, a label of its scale, or a number with its unit. */
function ValueInput({ ind, text, invalid, onChange }: { ind: Indicator; text: string; invalid: boolean; onChange: (s: string) => void }) {
  const { t } = useI18n();
  const label = (
    <>
      {ind.unit ? t('criteria.evaluate.valueWithUnit', { unit: ind.unit }) : t('criteria.evaluate.value')}
      <span className="sr-only"> ({t('criteria.evaluate.indicatorN', { code: ind.code })})</span>
    </>
  );
  const error = invalid ? (ind.kind === 'verdict' ? t('criteria.value.notLabel') : t('criteria.value.notNumber')) : undefined;
  return (
    <Field label={label} error={error}>
      {(c) =>
        ind.kind === 'boolean' || (ind.kind === 'verdict' && ind.scale) ? (
          <select {...c} className="input eval-field" value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('criteria.value.notEntered')}</option>
            {ind.kind === 'boolean' ? (
              <>
                <option value="true">{t('common.yes')}</option>
                <option value="false">{t('common.no')}</option>
              </>
            ) : (
              ind.scale!.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))
            )}
          </select>
        ) : (
          <input
            {...c}
            className="input eval-field"
            type="text"
            inputMode={ind.kind === 'verdict' ? 'text' : 'decimal'}
            autoComplete="off"
            value={text}
            placeholder={t('criteria.value.notEntered')}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
