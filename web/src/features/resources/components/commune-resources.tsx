/**
 * The "Nguồn lực" section of a commune's profile: its totals by year, its predecessors' history included, and a link
 * to the entries. Default export: the profile page loads it lazily.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { EmptyState } from '../../../components/empty-state.js';
import { QueryState } from '../../../components/query-state.js';
import '../../../i18n/parts/resources.vi.js';
import '../resources.css';
import { useI18n } from '../../../i18n/index.js';
import { useResourceTotals } from '../api/resource-totals.js';
import { TotalsSummary } from './totals-summary.js';
import { TotalsTable } from './totals-table.js';

export default function CommuneResources({ unitId }: { unitId: string }) {
  const { t, number } = useI18n();
  const navigate = useNavigate();
  const totals = useResourceTotals({ unitId, groupBy: 'year' });
  return (
    <section className="section" aria-labelledby="prof-resources">
      <h2 id="prof-resources">{t('res.communeSection')}</h2>
      <p className="muted">{t('res.communeIntro')}</p>
      <QueryState query={totals} isEmpty={(d) => d.total.entries === 0} empty={<EmptyState>{t('res.communeEmpty')}</EmptyState>}>
        {(d) => (
          <>
            <TotalsSummary total={d.total} label={t('res.totalsOf', { count: number(d.total.entries) })} />
            <TotalsTable data={d} onDrill={(r) => void navigate({ to: '/resources', search: { tab: 'entries', unitId, year: r.year ?? undefined } })} />
          </>
        )}
      </QueryState>
      <p>
        <Link to="/resources" search={{ tab: 'entries', unitId }}>
          {t('res.communeAll')}
        </Link>
      </p>
    </section>
  );
}
