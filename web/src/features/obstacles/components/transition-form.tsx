/** One workflow action on an obstacle: the answer and document (resolve), a reason (reopen), a note, a new assignee. */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { transitionObstacleBody, type ObstacleAction, type ObstacleDetail, type StoredFile } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { TextAreaField, TextField } from '../../../components/field.js';
import { FileUpload } from '../../../components/file-upload.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useTransitionObstacle } from '../api/transition-obstacle.js';

export interface AgencyChoiceSlotProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  noneLabel: string;
}

interface Props {
  obstacle: ObstacleDetail;
  action: ObstacleAction;
  /** Who takes it at the next level (escalate), supplied by the page. */
  agencySelect?: (p: AgencyChoiceSlotProps) => ReactNode;
  onDone: (o: ObstacleDetail) => void;
}

export function TransitionForm({ obstacle, action, agencySelect, onDone }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [doc, setDoc] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useTransitionObstacle(obstacle.id);
  const needsText = action === 'resolve' || action === 'reopen';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = transitionObstacleBody.safeParse({
      action,
      expectedVersion: obstacle.version,
      text: emptyToNull(text),
      resolutionDoc: action === 'resolve' ? emptyToNull(doc) : undefined,
      assigneeAgencyId: action === 'escalate' && assignee ? assignee : undefined,
      dueDate: (action === 'escalate' || action === 'accept') && dueDate ? dueDate : undefined,
      fileIds: files.map((f) => f.id),
    });
    const errs: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    if (needsText && !text.trim()) errs.text = t(action === 'resolve' ? 'obs.text.resolve' : 'obs.text.reopen') + ': ' + t('common.required');
    if (!parsed.success || Object.keys(errs).length) {
      setErrors(errs);
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    mutation.mutate(
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

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <TextAreaField
        label={t(action === 'resolve' ? 'obs.text.resolve' : action === 'reopen' ? 'obs.text.reopen' : 'obs.text.other')}
        required={needsText}
        rows={4}
        value={text}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      {action === 'resolve' ? (
        <TextField label={t('obs.resolutionDoc')} hint={t('obs.resolutionDocHint')} value={doc} error={errors.resolutionDoc} onChange={(e) => setDoc(e.target.value)} />
      ) : null}
      {action === 'escalate' && agencySelect
        ? agencySelect({ label: t('obs.escalateAssignee'), value: assignee, onChange: setAssignee, error: errors.assigneeAgencyId, noneLabel: t('obs.escalateAssigneeDefault') })
        : null}
      {action === 'escalate' || action === 'accept' ? <DateInput passInvalid label={t('obs.newDueDate')} value={dueDate} onChange={setDueDate} error={errors.dueDate} /> : null}
      <FileUpload label={t('file.list')} unitId={obstacle.unit.id} value={files} onChange={setFiles} onBusyChange={setUploading} />
      {mutation.isError && !(isApiError(mutation.error) && mutation.error.fields.length > 0) ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending || uploading}>
          {t(`obs.action.${action}`)}
        </Button>
      </div>
    </form>
  );
}
