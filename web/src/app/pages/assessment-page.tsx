/**
 * /assessments/$id: one commune's assessment. The commune's officer fills it phone-first (one indicator per row,
 * autosaved); a reviewer at the current step sees the commune's values with the earlier steps' verdicts and their own
 * column; everyone else reads the same table. The history of every round, and the steering office's reopening.
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import type { AssessmentForm } from '../../../../src/contracts/assessments.js';
import { useAssessmentHistory } from '../../features/assessments/api/get-history.js';
import { useAssessmentForm } from '../../features/assessments/api/get-form.js';
import { AssessmentFacts } from '../../features/assessments/components/assessment-facts.js';
import { CommuneForm } from '../../features/assessments/components/commune-form.js';
import { HistoryList } from '../../features/assessments/components/history-list.js';
import { ReopenForm } from '../../features/assessments/components/reopen-form.js';
import { ReviewTable } from '../../features/assessments/components/review-table.js';
import { useSession } from '../../features/auth/api/get-session.js';
import '../../i18n/parts/assessments.vi.js';
import '../../i18n/parts/value-import-nav.vi.js';
import '../../features/assessments/assessments.css';
import { useI18n } from '../../i18n/index.js';

const route = getRouteApi('/app/assessments/$id');

export function AssessmentPage(): ReactNode {
  const { id } = route.useParams();
  const query = useAssessmentForm(id);
  return <QueryState query={query}>{(form) => <Assessment form={form} />}</QueryState>;
}

function Assessment({ form }: { form: AssessmentForm }) {
  const { t } = useI18n();
  const session = useSession();
  const a = form.assessment;
  const [reopening, setReopening] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const stepLabels = useMemo(() => Object.fromEntries(a.steps.map((s) => [s.key, s.label])), [a.steps]);
  // The commune fills and reads its own form phone-first; reviewers and readers get the dense table.
  // Values can be imported from Excel while the commune may still save (the server checks each indicator).
  const importable = session.abilities.create.valueImport && ['draft', 'returned', 'reopened'].includes(a.status);
  const communeView = !a.abilities.canReview && (a.abilities.canEdit || a.abilities.canSubmit || session.user.roles.includes('commune_officer'));

  return (
    <>
      <PageHeader
        title={t('asm.pageTitle', { unit: a.unit.name, year: a.cycle.year })}
        before={
          <p className="back-link">
            <Link to="/assessments">
              <span aria-hidden="true">‹ </span>
              {t('asm.title')}
            </Link>
          </p>
        }
        intro={
          <span className="asm-intro">
            {a.cycle.name} · {a.cycle.setCode} ·{' '}
            <Link to="/communes/$unitId" params={{ unitId: a.unit.id }} search={{ year: a.cycle.year }}>
              {t('prof.open')}
            </Link>
          </span>
        }
        actions={
          a.abilities.canReopen || importable ? (
            <>
              {importable ? (
                <Link className="btn btn-secondary" to="/cycles/$id/import" params={{ id: a.cycle.id }} search={{ unitId: a.unit.id, unitName: a.unit.name }}>
                  {t('vimp.link')}
                </Link>
              ) : null}
              {a.abilities.canReopen ? (
                <Button variant="danger" onClick={() => (setNotice(null), setReopening(true))}>
                  {t('asm.reopen.title')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {form.demoNotice ? (
        <div className="alert alert-demo" role="note">
          <span aria-hidden="true">◇ </span>
          {form.demoNotice}
        </div>
      ) : null}
      <AssessmentFacts a={a} summary={form.summary} />
      {a.locked ? <p className="muted">{t('asm.lockedHint')}</p> : null}

      {communeView ? <CommuneForm form={form} /> : <ReviewTable form={form} />}

      <details className="disclosure history-box">
        <summary>{t('asm.history.title')}</summary>
        <History id={a.id} stepLabels={stepLabels} />
      </details>

      <Dialog open={reopening} onOpenChange={setReopening} title={t('asm.reopen.title')} description={t('asm.reopen.intro')}>
        <ReopenForm
          assessment={a}
          onDone={() => {
            setReopening(false);
            setNotice(t('asm.reopen.done'));
          }}
        />
      </Dialog>
    </>
  );
}

function History({ id, stepLabels }: { id: string; stepLabels: Record<string, string> }) {
  const q = useAssessmentHistory(id);
  return <QueryState query={q}>{(h) => <HistoryList history={h} stepLabels={stepLabels} />}</QueryState>;
}
