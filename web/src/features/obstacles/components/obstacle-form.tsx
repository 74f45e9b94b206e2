/** Raise an obstacle for a commune: title, description, category, criteria, level, due date, attachments. */
import { useRef, useState, type FormEvent } from 'react';
import { createObstacleBody, obstacleCategories, obstacleLevels, type ObstacleDetail, type StoredFile } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { FileUpload } from '../../../components/file-upload.js';
import type { PickerItem, PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { splitList } from '../../../lib/format.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateObstacle } from '../api/create-obstacle.js';

interface Props {
  unitPicker: PickerSlot;
  initialUnit?: PickerItem;
  onDone: (o: ObstacleDetail) => void;
}

export function ObstacleForm({ unitPicker, initialUnit, onDone }: Props) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<PickerItem[]>(initialUnit ? [initialUnit] : []);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [criteria, setCriteria] = useState('');
  const [level, setLevel] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateObstacle();
  const unitId = unit[0]?.id ?? null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = createObstacleBody.safeParse({
      unitId: unitId ?? undefined,
      title,
      description,
      category: category || undefined,
      criteria: splitList(criteria),
      level: level || undefined,
      dueDate,
      fileIds: files.map((f) => f.id),
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    create.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: (o) => {
          keys.done();
          onDone(o);
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
        },
      },
    );
  };
  const showTopError = create.isError && !(isApiError(create.error) && create.error.code === 'VALIDATION' && create.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {unitPicker({ label: t('obs.unit'), required: true, value: unit, onChange: setUnit, error: errors.unitId })}
      <TextField label={t('obs.titleField')} required value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
      <TextAreaField label={t('obs.description')} required rows={4} value={description} error={errors.description} onChange={(e) => setDescription(e.target.value)} />
      <div className="form-row">
        <SelectField
          label={t('obs.category')}
          required
          value={category}
          error={errors.category}
          onChange={(e) => setCategory(e.target.value)}
          options={[{ value: '', label: '—' }, ...obstacleCategories.map((c) => ({ value: c, label: t(`obs.category.${c}`) }))]}
        />
        <TextField label={t('obs.criteria')} hint={t('assist.criteriaHint')} value={criteria} error={errors.criteria} onChange={(e) => setCriteria(e.target.value)} />
      </div>
      <div className="form-row">
        <SelectField
          label={t('obs.level')}
          value={level}
          error={errors.level}
          onChange={(e) => setLevel(e.target.value)}
          options={[{ value: '', label: t('obs.levelDefault') }, ...obstacleLevels.map((l) => ({ value: l, label: t(`obs.level.${l}`) }))]}
        />
        <DateInput passInvalid label={t('obs.dueDate')} value={dueDate} onChange={setDueDate} error={errors.dueDate} />
      </div>
      <FileUpload label={t('file.list')} unitId={unitId} value={files} onChange={setFiles} onBusyChange={setUploading} />
      {showTopError ? <ErrorMessage error={create.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending || uploading}>
          {create.isPending ? t('common.saving') : t('obs.create')}
        </Button>
      </div>
    </form>
  );
}
