/** Sets one attribute of a unit from a date, with its legal basis (POST /api/units/:id/attributes). */
import { useRef, useState, type FormEvent } from 'react';
import { attributeKeys, attributeValueSchemas, regions, setAttributeBody, type AttributeKey } from '../../../../../src/contracts/units.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useSetAttribute } from '../api/set-attribute.js';
import { attributeValueText } from '../labels.js';

const NULL = '__null';

/** The values a key accepts, as select options (booleans as Có / Không). */
function valueChoices(key: AttributeKey): (string | boolean)[] {
  switch (key) {
    case 'region':
      return [...regions];
    case 'communeGroup':
      return [...attributeValueSchemas.communeGroup.options];
    case 'ethnicArea':
      return [...attributeValueSchemas.ethnicArea.options];
    default:
      return [true, false];
  }
}

export function SetAttributeForm({ unitId, today, onDone }: { unitId: string; today: string; onDone: () => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState<AttributeKey>('region');
  const [value, setValue] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(today);
  const [legalBasis, setLegalBasis] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useSetAttribute(unitId);
  const choices = valueChoices(key);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsedValue = value === '' ? undefined : value === NULL ? null : value === 'true' ? true : value === 'false' ? false : value;
    const parsed = setAttributeBody.safeParse({ key, value: parsedValue, validFrom: validFrom ?? undefined, legalBasis });
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
          if (isApiError(err) && err.code === 'VALIDATION') {
            setErrors(fieldErrorMap(err.fields));
            focusFirstInvalid(formRef.current);
          }
        },
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('unitPage.attrKey')}
        required
        value={key}
        error={errors.key}
        onChange={(e) => {
          setKey(e.target.value as AttributeKey);
          setValue('');
        }}
        options={attributeKeys.map((k) => ({ value: k, label: t(`attr.${k}`) }))}
      />
      <SelectField
        label={t('unitPage.attrValue')}
        required
        value={value}
        error={errors.value}
        onChange={(e) => setValue(e.target.value)}
        options={[
          { value: '', label: '—' },
          ...choices.map((c) => ({ value: String(c), label: attributeValueText(key, c, t) })),
          { value: NULL, label: t('unitPage.valueClear') },
        ]}
      />
      <DateInput passInvalid label={t('date.from')} required value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
      <TextField
        label={t('unitPage.legalBasis')}
        hint={t('unitPage.legalBasisHint')}
        required
        value={legalBasis}
        error={errors.legalBasis}
        onChange={(e) => setLegalBasis(e.target.value)}
      />
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
