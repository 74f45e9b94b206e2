/** Record an activity of a help team: kind, date, participants, content, results, support, criteria, files, follow-ups. */
import { useRef, useState, type FormEvent } from 'react';
import { activityKinds, createActivityBody, type Activity, type ActivityKind, type FollowUpInput, type StoredFile } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { FileUpload } from '../../../components/file-upload.js';
import type { PickerItem, PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { formatNumber, parseVnd, splitList } from '../../../lib/format.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateActivity } from '../api/create-activity.js';

type FollowUpRow = { text: string; ownerName: string; dueDate: string | null };

interface Props {
  unitPicker: PickerSlot;
  initialUnit?: PickerItem;
  today: string;
  onDone: (a: Activity) => void;
}

export function ActivityForm({ unitPicker, initialUnit, today, onDone }: Props) {
  const { t, lang } = useI18n();
  const [unit, setUnit] = useState<PickerItem[]>(initialUnit ? [initialUnit] : []);
  const [kind, setKind] = useState<ActivityKind>('field_visit');
  const [date, setDate] = useState<string | null>(today);
  const [participants, setParticipants] = useState('');
  const [content, setContent] = useState('');
  const [results, setResults] = useState('');
  const [support, setSupport] = useState('');
  const [supportDescription, setSupportDescription] = useState('');
  const [criteria, setCriteria] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [followUps, setFollowUps] = useState<FollowUpRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateActivity();
  const unitId = unit[0]?.id ?? null;

  const setFu = (i: number, patch: Partial<FollowUpRow>) => setFollowUps((l) => l.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const amount = parseVnd(support);
    const parsed = createActivityBody.safeParse({
      unitId: unitId ?? undefined,
      kind,
      date,
      participants,
      content,
      results: emptyToNull(results),
      supportValueVnd: amount,
      supportDescription: emptyToNull(supportDescription),
      criteria: splitList(criteria),
      fileIds: files.map((f) => f.id),
      followUps: followUps.map((f): Partial<FollowUpInput> => ({ text: f.text, ownerName: f.ownerName, dueDate: f.dueDate ?? undefined })),
    });
    const errs: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    if (Number.isNaN(amount)) errs.supportValueVnd = t('act.supportValueInvalid');
    if (!parsed.success || Object.keys(errs).length) {
      setErrors(errs);
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    create.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: (a) => {
          keys.done();
          onDone(a);
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
  const showTopError = create.isError && !(isApiError(create.error) && create.error.code === 'VALIDATION' && create.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {unitPicker({ label: t('act.unit'), required: true, value: unit, onChange: setUnit, error: errors.unitId })}
      <div className="form-row">
        <SelectField
          label={t('act.kind')}
          required
          value={kind}
          error={errors.kind}
          onChange={(e) => setKind(e.target.value as ActivityKind)}
          options={activityKinds.map((k) => ({ value: k, label: t(`act.kind.${k}`) }))}
        />
        <DateInput passInvalid required label={t('act.date')} value={date} onChange={setDate} error={errors.date} />
      </div>
      <TextAreaField label={t('act.participants')} required value={participants} error={errors.participants} onChange={(e) => setParticipants(e.target.value)} />
      <TextAreaField label={t('act.content')} required value={content} error={errors.content} onChange={(e) => setContent(e.target.value)} />
      <TextAreaField label={t('act.results')} value={results} error={errors.results} onChange={(e) => setResults(e.target.value)} />
      <div className="form-row">
        <TextField
          label={t('act.supportValue')}
          hint={t('act.supportValueHint')}
          inputMode="numeric"
          value={support}
          error={errors.supportValueVnd}
          onChange={(e) => setSupport(e.target.value)}
          onBlur={() => {
            const n = parseVnd(support);
            if (n !== null && !Number.isNaN(n)) setSupport(formatNumber(n, lang));
          }}
        />
        <TextField label={t('act.criteria')} hint={t('assist.criteriaHint')} value={criteria} error={errors.criteria} onChange={(e) => setCriteria(e.target.value)} />
      </div>
      <TextField label={t('act.supportDescription')} value={supportDescription} error={errors.supportDescription} onChange={(e) => setSupportDescription(e.target.value)} />
      <FileUpload label={t('act.files')} unitId={unitId} value={files} onChange={setFiles} onBusyChange={setUploading} />
      <fieldset className="fieldset field repeat">
        <legend className="field-label">{t('act.followUps')}</legend>
        {followUps.length === 0 ? <p className="field-hint">{t('act.followUpsEmpty')}</p> : null}
        {followUps.map((f, i) => (
          <div key={i} className="repeat-row" role="group" aria-label={t('act.followUp', { n: i + 1 })}>
            <TextField label={t('act.followUpText')} required value={f.text} error={errors[`followUps.${i}.text`]} onChange={(e) => setFu(i, { text: e.target.value })} />
            <TextField
              label={t('act.followUpOwner')}
              required
              value={f.ownerName}
              error={errors[`followUps.${i}.ownerName`]}
              onChange={(e) => setFu(i, { ownerName: e.target.value })}
            />
            <DateInput passInvalid required label={t('act.followUpDue')} value={f.dueDate} onChange={(d) => setFu(i, { dueDate: d })} error={errors[`followUps.${i}.dueDate`]} />
            <Button size="small" variant="quiet" onClick={() => setFollowUps((l) => l.filter((_, k) => k !== i))}>
              <span aria-hidden="true">✕ </span>
              {t('act.removeFollowUp', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button size="small" onClick={() => setFollowUps((l) => [...l, { text: '', ownerName: '', dueDate: null }])}>
          <span aria-hidden="true">＋ </span>
          {t('act.addFollowUp')}
        </Button>
      </fieldset>
      {showTopError ? <ErrorMessage error={create.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending || uploading}>
          {create.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
