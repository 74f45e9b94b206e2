/**
 * Import a whole set from a spreadsheet (POST /api/criteria/import): describe the new set, choose the .xlsx file,
 * check it (preview: the per-row validation report), then apply it as a new draft. Progress is shown while the file is
 * read and uploaded; a report becomes stale as soon as the file or the set's details change.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  IMPORT_BASE64_MAX,
  importBody,
  importReport,
  standardLevels,
  type ImportReport,
  type SetSummary,
  type StandardLevelName,
} from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { Field, SelectField, TextAreaField, TextField } from '../../../components/field.js';
import type { PickerItem, PickerSlotProps } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { IMPORT_TEMPLATE_URL, useImportSet } from '../api/import-set.js';
import { base64Length, fileToBase64 } from '../file.js';
import { levelLabel } from '../labels.js';
import { ImportReportView } from './import-report.js';

interface Props {
  provincePicker: (p: PickerSlotProps) => ReactNode;
  defaultProvince: PickerItem | null;
  onApplied: (set: SetSummary) => void;
}

const PREFIX = 'target.newSet.';

export function ImportForm({ provincePicker, defaultProvince, onApplied }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<StandardLevelName>('ntm');
  const [legalBasis, setLegalBasis] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const [validTo, setValidTo] = useState<string | null>(null);
  const [province, setProvince] = useState<PickerItem[]>(defaultProvince ? [defaultProvince] : []);
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useImportSet();
  const busy = reading || mutation.isPending;

  // Any change makes the last report stale: the person must check again before applying.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setReport(null);
    mutation.reset();
  };

  const submit = async (mode: 'preview' | 'apply') => {
    const local: FieldErrors = {};
    if (!file) local.file = t('criteria.import.noFile');
    else if (!/\.xlsx$/i.test(file.name)) local.file = t('criteria.import.notXlsx');
    else if (base64Length(file.size) > IMPORT_BASE64_MAX) local.file = t('criteria.import.tooLarge');
    const newSet = {
      code,
      name,
      level,
      legalBasis,
      validFrom: validFrom ?? '',
      validTo: validTo ?? null,
      provinceUnitId: province[0]?.id ?? null,
    };
    const shape = importBody.safeParse({ fileName: file?.name ?? 'x.xlsx', contentBase64: 'AA==', mode, target: { newSet } });
    const fieldErrors = shape.success ? {} : stripPrefix(issuesToFieldErrors(shape.error.issues));
    if (!file || Object.keys(local).length > 0 || !shape.success) {
      setErrors({ ...fieldErrors, ...local });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setReading(false);
      setErrors({ file: t('criteria.import.unreadable') });
      return;
    }
    setReading(false);
    const body = { ...shape.data, fileName: file.name, contentBase64 };
    const fingerprint = `${mode}:${file.name}:${file.size}:${file.lastModified}:${JSON.stringify(newSet)}`;
    mutation.mutate(
      { body, idempotencyKey: keys.keyFor(fingerprint) },
      {
        onSuccess: (r) => {
          keys.done();
          setReport(r);
          if (r.applied && r.set) onApplied(r.set);
        },
        onError: (err) => {
          if (!isApiError(err)) return;
          // An apply that finds errors answers VALIDATION with the report in its details.
          const rep = importReport.safeParse(err.details.report);
          if (rep.success) setReport(rep.data);
          else if (err.code === 'VALIDATION') setErrors(stripPrefix(fieldErrorMap(err.fields)));
        },
      },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit('preview');
  };

  const apiFailed = mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION');
  return (
    <>
      <section className="section" aria-labelledby="import-step-1">
        <h2 id="import-step-1">{t('criteria.import.step1')}</h2>
        <p>{t('criteria.import.templateIntro')}</p>
        <a className="btn btn-secondary" href={IMPORT_TEMPLATE_URL} download>
          <span aria-hidden="true">⬇ </span>
          {t('criteria.import.template')}
        </a>
      </section>
      <form ref={formRef} className="form section" onSubmit={onSubmit} noValidate aria-labelledby="import-step-2">
        <h2 id="import-step-2">{t('criteria.import.step2')}</h2>
        <div className="form-row">
          <TextField label={t('criteria.set.code')} hint={t('criteria.import.codeHint')} required value={code} error={errors.code} onChange={(e) => changed(setCode)(e.target.value)} />
          <SelectField
            label={t('criteria.set.level')}
            required
            value={level}
            error={errors.level}
            onChange={(e) => changed(setLevel)(e.target.value as StandardLevelName)}
            options={standardLevels.map((l) => ({ value: l, label: t(levelLabel(l)) }))}
          />
        </div>
        <TextField label={t('criteria.set.name')} required value={name} error={errors.name} onChange={(e) => changed(setName)(e.target.value)} />
        <TextAreaField
          label={t('criteria.set.legalBasis')}
          hint={t('unitPage.legalBasisHint')}
          required
          value={legalBasis}
          error={errors.legalBasis}
          onChange={(e) => changed(setLegalBasis)(e.target.value)}
        />
        <div className="form-row">
          <DateInput passInvalid label={t('criteria.set.validFrom')} required value={validFrom} onChange={changed(setValidFrom)} error={errors.validFrom} />
          <DateInput passInvalid label={t('criteria.set.validTo')} hint={t('criteria.set.validToHint')} value={validTo} onChange={changed(setValidTo)} error={errors.validTo} />
        </div>
        {provincePicker({
          label: t('criteria.import.province'),
          hint: t('criteria.import.provinceHint'),
          value: province,
          onChange: changed(setProvince),
          error: errors.provinceUnitId,
        })}
        <h2>{t('criteria.import.step3')}</h2>
        <Field label={t('criteria.import.file')} hint={t('criteria.import.fileHint')} required error={errors.file}>
          {(c) => (
            <input
              {...c}
              className="input input-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => changed(setFile)(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        {busy ? (
          <div className="upload-progress" role="status">
            <progress aria-label={t('criteria.import.progress')} />
            <span>{reading ? t('criteria.import.reading') : mutation.variables?.body.mode === 'apply' ? t('criteria.import.applying') : t('criteria.import.checking')}</span>
          </div>
        ) : null}
        {apiFailed ? <ErrorMessage error={mutation.error} /> : null}
        <div className="form-actions">
          <Button type="submit" variant={report?.ok && !report.applied ? 'secondary' : 'primary'} busy={busy}>
            {t('criteria.import.preview')}
          </Button>
          {report?.ok && !report.applied ? (
            <Button variant="primary" busy={busy} onClick={() => void submit('apply')}>
              {t('criteria.import.apply')}
            </Button>
          ) : null}
        </div>
      </form>
      {report ? <ImportReportView key={`${report.mode}-${report.fileName}-${report.summary.rows}`} report={report} /> : null}
    </>
  );
}

/** "target.newSet.code" → "code", so errors land next to the fields. */
function stripPrefix(e: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(e)) {
    const key = k.startsWith(PREFIX) ? k.slice(PREFIX.length) : k;
    if (!(key in out)) out[key] = v;
  }
  return out;
}
