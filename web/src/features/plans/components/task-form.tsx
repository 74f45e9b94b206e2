/**
 * Add or edit a task of a plan. A help team (not the commune) only changes the status and the progress note of its
 * agency's tasks: `helperOnly` shows just those fields.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createTaskBody, taskStatuses, updateTaskBody, type PlanDetail, type PlanTask } from '../../../../../src/contracts/plans.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateTask, useUpdateTask } from '../api/plans.js';
import { parseVnd } from '../labels.js';

interface Props {
  plan: PlanDetail;
  task?: PlanTask;
  helperOnly: boolean;
  onDone: (p: PlanDetail) => void;
}

export function TaskForm({ plan, task, helperOnly, onDone }: Props): ReactNode {
  const { t } = useI18n();
  const [title, setTitle] = useState(task?.title ?? '');
  const [criterion, setCriterion] = useState(task?.criterionNumber ?? '');
  const [agencyId, setAgencyId] = useState(task?.responsibleAgency?.id ?? '');
  const [responsibleName, setResponsibleName] = useState(task?.responsibleName ?? '');
  const [deadline, setDeadline] = useState<string | null>(task?.deadline ?? null);
  const [cost, setCost] = useState(task?.estimatedCostVnd != null ? String(task.estimatedCostVnd) : '');
  const [status, setStatus] = useState<PlanTask['status']>(task?.status ?? 'todo');
  const [note, setNote] = useState(task?.progressNote ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateTask(plan.id);
  const update = useUpdateTask(plan.id);
  const mutation = task ? update : create;
  const agencies = [...plan.helperAgencies];
  if (task?.responsibleAgency && !agencies.some((a) => a.id === task.responsibleAgency!.id)) agencies.push(task.responsibleAgency);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const amount = parseVnd(cost);
    if (Number.isNaN(amount)) {
      setErrors({ estimatedCostVnd: t('pl.task.form.costInvalid') });
      return focusFirstInvalid(formRef.current);
    }
    const fields = helperOnly
      ? { status, progressNote: emptyToNull(note) }
      : {
          title,
          criterionNumber: criterion || null,
          responsibleAgencyId: agencyId || null,
          responsibleName: emptyToNull(responsibleName),
          deadline,
          estimatedCostVnd: amount,
          status,
          progressNote: emptyToNull(note),
        };
    const fail = (err: unknown) => {
      if (isApiError(err) && err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
    };
    if (task) {
      const parsed = updateTaskBody.safeParse({ ...fields, expectedVersion: task.rowVersion });
      if (!parsed.success) return (setErrors(issuesToFieldErrors(parsed.error.issues)), focusFirstInvalid(formRef.current));
      setErrors({});
      update.mutate(
        { taskId: task.id, body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
        { onSuccess: (p) => (keys.done(), onDone(p)), onError: fail },
      );
      return;
    }
    const parsed = createTaskBody.safeParse(fields);
    if (!parsed.success) return (setErrors(issuesToFieldErrors(parsed.error.issues)), focusFirstInvalid(formRef.current));
    setErrors({});
    create.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, { onSuccess: (p) => (keys.done(), onDone(p)), onError: fail });
  };
  const showTopError = mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {helperOnly ? null : (
        <>
          <TextField label={t('pl.task.form.title')} required value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
          <div className="form-row">
            <SelectField
              label={t('pl.task.form.criterion')}
              value={criterion}
              error={errors.criterionNumber}
              onChange={(e) => setCriterion(e.target.value)}
              options={[{ value: '', label: t('pl.task.form.noCriterion') }, ...plan.criteriaOptions.map((o) => ({ value: o.number, label: `${o.number}. ${o.name}` }))]}
            />
            <SelectField
              label={t('pl.task.form.agency')}
              value={agencyId}
              error={errors.responsibleAgencyId}
              onChange={(e) => setAgencyId(e.target.value)}
              options={[{ value: '', label: t('pl.task.form.noAgency') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
            />
          </div>
          <div className="form-row">
            <TextField label={t('pl.task.form.responsibleName')} value={responsibleName} error={errors.responsibleName} onChange={(e) => setResponsibleName(e.target.value)} />
            <DateInput label={t('pl.task.form.deadline')} value={deadline} onChange={setDeadline} passInvalid error={errors.deadline} />
            <TextField label={t('pl.task.form.cost')} inputMode="numeric" value={cost} error={errors.estimatedCostVnd} onChange={(e) => setCost(e.target.value)} />
          </div>
        </>
      )}
      <SelectField
        label={t('pl.task.form.status')}
        value={status}
        error={errors.status}
        onChange={(e) => setStatus(e.target.value as PlanTask['status'])}
        options={taskStatuses.map((s) => ({ value: s, label: t(`pl.task.status.${s}`) }))}
      />
      <TextAreaField label={t('pl.task.form.note')} value={note} error={errors.progressNote} onChange={(e) => setNote(e.target.value)} />
      {showTopError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {t('pl.task.form.submit')}
        </Button>
      </div>
    </form>
  );
}
