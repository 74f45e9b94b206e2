/** The "Kế hoạch" section of a commune's profile: its plans of the year with progress, and the commune's actions. */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/empty-state.js';
import { QueryState } from '../../../components/query-state.js';
import '../../../i18n/parts/plans.vi.js';
import { useI18n } from '../../../i18n/index.js';
import { usePlans } from '../api/plans.js';
import { PlanActions, PlanTable } from './commune-plans.js';

export function ProfilePlans({ unitId, year, canCreate, active }: { unitId: string; year: number; canCreate: boolean; active: boolean }): ReactNode {
  const { t } = useI18n();
  const plans = usePlans({ unitId, year });
  return (
    <section className="section" aria-labelledby="prof-plans">
      <div className="section-head">
        <h2 id="prof-plans">{t('pl.profile.title')}</h2>
        <Link to="/plans" search={{ year }}>
          {t('pl.title')}
        </Link>
      </div>
      {canCreate && active ? (
        <PlanActions unitId={unitId} year={year} hasAnnual={(plans.data?.items ?? []).some((p) => p.unit.id === unitId && p.kind === 'annual' && p.yearFrom === year)} />
      ) : null}
      <QueryState query={plans} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('pl.profile.empty', { year })}</EmptyState>}>
        {(d) => <PlanTable rows={d.items} showUnit={d.items.some((p) => p.unit.id !== unitId)} />}
      </QueryState>
    </section>
  );
}
