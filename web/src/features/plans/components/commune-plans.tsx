/**
 * A list of commune plans with their progress, and for the commune's officers the "new plan" and "copy from last
 * year" actions (shown from the session's create ability; the server checks the commune).
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createPlanBody, targetLevels, type PlanSummary } from '../../../../../src/contracts/plans.js';
import { Button } from '../../../components/button.js';
import { Dialog } from '../../../components/dialog.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField } from '../../../components/field.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCopyPlan, useCreatePlan } from '../api/plans.js';

export function PlanTable({ rows, showUnit }: { rows: PlanSummary[]; showUnit: boolean }): ReactNode {
  const { t, number } = useI18n();
  return (
    <Table caption={t('pl.plans')}>
      <thead>
        <tr>
          {showUnit ? <th scope="col">{t('pl.commune')}</th> : null}
          <th scope="col">{t('pl.col.planTitle')}</th>
          <th scope="col">{t('pl.col.period')}</th>
          <th scope="col">{t('pl.col.target')}</th>
          <th scope="col">{t('pl.col.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            {showUnit ? <Cell label={t('pl.commune')}>{p.unit.name}</Cell> : null}
            <Cell label={t('pl.col.planTitle')}>
              <Link to="/plans/$id" params={{ id: p.id }}>
                {p.title}
              </Link>{' '}
              {p.isDemo ? <StatusBadge tone="demo">{t('pl.demo')}</StatusBadge> : null}
            </Cell>
            <Cell label={t('pl.col.period')}>{p.kind === 'annual' ? t('pl.period.annual', { year: p.yearFrom }) : t('pl.period.phase', { from: p.yearFrom, to: p.yearTo })}</Cell>
            <Cell label={t('pl.col.target')}>{t('pl.target', { level: t(`pl.level.${p.targetLevel}`), year: p.targetYear })}</Cell>
            <Cell label={t('pl.col.progress')}>
              {p.progress.total ? t('pl.progressPct', { done: number(p.progress.done), total: number(p.progress.total), pct: number(p.progress.percentDone ?? 0) }) : t('pl.planNoTasks')}
              {p.progress.overdue ? (
                <>
                  {' '}
                  <StatusBadge tone="warn" icon="!">
                    {t('pl.overdueTasks', { n: number(p.progress.overdue) })}
                  </StatusBadge>
                </>
              ) : null}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** "New plan" and "copy last year's" for one commune and year (copying only while the year has no annual plan). */
export function PlanActions({ unitId, year, hasAnnual }: { unitId: string; year: number; hasAnnual: boolean }): ReactNode {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const copy = useCopyPlan();
  const keys = useActionKeys();
  const onCopy = () => {
    const body = { unitId, year };
    copy.mutate({ body, idempotencyKey: keys.keyFor(JSON.stringify(body)) }, { onSuccess: (p) => (keys.done(), void navigate({ to: '/plans/$id', params: { id: p.id }, search: { copied: 'true' } })) });
  };
  return (
    <>
      <div className="actions">
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('pl.newPlan')}
        </Button>
        {hasAnnual ? null : (
          <Button busy={copy.isPending} onClick={onCopy}>
            {t('pl.copyPlan', { year: year - 1 })}
          </Button>
        )}
      </div>
      {copy.isError ? <ErrorMessage error={copy.error} /> : null}
      <Dialog open={creating} onOpenChange={setCreating} title={t('pl.new.title')}>
        <NewPlanForm unitId={unitId} year={year} onDone={(id) => (setCreating(false), void navigate({ to: '/plans/$id', params: { id } }))} />
      </Dialog>
    </>
  );
}

function NewPlanForm({ unitId, year, onDone }: { unitId: string; year: number; onDone: (id: string) => void }): ReactNode {
  const { t } = useI18n();
  const [kind, setKind] = useState<'annual' | 'phase'>('annual');
  const [yearFrom, setYearFrom] = useState(year);
  const [yearTo, setYearTo] = useState(year);
  const [targetLevel, setTargetLevel] = useState<(typeof targetLevels)[number]>('ntm');
  const [targetYear, setTargetYear] = useState(year);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreatePlan();
  const keys = useActionKeys();
  const years = Array.from({ length: 12 }, (_, i) => year - 2 + i);
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = createPlanBody.safeParse({ unitId, kind, yearFrom, yearTo: kind === 'annual' ? yearFrom : yearTo, targetLevel, targetYear });
    if (!parsed.success) return (setErrors(issuesToFieldErrors(parsed.error.issues)), focusFirstInvalid(formRef.current));
    setErrors({});
    create.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      { onSuccess: (p) => (keys.done(), onDone(p.id)), onError: (err) => (isApiError(err) && err.code === 'VALIDATION' ? setErrors(fieldErrorMap(err.fields)) : null) },
    );
  };
  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('pl.new.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as 'annual' | 'phase')}
        options={(['annual', 'phase'] as const).map((k) => ({ value: k, label: t(`pl.kind.${k}`) }))}
      />
      <div className="form-row">
        <SelectField label={t('pl.new.yearFrom')} value={String(yearFrom)} error={errors.yearFrom} onChange={(e) => setYearFrom(Number(e.target.value))} options={yearOptions} />
        {kind === 'phase' ? (
          <SelectField label={t('pl.new.yearTo')} value={String(yearTo)} error={errors.yearTo} onChange={(e) => setYearTo(Number(e.target.value))} options={yearOptions} />
        ) : null}
      </div>
      <div className="form-row">
        <SelectField
          label={t('pl.new.targetLevel')}
          value={targetLevel}
          onChange={(e) => setTargetLevel(e.target.value as typeof targetLevel)}
          options={targetLevels.map((l) => ({ value: l, label: t(`pl.level.${l}`) }))}
        />
        <SelectField label={t('pl.new.targetYear')} value={String(targetYear)} error={errors.targetYear} onChange={(e) => setTargetYear(Number(e.target.value))} options={yearOptions} />
      </div>
      {create.isError && !(isApiError(create.error) && create.error.code === 'VALIDATION' && create.error.fields.length > 0) ? <ErrorMessage error={create.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('pl.new.submit')}
        </Button>
      </div>
    </form>
  );
}
