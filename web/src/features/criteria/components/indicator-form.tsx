/** Edit an indicator's wording, kind and unit in a draft (PATCH …/indicators/:code); only what changed is sent. */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { indicatorKinds, updateIndicatorBody, type Indicator, type IndicatorKindName, type SetDetail } from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { criteriaKeys } from '../api/keys.js';
import { useUpdateIndicator } from '../api/update-indicator.js';

export function IndicatorForm({ set, indicator, onDone }: { set: Pick<SetDetail, 'id' | 'rowVersion'>; indicator: Indicator; onDone: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [wording, setWording] = useState(indicator.wording);
  const [kind, setKind] = useState<IndicatorKindName>(indicator.kind);
  const [unit, setUnit] = useState(indicator.unit ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useUpdateIndicator(set.id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const nextUnit = emptyToNull(unit);
    const parsed = updateIndicatorBody.safeParse({
      expectedVersion: set.rowVersion,
      ...(wording.trim() !== indicator.wording ? { wording } : {}),
      ...(kind !== indicator.kind ? { kind } : {}),
      ...(nextUnit !== indicator.unit ? { unit: nextUnit } : {}),
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate(
      { code: indicator.code, body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
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
      <TextAreaField
        label={t('criteria.indicator.wording')}
        hint={t('criteria.indicator.wordingHint')}
        required
        rows={4}
        value={wording}
        error={errors.wording}
        onChange={(e) => setWording(e.target.value)}
      />
      <div className="form-row">
        <SelectField
          label={t('criteria.indicator.kind')}
          hint={t('criteria.indicator.kindHint')}
          value={kind}
          error={errors.kind}
          onChange={(e) => setKind(e.target.value as IndicatorKindName)}
          options={indicatorKinds.map((k) => ({ value: k, label: t(`criteria.indicatorKind.${k}`) }))}
        />
        <TextField label={t('criteria.indicator.unit')} hint={t('criteria.indicator.unitHint')} value={unit} error={errors.unit} onChange={(e) => setUnit(e.target.value)} />
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
