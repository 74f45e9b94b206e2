/**
 * Review and appraisal at the caller's step: per criterion a dense table with the commune's value, the target, the
 * commune's own status and each earlier step's verdict, and the caller's column next to them — accept what is shown,
 * change the verdict with a reason, or return the indicator to the commune with a reason. Then forward to the next
 * step, or appraise at the last one. Tables become labelled cards on a phone.
 */
import { useMemo, useState } from 'react';
import type { AssessmentForm, IndicatorResult, VerdictValue } from '../../../../../src/contracts/assessments.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage, Notice } from '../../../components/error-message.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { comparator, valueWords } from '../../../lib/indicator-values.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { act } from '../api/act.js';
import { useQueryClient } from '@tanstack/react-query';
import { assessmentKeys } from '../api/keys.js';
import { decisionNeedsReason, type Decision } from '../labels.js';
import { CriterionStatusBadge, IndicatorStatusBadge, ResultStateBadge, TargetStateBadge, VerdictBadge } from './badges.js';
import { EvidenceList } from './evidence-list.js';

interface Choice {
  decision: Decision;
  reason: string;
}

const decisionLabel: Record<Exclude<Decision, ''>, MessageKey> = {
  accept: 'asm.review.accept',
  met: 'asm.review.met',
  not_met: 'asm.review.not_met',
  not_applicable: 'asm.review.not_applicable',
  return: 'asm.review.return',
};

/** The status the caller is asked to accept: the latest earlier step's verdict, else the commune's (engine's). */
export function shownStatus(r: IndicatorResult, earlierKeys: readonly string[]): string {
  for (let i = earlierKeys.length - 1; i >= 0; i--) {
    const v = r.verdicts[earlierKeys[i]!];
    if (v) return v.verdict;
  }
  return r.evaluation.status;
}

