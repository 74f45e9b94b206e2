/**
 * One commune plan: its facts and progress, the criteria aimed at (with their year and today's status), and the tasks
 * (mark done or start in one tap, edit, add). Buttons come from the plan's and each task's abilities.
 */
import { useState, type ReactNode } from 'react';
import type { PlanDetail, PlanTask, SetPlanCriteriaBody } from '../../../../../src/contracts/plans.js';
import { Button } from '../../../components/button.js';
import { Dialog } from '../../../components/dialog.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorMessage, Notice } from '../../../components/error-message.js';
import { StatusBadge, type StatusTone } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useRefreshPlan, useSetPlanCriteria, useUpdatePlan, useUpdateTask } from '../api/plans.js';
import { TaskForm } from './task-form.js';

const taskTone: Record<PlanTask['status'], { tone: StatusTone; icon: string }> = {
  todo: { tone: 'neutral', icon: '○' },
  doing: { tone: 'info', icon: '→' },
  done: { tone: 'ok', icon: '✓' },
  cancelled: { tone: 'neutral', icon: '–' },
};
const critTone = { met: 'ok', not_met: 'bad', unknown: 'info' } as const;

export function PlanView({ plan }: { plan: PlanDetail }): ReactNode {
  const { t, date, number } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<PlanTask | 'new' | null>(null);
  const [editCriteria, setEditCriteria] = useState(false);
  const refresh = useRefreshPlan(plan.id);
  const updateTask = useUpdateTask(plan.id);
  const updatePlan = useUpdatePlan(plan.id);
  const keys = useActionKeys();
  const p = plan.progress;
  const onError = (err: unknown) => {
    if (isApiError(err) && err.code === 'CONFLICT') {
      setNotice(t('pl.conflict'));
      void refresh();
    }
  };
  const setTaskStatus = (task: PlanTask, status: PlanTask['status']) => {
    setNotice(null);
    const body = { expectedVersion: task.rowVersion, status };
    updateTask.mutate(
      { taskId: task.id, body, idempotencyKey: keys.keyFor(`${task.id}:${JSON.stringify(body)}`) },
      { onSuccess: () => (keys.done(), setNotice(t('pl.task.updated'))), onError },
    );
  };
  const setPlanStatus = (status: PlanDetail['status']) => {
    const body = { expectedVersion: plan.rowVersion, status };
    updatePlan.mutate({ body, idempotencyKey: keys.keyFor(JSON.stringify(body)) }, { onSuccess: () => keys.done(), onError });
  };
  const busy = updateTask.isPending ? updateTask.variables?.taskId : null;

  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      <section className="section" aria-labelledby="pl-facts">
        <h2 id="pl-facts" className="sr-only">
          {t('pl.plan.facts')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t(`pl.kind.${plan.kind}`)}</dt>
            <dd>
              {plan.kind === 'annual' ? t('pl.period.annual', { year: plan.yearFrom }) : t('pl.period.phase', { from: plan.yearFrom, to: plan.yearTo })}{' '}
              <StatusBadge tone={plan.status === 'approved' ? 'ok' : 'neutral'}>{t(`pl.plan.status.${plan.status}`)}</StatusBadge>
              {plan.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="demo">{t('pl.demo')}</StatusBadge>
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('pl.col.target')}</dt>
            <dd>{t('pl.target', { level: t(`pl.level.${plan.targetLevel}`), year: plan.targetYear })}</dd>
          </div>
          <div>
            <dt>{t('pl.plan.progress')}</dt>
            <dd>
              <strong data-testid="plan-progress">{t('pl.progressPct', { done: number(p.done), total: number(p.total), pct: number(p.percentDone ?? 0) })}</strong>
              <progress className="pl-bar" max={100} value={p.percentDone ?? 0} aria-hidden="true" />
              {p.overdue ? (
                <StatusBadge tone="warn" icon="!">
                  {t('pl.overdueTasks', { n: number(p.overdue) })}
                </StatusBadge>
              ) : null}
              {p.costTotalVnd ? <p className="small muted">{t('pl.plan.cost', { total: number(p.costTotalVnd), done: number(p.costDoneVnd) })}</p> : null}
            </dd>
          </div>
          <div>
            <dt>{t('pl.plan.latestStatus')}</dt>
            <dd>
              {plan.latestStatus
                ? t('pl.plan.statusValue', { met: number(plan.latestStatus.criteriaMet), applicable: number(plan.latestStatus.criteriaApplicable), year: plan.latestStatus.year })
                : t('pl.noStatus')}
              <p className="small muted">
                {plan.criteriaProgress.metOfPlanned === null
                  ? t('pl.plan.criteriaUnknown', { planned: number(plan.criteriaProgress.plannedThisYear) })
                  : t('pl.plan.criteriaProgress', { met: number(plan.criteriaProgress.metOfPlanned), planned: number(plan.criteriaProgress.plannedThisYear) })}
              </p>
            </dd>
          </div>
          {plan.copiedFromId ? (
            <div>
              <dt>{t('pl.plan.copiedFrom')}</dt>
              <dd>✓</dd>
            </div>
          ) : null}
        </dl>
        {plan.note ? <p className="muted small">{plan.note}</p> : null}
        {plan.abilities.canEdit ? (
          <div className="actions">
            {plan.status === 'draft' ? (
              <Button variant="primary" busy={updatePlan.isPending} onClick={() => setPlanStatus('approved')}>
                {t('pl.plan.approve')}
              </Button>
            ) : (
              <Button busy={updatePlan.isPending} onClick={() => setPlanStatus('draft')}>
                {t('pl.plan.toDraft')}
              </Button>
            )}
          </div>
        ) : (
          <p className="muted small">{plan.abilities.canAddTask ? t('pl.plan.helperNote') : t('pl.plan.readOnly')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="pl-crit">
        <div className="section-head">
          <h2 id="pl-crit">{t('pl.crit.title')}</h2>
          {plan.abilities.canEdit && !editCriteria ? <Button onClick={() => setEditCriteria(true)}>{t('pl.crit.edit')}</Button> : null}
        </div>
        {editCriteria ? (
          <CriteriaEditor plan={plan} onDone={(msg) => (setEditCriteria(false), setNotice(msg))} onConflict={onError} />
        ) : plan.criteria.length === 0 ? (
          <EmptyState>{t('pl.crit.empty')}</EmptyState>
        ) : (
          <Table caption={t('pl.crit.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('pl.crit.col.number')}</th>
                <th scope="col">{t('pl.crit.col.year')}</th>
                <th scope="col">{t('pl.crit.col.now')}</th>
                <th scope="col">{t('pl.crit.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.criteria.map((c) => (
                <tr key={c.criterionNumber}>
                  <Cell label={t('pl.crit.col.number')}>
                    {c.criterionNumber}
                    {c.criterionName ? `. ${c.criterionName}` : ''}
                    {c.copied ? <span className="muted small"> · {t('pl.crit.copied')}</span> : null}
                  </Cell>
                  <Cell label={t('pl.crit.col.year')}>{c.targetYear}</Cell>
                  <Cell label={t('pl.crit.col.now')}>
                    <StatusBadge tone={critTone[c.current]}>{t(`pl.crit.now.${c.current}`)}</StatusBadge>
                  </Cell>
                  <Cell label={t('pl.crit.col.note')}>{c.note ?? ''}</Cell>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section className="section" aria-labelledby="pl-tasks">
        <div className="section-head">
          <h2 id="pl-tasks">{t('pl.task.title')}</h2>
          {plan.abilities.canAddTask ? (
            <Button variant="primary" onClick={() => (setNotice(null), setEditing('new'))}>
              {t('pl.task.add')}
            </Button>
          ) : null}
        </div>
        {updateTask.isError && !(isApiError(updateTask.error) && updateTask.error.code === 'CONFLICT') ? <ErrorMessage error={updateTask.error} /> : null}
        {plan.tasks.length === 0 ? (
          <EmptyState>{t('pl.task.empty')}</EmptyState>
        ) : (
          <Table caption={t('pl.task.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('pl.task.col.task')}</th>
                <th scope="col">{t('pl.task.col.criterion')}</th>
                <th scope="col">{t('pl.task.col.responsible')}</th>
                <th scope="col">{t('pl.task.col.deadline')}</th>
                <th scope="col">{t('pl.task.col.cost')}</th>
                <th scope="col">{t('pl.task.col.status')}</th>
                <th scope="col">{t('pl.task.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.tasks.map((task) => {
                const look = taskTone[task.status];
                const open = task.status === 'todo' || task.status === 'doing';
                return (
                  <tr key={task.id} data-task={task.title}>
                    <Cell label={t('pl.task.col.task')}>
                      <strong>{task.title}</strong>
                      {task.copied ? <span className="muted small"> · {t('pl.task.copied')}</span> : null}
                      {task.progressNote ? <p className="small">{task.progressNote}</p> : null}
                    </Cell>
                    <Cell label={t('pl.task.col.criterion')}>{task.criterionNumber ?? '—'}</Cell>
                    <Cell label={t('pl.task.col.responsible')}>{task.responsibleAgency?.name ?? task.responsibleName ?? '—'}</Cell>
                    <Cell label={t('pl.task.col.deadline')}>
                      {task.deadline ? date(task.deadline) : '—'}
                      {task.overdue ? (
                        <>
                          {' '}
                          <StatusBadge tone="warn" icon="!">
                            {t('pl.task.overdue')}
                          </StatusBadge>
                        </>
                      ) : null}
                    </Cell>
                    <Cell label={t('pl.task.col.cost')}>{task.estimatedCostVnd != null ? number(task.estimatedCostVnd) : '—'}</Cell>
                    <Cell label={t('pl.task.col.status')}>
                      <StatusBadge tone={look.tone} icon={look.icon}>
                        {t(`pl.task.status.${task.status}`)}
                      </StatusBadge>
                      {task.doneAt ? <p className="small muted">{t('pl.task.doneOn', { date: date(task.doneAt) })}</p> : null}
                    </Cell>
                    <Cell label={t('pl.task.col.actions')}>
                      {task.abilities.canEdit ? (
                        <div className="actions">
                          {open ? (
                            <Button size="small" variant="primary" aria-label={t('pl.task.markDone', { title: task.title })} busy={busy === task.id} onClick={() => setTaskStatus(task, 'done')}>
                              {t('pl.task.markDoneShort')}
                            </Button>
                          ) : null}
                          {task.status === 'todo' ? (
                            <Button size="small" aria-label={t('pl.task.start', { title: task.title })} busy={busy === task.id} onClick={() => setTaskStatus(task, 'doing')}>
                              {t('pl.task.startShort')}
                            </Button>
                          ) : null}
                          <Button size="small" variant="quiet" aria-label={t('pl.task.edit', { title: task.title })} onClick={() => (setNotice(null), setEditing(task))}>
                            {t('pl.task.editShort')}
                          </Button>
                        </div>
                      ) : null}
                    </Cell>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </section>

      <Dialog open={editing !== null} onOpenChange={(o) => (o ? null : setEditing(null))} title={editing === 'new' ? t('pl.task.add') : t('pl.task.editShort')} wide>
        {editing !== null ? (
          <TaskForm
            plan={plan}
            task={editing === 'new' ? undefined : editing}
            helperOnly={!plan.abilities.canEdit}
            onDone={() => {
              setNotice(t(editing === 'new' ? 'pl.task.added' : 'pl.task.updated'));
              setEditing(null);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}

/** Tick the criteria the plan aims at and give each its year. */
function CriteriaEditor({ plan, onDone, onConflict }: { plan: PlanDetail; onDone: (msg: string) => void; onConflict: (err: unknown) => void }): ReactNode {
  const { t } = useI18n();
  const [rows, setRows] = useState(() => new Map(plan.criteria.map((c) => [c.criterionNumber, { year: c.targetYear, note: c.note }])));
  const save = useSetPlanCriteria(plan.id);
  const keys = useActionKeys();
  const options = plan.criteriaOptions.length ? plan.criteriaOptions : plan.criteria.map((c) => ({ number: c.criterionNumber, name: c.criterionName ?? '' }));
  const years = Array.from({ length: Math.max(1, plan.yearTo - plan.yearFrom + 1) + 1 }, (_, i) => plan.yearFrom + i);
  const submit = () => {
    const body: SetPlanCriteriaBody = {
      expectedVersion: plan.rowVersion,
      items: options.filter((o) => rows.has(o.number)).map((o) => ({ criterionNumber: o.number, targetYear: rows.get(o.number)!.year, note: rows.get(o.number)!.note })),
    };
    save.mutate({ body, idempotencyKey: keys.keyFor(JSON.stringify(body)) }, { onSuccess: () => (keys.done(), onDone(t('pl.crit.saved'))), onError: onConflict });
  };
  return (
    <div className="form">
      <ul className="plain-list pl-crit-edit">
        {options.map((o) => {
          const row = rows.get(o.number);
          return (
            <li key={o.number}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  aria-label={t('pl.crit.pick', { n: o.number })}
                  checked={row !== undefined}
                  onChange={(e) =>
                    setRows((m) => {
                      const next = new Map(m);
                      if (e.target.checked) next.set(o.number, { year: plan.targetYear, note: null });
                      else next.delete(o.number);
                      return next;
                    })
                  }
                />{' '}
                {o.number}. {o.name}
              </label>
              {row ? (
                <select
                  className="input input-inline"
                  aria-label={t('pl.crit.yearOf', { n: o.number })}
                  value={row.year}
                  onChange={(e) => setRows((m) => new Map(m).set(o.number, { ...row, year: Number(e.target.value) }))}
                >
                  {[...new Set([...years, row.year])].sort().map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              ) : null}
            </li>
          );
        })}
      </ul>
      {save.isError && !(isApiError(save.error) && save.error.code === 'CONFLICT') ? <ErrorMessage error={save.error} /> : null}
      <div className="form-actions">
        <Button variant="primary" busy={save.isPending} onClick={submit}>
          {t('pl.crit.save')}
        </Button>
      </div>
    </div>
  );
}
