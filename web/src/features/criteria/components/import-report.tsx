/** The spreadsheet's validation report, per row, in Vietnamese (as the server words it): errors, warnings, counts. */
import { useState } from 'react';
import type { ImportIssue, ImportReport } from '../../../../../src/contracts/criteria.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';

function Issue({ issue }: { issue: ImportIssue }) {
  const { t } = useI18n();
  return (
    <li className="import-issue">
      {issue.severity === 'error' ? (
        <StatusBadge tone="bad">{t('criteria.import.error')}</StatusBadge>
      ) : (
        <StatusBadge tone="warn">{t('criteria.import.warning')}</StatusBadge>
      )}{' '}
      {issue.column ? <span className="muted">{t('criteria.import.column', { column: issue.column })} </span> : null}
      <span lang="vi">{issue.message}</span>
    </li>
  );
}

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, number } = useI18n();
  const withIssues = report.rows.filter((r) => r.issues.length > 0);
  const [onlyIssues, setOnlyIssues] = useState(withIssues.length > 0);
  const rows = onlyIssues ? withIssues : report.rows;
  const s = report.summary;
  const cols = {
    row: t('criteria.import.row'),
    criterion: t('criteria.import.criterion'),
    code: t('criteria.import.code'),
    targets: t('criteria.import.targets'),
    issues: t('criteria.import.issues'),
  };
  return (
    <section className="section" aria-labelledby="import-report">
      <h2 id="import-report">{t('criteria.import.reportTitle', { file: report.fileName })}</h2>
      <p className="eval-verdict" role="status">
        {report.ok ? (
          <StatusBadge tone="ok">{report.applied ? t('criteria.import.applied') : t('criteria.import.ok')}</StatusBadge>
        ) : (
          <StatusBadge tone="bad">{t('criteria.import.notOk', { errors: number(s.errors) })}</StatusBadge>
        )}
      </p>
      <p>
        {t('criteria.import.summary', {
          sheet: report.sheet ?? '—',
          rows: number(s.rows),
          criteria: number(s.criteria),
          indicators: number(s.indicators),
          targets: number(s.targets),
          errors: number(s.errors),
          warnings: number(s.warnings),
        })}
      </p>
      {report.fileIssues.length > 0 ? (
        <>
          <h3>{t('criteria.import.fileIssues')}</h3>
          <ul className="issue-list">
            {report.fileIssues.map((i, n) => (
              <Issue key={n} issue={i} />
            ))}
          </ul>
        </>
      ) : null}
      {report.rows.length > 0 ? (
        <>
          <h3>{t('criteria.import.rows')}</h3>
          {withIssues.length > 0 ? (
            <label className="checkbox">
              <input type="checkbox" checked={onlyIssues} onChange={(e) => setOnlyIssues(e.target.checked)} />
              <span>{t('criteria.import.onlyIssues', { count: number(withIssues.length) })}</span>
            </label>
          ) : null}
          <Table caption={t('criteria.import.rows')}>
            <thead>
              <tr>
                <th scope="col">{cols.row}</th>
                <th scope="col">{cols.criterion}</th>
                <th scope="col">{cols.code}</th>
                <th scope="col">{cols.targets}</th>
                <th scope="col">{cols.issues}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.row}>
                  <Cell label={cols.row}>{r.row}</Cell>
                  <Cell label={cols.criterion}>{r.criterionNumber ?? '—'}</Cell>
                  <Cell label={cols.code}>{r.code ?? '—'}</Cell>
                  <Cell label={cols.targets}>{number(r.targets)}</Cell>
                  <Cell label={cols.issues}>
                    {r.issues.length === 0 ? (
                      <StatusBadge tone="ok">{t('criteria.import.rowOk')}</StatusBadge>
                    ) : (
                      <ul className="issue-list">
                        {r.issues.map((i, n) => (
                          <Issue key={n} issue={i} />
                        ))}
                      </ul>
                    )}
                  </Cell>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </section>
  );
}
