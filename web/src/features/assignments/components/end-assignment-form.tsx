/** End an assignment on a date; the row stays in the history. */
import { useRef, useState, type FormEvent } from 'react';
import { endAssignmentBody, type Assignment } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { TextAreaField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useEndAssignment } from '../api/end-assignment.js';

export function EndAssignmentForm({ assignment, today, onDone }: { assignment: Assignment; today: string; onDone: (a: Assignment) => void }) {
  const { t } = useI18n();
  const [validTo, setValidTo] = useState<string | null>(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const end = useEndAssignment(assignment.id);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = endAssignmentBody.safeParse({ validTo, note: emptyToNull(note) });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    end.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: (a) => {
          keys.done();
          onDone(a);
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
        },
      },
    );
  };
  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <DateInput passInvalid required label={t('assign.endDate')} value={validTo} onChange={setValidTo} error={errors.validTo} />
      <TextAreaField label={t('assign.note')} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      {end.isError && !(isApiError(end.error) && end.error.fields.length > 0) ? <ErrorMessage error={end.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="danger" busy={end.isPending}>
          {t('assign.endTitle')}
        </Button>
      </div>
    </form>
  );
}
