/**
 * The import flow on one page: download the template, upload the filled-in file (upload progress, then the server's
 * check progress while the job is polled), the error list (dòng, cột, lỗi), the preview of changes with the engine's
 * status before → after, and "Áp dụng". The job id lives in the URL, so a reload keeps the result.
 */
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ImportChange, ImportIssue, ValueImportJob } from '../../../../../src/contracts/value-import.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage, Notice } from '../../../components/error-message.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n, type TFunction } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { formatDateTime, formatNumber } from '../../../lib/format.js';
import { indicatorStatusLook } from '../../../lib/status-language.js';
import { paths, useApplyImport, useImportJob, useUploadValues } from '../api/value-import.js';

export interface ImportPanelProps {
  cycleId: string;
  /** Import for one commune (the assessment page's link); otherwise every commune of the cycle in scope. */
  unit?: { id: string; name: string } | undefined;
  jobId?: string | undefined;
  onJob: (id: string | undefined) => void;
  onBehalf: boolean;
}

export function ImportPanel({ cycleId, unit, jobId, onJob, onBehalf }: ImportPanelProps): ReactNode {
  const { t } = useI18n();
  const fileId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const [share, setShare] = useState<number | null>(null);
  const upload = useUploadValues();
  const job = useImportJob(jobId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    setShare(0);
    upload.mutate(
      { cycleId, unitId: unit?.id, file, onProgress: setShare },
      {
        onSuccess: (j) => onJob(j.id),
        onSettled: () => setShare(null),
      },
    );
  };

  return (
    <div className="vimp">
      {onBehalf ? <p className="vimp-note">{t('vimp.onBehalf')}</p> : null}
      <section aria-labelledby="vimp-step1" className="vimp-step">
        <h2 id="vimp-step1">{t('vimp.step1')}</h2>
        <p>{t('vimp.step1Hint')}</p>
        <a className="btn btn-secondary" href={paths.template(cycleId, unit?.id)} download>
          {unit ? t('vimp.templateOne', { unit: unit.name }) : t('vimp.templateAll')}
        </a>
      </section>

      <section aria-labelledby="vimp-step2" className="vimp-step">
        <h2 id="vimp-step2">{t('vimp.step2')}</h2>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={fileId}>{t('vimp.file')}</label>
            <input
              id={fileId}
              ref={input}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={hintId}
              aria-invalid={missing || undefined}
              onChange={() => setMissing(false)}
            />
            <p id={hintId} className="field-hint">
              {missing ? <span className="field-error">{t('vimp.chooseFile')}</span> : t('vimp.fileHint')}
            </p>
          </div>
          <Button type="submit" variant={jobId ? 'secondary' : 'primary'} busy={upload.isPending}>
            {t('vimp.upload')}
          </Button>
          {share !== null ? (
            <p className="vimp-progress" role="status">
              <progress max={1} value={share} aria-label={t('vimp.uploading', { percent: Math.round(share * 100) })} />{' '}
              {t('vimp.uploading', { percent: Math.round(share * 100) })}
            </p>
          ) : null}
          {upload.error ? <ErrorMessage error={upload.error} /> : null}
        </form>
      </section>

      {jobId ? (
        <section aria-labelledby="vimp-step3" className="vimp-step">
          <h2 id="vimp-step3">{t('vimp.step3')}</h2>
          {job.error ? <ErrorMessage error={job.error} onRetry={() => void job.refetch()} /> : null}
          {job.data ? <JobView job={job.data} onAnother={() => onJob(undefined)} /> : null}
        </section>
      ) : null}
    </div>
  );
}

