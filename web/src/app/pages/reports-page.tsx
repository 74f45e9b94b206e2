/** /reports: the standard reports the caller may open, each with its number, title and what it shows. */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { useReportCatalog } from '../../features/reports/api/get-catalog.js';
import '../../features/reports/reports.css';
import { useI18n } from '../../i18n/index.js';
import '../../i18n/parts/reports.vi.js';
import { todayIso } from '../../lib/format.js';

export function ReportsPage(): ReactNode {
  const { t, lang } = useI18n();
  const query = useReportCatalog();
  const year = Number(todayIso().slice(0, 4)) - 1;
  return (
    <>
      <PageHeader title={t('rep.title')} intro={t('rep.intro')} />
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('rep.catalogEmpty')}</EmptyState>}>
        {(d) => (
          <ul className="report-catalog">
            {d.items.map((r) => (
              <li key={r.key} className="report-card">
                <h2>
                  {r.abilities.canView && r.available ? (
                    <Link to="/reports/$key" params={{ key: r.key }} search={{ year }}>
                      {r.number}. {lang === 'en' ? r.titleEn : r.title}
                    </Link>
                  ) : (
                    <>
                      {r.number}. {lang === 'en' ? r.titleEn : r.title}
                    </>
                  )}
                </h2>
                <p>{lang === 'en' ? r.descriptionEn : r.description}</p>
                {!r.available ? <p className="muted">{t('rep.unavailable')}{r.unavailableReason ? `: ${r.unavailableReason}` : ''}</p> : null}
                {r.available && !r.abilities.canView ? <p className="muted">{t('rep.notAllowed')}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
