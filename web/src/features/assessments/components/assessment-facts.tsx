/** The head of an assessment: status, step, deadlines, progress and the live criteria summary. */
import type { Assessment, FormSummary } from '../../../../../src/contracts/assessments.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';
import { AssessmentStatusBadge, DemoBadge } from './badges.js';

export function AssessmentFacts({ a, summary }: { a: Assessment; summary: FormSummary }) {
  const { t, date, dateTime, number } = useI18n();
  const step = a.currentStep !== null ? a.steps[a.currentStep] : null;
  const due = a.status === 'draft' || a.status === 'returned' || a.status === 'reopened' ? a.submitDueDate : (step?.dueDate ?? null);
  return (
    <div className="asm-facts">
      <p className="badge-row">
        <AssessmentStatusBadge status={a.status} />
        {a.locked ? <StatusBadge tone="neutral" icon="■">{t('asm.locked')}</StatusBadge> : null}
        {a.isDemo ? <DemoBadge /> : null}
      </p>
      <dl className="facts">
        {step && a.status !== 'appraised' ? (
          <div>
            <dt>{t('asm.step')}</dt>
            <dd>{t('asm.stepOf', { label: step.label, n: (a.currentStep ?? 0) + 1, total: a.steps.length })}</dd>
          </div>
        ) : null}
        {due ? (
          <div>
            <dt>{t('asm.due')}</dt>
            <dd>{date(due)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('asm.progress')}</dt>
          <dd>{t('asm.progressValue', { filled: number(a.progress.filled), total: number(a.progress.indicators) })}</dd>
        </div>
        <div>
          <dt>{t('asm.criteriaMet')}</dt>
          <dd>
            <strong>{t('asm.criteriaMetValue', { met: number(summary.criteriaMet), applicable: number(summary.criteriaApplicable) })}</strong>{' '}
            {summary.meetsStandard ? (
              <StatusBadge tone="ok">{t('asm.meetsStandard')}</StatusBadge>
            ) : (
              <StatusBadge tone="bad">{t('asm.notMeetsStandard')}</StatusBadge>
            )}
          </dd>
        </div>
        {summary.missingCriteria.length > 0 ? (
          <div>
            <dt>{t('asm.missingCriteria')}</dt>
            <dd>{summary.missingCriteria.join(', ')}</dd>
          </div>
        ) : null}
        {a.submittedAt ? (
          <div>
            <dt>{t('asm.submittedAt')}</dt>
            <dd>{dateTime(a.submittedAt)}</dd>
          </div>
        ) : null}
        {a.appraisedAt ? (
          <div>
            <dt>{t('asm.appraisedAt')}</dt>
            <dd>{dateTime(a.appraisedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('asm.chain')}</dt>
          <dd>
            <ol className="chain">
              {a.steps.map((s, i) => (
                <li key={s.key} aria-current={i === a.currentStep && a.status !== 'appraised' ? 'step' : undefined}>
                  {s.label}
                </li>
              ))}
            </ol>
          </dd>
        </div>
      </dl>
    </div>
  );
}