export function ReviewTable({ form }: { form: AssessmentForm }) {
  const { t, number } = useI18n();
  const qc = useQueryClient();
  const a = form.assessment;
  const stepIndex = a.currentStep ?? 0;
  const step = a.steps[stepIndex];
  const earlier = a.steps.slice(0, stepIndex);
  const earlierKeys = useMemo(() => earlier.map((s) => s.key), [earlier]);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = useActionKeys();

  const rows = form.criteria.flatMap((c) => c.indicators);
  // A department reviews only its criteria: those come first, the others can be shown for context.
  const partial = a.abilities.reviewableCriteria.length > 0 && a.abilities.reviewableCriteria.length < form.criteria.length;
  const [onlyMine, setOnlyMine] = useState(true);
  const shownCriteria = partial && onlyMine ? form.criteria.filter((c) => a.abilities.reviewableCriteria.includes(c.number)) : form.criteria;
  const reviewable = rows.filter((i) => i.result.reviewable);
  const waiting = reviewable.filter((i) => i.result.state === 'submitted' && !choices[i.code]?.decision);
  const chosen = Object.entries(choices).filter(([, c]) => c.decision !== '');

  const set = (code: string, patch: Partial<Choice>) => setChoices((m) => ({ ...m, [code]: { decision: m[code]?.decision ?? '', reason: m[code]?.reason ?? '', ...patch } }));
  // Only rows whose shown status is a verdict can be accepted as they are; the others need a choice.
  const acceptable = waiting.filter((i) => isVerdict(shownStatus(i.result, earlierKeys)));
  const acceptRest = () => setChoices((m) => ({ ...m, ...Object.fromEntries(acceptable.map((i) => [i.code, { decision: 'accept' as const, reason: '' }])) }));

  const run = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setFailure(null);
    setNotice(null);
    try {
      await fn();
      keys.done();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
      await qc.invalidateQueries({ predicate: (q) => [assessmentKeys.all[0], 'communeProfile', 'maintenance', 'inbox'].includes(String(q.queryKey[0])) });
    }
  };

  const record = () => {
    const byCode = new Map(rows.map((i) => [i.code, i.result]));
    const errs: Record<string, string> = {};
    const returns: { code: string; baseVersion: number; reason: string }[] = [];
    const verdicts: { code: string; baseVersion: number; verdict: 'accept' | VerdictValue; reason: string | null }[] = [];
    for (const [code, c] of chosen) {
      const r = byCode.get(code)!;
      const reason = c.reason.trim();
      if (decisionNeedsReason(c.decision, shownStatus(r, earlierKeys)) && reason.length < 3) {
        errs[code] = t(c.decision === 'return' ? 'asm.review.returnReasonNeeded' : 'asm.review.reasonNeeded');
        continue;
      }
      if (c.decision === 'return') returns.push({ code, baseVersion: r.version, reason });
      else verdicts.push({ code, baseVersion: r.version, verdict: c.decision as 'accept' | VerdictValue, reason: reason || null });
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      document.getElementById(`rv-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    const fingerprint = JSON.stringify({ returns, verdicts });
    void run('record', async () => {
      // One request, one transaction: the verdicts and the returns are written together or not at all.
      await act(a.id, { action: 'review', body: { expectedVersion: a.version, verdicts, returns } }, keys.keyFor(`review${fingerprint}`));
      setChoices({});
      setNotice(
        returns.length
          ? t('asm.review.recordedWithReturns', { count: verdicts.length, returned: returns.length })
          : t('asm.review.recorded', { count: verdicts.length }),
      );
    });
  };

  const move = (action: 'forward' | 'appraise') =>
    void run(action, async () => {
      await act(a.id, { action, body: { expectedVersion: a.version } }, keys.keyFor(`${action}:${a.version}`));
      setNotice(t(action === 'forward' ? 'asm.review.forwarded' : 'asm.review.appraised'));
    });

  const next = a.steps[stepIndex + 1];
  return (
    <div className="review">
      {notice ? <Notice>{notice}</Notice> : null}
      {a.abilities.canReview ? (
        <div className="review-intro">
          <p>
            {t('asm.review.intro', { step: step?.label ?? '' })} {partial ? t('asm.review.yourCriteria', { list: a.abilities.reviewableCriteria.join(', ') }) : null}
          </p>
          {partial ? (
            <label className="checkbox">
              <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
              <span>{t('asm.review.onlyMine')}</span>
            </label>
          ) : null}
        </div>
      ) : null}
      {shownCriteria.map((c) => (
        <section key={c.number} className="rv-criterion" aria-labelledby={`rc-${c.number}`}>
          <div className="ar-criterion-head">
            <h2 id={`rc-${c.number}`}>{t('asm.criterionN', { number: c.number, name: c.name })}</h2>
            <CriterionStatusBadge status={c.status} />
            {c.agency ? <span className="muted small">{t('asm.review.agency', { name: c.agency.name })}</span> : null}
          </div>
          <Table caption={t('asm.criterionN', { number: c.number, name: c.name })}>
            <thead>
              <tr>
                <th scope="col">{t('asm.col.indicator')}</th>
                <th scope="col">{t('asm.col.value')}</th>
                <th scope="col">{t('asm.col.target')}</th>
                <th scope="col">{t('asm.col.self')}</th>
                {earlier.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="rv-mine">
                  {t('asm.col.mine', { step: step?.label ?? '' })}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.indicators.map((i) => {
                const r = i.result;
                const mine = step ? r.verdicts[step.key] : undefined;
                const choice = choices[i.code];
                const shown = shownStatus(r, earlierKeys);
                const needs = choice ? decisionNeedsReason(choice.decision, shown) : false;
                return (
                  <tr key={i.code} data-code={i.code}>
                    <Cell label={t('asm.col.indicator')}>
                      <strong>{i.code}</strong> <span className="rv-wording">{i.wording}</span>
                    </Cell>
                    <Cell label={t('asm.col.value')}>
                      <strong>{valueWords(r.value, i.unit, t, number)}</strong>
                      {r.carriedOver ? <span className="muted small"> {t('asm.carriedShort')}</span> : null}
                      {r.note ? <p className="small pre-line rv-note">{r.note}</p> : null}
                      {r.evidence.length > 0 ? (
                        <EvidenceList assessmentId={a.id} code={i.code} unitId={a.unit.id} files={r.evidence} editable={false} onChange={() => {}} />
                      ) : null}
                    </Cell>
                    <Cell label={t('asm.col.target')}>
                      {r.evaluation.target !== null ? `${comparator(i.kind, Boolean(i.scale))} ${valueWords(r.evaluation.target, i.unit, t, number)}` : t('criteria.value.none')}{' '}
                      <TargetStateBadge state={r.evaluation.targetState} />
                    </Cell>
                    <Cell label={t('asm.col.self')}>
                      <IndicatorStatusBadge status={r.evaluation.status} />
                    </Cell>
                    {earlier.map((s) => {
                      const v = r.verdicts[s.key];
                      return (
                        <Cell key={s.key} label={s.label}>
                          {v ? (
                            <>
                              <VerdictBadge verdict={v.verdict} />
                              {v.reason ? <p className="small">{v.reason}</p> : null}
                            </>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </Cell>
                      );
                    })}
                    <Cell label={t('asm.col.mine', { step: step?.label ?? '' })} className="rv-mine">
                      {r.reviewable && (r.state === 'submitted' || r.state === 'reviewed') ? (
                        <div className="rv-decide">
                          {mine ? (
                            <p className="small">
                              {t('asm.review.given')} <VerdictBadge verdict={mine.verdict} />
                            </p>
                          ) : null}
                          <label className="sr-only" htmlFor={`rv-${i.code}`}>
                            {t('asm.review.decisionFor', { code: i.code })}
                          </label>
                          <select
                            id={`rv-${i.code}`}
                            className="input"
                            value={choice?.decision ?? ''}
                            aria-invalid={errors[i.code] ? true : undefined}
                            onChange={(e) => set(i.code, { decision: e.target.value as Decision })}
                          >
                            <option value="">{mine ? t('asm.review.keep') : t('asm.review.choose')}</option>
                            {(Object.keys(decisionLabel) as (keyof typeof decisionLabel)[]).filter((d) => (d === 'accept' ? isVerdict(shown) : d !== shown)).map((d) => (
                              <option key={d} value={d}>
                                {d === 'accept' ? t('asm.review.acceptShown', { status: t(statusWord(shown)) }) : t(decisionLabel[d])}
                              </option>
                            ))}
                          </select>
                          {needs || choice?.reason ? (
                            <>
                              <label className="sr-only" htmlFor={`rv-${i.code}-r`}>
                                {t('asm.review.reasonFor', { code: i.code })}
                              </label>
                              <textarea
                                id={`rv-${i.code}-r`}
                                className="input"
                                rows={2}
                                placeholder={choice?.decision === 'return' ? t('asm.review.returnReason') : t('asm.review.reason')}
                                value={choice?.reason ?? ''}
                                aria-invalid={errors[i.code] ? true : undefined}
                                onChange={(e) => set(i.code, { reason: e.target.value })}
                              />
                            </>
                          ) : null}
                          {errors[i.code] ? (
                            <p className="field-error">
                              <span aria-hidden="true">⚠ </span>
                              {errors[i.code]}
                            </p>
                          ) : null}
                        </div>
                      ) : mine ? (
                        <>
                          <VerdictBadge verdict={mine.verdict} />
                          {mine.reason ? <p className="small">{mine.reason}</p> : null}
                        </>
                      ) : (
                        <ResultStateBadge state={r.state} />
                      )}
                      {r.state === 'returned' && r.returnReason ? <p className="small">↩ {r.returnReason}</p> : null}
                    </Cell>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </section>
      ))}

      <div className="submit-bar" role="region" aria-label={t('asm.review.bar')}>
        <p className="submit-bar-state" aria-live="polite">
          {chosen.length > 0
            ? t('asm.review.pendingChoices', { count: chosen.length })
            : a.progress.awaitingVerdict > 0
              ? t('asm.review.awaiting', { count: a.progress.awaitingVerdict })
              : a.progress.returned > 0
                ? t('asm.review.waitCommune', { count: a.progress.returned })
                : t('asm.review.stepDone')}
        </p>
        <div className="row-actions">
          {acceptable.length > 0 ? (
            <Button onClick={acceptRest} disabled={busy !== null}>
              {t('asm.review.acceptRest', { count: acceptable.length })}
            </Button>
          ) : null}
          {a.abilities.canReview || a.abilities.canReturn ? (
            <Button variant="primary" onClick={record} busy={busy === 'record'} disabled={chosen.length === 0}>
              {t('asm.review.record')}
            </Button>
          ) : null}
          {a.abilities.canForward && next ? (
            <Button variant="primary" onClick={() => move('forward')} busy={busy === 'forward'} disabled={chosen.length > 0}>
              {t('asm.review.forward', { step: next.label })}
            </Button>
          ) : null}
          {a.abilities.canAppraise ? (
            <Button variant="primary" onClick={() => move('appraise')} busy={busy === 'appraise'} disabled={chosen.length > 0}>
              {t('asm.review.appraise')}
            </Button>
          ) : null}
        </div>
      </div>
      {failure ? (
        <ErrorMessage
          error={failure}
          title={isApiError(failure) && failure.code === 'CONFLICT' ? t('asm.review.conflictTitle') : undefined}
        />
      ) : null}
    </div>
  );
}

const isVerdict = (s: string) => s === 'met' || s === 'not_met' || s === 'not_applicable';

/** The word of a status or verdict, for "Đồng ý: Đạt". */
function statusWord(s: string): MessageKey {
  switch (s) {
    case 'met':
      return 'criteria.status.met';
    case 'not_met':
      return 'criteria.status.not_met';
    case 'not_applicable':
      return 'criteria.status.not_applicable';
    case 'target_unknown':
      return 'criteria.status.target_unknown';
    default:
      return 'criteria.status.missing_value';
  }
}
