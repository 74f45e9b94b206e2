/**
 * The commune's self-assessment form, phone-first: one indicator per row, grouped by criterion, with the live summary
 * and a submit bar that says how many rows are not saved yet. After a return, only the returned rows are open and
 * the others are shown folded; "Only returned" is the default view then.
 */
import { useCallback, useMemo, useState } from 'react';
import type { AssessmentForm } from '../../../../../src/contracts/assessments.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage, Notice } from '../../../components/error-message.js';
import { useI18n } from '../../../i18n/index.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useAssessmentAction } from '../api/act.js';
import type { SaveStatus } from '../save-state.js';
import { CriterionStatusBadge } from './badges.js';
import { IndicatorEntry } from './indicator-entry.js';

export function CommuneForm({ form }: { form: AssessmentForm }) {
  const { t, number } = useI18n();
  const a = form.assessment;
  const [statuses, setStatuses] = useState<Record<string, SaveStatus>>({});
  const onStatus = useCallback((code: string, s: SaveStatus) => setStatuses((m) => (m[code] === s ? m : { ...m, [code]: s })), []);
  const hasReturned = a.progress.returned > 0;
  const [onlyOpen, setOnlyOpen] = useState(hasReturned);
  const [done, setDone] = useState(false);
  const action = useAssessmentAction(a.id);
  const keys = useActionKeys();
  const stepLabels = useMemo(() => Object.fromEntries(a.steps.map((s) => [s.key, s.label])), [a.steps]);

  const unsaved = Object.values(statuses).filter((s) => s !== 'saved').length;
  const conflicts = Object.values(statuses).filter((s) => s === 'conflict').length;
  const missing = form.criteria.flatMap((c) => c.indicators).filter((i) => i.result.editable && i.applicable !== false && i.result.value === null).length;

  const submit = () => {
    const body = { expectedVersion: a.version };
    action.mutate(
      { a: { action: 'submit', body }, idempotencyKey: keys.keyFor(`submit:${a.id}:${a.version}`) },
      {
        onSuccess: () => {
          keys.done();
          setDone(true);
        },
      },
    );
  };

  const criteria = form.criteria
    .map((c) => ({ ...c, indicators: onlyOpen ? c.indicators.filter((i) => i.result.editable) : c.indicators }))
    .filter((c) => c.indicators.length > 0);

  return (
    <div className="commune-form">
      {done ? <Notice>{t('asm.submitted')}</Notice> : null}
      {hasReturned ? (
        <div className="alert alert-warn" role="note">
          <p className="alert-title">{t('asm.returnedIntro', { count: number(a.progress.returned) })}</p>
          <label className="checkbox">
            <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
            <span>{t('asm.onlyReturned')}</span>
          </label>
        </div>
      ) : null}
      {criteria.map((c) => (
        <section key={c.number} className="ar-criterion" aria-labelledby={`ac-${c.number}`}>
          <div className="ar-criterion-head">
            <h2 id={`ac-${c.number}`}>{t('asm.criterionN', { number: c.number, name: c.name })}</h2>
            <CriterionStatusBadge status={c.status} />
          </div>
          <ul className="ar-rows">
            {c.indicators.map((i) => (
              <IndicatorEntry key={i.code} assessmentId={a.id} unitId={a.unit.id} ind={i} stepLabels={stepLabels} onStatus={onStatus} />
            ))}
          </ul>
        </section>
      ))}

      {a.abilities.canSubmit ? (
        <div className="submit-bar" role="region" aria-label={t('asm.submitBar')}>
          <p className="submit-bar-state" aria-live="polite">
            {conflicts > 0
              ? t('asm.submit.conflicts', { count: conflicts })
              : unsaved > 0
                ? t('asm.submit.unsaved', { count: unsaved })
                : missing > 0
                  ? t('asm.submit.missing', { count: missing })
                  : t('asm.submit.ready')}
          </p>
          <Button variant="primary" onClick={submit} busy={action.isPending} disabled={unsaved > 0}>
            {a.status === 'draft' ? t('asm.submit.first') : t('asm.submit.again')}
          </Button>
        </div>
      ) : null}
      {action.isError ? <ErrorMessage error={action.error} /> : null}
    </div>
  );
}
