/**
 * /criteria/$id: one set: its facts, criteria → indicators → target rules with their state, and the steering office's
 * editor (copy into a variant or new version, publish, edit wording, enter or confirm a target with its source).
 */
import { getRouteApi, Link, useLocation } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { targetStates, type Indicator, type TargetRule } from '../../../../src/contracts/criteria.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useSet } from '../../features/criteria/api/get-set.js';
import { CloneForm } from '../../features/criteria/components/clone-form.js';
import { CriteriaList, CriteriaToc, indicatorHasState, type StateFilter } from '../../features/criteria/components/criteria-list.js';
import { IndicatorForm } from '../../features/criteria/components/indicator-form.js';
import { PublishForm } from '../../features/criteria/components/publish-form.js';
import { SetFacts, Provenance, SetRules } from '../../features/criteria/components/set-facts.js';
import { SetForm } from '../../features/criteria/components/set-form.js';
import { TargetForm } from '../../features/criteria/components/target-form.js';
import { targetStateLook, type TargetStateName } from '../../features/criteria/labels.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useI18n } from '../../i18n/index.js';
import '../../features/criteria/criteria.css';

const route = getRouteApi('/app/criteria/$id');

type Open =
  | { kind: 'target'; ind: Indicator; rule: TargetRule | null; confirm: boolean }
  | { kind: 'indicator'; ind: Indicator }
  | { kind: 'set' }
  | { kind: 'clone' }
  | { kind: 'publish' }
  | null;

