/**
 * The steering office edits an open cycle — its name, the submission and step deadlines, communes to add or take out
 * (only forms never submitted and still empty can be taken out; the server says which are not) — or closes it with a
 * reason, after which the cycle and its forms are read-only. Both carry the cycle's version (a concurrent edit is
 * refused with a conflict message).
 */
import { useRef, useState, type FormEvent } from 'react';
import { updateCycleBody, type Cycle } from '../../../../../src/contracts/assessments.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { TextAreaField, TextField } from '../../../components/field.js';
import type { PickerItem, PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useUpdateCycle } from '../api/update-cycle.js';

export function CycleEditForm({ cycle, communePicker, onDone }: { cycle: Cycle; communePicker: PickerSlot; onDone: (c: Cycle) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(cycle.name);
  const [submitDue, setSubmitDue] = useState<string | null>(cycle.deadlines.submit);
  const [steps, setSteps] = useState<Record<string, string | null>>(() => Object.fromEntries(cycle.reviewChain.map((s) => [s.key, cycle.deadlines.steps[s.key] ?? null])));
  const [add, setAdd] = useState<PickerItem[]>([]);
  const [remove, setRemove] = useState<PickerItem[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const update = useUpdateCycle(cycle.id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = updateCycleBody.safeParse({
      expectedVersion: cycle.version,
      name,
      deadlines: { submit: submitDue, steps: Object.fromEntries(Object.entries(steps).filter(([, d]) => d)) },
      ...(add.length ? { addUnitIds: add.map((u) => u.id) } : {}),
      ...(remove.length ? { removeUnitIds: remove.map((u) => u.id) } : {}),
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      return focusFirstInvalid(ref.current);
    }
    setErrors({});
    update.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: (c) => (keys.done(), onDone(c)),
        onError: (err) => isApiError(err) && err.code === 'VALIDATION' && setErrors(fieldErrorMap(err.fields)),
      },
    );
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
      <TextField label={t('asm.cycle.name')} required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      <DateInput passInvalid label={t('asm.cycle.submitDue')} value={submitDue} onChange={setSubmitDue} error={errors['deadlines.submit']} />
      {cycle.reviewChain.map((s) => (
        <DateInput
          key={s.key}
          passInvalid
          label={t('asm.cycleEdit.stepDue', { step: s.label })}
          value={steps[s.key] ?? null}
          onChange={(d) => setSteps((m) => ({ ...m, [s.key]: d }))}
          error={errors[`deadlines.steps.${s.key}`]}
        />
      ))}
      {communePicker({ label: t('asm.cycleEdit.add'), hint: t('asm.cycleEdit.addHint'), multiple: true, value: add, onChange: setAdd, error: errors.addUnitIds })}
      {communePicker({ label: t('asm.cycleEdit.remove'), hint: t('asm.cycleEdit.removeHint'), multiple: true, value: remove, onChange: setRemove, error: errors.removeUnitIds })}
      {update.isError && !(isApiError(update.error) && update.error.fields.length > 0) ? <ErrorMessage error={update.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={update.isPending}>
          {t('asm.cycleEdit.save')}
        </Button>
      </div>
    </form>
  );
}

export function CycleCloseForm({ cycle, onDone }: { cycle: Cycle; onDone: (c: Cycle) => void }) {
  const { t, number } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const update = useUpdateCycle(cycle.id);
  const unfinished = cycle.counts.communes - cycle.counts.appraised;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError(t('asm.cycleClose.reasonNeeded'));
      return focusFirstInvalid(ref.current);
    }
    setError(undefined);
    const body = { expectedVersion: cycle.version, status: 'closed' as const, closeReason: reason.trim() };
    update.mutate(
      { body, idempotencyKey: keys.keyFor(JSON.stringify(body)) },
      {
        onSuccess: (c) => (keys.done(), onDone(c)),
        onError: (err) => isApiError(err) && err.code === 'VALIDATION' && setError(fieldErrorMap(err.fields).closeReason),
      },
    );
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
      <p>{t('asm.cycleClose.warning')}</p>
      {unfinished > 0 ? <p className="alert alert-info">{t('asm.cycleClose.unfinished', { count: number(unfinished) })}</p> : null}
      <TextAreaField label={t('asm.cycleClose.reason')} required value={reason} error={error} onChange={(e) => setReason(e.target.value)} />
      {update.isError && !(isApiError(update.error) && update.error.fields.length > 0) ? <ErrorMessage error={update.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="danger" busy={update.isPending}>
          {t('asm.cycleClose.action')}
        </Button>
      </div>
    </form>
  );
}
