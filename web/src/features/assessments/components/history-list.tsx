/** Every round of an assessment: submissions, returns with their reasons, verdicts, forwards, appraisal, reopenings. */
import type { AssessmentHistory } from '../../../../../src/contracts/assessments.js';
import { EmptyState } from '../../../components/empty-state.js';
import { useI18n } from '../../../i18n/index.js';
import { VerdictBadge } from './badges.js';

export function HistoryList({ history, stepLabels }: { history: AssessmentHistory; stepLabels: Record<string, string> }) {
  const { t, dateTime } = useI18n();
  if (history.events.length === 0 && history.rounds.length === 0) return <EmptyState>{t('asm.history.empty')}</EmptyState>;
  const step = (k: string | null) => (k ? (stepLabels[k] ?? (k === 'self' ? t('asm.col.self') : k)) : '');
  const rounds = [...new Set([...history.events.map((e) => e.round), ...history.rounds.map((r) => r.round)])].sort((x, y) => y - x);
  return (
    <ol className="history plain-list">
      {rounds.map((n) => (
        <li key={n} className="history-round card">
          <h3>{t('asm.history.round', { n })}</h3>
          <ul className="plain-list">
            {history.events
              .filter((e) => e.round === n)
              .sort((x, y) => y.at.localeCompare(x.at))
              .map((e, i) => (
                <li key={i} className="history-event">
                  <span className="muted small">{dateTime(e.at)}</span> <strong>{t(`asm.history.${e.kind}`)}</strong>
                  {e.step ? <span> · {step(e.step)}</span> : null}
                  {e.code ? <span> · {t('asm.indicatorN', { code: e.code })}</span> : null}
                  {e.verdict ? (
                    <>
                      {' '}
                      <VerdictBadge verdict={e.verdict} />
                    </>
                  ) : null}
                  {e.actor ? <span className="muted"> — {e.actor.name}</span> : null}
                  {e.reason ? <p className="small pre-line">{e.reason}</p> : null}
                </li>
              ))}
            {history.rounds
              .filter((r) => r.round === n)
              .map((r, i) => (
                <li key={`r${i}`} className="history-event">
                  <span className="muted small">{dateTime(r.at)}</span>{' '}
                  <strong>{t(r.kind === 'return' ? 'asm.history.returnRound' : 'asm.history.reopenRound', { count: r.items.length, step: step(r.step) })}</strong>
                  {r.actor ? <span className="muted"> — {r.actor.name}</span> : null}
                  <ul className="small">
                    {r.items.map((it) => (
                      <li key={it.code}>
                        <strong>{it.code}</strong>: {it.reason}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
