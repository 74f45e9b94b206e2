/**
 * /signals: for the steering office: helped communes with no visit in N days, communes with no helper, overdue obstacles
 * by level and the agencies' scorecards over a period; every number links to the rows behind it.
 */
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { DateInput } from '../../components/date-input.js';
import { TextField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { useNoHelper } from '../../features/signals/api/get-no-helper.js';
import { useNoVisit } from '../../features/signals/api/get-no-visit.js';
import { useOverdueObstacles } from '../../features/signals/api/get-overdue-obstacles.js';
import { useScorecards } from '../../features/signals/api/get-scorecards.js';
import { NoHelperList, NoVisitTable, OverdueByLevel } from '../../features/signals/components/signal-panels.js';
import { ScorecardTable } from '../../features/signals/components/scorecard-table.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';

const route = getRouteApi('/app/signals');

export function SignalsPage(): ReactNode {
  const { t, date, number } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const days = search.days ?? 90;
  // The scorecards' default period: this calendar year up to today.
  const from = search.from ?? `${today.slice(0, 4)}-01-01`;
  const to = search.to ?? today;
  const noVisit = useNoVisit({ days, limit: 100 });
  const noHelper = useNoHelper({ limit: 200 });
  const overdue = useOverdueObstacles({ limit: 1 });
  const cards = useScorecards({ from, to: to < from ? from : to });
  const patch = (p: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...p }), replace: true });

  return (
    <>
      <PageHeader title={t('sig.title')} intro={t('sig.intro')} />
      <section className="section" aria-labelledby="sig-overdue">
        <h2 id="sig-overdue">{t('sig.overdue')}</h2>
        <QueryState query={overdue}>
          {(d) => (
            <>
              <p className="list-count">
                {t('sig.overdueCount', { count: number(d.total) })} {t('sig.asOf', { date: date(d.asOf) })}
              </p>
              <OverdueByLevel data={d} />
            </>
          )}
        </QueryState>
      </section>
      <section className="section" aria-labelledby="sig-novisit">
        <h2 id="sig-novisit">{t('sig.noVisit')}</h2>
        <div className="filters">
          <TextField
            label={t('sig.noVisitDays')}
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            defaultValue={days}
            onBlur={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 3650 && n !== days) patch({ days: n === 90 ? undefined : n });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
        </div>
        <QueryState query={noVisit}>
          {(d) => (
            <>
              <p className="list-count">{t('sig.noVisitCount', { count: number(d.total), days: d.days })}</p>
              <NoVisitTable data={d} />
            </>
          )}
        </QueryState>
      </section>
      <section className="section" aria-labelledby="sig-nohelper">
        <h2 id="sig-nohelper">{t('sig.noHelper')}</h2>
        <QueryState query={noHelper}>
          {(d) => (
            <>
              <p className="list-count">{t('sig.noHelperCount', { count: number(d.total) })}</p>
              <NoHelperList data={d} />
            </>
          )}
        </QueryState>
      </section>
      <section className="section" aria-labelledby="sig-cards">
        <h2 id="sig-cards">{t('sig.scorecards')}</h2>
        <div className="filters">
          <DateInput label={t('assist.from')} hint={null} value={from} onChange={(d) => patch({ from: d ?? undefined })} />
          <DateInput label={t('assist.to')} hint={null} value={to} onChange={(d) => patch({ to: d ?? undefined })} />
        </div>
        <QueryState query={cards}>
          {(d) => (
            <>
              <p className="muted">{t('sig.scorecardsPeriod', { from: date(d.from), to: date(d.to), months: d.months })}</p>
              <ScorecardTable data={d} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
