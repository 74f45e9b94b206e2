/** Draw up a target list (province, year, name, document) or edit a draft's details (with its version). */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createTargetListBody, updateTargetListBody, type TargetListDetail } from '../../../../../src/contracts/plans.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateTargetList, useProvinces, useUpdateTargetList } from '../api/target-lists.js';

interface Props {
  /** Edit this draft; otherwise create a new list. */
  list?: TargetListDetail;
  initialYear: number;
  onDone: (l: TargetListDetail) => void;
}

export function TargetListForm({ list, initialYear, onDone }: Props): ReactNode {
  const { t } = useI18n();
  const [year, setYear] = useState(list?.year ?? initialYear);
  const [provinceId, setProvinceId] = useState(list?.province.id ?? '');
  const [title, setTitle] = useState(list?.title ?? t('pl.form.defaultTitle', { year: initialYear }));
  const [documentNo, setDocumentNo] = useState(list?.documentNo ?? '');
  const [documentDate, setDocumentDate] = useState<string | null>(list?.documentDate ?? null);
  const [note, setNote] = useState(list?.note ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const provinces = useProvinces(year);
  const create = useCreateTargetList();
  const update = useUpdateTargetList(list?.id ?? '');
  const mutation = list ? update : create;
  const options = provinces.data?.items ?? [];
  const chosen = provinceId && options.some((p) => p.id === provinceId) ? provinceId : (options[0]?.id ?? '');
  const thisYear = Number(new Date().getFullYear());
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 2 - i);

  const fail = (err: unknown) => {
    if (isApiError(err) && err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const common = { title, documentNo: emptyToNull(documentNo), documentDate, note: emptyToNull(note) };
    if (list) {
      const parsed = updateTargetListBody.safeParse({ ...common, expectedVersion: list.rowVersion });
      if (!parsed.success) return (setErrors(issuesToFieldErrors(parsed.error.issues)), focusFirstInvalid(formRef.current));
      setErrors({});
      update.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, { onSuccess: (l) => (keys.done(), onDone(l)), onError: fail });
      return;
    }
    const parsed = createTargetListBody.safeParse({ ...common, provinceUnitId: chosen || undefined, year });
    if (!parsed.success) return (setErrors(issuesToFieldErrors(parsed.error.issues)), focusFirstInvalid(formRef.current));
    setErrors({});
    create.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, { onSuccess: (l) => (keys.done(), onDone(l)), onError: fail });
  };
  const showTopError = mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {list ? null : (
        <div className="form-row">
          <SelectField
            label={t('pl.form.year')}
            required
            value={String(year)}
            onChange={(e) => {
              const y = Number(e.target.value);
              if (title === t('pl.form.defaultTitle', { year })) setTitle(t('pl.form.defaultTitle', { year: y }));
              setYear(y);
            }}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectField
            label={t('pl.form.province')}
            hint={t('pl.form.provinceHint')}
            required
            value={chosen}
            error={errors.provinceUnitId ?? (provinces.isSuccess && options.length === 0 ? t('pl.form.noProvince') : undefined)}
            onChange={(e) => setProvinceId(e.target.value)}
            options={options.map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
      )}
      <TextField label={t('pl.form.titleField')} required value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
      <div className="form-row">
        <TextField label={t('pl.form.documentNo')} hint={t('pl.form.documentNoHint')} value={documentNo} error={errors.documentNo} onChange={(e) => setDocumentNo(e.target.value)} />
        <DateInput label={t('pl.form.documentDate')} value={documentDate} onChange={setDocumentDate} passInvalid error={errors.documentDate} />
      </div>
      <TextAreaField label={t('pl.form.note')} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      {showTopError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending} disabled={!list && !provinces.isSuccess}>
          {list ? t('pl.form.save') : t('pl.form.submit')}
        </Button>
      </div>
    </form>
  );
}
