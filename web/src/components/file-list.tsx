/** Stored files as thumbnails (images) or links (PDF), opened in a new tab. */
import type { StoredFile } from '../../../src/contracts/assistance.js';
import { useI18n } from '../i18n/index.js';

export function FileList({ files }: { files: StoredFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return <p className="muted">{t('act.filesEmpty')}</p>;
  return (
    <ul className="file-gallery" aria-label={t('file.list')}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} target="_blank" rel="noopener" aria-label={`${t('file.open', { name: f.originalName })} ${t('common.newTab')}`}>
            {f.mime.startsWith('image/') ? <img src={f.thumbnailUrl ?? f.url} alt={f.originalName} className="file-thumb-large" loading="lazy" /> : <span className="file-icon" aria-hidden="true">PDF</span>}
            <span className="file-name">{f.originalName}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
