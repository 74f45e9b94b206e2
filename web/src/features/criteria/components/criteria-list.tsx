/**
 * A set's criteria → indicators → target rules: for each rule, which communes and years it covers (in words), the
 * value with its unit, the source, its state badge and who confirmed it when. Buttons come from the set's abilities.
 */
import type { Criterion, Indicator, SetDetail, TargetRule } from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { comparator, matchWords, valueWords, type TargetStateName } from '../labels.js';
import { TargetStateBadge } from './badges.js';
import { criterionAnchor, indicatorAnchor } from './set-link.js';
import { SourceText } from './source-text.js';

export type StateFilter = TargetStateName | 'all';

/** Does the indicator have a target in this state (or, for 'none', no target value at all)? */
export function indicatorHasState(ind: Indicator, f: StateFilter): boolean {
  if (f === 'all') return true;
  if (f === 'none') return ind.state === 'none' || ind.targets.some((r) => r.state === 'none');
  return ind.targets.some((r) => r.state === f);
}

interface Actions {
  /** Edit the indicator's wording, kind, unit. */
  onEditIndicator?: ((ind: Indicator) => void) | undefined;
  /** Enter a new target, edit or confirm one (`confirm` pre-ticks "verified"). */
  onTarget?: ((ind: Indicator, rule: TargetRule | null, confirm: boolean) => void) | undefined;
}

