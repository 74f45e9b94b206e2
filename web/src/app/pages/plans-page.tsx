/**
 * /plans?year=: "Kế hoạch & mục tiêu" — the target-commune lists of the year (the steering office draws up new ones),
 * the commune plans of the year in the caller's scope (a commune officer creates or copies its own), and the
 * progress of those plans summed over the scope.
 */
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { Cell, Table } from '../../components/table.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { usePlans, usePlansSummary } from '../../features/plans/api/plans.js';
import { useTargetLists } from '../../features/plans/api/target-lists.js';
import { PlanActions, PlanTable } from '../../features/plans/components/commune-plans.js';
import { TargetListForm } from '../../features/plans/components/target-list-form.js';
import { TargetListStatus } from '../../features/plans/components/target-list-status.js';
import '../../features/plans/plans.css';
import '../../i18n/parts/plans.vi.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';

const route = getRouteApi('/app/plans');

export function PlansPage(): ReactNode {
  const { t, number, date } = useI18n();
  const session = useSession();
  const search = route.useSearch();
  const nav = route.useNavigate();
  const navigate = useNavigate();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = search.year ?? thisYear;
  const lists = useTargetLists({ year });
  const plans = usePlans({ year });
  const summary = usePlansSummary(year);
  const [creating, setCreating] = useState(false);
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  const canCreateList = session.abilities.create.targetList;
  // A commune officer's own commune (one scope unit): the plan actions act on it.
  const ownCommune = session.abilities.create.plan && session.user.roles.includes('commune_officer') && session.user.scope.length === 1 ? session.user.scope[0]! : null;

  return (
    <>
      <PageHeader
        title={t('pl.title')}
        intro={t('pl.intro')}
        actions={
          canCreateList ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('pl.create')}
            </Button>
          ) : undefined
        }
      />
      <div className="filters">
        <SelectField
          label={t('pl.year')}
          value={String(year)}
          onChange={(e) => void nav({ search: { year: Number(e.target.value) } })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>

      <section className="section" aria-labelledby="pl-lists">
        <h2 id="pl-lists">{t('pl.lists')}</h2>
        <QueryState
          query={lists}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState>{t(canCreateList ? 'pl.listsEmptyOffice' : 'pl.listsEmpty', { year })}</EmptyState>}
        >
          {(d) => (
            <Table caption={t('pl.lists')}>
              <thead>
                <tr>
                  <th scope="col">{t('pl.col.list')}</th>
                  <th scope="col">{t('pl.col.document')}</th>
                  <th scope="col">{t('pl.col.communes')}</th>
                  <th scope="col">{t('pl.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((l) => (
                  <tr key={l.id}>
                    <Cell label={t('pl.col.list')}>
                      <Link to="/plans/targets/$id" params={{ id: l.id }}>
                        {l.title}
                      </Link>
                      <span className="muted small"> · {l.province.name}</span>
                    </Cell>
                    <Cell label={t('pl.col.document')}>
                      {l.documentNo ? (l.documentDate ? t('pl.docOf', { no: l.documentNo, date: date(l.documentDate) }) : l.documentNo) : <span className="muted">{t('pl.noDocument')}</span>}
                    </Cell>
                    <Cell label={t('pl.col.communes')}>
                      <strong>{number(l.counts.total)}</strong>{' '}
                      <span className="muted small">{t('pl.byLevel', { ntm: number(l.counts.ntm), advanced: number(l.counts.advanced), model: number(l.counts.model) })}</span>
                    </Cell>
                    <Cell label={t('pl.col.status')}>
                      <TargetListStatus list={l} />
                    </Cell>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </QueryState>
      </section>

      <section className="section" aria-labelledby="pl-plans">
        <div className="section-head">
          <h2 id="pl-plans">{t('pl.plans')}</h2>
        </div>
        {ownCommune ? (
          <PlanActions
            unitId={ownCommune.unitId}
            year={year}
            hasAnnual={(plans.data?.items ?? []).some((p) => p.unit.id === ownCommune.unitId && p.kind === 'annual' && p.yearFrom === year)}
          />
        ) : null}
        <QueryState
          query={plans}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState>{t(ownCommune ? 'pl.plansEmptyCommune' : 'pl.plansEmpty', { year })}</EmptyState>}
        >
          {(d) => <PlanTable rows={d.items} showUnit={new Set(d.items.map((p) => p.unit.id)).size > 1 || !ownCommune} />}
        </QueryState>
      </section>

      {summary.data && summary.data.communesWithPlans > 1 ? (
        <section className="section" aria-labelledby="pl-summary">
          <h2 id="pl-summary">{t('pl.summary', { year })}</h2>
          <ul className="stat-badges">
            <li>{t('pl.summary.communes', { n: number(summary.data.communesWithPlans) })}</li>
            <li>{t('pl.summary.tasks', { done: number(summary.data.tasks.done), total: number(summary.data.tasks.total) })}</li>
            <li>{t('pl.summary.overdue', { n: number(summary.data.tasks.overdue) })}</li>
            <li>
              {t('pl.summary.criteria', {
                met: number(summary.data.criteria.metOfPlanned),
                planned: number(summary.data.criteria.plannedThisYear),
                communes: number(summary.data.criteria.communesWithStatus),
              })}
            </li>
          </ul>
        </section>
      ) : null}

      <Dialog open={creating} onOpenChange={setCreating} title={t('pl.form.title')} wide>
        <TargetListForm initialYear={year} onDone={(l) => (setCreating(false), void navigate({ to: '/plans/targets/$id', params: { id: l.id } }))} />
      </Dialog>
    </>
  );
}
