/** The facts of a set: code, version, level, legal basis, validity, status, owner, parent, counts and provenance. */
import type { SetDetail, SetSummary } from '../../../../../src/contracts/criteria.js';
import { useI18n } from '../../../i18n/index.js';
import { levelLabel, setValidityText } from '../labels.js';
import { SetKind, SetStatsBadges, SetStatusBadges } from './badges.js';
import { SetLink } from './set-link.js';
import { SourceText } from './source-text.js';

export function SetFacts({ set }: { set: SetSummary }) {
  const { t, date, dateTime } = useI18n();
  return (
    <dl className="facts">
      <div>
        <dt>{t('criteria.set.code')}</dt>
        <dd>
          <code>{set.code}</code> · {t('criteria.set.versionN', { version: set.version })}
        </dd>
      </div>
      <div>
        <dt>{t('criteria.set.level')}</dt>
        <dd>{t(levelLabel(set.level))}</dd>
      </div>
      <div>
        <dt>{t('criteria.set.status')}</dt>
        <dd>
          <SetStatusBadges set={set} />
          {set.publishedAt ? <span className="muted"> {t('criteria.set.publishedAt', { at: dateTime(set.publishedAt) })}</span> : null}
        </dd>
      </div>
      <div>
        <dt>{t('date.validity')}</dt>
        <dd>{setValidityText(set, t, date)}</dd>
      </div>
      <div>
        <dt>{t('criteria.set.kind')}</dt>
        <dd>
          <SetKind set={set} />
          {set.parent ? (
            <>
              {' · '}
              {t('criteria.set.parent')}{' '}
              <SetLink id={set.parent.id}>
                {set.parent.code} ({t('criteria.set.versionN', { version: set.parent.version })})
              </SetLink>
            </>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('criteria.set.createdBy')}</dt>
        <dd>
          {set.createdBy ?? t('criteria.set.createdBySystem')} <span className="muted">· {dateTime(set.createdAt)}</span>
        </dd>
      </div>
      <div className="facts-wide">
        <dt>{t('criteria.set.legalBasis')}</dt>
        <dd>{set.legalBasis}</dd>
      </div>
      <div className="facts-wide">
        <dt>{t('criteria.set.counts')}</dt>
        <dd>
          <p className="set-counts">
            {t('criteria.set.countsText', {
              criteria: set.stats.criteria,
              indicators: set.stats.indicators,
              targets: set.stats.targets,
            })}
          </p>
          <SetStatsBadges stats={set.stats} />
        </dd>
      </div>
    </dl>
  );
}

/** Where the set's data comes from, and what is still not verified (collapsed: long notes). */
export function Provenance({ set }: { set: SetDetail }) {
  const { t } = useI18n();
  const p = set.provenance;
  if (!p) return null;
  return (
    <details className="disclosure">
      <summary>
        {t('criteria.provenance.title')} {p.verified ? null : <span className="muted">({t('criteria.provenance.notVerified')})</span>}
      </summary>
      {p.notes.length > 0 ? (
        <ul>
          {p.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      {p.sources.length > 0 ? (
        <>
          <h3>{t('criteria.provenance.sources')}</h3>
          <SourceText source={p.sources.join(' ; ')} />
        </>
      ) : null}
    </details>
  );
}

/** Recognition conditions, revocation rules and attribute overrides of the set. */
export function SetRules({ set }: { set: SetDetail }) {
  const { t } = useI18n();
  if (set.recognitionRules.length === 0 && set.attributeOverrides.length === 0) return null;
  const groups = [
    { key: 'recognition_condition', title: t('criteria.rules.conditions'), rules: set.recognitionRules.filter((r) => r.kind === 'recognition_condition') },
    { key: 'revocation', title: t('criteria.rules.revocation'), rules: set.recognitionRules.filter((r) => r.kind === 'revocation') },
  ].filter((g) => g.rules.length > 0);
  return (
    <section className="section" aria-labelledby="set-rules">
      <h2 id="set-rules">{t('criteria.rules.title')}</h2>
      {groups.map((g) => (
        <div key={g.key}>
          <h3>{g.title}</h3>
          <ul className="rule-list">
            {g.rules.map((r) => (
              <li key={r.id}>
                {r.text} <span className="muted">({r.legalBasis})</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {set.attributeOverrides.length > 0 ? (
        <>
          <h3>{t('criteria.rules.overrides')}</h3>
          <ul className="rule-list">
            {set.attributeOverrides.map((o) => (
              <li key={o.id}>{o.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
