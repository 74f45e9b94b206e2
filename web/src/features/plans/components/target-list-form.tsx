/**
 * Draw up a target list (province, year, name, document and its file) or edit a draft's details (with its version).
 * The plan document (e.g. the signed "Kế hoạch 239/KH-BCĐ" PDF) is uploaded for the list's province with the shared
 * FileUpload; choosing another file replaces it, ✕ removes it (saved with the form).
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { StoredFile } from '../../../../../src/contracts/assistance.js';
import { createTargetListBody, updateTargetListBody, type TargetListDetail } from '../../../../../src/contracts/plans.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { FileUpload } from '../../../components/file-upload.js';
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
  const [files, setFiles] = useState<StoredFile[]>(list?.file ? [list.file] : []);
  const [uploading, setUploading] = useState(false);
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
    const fileId = files[0]?.id ?? null;
    const common = { title, documentNo: emptyToNull(documentNo), documentDate, note: emptyToNull(note) };
    if (list) {
      const parsed = updateTargetListBody.safeParse({ ...common, ...(fileId !== list.fileId ? { fileId } : {}), expectedVersion: list.rowVersion });
      if (!parsed.success) return (setErrors(issuesToFieldErrors(parsed.error.issues)), focusFirstInvalid(formRef.current));
      setErrors({});
      update.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, { onSuccess: (l) => (keys.done(), onDone(l)), onError: fail });
      return;
    }
    const parsed = createTargetListBody.safeParse({ ...common, fileId, provinceUnitId: chosen || undefined, year });
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
            onChange={(e) => {
              setProvinceId(e.target.value);
              // The document is stored for the province it was uploaded with.
              setFiles([]);
            }}
            options={options.map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
      )}
      <TextField label={t('pl.form.titleField')} required value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
      <div className="form-row">
        <TextField label={t('pl.form.documentNo')} hint={t('pl.form.documentNoHint')} value={documentNo} error={errors.documentNo} onChange={(e) => setDocumentNo(e.target.value)} />
        <DateInput label={t('pl.form.documentDate')} value={documentDate} onChange={setDocumentDate} passInvalid error={errors.documentDate} />
      </div>
      <FileUpload
        label={t('pl.form.file')}
        unitId={list ? list.province.id : chosen || null}
        value={files}
        onChange={setFiles}
        onBusyChange={setUploading}
        multiple={false}
        needUnitText={t('pl.form.fileNeedProvince')}
      />
      {errors.fileId ? (
        <p className="field-error" role="alert">
          {errors.fileId}
        </p>
      ) : null}
      <TextAreaField label={t('pl.form.note')} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      {showTopError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending} disabled={uploading || (!list && !provinces.isSuccess)}>
          {list ? t('pl.form.save') : t('pl.form.submit')}
        </Button>
      </div>
    </form>
  );
}
