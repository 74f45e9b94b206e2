/**
 * Evidence of one indicator: photo thumbnails (opened full size in a new tab) with the date and position the camera
 * recorded (EXIF) when the server read them, PDFs as links; the commune adds and removes files on editable rows.
 */
import { useId, useRef, useState } from 'react';
import type { Evidence } from '../../../../../src/contracts/assessments.js';
import { FILE_MAX_BYTES } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { useI18n } from '../../../i18n/index.js';
import { describeError } from '../../../lib/errors.js';
import { uploadFile } from '../../../lib/upload.js';
import { attachEvidence, detachEvidence } from '../api/evidence.js';
import { gpsWords, mapUrl } from '../labels.js';

interface Props {
  assessmentId: string;
  code: string;
  unitId: string;
  files: Evidence[];
  editable: boolean;
  onChange: (files: Evidence[]) => void;
}

export function EvidenceList({ assessmentId, code, unitId, files, editable, onChange }: Props) {
  const { t, lang, dateTime } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sizeMb = Math.round(FILE_MAX_BYTES / 1024 / 1024);

  const onFiles = async (list: FileList | null) => {
    if (!list) return;
    const chosen = [...list];
    if (input.current) input.current.value = '';
    setError(null);
    for (const f of chosen) {
      if (f.size > FILE_MAX_BYTES) {
        setError(t('asm.evidence.tooLarge', { name: f.name, size: sizeMb }));
        continue;
      }
      try {
        setBusy({ name: f.name, share: 0 });
        const stored = await uploadFile(f, unitId, { onProgress: (share) => setBusy({ name: f.name, share }) });
        const res = await attachEvidence(assessmentId, code, stored.id);
        onChange(res.evidence);
      } catch (e) {
        setError(t('asm.evidence.failed', { name: f.name, reason: describeError(e, lang).text }));
      } finally {
        setBusy(null);
      }
    }
  };

  const remove = async (f: Evidence) => {
    setError(null);
    try {
      onChange((await detachEvidence(assessmentId, code, f.id)).evidence);
    } catch (e) {
      setError(describeError(e, lang).text);
    }
  };

  return (
    <div className="ar-evidence">
      <p className="ar-evidence-title" id={`${id}-t`}>
        {t('asm.evidence.title')} {files.length > 0 ? <span className="muted">({files.length})</span> : null}
      </p>
      {files.length > 0 ? (
        <ul className="ev-list" aria-labelledby={`${id}-t`}>
          {files.map((f) => (
            <li key={f.id} className="ev-item">
              <a href={f.url} target="_blank" rel="noopener" aria-label={`${t('asm.evidence.open', { name: f.originalName })} ${t('common.newTab')}`}>
                {f.mime.startsWith('image/') ? <img src={f.thumbnailUrl ?? f.url} alt="" className="ev-thumb" loading="lazy" /> : <span className="ev-pdf" aria-hidden="true">PDF</span>}
              </a>
              <div className="ev-facts">
                <span className="ev-name">{f.originalName}</span>
                {f.exif?.takenAt ? <span>{t('asm.evidence.takenAt', { time: dateTime(f.exif.takenAt) })}</span> : null}
                {f.exif?.gps ? (
                  <a href={mapUrl(f.exif.gps)} target="_blank" rel="noopener">
                    {gpsWords(f.exif.gps, t)}
                  </a>
                ) : null}
                {f.mime.startsWith('image/') && !f.exif?.takenAt && !f.exif?.gps ? <span className="muted">{t('asm.evidence.noExif')}</span> : null}
              </div>
              {editable ? (
                <Button size="small" variant="quiet" aria-label={t('asm.evidence.remove', { name: f.originalName })} onClick={() => void remove(f)}>
                  <span aria-hidden="true">✕</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : !editable ? (
        <p className="muted small">{t('asm.evidence.none')}</p>
      ) : null}
      {busy ? (
        <p className="ev-progress">
          <span>{t('asm.evidence.uploading', { name: busy.name })}</span>
          <progress max={1} value={busy.share} aria-label={t('asm.evidence.progress', { name: busy.name })} />
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {editable ? (
        <label className="btn btn-secondary btn-small ev-add">
          <span aria-hidden="true">+ </span>
          {t('asm.evidence.add', { code })}
          <input
            ref={input}
            className="sr-only"
            type="file"
            multiple
            accept="image/*,application/pdf"
            disabled={busy !== null}
            onChange={(e) => void onFiles(e.target.files)}
          />
        </label>
      ) : null}
    </div>
  );
}
