/**
 * Copy a set into a provincial variant (owned by a province in the person's scope) or into a new draft version of
 * the same code (POST …/clone). The province is chosen with a unit picker that the page supplies.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { cloneSetBody, type SetDetail, type SetSummary } from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { TextField } from '../../../components/field.js';
import type { PickerItem, PickerSlotProps } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCloneSet } from '../api/clone-set.js';

interface Props {
  set: Pick<SetSummary, 'id' | 'name' | 'code' | 'isNational'>;
  /** A picker of provinces (filled by the page from the units feature). */
  provincePicker: (p: PickerSlotProps) => ReactNode;
  /** The province to start with (the person's own). */
  defaultProvince: PickerItem | null;
  onDone: (set: SetDetail) => void;
}

export function CloneForm({ set, provincePicker, defaultProvince, onDone }: Props) {
  const { t } = useI18n();
  // A national set is the legal text: it is adapted by a provincial variant; a variant gets new versions.
  const [kind, setKind] = useState<'variant' | 'version'>(set.isNational ? 'variant' : 'version');
  const [province, setProvince] = useState<PickerItem[]>(defaultProvince ? [defaultProvince] : []);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useCloneSet(set.id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = cloneSetBody.safeParse({
      kind,
      name: name.trim() || undefined,
      ...(kind === 'variant' ? { code: code.trim() || undefined, provinceUnitId: province[0]?.id } : {}),
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
        onSuccess: (s) => {
          keys.done();
          onDone(s);
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
      <fieldset className="fieldset">
        <legend className="field-label">{t('criteria.clone.kind')}</legend>
        <div className="radio-list">
          <label className="checkbox">
            <input type="radio" name="clone-kind" value="variant" checked={kind === 'variant'} onChange={() => setKind('variant')} />
            <span>
              {t('criteria.clone.variant')}
              <span className="field-hint">{t('criteria.clone.variantHint')}</span>
            </span>
          </label>
          <label className="checkbox">
            <input type="radio" name="clone-kind" value="version" checked={kind === 'version'} onChange={() => setKind('version')} />
            <span>
              {t('criteria.clone.version')}
              <span className="field-hint">{t('criteria.clone.versionHint')}</span>
            </span>
          </label>
        </div>
      </fieldset>
      {kind === 'variant'
        ? provincePicker({
            label: t('criteria.clone.province'),
            hint: t('criteria.clone.provinceHint'),
            required: true,
            value: province,
            onChange: setProvince,
            error: errors.provinceUnitId,
          })
        : null}
      <TextField
        label={t('criteria.clone.name')}
        hint={t('criteria.clone.nameHint', { name: set.name })}
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      {kind === 'variant' ? (
        <TextField label={t('criteria.clone.code')} hint={t('criteria.clone.codeHint', { code: set.code })} value={code} error={errors.code} onChange={(e) => setCode(e.target.value)} />
      ) : null}
      {mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0) ? (
        <ErrorMessage error={mutation.error} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('criteria.clone.creating') : t('criteria.clone.submit')}
        </Button>
      </div>
    </form>
  );
}
