/** /plans/$id: one commune plan — criteria, tasks and progress (see features/plans/components/plan-view.tsx). */
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { usePlan } from '../../features/plans/api/plans.js';
import { PlanView } from '../../features/plans/components/plan-view.js';
import '../../features/plans/plans.css';
import '../../i18n/parts/plans.vi.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const route = getRouteApi('/app/plans/$id');

export function PlanPage(): ReactNode {
  const { t } = useI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const query = usePlan(id);
  usePageTitle(query.data?.title ?? t('pl.title'));
  return (
    <QueryState query={query}>
      {(p) => (
        <>
          <PageHeader
            title={p.title}
            before={
              <p className="back-link">
                <Link to="/plans" search={{ year: p.yearTo }}>
                  <span aria-hidden="true">‹ </span>
                  {t('pl.plan.back')}
                </Link>
              </p>
            }
            intro={
              <Link to="/communes/$unitId" params={{ unitId: p.unit.id }} search={{ year: p.yearTo }}>
                {p.unit.name}
              </Link>
            }
          />
          {search.copied === 'true' ? <Notice>{t('pl.copied', { year: p.yearFrom })}</Notice> : null}
          <PlanView plan={p} />
        </>
      )}
    </QueryState>
  );
}
