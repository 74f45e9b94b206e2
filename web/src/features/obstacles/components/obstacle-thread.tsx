/** The obstacle's events in order (raised, accepted, escalated …, replies) with their files, and the reply form. */
import { useRef, useState, type FormEvent } from 'react';
import { replyObstacleBody, type ObstacleDetail, type StoredFile } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage, Notice } from '../../../components/error-message.js';
import { TextAreaField } from '../../../components/field.js';
import { FileList } from '../../../components/file-list.js';
import { FileUpload } from '../../../components/file-upload.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useReplyObstacle } from '../api/reply-obstacle.js';
import { ObstacleStatusBadge } from './badges.js';

export function ObstacleThread({ o }: { o: ObstacleDetail }) {
  const { t, dateTime } = useI18n();
  return (
    <ol className="thread">
      {o.events.map((e) => (
        <li key={e.id} className={`thread-item thread-${e.kind}`}>
          <p className="thread-head">
            <strong>{t(`obs.event.${e.kind}`)}</strong>
            {e.toStatus && e.kind !== 'comment' ? (
              <>
                {' '}
                <ObstacleStatusBadge status={e.toStatus} />
              </>
            ) : null}
            <span className="muted small">
              {' '}
              · {e.actor?.name ?? '—'} · <time dateTime={e.at}>{dateTime(e.at)}</time>
            </span>
          </p>
          {e.fromLevel && e.toLevel && e.fromLevel !== e.toLevel ? (
            <p className="small">{t('obs.event.level', { from: t(`obs.level.${e.fromLevel}`), to: t(`obs.level.${e.toLevel}`) })}</p>
          ) : null}
          {e.assigneeAgency && (e.kind === 'escalate' || e.kind === 'create') ? <p className="small">{t('obs.event.assignee', { name: e.assigneeAgency.name })}</p> : null}
          {e.text ? <p className="pre-line">{e.text}</p> : null}
          {e.files.length ? <FileList files={e.files} /> : null}
        </li>
      ))}
    </ol>
  );
}

export function ReplyForm({ o }: { o: ObstacleDetail }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const reply = useReplyObstacle(o.id);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const parsed = replyObstacleBody.safeParse({ text, fileIds: files.map((f) => f.id) });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    reply.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: () => {
          keys.done();
          setText('');
          setFiles([]);
          setSent(true);
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
        },
      },
    );
  };
  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {sent ? <Notice>{t('obs.replied')}</Notice> : null}
      <TextAreaField label={t('obs.replyText')} required value={text} error={errors.text} onChange={(e) => setText(e.target.value)} />
      <FileUpload label={t('file.list')} unitId={o.unit.id} value={files} onChange={setFiles} onBusyChange={setUploading} />
      {reply.isError && !(isApiError(reply.error) && reply.error.fields.length > 0) ? <ErrorMessage error={reply.error} /> : null}
      <div className="form-actions">
        <Button type="submit" busy={reply.isPending || uploading}>
          {t('obs.reply')}
        </Button>
      </div>
    </form>
  );
}
