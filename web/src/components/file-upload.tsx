/**
 * Attach photos and PDFs to a commune's record: each chosen file is uploaded at once with a progress bar, and the
 * form receives the stored files' ids. `accept` without `capture`, so a phone offers both its gallery and its camera.
 */
import { useId, useRef, useState } from 'react';
import { FILE_MAX_BYTES, type StoredFile } from '../../../src/contracts/assistance.js';
import { useI18n } from '../i18n/index.js';
import '../i18n/parts/assistance.vi.js';
import '../styles/assistance.css';
import { describeError } from '../lib/errors.js';
import { uploadFile } from '../lib/upload.js';
import { Button } from './button.js';

interface Pending {
  key: string;
  name: string;
  share: number;
  error: string | null;
}

interface Props {
  label: string;
  /** The commune the files belong to; null = choose the commune first. */
  unitId: string | null;
  value: StoredFile[];
  onChange: (files: StoredFile[]) => void;
  /** Tells the form an upload is still running (submit waits). */
  onBusyChange?: (busy: boolean) => void;
  /** false = one file only (e.g. a list's plan document): a new upload replaces the one attached. Default true. */
  multiple?: boolean;
  /** What to say while `unitId` is null (default: choose the commune first). */
  needUnitText?: string;
}

export function FileUpload({ label, unitId, value, onChange, onBusyChange, multiple = true, needUnitText }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const latest = useRef(value);
  latest.current = value;
  const sizeMb = Math.round(FILE_MAX_BYTES / 1024 / 1024);

  const update = (key: string, patch: Partial<Pending>) => setPending((p) => p.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const onFiles = async (files: FileList | null) => {
    if (!files || !unitId) return;
    const list = multiple ? [...files] : [...files].slice(0, 1);
    if (input.current) input.current.value = '';
    const jobs = list.map((f, i) => ({ f, key: `${Date.now()}-${i}-${f.name}` }));
    setPending((p) => [
      ...p.filter((x) => x.error === null || x.share < 1),
      ...jobs.map(({ f, key }) => ({ key, name: f.name, share: 0, error: f.size > FILE_MAX_BYTES ? t('file.tooLarge', { name: f.name, size: sizeMb }) : null })),
    ]);
    onBusyChange?.(true);
    for (const { f, key } of jobs) {
      if (f.size > FILE_MAX_BYTES) continue;
      try {
        const stored = await uploadFile(f, unitId, { onProgress: (share) => update(key, { share }) });
        latest.current = multiple ? [...latest.current, stored] : [stored];
        onChange(latest.current);
        setPending((p) => p.filter((x) => x.key !== key));
      } catch (e) {
        update(key, { error: t('file.failed', { name: f.name, reason: describeError(e, lang).text }) });
      }
    }
    onBusyChange?.(false);
  };

  return (
    <div className="field file-upload">
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <p className="field-hint" id={`${id}-hint`}>
        {unitId ? t('file.hint', { size: sizeMb }) : (needUnitText ?? t('file.needUnit'))}
      </p>
      {value.length > 0 ? (
        <ul className="file-list" aria-label={t('file.list')}>
          {value.map((f) => (
            <li key={f.id} className="file-item">
              {f.mime.startsWith('image/') ? <img src={f.url} alt="" className="file-thumb" /> : <span className="file-icon" aria-hidden="true">PDF</span>}
              <span className="file-name">{f.originalName}</span>
              <span className="sr-only">{t('file.uploaded')}</span>
              <Button size="small" variant="quiet" aria-label={t('file.remove', { name: f.originalName })} onClick={() => onChange(value.filter((x) => x.id !== f.id))}>
                <span aria-hidden="true">✕</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {pending.map((p) => (
        <div key={p.key} className="file-pending">
          {p.error ? (
            <p className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {p.error}
            </p>
          ) : (
            <>
              <span>{t('file.uploading', { name: p.name })}</span>
              <progress max={1} value={p.share} aria-label={t('file.progress', { name: p.name })} />
            </>
          )}
        </div>
      ))}
      <label className={`btn btn-secondary file-button${unitId ? '' : ' is-disabled'}`}>
        <span aria-hidden="true">+ </span>
        {t('file.choose')}
        <input
          ref={input}
          className="sr-only"
          type="file"
          multiple={multiple}
          accept="image/*,application/pdf"
          disabled={!unitId}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void onFiles(e.target.files)}
        />
      </label>
    </div>
  );
}