/** The criteria as a table of contents with anchors. */
export function CriteriaToc({ criteria }: { criteria: Criterion[] }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('criteria.toc')} className="toc">
      <ol>
        {criteria.map((c) => (
          <li key={c.number}>
            <a href={`#${criterionAnchor(c.number)}`}>
              {c.number}. {c.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function CriteriaList({ set, filter, ...actions }: { set: SetDetail; filter: StateFilter } & Actions) {
  const { t } = useI18n();
  const shown = set.criteria
    .map((c) => ({ c, indicators: c.indicators.filter((i) => indicatorHasState(i, filter)) }))
    .filter((x) => filter === 'all' || x.indicators.length > 0);
  if (shown.length === 0) return <p className="empty-state">{t('criteria.filter.empty')}</p>;
  return (
    <div className="criteria-list">
      {shown.map(({ c, indicators }) => (
        <section key={c.number} id={criterionAnchor(c.number)} className="criterion" aria-labelledby={`${criterionAnchor(c.number)}-h`}>
          <h2 id={`${criterionAnchor(c.number)}-h`} className="criterion-title">
            {t('criteria.criterionN', { number: c.number, name: c.name })}
          </h2>
          <p className="criterion-meta">
            {c.group ? <span>{t('criteria.group', { group: c.group })}</span> : null}
            {c.isKey ? <StatusBadge tone="neutral" icon="★">{t('criteria.isKey')}</StatusBadge> : null}
            {!c.nameVerified ? <TargetStateBadge state="unverified" /> : null}
          </p>
          {c.note ? (
            <details className="disclosure">
              <summary>{t('criteria.note')}</summary>
              <p>{c.note}</p>
            </details>
          ) : null}
          {indicators.length === 0 ? (
            <p className="muted">{t('criteria.noIndicators')}</p>
          ) : (
            indicators.map((ind) => <IndicatorCard key={ind.code} ind={ind} set={set} {...actions} />)
          )}
        </section>
      ))}
    </div>
  );
}

function IndicatorCard({ ind, set, onEditIndicator, onTarget }: { ind: Indicator; set: SetDetail } & Actions) {
  const { t } = useI18n();
  const a = set.abilities;
  const canTarget = (a.canEdit || a.canConfirmTarget) && onTarget;
  const headingId = `${indicatorAnchor(ind.code)}-h`;
  return (
    <article id={indicatorAnchor(ind.code)} className="indicator card" aria-labelledby={headingId}>
      <div className="indicator-head">
        <h3 id={headingId} className="indicator-title">
          <span className="indicator-code">{ind.code}</span> {ind.wording}
        </h3>
        <TargetStateBadge state={ind.state} />
      </div>
      <p className="indicator-meta">
        <span>{t(`criteria.indicatorKind.${ind.kind}`)}</span>
        {ind.unit ? <span>{t('criteria.unit', { unit: ind.unit })}</span> : null}
        {ind.applicability ? <span>{t('criteria.applicability', { text: ind.applicability.text })}</span> : null}
        {ind.codeProvisional ? <span>{t('criteria.codeProvisional')}</span> : null}
        {!ind.verified ? <span>{t('criteria.wordingUnverified')}</span> : null}
      </p>
      {ind.scale ? <p className="muted">{t('criteria.scale', { scale: ind.scale.join(' < ') })}</p> : null}
      {ind.targets.length === 0 ? (
        <p className="indicator-empty">{t('criteria.noTarget')}</p>
      ) : (
        <TargetTable ind={ind} set={set} onTarget={canTarget ? onTarget : undefined} />
      )}
      {ind.note ? (
        <details className="disclosure">
          <summary>{t('criteria.note')}</summary>
          <p>{ind.note}</p>
        </details>
      ) : null}
      {(a.canEdit && onEditIndicator) || canTarget ? (
        <div className="row-actions">
          {canTarget ? (
            <Button size="small" variant="primary" onClick={() => onTarget(ind, null, a.canConfirmTarget)}>
              {t('criteria.target.addFor', { code: ind.code })}
            </Button>
          ) : null}
          {a.canEdit && onEditIndicator ? (
            <Button size="small" onClick={() => onEditIndicator(ind)}>
              {t('criteria.indicator.editFor', { code: ind.code })}
            </Button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function TargetTable({ ind, set, onTarget }: { ind: Indicator; set: SetDetail; onTarget: Actions['onTarget'] }) {
  const { t, dateTime, number } = useI18n();
  const a = set.abilities;
  const cols = {
    match: t('criteria.target.appliesTo'),
    value: t('criteria.target.value'),
    source: t('criteria.target.source'),
    state: t('criteria.target.state'),
  };
  return (
    <Table caption={t('criteria.target.tableCaption', { code: ind.code })}>
      <thead>
        <tr>
          <th scope="col">{cols.match}</th>
          <th scope="col">{cols.value}</th>
          <th scope="col">{cols.source}</th>
          <th scope="col">{cols.state}</th>
          {onTarget ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {ind.targets.map((r) => (
          <tr key={r.index}>
            <Cell label={cols.match}>{matchWords(r.match, t)}</Cell>
            <Cell label={cols.value}>
              <strong className="target-value">
                {r.value === null ? t('criteria.value.none') : `${comparator(ind.kind, Boolean(ind.scale))} ${valueWords(r.value, ind.unit, t, number)}`}
              </strong>
              {r.note ? (
                <details className="target-note">
                  <summary>{t('criteria.form.note')}</summary>
                  {r.note}
                </details>
              ) : null}
            </Cell>
            <Cell label={cols.source}>
              <SourceText source={r.source} />
            </Cell>
            <Cell label={cols.state}>
              <TargetStateBadge state={r.state} />
              {r.confirmedBy ? (
                <span className="target-confirmed">
                  {t('criteria.target.confirmedBy', { name: r.confirmedBy, at: r.confirmedAt ? dateTime(r.confirmedAt) : '—' })}
                </span>
              ) : null}
            </Cell>
            {onTarget ? (
              <Cell label={t('common.actions')}>
                <div className="row-actions">
                  {a.canConfirmTarget && r.state !== 'verified' && r.value !== null ? (
                    <Button size="small" variant="primary" onClick={() => onTarget(ind, r, true)}>
                      {t('criteria.target.confirm')}
                      <span className="sr-only"> {t('criteria.target.ofRule', { code: ind.code, match: matchWords(r.match, t) })}</span>
                    </Button>
                  ) : null}
                  {a.canEdit ? (
                    <Button size="small" onClick={() => onTarget(ind, r, false)}>
                      {t('common.edit')}
                      <span className="sr-only"> {t('criteria.target.ofRule', { code: ind.code, match: matchWords(r.match, t) })}</span>
                    </Button>
                  ) : null}
                </div>
              </Cell>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
