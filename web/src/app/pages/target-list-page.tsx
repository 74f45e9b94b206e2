/**
 * /plans/targets/$id?atRisk=&level=&q=: one target list — its document, the counts (met, at risk, on track), the rule
 * that decides the risk, and its communes with the reasons. The steering office edits a draft, adds and removes
 * communes, attaches the plan document file (drafts only), adopts it, and reopens an adopted one with a reason; an
 * adopted list's communes can be added to an open assessment cycle of its year (AddListToCycle).
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { targetLevels, type TargetRow } from '../../../../src/contracts/plans.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorMessage, Notice } from '../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useRefreshTargetList, useRemoveTargetCommune, useTargetList, useTransitionTargetList } from '../../features/plans/api/target-lists.js';
import { AddCommunes } from '../../features/plans/components/add-communes.js';
import { TargetListForm } from '../../features/plans/components/target-list-form.js';
import { TargetListStatus } from '../../features/plans/components/target-list-status.js';
import { TargetRows } from '../../features/plans/components/target-rows.js';
import { AddListToCycle } from './target-list-to-cycle.js';
import '../../features/plans/plans.css';
import '../../i18n/parts/plans.vi.js';
import { useI18n } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { searchKey } from '../../../../src/platform/text.js';
import { useActionKeys } from '../../lib/use-action-key.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const route = getRouteApi('/app/plans/targets/$id');

export function TargetListPage(): ReactNode {
  const { t, number, date } = useI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useTargetList(id);
  const transition = useTransitionTargetList(id);
  const remove = useRemoveTargetCommune(id);
  const refresh = useRefreshTargetList(id);
  const keys = useActionKeys();
  const [dialog, setDialog] = useState<'edit' | 'add' | 'reopen' | 'cycle' | null>(null);
  const [toCycle, setToCycle] = useState<{ id: string; name: string; added: number } | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const clear = () => (setNotice(null), setToCycle(null));
  usePageTitle(query.data?.title ?? t('pl.lists'));
  const onError = (err: unknown) => {
    if (isApiError(err) && err.code === 'CONFLICT') {
      setNotice(t('pl.conflict'));
      void refresh();
    }
  };

  return (
    <QueryState query={query}>
      {(l) => {
        const key = search.q ? searchKey(search.q) : '';
        const rows = l.rows.filter(
          (r: TargetRow) =>
            (search.atRisk === undefined || String(r.atRisk) === search.atRisk) &&
            (!search.level || r.targetLevel === search.level) &&
            (!key || searchKey(r.unit.name).includes(key)),
        );
        const act = (action: 'adopt' | 'reopen') => {
          setNotice(null);
          const body = action === 'reopen' ? { action, expectedVersion: l.rowVersion, reason } : { action, expectedVersion: l.rowVersion };
          transition.mutate(
            { body, idempotencyKey: keys.keyFor(JSON.stringify(body)) },
            { onSuccess: () => (keys.done(), setDialog(null), setReason(''), setNotice(t(action === 'adopt' ? 'pl.list.adopted' : 'pl.list.reopened'))), onError },
          );
        };
        return (
          <>
            <PageHeader
              title={l.title}
              before={
                <p className="back-link">
                  <Link to="/plans" search={{ year: l.year }}>
                    <span aria-hidden="true">‹ </span>
                    {t('pl.list.back')}
                  </Link>
                </p>
              }
              intro={
                <>
                  {t('pl.list.intro', { year: l.year, province: l.province.name })}{' '}
                  {l.documentNo ? (l.documentDate ? t('pl.docOf', { no: l.documentNo, date: date(l.documentDate) }) : l.documentNo) : t('pl.noDocument')}{' '}
                  <TargetListStatus list={l} />
                </>
              }
              actions={
                <div className="actions">
                  {l.abilities.canEdit ? (
                    <>
                      <Button variant="primary" onClick={() => (clear(), setDialog('add'))}>
                        {t('pl.list.addCommunes')}
                      </Button>
                      <Button onClick={() => (clear(), setDialog('edit'))}>{t('pl.form.edit')}</Button>
                    </>
                  ) : null}
                  {l.abilities.canAdopt ? (
                    <Button busy={transition.isPending} onClick={() => act('adopt')}>
                      {t('pl.list.adopt')}
                    </Button>
                  ) : null}
                  {l.abilities.canAddToCycle ? (
                    <Button variant="primary" onClick={() => (clear(), setDialog('cycle'))}>
                      {t('pl.toCycle.open')}
                    </Button>
                  ) : null}
                  {l.abilities.canReopen ? <Button onClick={() => (clear(), setDialog('reopen'))}>{t('pl.list.reopen')}</Button> : null}
                </div>
              }
            />
            <p className="pl-document">
              {l.file ? (
                <>
                  {t('pl.doc.label')}{' '}
                  <a href={l.file.url} download={l.file.originalName} aria-label={t('pl.doc.download', { name: l.file.originalName })}>
                    {l.file.originalName}
                  </a>{' '}
                  <span className="muted small">{l.abilities.canReopen ? t('pl.doc.locked') : null}</span>
                </>
              ) : l.fileId ? null : (
                <span className="muted">{l.abilities.canEdit ? t('pl.doc.noneEdit') : t('pl.doc.none')}</span>
              )}
            </p>
            {l.note ? <p className="muted">{l.note}</p> : null}
            {notice ? <Notice>{notice}</Notice> : null}
            {toCycle ? (
              <Notice>
                {toCycle.added > 0 ? t('pl.toCycle.done', { count: number(toCycle.added), name: toCycle.name }) : t('pl.toCycle.doneNone', { name: toCycle.name })}{' '}
                <Link to="/assessments" search={{ cycleId: toCycle.id }}>
                  {t('pl.toCycle.view')}
                </Link>
              </Notice>
            ) : null}
            {transition.isError && !(isApiError(transition.error) && transition.error.code === 'CONFLICT') && dialog === null ? <ErrorMessage error={transition.error} /> : null}

            <ul className="stat-badges" aria-label={t('pl.list.totals')}>
              <li>{t('pl.list.total', { n: number(l.totals.communes) })}</li>
              <li>
                <StatusBadge tone="ok">{t('pl.list.met', { n: number(l.totals.met) })}</StatusBadge>
              </li>
              <li>
                <StatusBadge tone="bad" icon="!">
                  {t('pl.list.atRisk', { n: number(l.totals.atRisk) })}
                </StatusBadge>
              </li>
              <li>
                <StatusBadge tone="info" icon="→">
                  {t('pl.list.onTrack', { n: number(l.totals.onTrack) })}
                </StatusBadge>
              </li>
            </ul>

            <details className="pl-rule">
              <summary>{t('pl.list.rule')}</summary>
              <p>{l.rule.text}</p>
              <p className="small muted">{t('pl.list.ruleDates', { today: date(l.rule.today), asOf: date(l.rule.factsAsOf) })}</p>
            </details>

            <div className="filters">
              <SelectField
                label={t('pl.list.filterRisk')}
                value={search.atRisk ?? ''}
                onChange={(e) => void navigate({ search: { ...search, atRisk: (e.target.value || undefined) as 'true' | 'false' | undefined } })}
                options={[
                  { value: '', label: t('pl.list.filterRisk.all') },
                  { value: 'true', label: t('pl.list.filterRisk.atRisk') },
                  { value: 'false', label: t('pl.list.filterRisk.ok') },
                ]}
              />
              <SelectField
                label={t('pl.list.filterLevel')}
                value={search.level ?? ''}
                onChange={(e) => void navigate({ search: { ...search, level: e.target.value || undefined } })}
                options={[{ value: '', label: t('pl.list.filterLevel.all') }, ...targetLevels.map((x) => ({ value: x, label: t(`pl.level.${x}`) }))]}
              />
              <TextField
                label={t('pl.list.search')}
                type="search"
                defaultValue={search.q ?? ''}
                onChange={(e) => void navigate({ search: { ...search, q: e.target.value || undefined }, replace: true })}
              />
            </div>

            {l.rows.length === 0 ? (
              <EmptyState action={l.abilities.canEdit ? <Button onClick={() => setDialog('add')}>{t('pl.list.addCommunes')}</Button> : undefined}>
                {t('pl.list.empty')} {l.abilities.canEdit ? t('pl.list.emptyAction') : null}
              </EmptyState>
            ) : rows.length === 0 ? (
              <EmptyState>{t('pl.list.noMatch')}</EmptyState>
            ) : (
              <TargetRows
                rows={rows}
                year={l.year}
                removing={remove.isPending ? (remove.variables?.unitId ?? null) : null}
                onRemove={
                  l.abilities.canEdit
                    ? (r) =>
                        remove.mutate({ unitId: r.unit.id, expectedVersion: l.rowVersion }, { onSuccess: () => setNotice(t('pl.list.removed')), onError })
                    : undefined
                }
              />
            )}

            <Dialog open={dialog === 'edit'} onOpenChange={(o) => setDialog(o ? 'edit' : null)} title={t('pl.form.edit')} wide>
              <TargetListForm list={l} initialYear={l.year} onDone={() => (setDialog(null), setNotice(t('pl.list.saved')))} />
            </Dialog>
            <Dialog open={dialog === 'add'} onOpenChange={(o) => setDialog(o ? 'add' : null)} title={t('pl.add.title')} wide>
              <AddCommunes list={l} onDone={(_, n) => (setDialog(null), setNotice(t('pl.add.added', { n: number(n) })))} />
            </Dialog>
            <Dialog
              open={dialog === 'cycle'}
              onOpenChange={(o) => setDialog(o ? 'cycle' : null)}
              title={t('pl.toCycle.title')}
              description={t('pl.toCycle.intro', { year: l.year })}
              wide
            >
              <AddListToCycle list={l} onDone={(c, added) => (setDialog(null), setToCycle({ id: c.id, name: c.name, added }))} />
            </Dialog>
            <Dialog open={dialog === 'reopen'} onOpenChange={(o) => setDialog(o ? 'reopen' : null)} title={t('pl.list.reopen')}>
              <div className="form">
                <TextAreaField label={t('pl.list.reopenReason')} required value={reason} onChange={(e) => setReason(e.target.value)} />
                {transition.isError ? <ErrorMessage error={transition.error} /> : null}
                <div className="form-actions">
                  <Button variant="primary" busy={transition.isPending} onClick={() => act('reopen')}>
                    {t('pl.list.reopen')}
                  </Button>
                </div>
              </div>
            </Dialog>
          </>
        );
      }}
    </QueryState>
  );
}
