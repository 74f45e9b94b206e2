/** The steering office reopens an appraised assessment with a reason: some indicators, or the whole commune. */
import { useRef, useState, type FormEvent } from 'react';
import { reopenBody, type Assessment } from '../../../../../src/contracts/assessments.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { TextAreaField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { splitList } from '../../../lib/format.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useAssessmentAction } from '../api/act.js';

export function ReopenForm({ assessment, onDone }: { assessment: Assessment; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [codes, setCodes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const action = useAssessmentAction(assessment.id);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = reopenBody.safeParse({ expectedVersion: assessment.version, reason, codes: splitList(codes) });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      return focusFirstInvalid(ref.current);
    }
    setErrors({});
    action.mutate(
      { a: { action: 'reopen', body: parsed.data }, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: () => (keys.done(), onDone()),
        onError: (err) => isApiError(err) && err.code === 'VALIDATION' && setErrors(fieldErrorMap(err.fields)),
      },
    );
  };
  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
      <TextAreaField label={t('asm.reopen.reason')} required value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
      <TextField label={t('asm.reopen.codes')} hint={t('asm.reopen.codesHint')} value={codes} error={errors.codes} onChange={(e) => setCodes(e.target.value)} />
      {action.isError && !(isApiError(action.error) && action.error.fields.length > 0) ? <ErrorMessage error={action.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="danger" busy={action.isPending}>
          {t('asm.reopen.action')}
        </Button>
      </div>
    </form>
  );
}