function JobView({ job, onAnother }: { job: ValueImportJob; onAnother: () => void }): ReactNode {
  const { t, lang } = useI18n();
  const apply = useApplyImport();
  const n = (x: number) => formatNumber(x, lang);
  if (job.status === 'parsing') {
    const p = job.progress;
    const text = p.phase === 'validating' ? t('vimp.validating', { done: n(p.done), total: n(p.total) }) : t('vimp.reading', { done: n(p.done) });
    return (
      <div className="vimp-progress" role="status" aria-live="polite">
        <p>{t('vimp.checking')}</p>
        <progress max={p.total || 1} value={p.phase === 'validating' ? p.done : undefined} aria-label={t('vimp.progress')} /> {text}
      </div>
    );
  }
  const errors = job.counts.errors;
  const conflictRows = apply.error && isApiError(apply.error) && apply.error.code === 'CONFLICT' ? conflictRowsOf(apply.error.details) : [];
  return (
    <div className="vimp-result">
      <p>
        <strong>{t('vimp.file.name', { name: job.fileName })}</strong> —{' '}
        {t('vimp.counts', { rows: n(job.counts.rows), errors: n(errors), warnings: n(job.counts.warnings), changes: n(job.counts.changes), communes: n(job.counts.communes) })}
      </p>
      {job.status === 'failed' ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('vimp.failed')}</p>
          <p>{job.failure}</p>
        </div>
      ) : null}
      {job.status === 'validated' && errors > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{t('vimp.hasErrors', { count: n(errors) })}</p>
        </div>
      ) : null}
      {job.status === 'validated' && errors === 0 && job.counts.changes === 0 ? <Notice>{t('vimp.noChanges')}</Notice> : null}
      {job.status === 'applied' ? (
        <Notice>{t('vimp.applied', { changes: n(job.counts.changes), communes: n(job.counts.communes), at: formatDateTime(job.appliedAt, lang) })}</Notice>
      ) : null}
      {job.status === 'validated' && job.abilities.canApply ? <p>{t('vimp.ready')}</p> : null}

      {job.issues.length > 0 ? <IssueTable job={job} /> : null}
      {job.changes.length > 0 ? <ChangeTable job={job} /> : null}

      {conflictRows.length > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{t('vimp.conflict')}</p>
          <ul>
            {conflictRows.map((r) => (
              <li key={`${r.row}-${r.code}`}>{t('vimp.conflictRow', { row: r.row, unit: r.unitName, code: r.code })}</li>
            ))}
          </ul>
        </div>
      ) : apply.error ? (
        <ErrorMessage error={apply.error} />
      ) : null}

      <div className="vimp-actions">
        {job.abilities.canApply ? (
          <Button variant="primary" busy={apply.isPending} onClick={() => apply.mutate(job)} aria-describedby="vimp-apply-what">
            {t('vimp.apply')}
          </Button>
        ) : null}
        {job.abilities.canApply ? (
          <span id="vimp-apply-what" className="vimp-muted">
            {t('vimp.applyConfirm', { changes: n(job.counts.changes), communes: n(job.counts.communes) })}
          </span>
        ) : null}
        {job.abilities.canDownloadErrors ? (
          <a className="btn btn-secondary" href={paths.errors(job.id)} download>
            {t('vimp.downloadErrors')}
          </a>
        ) : null}
        <Button variant="quiet" onClick={onAnother}>
          {t('vimp.another')}
        </Button>
      </div>
      {job.status === 'applied' ? (
        <ul className="vimp-links">
          {job.communes.map((c) => (
            <li key={c.assessmentId}>
              <Link to="/assessments/$id" params={{ id: c.assessmentId }}>
                {t('vimp.openAssessment', { unit: c.unit.name })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function conflictRowsOf(details: unknown): Array<{ row: number; unitName: string; code: string }> {
  const rows = (details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as Array<{ row: number; unitName: string; code: string }>) : [];
}

function IssueTable({ job }: { job: ValueImportJob }): ReactNode {
  const { t } = useI18n();
  return (
    <section aria-labelledby="vimp-errors">
      <h3 id="vimp-errors">{t('vimp.errors')}</h3>
      {job.issuesTruncated ? <p>{t('vimp.errorsTruncated', { shown: job.issues.length })}</p> : null}
      <Table caption={t('vimp.errors')}>
        <thead>
          <tr>
            <th scope="col">{t('vimp.col.row')}</th>
            <th scope="col">{t('vimp.col.column')}</th>
            <th scope="col">{t('vimp.col.message')}</th>
            <th scope="col">{t('vimp.col.commune')}</th>
            <th scope="col">{t('vimp.col.indicator')}</th>
          </tr>
        </thead>
        <tbody>
          {job.issues.map((i, k) => (
            <IssueRow key={k} issue={i} t={t} />
          ))}
        </tbody>
      </Table>
    </section>
  );
}

function IssueRow({ issue, t }: { issue: ImportIssue; t: TFunction }): ReactNode {
  return (
    <tr>
      <Cell label={t('vimp.col.row')}>{issue.row ?? t('vimp.wholeFile')}</Cell>
      <Cell label={t('vimp.col.column')}>{issue.column ?? t('vimp.empty')}</Cell>
      <Cell label={t('vimp.col.message')}>
        <StatusBadge tone={issue.severity === 'error' ? 'bad' : 'warn'}>{issue.severity === 'error' ? t('vimp.error') : t('vimp.warning')}</StatusBadge> {issue.message}{' '}
        <code className="vimp-code">{issue.code}</code>
      </Cell>
      <Cell label={t('vimp.col.commune')}>{issue.unitCode ?? t('vimp.empty')}</Cell>
      <Cell label={t('vimp.col.indicator')}>{issue.indicatorCode ?? t('vimp.empty')}</Cell>
    </tr>
  );
}

function ChangeTable({ job }: { job: ValueImportJob }): ReactNode {
  const { t, lang } = useI18n();
  const value = (c: ImportChange, v: ImportChange['before']) =>
    v === null ? t('vimp.empty') : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : typeof v === 'number' ? `${formatNumber(v, lang)}${c.unitOfMeasure ? ` ${c.unitOfMeasure}` : ''}` : v;
  const badge = (s: ImportChange['statusBefore']) => {
    const look = indicatorStatusLook[s];
    return (
      <StatusBadge tone={look.tone} icon={look.icon}>
        {t(look.label)}
      </StatusBadge>
    );
  };
  return (
    <>
      <section aria-labelledby="vimp-preview">
        <h3 id="vimp-preview">{t('vimp.preview')}</h3>
        {job.changesTruncated ? <p>{t('vimp.previewTruncated', { shown: job.changes.length, total: job.counts.changes })}</p> : null}
        <Table caption={t('vimp.preview')}>
          <thead>
            <tr>
              <th scope="col">{t('vimp.col.row')}</th>
              <th scope="col">{t('vimp.col.commune')}</th>
              <th scope="col">{t('vimp.col.indicator')}</th>
              <th scope="col">{t('vimp.col.before')}</th>
              <th scope="col">{t('vimp.col.after')}</th>
              <th scope="col">{t('vimp.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {job.changes.map((c) => (
              <tr key={`${c.row}-${c.code}`}>
                <Cell label={t('vimp.col.row')}>{c.row}</Cell>
                <Cell label={t('vimp.col.commune')}>{c.unit.name}</Cell>
                <Cell label={t('vimp.col.indicator')}>
                  <span title={c.wording}>{c.code}</span>
                </Cell>
                <Cell label={t('vimp.col.before')}>{value(c, c.before)}</Cell>
                <Cell label={t('vimp.col.after')}>
                  {value(c, c.after)}
                  {c.noteAfter !== c.noteBefore && c.noteAfter ? <span className="vimp-muted"> · {t('vimp.note', { note: c.noteAfter })}</span> : null}
                </Cell>
                <Cell label={t('vimp.col.status')}>
                  {badge(c.statusBefore)} → {badge(c.statusAfter)}
                </Cell>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <section aria-labelledby="vimp-communes">
        <h3 id="vimp-communes">{t('vimp.communes')}</h3>
        <Table caption={t('vimp.communes')}>
          <thead>
            <tr>
              <th scope="col">{t('vimp.col.commune')}</th>
              <th scope="col">{t('vimp.col.changes')}</th>
              <th scope="col">{t('vimp.col.criteria')}</th>
            </tr>
          </thead>
          <tbody>
            {job.communes.map((c) => (
              <tr key={c.assessmentId}>
                <Cell label={t('vimp.col.commune')}>{c.unit.name}</Cell>
                <Cell label={t('vimp.col.changes')}>{c.changes}</Cell>
                <Cell label={t('vimp.col.criteria')}>
                  {c.criteriaMetBefore}/{c.criteriaApplicable} → {c.criteriaMetAfter}/{c.criteriaApplicable}
                  {c.meetsStandardAfter ? ` (${t('vimp.meets')})` : ''}
                </Cell>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </>
  );
}
