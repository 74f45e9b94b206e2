/** /cycles/$id/import?unitId=&jobId=: import a cycle's indicator values from Excel (template, upload, check, apply). */
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useImportCycle } from '../../features/value-import/api/value-import.js';
import { ImportPanel } from '../../features/value-import/components/import-panel.js';
import '../../features/value-import/value-import.css';
import { useI18n } from '../../i18n/index.js';
import '../../i18n/parts/assessments-nav.vi.js';
import '../../i18n/parts/value-import.vi.js';

const route = getRouteApi('/app/cycles/$id/import');

export function ValueImportPage(): ReactNode {
  const { t } = useI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const cycle = useImportCycle(id);
  const onBehalf = !session.user.roles.includes('commune_officer');
  return (
    <>
      <PageHeader
        title={cycle.data ? t('vimp.titleOf', { cycle: cycle.data.name }) : t('vimp.title')}
        before={
          <nav aria-label={t('vimp.title')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/assessments">{t('nav.assessments')}</Link>
              </li>
              <li>
                <Link to="/assessments" search={{ cycleId: id }}>
                  {cycle.data?.name ?? '…'}
                </Link>
              </li>
              <li aria-current="page">{t('vimp.link')}</li>
            </ol>
          </nav>
        }
        intro={t('vimp.intro')}
      />
      <QueryState query={cycle}>
        {() => (
          <ImportPanel
            cycleId={id}
            unit={search.unitId && search.unitName ? { id: search.unitId, name: search.unitName } : undefined}
            jobId={search.jobId}
            onBehalf={onBehalf}
            onJob={(jobId) => void navigate({ search: (s) => ({ ...s, jobId }) })}
          />
        )}
      </QueryState>
    </>
  );
}
