/** Edit a draft's name, legal basis and validity dates (PATCH /api/criteria/sets/:id); only what changed is sent. */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { updateSetBody, type SetDetail } from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { TextAreaField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { criteriaKeys } from '../api/keys.js';
import { useUpdateSet } from '../api/update-set.js';

export function SetForm({ set, onDone }: { set: SetDetail; onDone: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [name, setName] = useState(set.name);
  const [legalBasis, setLegalBasis] = useState(set.legalBasis);
  const [validFrom, setValidFrom] = useState<string | null>(set.validFrom);
  const [validTo, setValidTo] = useState<string | null>(set.validTo);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useUpdateSet(set.id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = updateSetBody.safeParse({
      expectedVersion: set.rowVersion,
      ...(name.trim() !== set.name ? { name } : {}),
      ...(legalBasis.trim() !== set.legalBasis ? { legalBasis } : {}),
      ...(validFrom !== set.validFrom ? { validFrom: validFrom ?? undefined } : {}),
      ...(validTo !== set.validTo ? { validTo } : {}),
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: () => {
          keys.done();
          onDone();
        },
        onError: (err) => {
          if (!isApiError(err)) return;
          if (err.code === 'CONFLICT') void qc.invalidateQueries({ queryKey: criteriaKeys.detail(set.id) });
          if (err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
        },
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <TextField label={t('criteria.set.name')} required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      <TextAreaField
        label={t('criteria.set.legalBasis')}
        hint={t('unitPage.legalBasisHint')}
        required
        value={legalBasis}
        error={errors.legalBasis}
        onChange={(e) => setLegalBasis(e.target.value)}
      />
      <div className="form-row">
        <DateInput passInvalid label={t('criteria.set.validFrom')} required value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
        <DateInput passInvalid label={t('criteria.set.validTo')} hint={t('criteria.set.validToHint')} value={validTo} onChange={setValidTo} error={errors.validTo} />
      </div>
      {errors._form ? <p className="field-error">{errors._form}</p> : null}
      {mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0) ? (
        <ErrorMessage error={mutation.error} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
