/**
 * The overall result of a commune-year: meets the standard or not, criteria met / applicable, indicator counts per
 * status, whether every deciding target was verified, what is still missing, and the commune attributes used.
 */
import { indicatorStatuses, type EvaluationResponse } from '../../../../../src/contracts/criteria.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';
import { attributeWords, indicatorStatusLook } from '../labels.js';
import { evalAnchor } from './evaluation-entry.js';

export function EvaluationSummary({ result, updating }: { result: EvaluationResponse; updating: boolean }) {
  const { t, number, date } = useI18n();
  const anyNotMet = result.criteria.some((c) => c.status === 'not_met');
  const verdict = result.meetsStandard
    ? { tone: 'ok' as const, icon: '✓', text: t('criteria.evaluate.meets') }
    : anyNotMet
      ? { tone: 'bad' as const, icon: '✕', text: t('criteria.evaluate.notMeets') }
      : { tone: 'warn' as const, icon: '?', text: t('criteria.evaluate.undetermined') };
  const missingIndicators = result.missing.indicators;
  return (
    <section className="eval-summary card" aria-labelledby="eval-summary-h">
      <div className="eval-summary-head">
        <h2 id="eval-summary-h">{t('criteria.evaluate.summary', { unit: result.unit.name, year: result.year })}</h2>
        <p className="eval-updating" role="status">
          {updating ? t('criteria.evaluate.updating') : ''}
        </p>
      </div>
      <p className="eval-verdict">
        <StatusBadge tone={verdict.tone} icon={verdict.icon}>
          {verdict.text}
        </StatusBadge>{' '}
        <strong>{t('criteria.evaluate.criteriaMet', { met: number(result.criteriaMet), applicable: number(result.criteriaApplicable) })}</strong>
      </p>
      <ul className="stat-badges" aria-label={t('criteria.evaluate.counts')}>
        {indicatorStatuses.map((s) => {
          const n = result.counts[s] ?? 0;
          if (n === 0) return null;
          const look = indicatorStatusLook[s];
          return (
            <li key={s}>
              <StatusBadge tone={look.tone} icon={look.icon}>
                {t(look.label)}: {number(n)}
              </StatusBadge>
            </li>
          );
        })}
      </ul>
      {!result.allTargetsVerified ? (
        <p>
          <StatusBadge tone="unverified" icon="!">
            {t('criteria.state.unverified')}
          </StatusBadge>{' '}
          {t('criteria.evaluate.notAllVerified')}
        </p>
      ) : null}
      {missingIndicators.length > 0 ? (
        <details className="disclosure">
          <summary>{t('criteria.evaluate.missing', { count: number(missingIndicators.length), criteria: number(result.missing.criteria.length) })}</summary>
          <ul className="code-list">
            {missingIndicators.map((code) => (
              <li key={code}>
                <a href={`#${evalAnchor(code)}`}>{code}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h3>{t('criteria.evaluate.attributes', { date: date(result.asOf) })}</h3>
      {result.attributes.length === 0 ? (
        <p className="muted">{t('criteria.evaluate.noAttributes')}</p>
      ) : (
        <ul className="attr-list">
          {result.attributes.map((a) => (
            <li key={a.key}>
              <strong>{attributeWords(a.key, a.value, t)}</strong>{' '}
              <span className="muted">
                {a.inherited ? t('criteria.evaluate.attrFrom', { unit: a.fromUnitName }) : t('criteria.evaluate.attrOwn')}
                {a.validFrom ? `, ${t('criteria.evaluate.attrSince', { date: date(a.validFrom) })}` : ''}
                {a.legalBasis ? ` — ${a.legalBasis}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
