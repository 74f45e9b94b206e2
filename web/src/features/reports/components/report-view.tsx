/**
 * A report's sections as tables: the same columns as the workbook; total and heading rows bold; demonstration rows
 * marked in words. Narrow tables become cards on phones; wide ones (communes × indicators) scroll sideways.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ReportResult } from '../../../../../src/contracts/reports.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { formatCell } from '../format-cell.js';

export function ReportView({ report }: { report: ReportResult }): ReactNode {
  const { t, lang, dateTime } = useI18n();
  return (
    <div className="report">
      <div className="report-heading">
        <p className="report-title">{lang === 'en' ? report.titleEn : report.title}</p>
        {report.subtitle.map((s) => (
          <p key={s} className="report-subtitle">
            {s}
          </p>
        ))}
        <p className="report-subtitle muted">{t('rep.generatedAt', { time: dateTime(report.generatedAt) })}</p>
        {report.hasDemo ? (
          <p className="report-demo" role="note">
            ◇ {t('rep.demo')}
          </p>
        ) : null}
      </div>
      {report.sections.length === 0 ? <p className="empty-state">{t('rep.empty')}</p> : null}
      {report.sections.map((s) => {
        const title = lang === 'en' ? s.titleEn : s.title;
        const labels = s.columns.map((c) => (lang === 'en' ? c.labelEn : c.label));
        return (
          <section key={s.key} className="report-section">
            <h2>{title}</h2>
            {s.rows.length === 0 ? (
              <p className="empty-state">{t('rep.empty')}</p>
            ) : (
              <Table caption={title} stack={s.columns.length <= 10}>
                <thead>
                  <tr>
                    {labels.map((l, i) => (
                      <th key={s.columns[i]!.key} scope="col" className={s.columns[i]!.type === 'text' ? undefined : 'num'}>
                        {l}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r, ri) => (
                    <tr key={ri} className={r.kind === 'data' ? (r.demo ? 'report-demo-row' : undefined) : `report-${r.kind}`}>
                      {s.columns.map((c, ci) => {
                        const text = formatCell(r.cells[ci] ?? null, c.type, lang);
                        return (
                          <Cell key={c.key} label={labels[ci]!} className={c.type === 'text' ? undefined : 'num'}>
                            {ci === 0 && r.link ? <Link to={r.link}>{text}</Link> : text}
                            {ci === 0 && r.demo && r.kind === 'data' ? <span className="report-demo-mark"> ◇ {t('rep.demoRow')}</span> : null}
                          </Cell>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {s.totalRows > s.rows.length ? <p className="muted">{t('rep.shown', { shown: s.rows.length, total: s.totalRows })}</p> : null}
          </section>
        );
      })}
      {report.notes.length ? (
        <section className="report-notes" aria-label={t('rep.notes')}>
          <h2>{t('rep.notes')}</h2>
          <ul>
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