export function CriteriaSetPage(): ReactNode {
  const { t, number } = useI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const query = useSet(id);
  const hash = useLocation({ select: (l) => l.hash });
  const loaded = Boolean(query.data);
  // A link to one indicator (#ct-10) arrives before the set is loaded: scroll to it once it is on the page.
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash)?.scrollIntoView();
  }, [loaded, hash]);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filter: StateFilter = search.state ?? 'all';
  const close = () => setOpen(null);
  const scope = session.user.scope[0];
  const start = (o: Open) => {
    setNotice(null);
    setOpen(o);
  };

  return (
    <QueryState query={query}>
      {(set) => {
        const a = set.abilities;
        const indicators = set.criteria.flatMap((c) => c.indicators);
        const count = (f: StateFilter) => indicators.filter((i) => indicatorHasState(i, f)).length;
        return (
          <>
            <PageHeader
              title={set.name}
              before={
                <nav aria-label={t('criteria.breadcrumb')} className="breadcrumb">
                  <ol>
                    <li>
                      <Link to="/criteria">{t('criteria.title')}</Link>
                    </li>
                    <li aria-current="page">{set.code}</li>
                  </ol>
                </nav>
              }
              intro={t('criteria.setPage.intro')}
              actions={
                <>
                  <Link to="/criteria/$id/evaluate" params={{ id: set.id }} className="btn btn-primary">
                    {t('criteria.evaluate.action')}
                  </Link>
                  {set.parent ? (
                    <Link to="/criteria/compare" search={{ from: set.parent.id, to: set.id }} className="btn btn-secondary">
                      {t('criteria.compare.withParent')}
                    </Link>
                  ) : null}
                  {a.canClone ? <Button onClick={() => start({ kind: 'clone' })}>{t('criteria.clone.action')}</Button> : null}
                  {a.canEdit ? <Button onClick={() => start({ kind: 'set' })}>{t('criteria.setPage.edit')}</Button> : null}
                  {a.canPublish ? (
                    <Button variant="primary" onClick={() => start({ kind: 'publish' })}>
                      {t('criteria.publish.action')}
                    </Button>
                  ) : null}
                </>
              }
            />
            {notice ? <Notice>{notice}</Notice> : null}
            {set.isDemo ? (
              <div className="alert alert-demo" role="note">
                <span aria-hidden="true">◇ </span>
                {t('criteria.demoNotice')}
              </div>
            ) : null}
            {set.status === 'draft' ? (
              <p className="draft-banner">
                <StatusBadge tone="neutral" icon="✎">
                  {t('criteria.setStatus.draft')}
                </StatusBadge>{' '}
                {t('criteria.setPage.draftHint')}
              </p>
            ) : null}
            {set.status === 'published' && !a.canEdit && a.canClone ? <p className="muted">{t('criteria.setPage.publishedHint')}</p> : null}
            {set.isNational && a.canClone && !a.canEdit ? <p className="muted">{t('criteria.setPage.nationalHint')}</p> : null}
            <SetFacts set={set} />
            <Provenance set={set} />

            <section className="section" aria-labelledby="set-criteria">
              <div className="section-head">
                <h2 id="set-criteria">{t('criteria.setPage.criteria', { count: number(set.criteria.length) })}</h2>
              </div>
              <div className="filters">
                <SelectField
                  label={t('criteria.filter.label')}
                  value={filter}
                  onChange={(e) =>
                    void navigate({
                      search: (s) => ({ ...s, state: e.target.value === 'all' ? undefined : (e.target.value as TargetStateName) }),
                      replace: true,
                    })
                  }
                  options={[
                    { value: 'all', label: t('criteria.filter.all', { count: indicators.length }) },
                    ...targetStates.map((s) => ({ value: s, label: `${t(targetStateLook[s].label)} (${count(s)})` })),
                  ]}
                />
              </div>
              {set.criteria.length > 0 ? <CriteriaToc criteria={set.criteria} /> : null}
              {set.criteria.length === 0 ? (
                <p className="empty-state">{t('criteria.setPage.noCriteria')}</p>
              ) : (
                <CriteriaList
                  set={set}
                  filter={filter}
                  onEditIndicator={(ind) => start({ kind: 'indicator', ind })}
                  onTarget={(ind, rule, confirm) => start({ kind: 'target', ind, rule, confirm })}
                />
              )}
            </section>
            <SetRules set={set} />

            <Dialog
              open={open?.kind === 'target'}
              onOpenChange={(o) => (o ? null : close())}
              title={open?.kind === 'target' && open.confirm ? t('criteria.target.confirmTitle') : t('criteria.target.editTitle')}
              description={t('criteria.target.dialogIntro')}
              wide
            >
              {open?.kind === 'target' ? (
                <TargetForm
                  set={set}
                  indicator={open.ind}
                  initial={open.rule ? { match: open.rule.match, value: open.rule.value, source: open.rule.source, note: open.rule.note } : null}
                  confirm={open.confirm}
                  onDone={(s) => {
                    close();
                    const rule = s.criteria.flatMap((c) => c.indicators).find((i) => i.code === open.ind.code);
                    setNotice(t('criteria.target.saved', { code: open.ind.code, state: rule ? t(targetStateLook[rule.state].label) : '' }));
                  }}
                />
              ) : null}
            </Dialog>
            <Dialog open={open?.kind === 'indicator'} onOpenChange={(o) => (o ? null : close())} title={t('criteria.indicator.editTitle')} wide>
              {open?.kind === 'indicator' ? (
                <IndicatorForm
                  set={set}
                  indicator={open.ind}
                  onDone={() => {
                    close();
                    setNotice(t('criteria.indicator.saved', { code: open.ind.code }));
                  }}
                />
              ) : null}
            </Dialog>
            <Dialog open={open?.kind === 'set'} onOpenChange={(o) => (o ? null : close())} title={t('criteria.setPage.edit')} wide>
              <SetForm
                set={set}
                onDone={() => {
                  close();
                  setNotice(t('common.saved'));
                }}
              />
            </Dialog>
            <Dialog open={open?.kind === 'clone'} onOpenChange={(o) => (o ? null : close())} title={t('criteria.clone.title')} description={t('criteria.clone.intro')} wide>
              <CloneForm
                set={set}
                provincePicker={(p) => <UnitPicker {...p} level="province" />}
                defaultProvince={scope ? { id: scope.unitId, label: scope.name } : null}
                onDone={(s) => {
                  close();
                  void navigate({ to: '/criteria/$id', params: { id: s.id }, search: {} });
                  setNotice(t('criteria.clone.done', { name: s.name }));
                }}
              />
            </Dialog>
            <Dialog open={open?.kind === 'publish'} onOpenChange={(o) => (o ? null : close())} title={t('criteria.publish.title', { code: set.code })}>
              <PublishForm
                set={set}
                onCancel={close}
                onDone={() => {
                  close();
                  setNotice(t('criteria.publish.done'));
                }}
              />
            </Dialog>
          </>
        );
      }}
    </QueryState>
  );
}
