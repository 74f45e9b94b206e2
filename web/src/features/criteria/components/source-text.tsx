/** A target's source: documents as text, web addresses as links that open in a new tab. */
import { useI18n } from '../../../i18n/index.js';
import { sourceParts } from '../labels.js';

export function SourceText({ source }: { source: string | null }) {
  const { t } = useI18n();
  const parts = sourceParts(source);
  if (parts.length === 0) return <span className="muted">{t('criteria.source.none')}</span>;
  return (
    <ul className="source-list">
      {parts.map((p, i) => (
        <li key={i}>
          {p.href ? (
            <a href={p.href} target="_blank" rel="noopener noreferrer">
              {shortUrl(p.href)}
              <span className="sr-only"> {t('common.newTab')}</span>
            </a>
          ) : (
            p.text
          )}
        </li>
      ))}
    </ul>
  );
}

/** "thuvienphapluat.vn/…/ban-hanh-bo-tieu-chi…": the host and the last path segment, so a cell stays narrow. */
function shortUrl(href: string): string {
  try {
    const u = new URL(href);
    const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
    const tail = last.length > 40 ? `${last.slice(0, 40)}…` : last;
    return tail ? `${u.host}/…/${tail}` : u.host;
  } catch {
    return href;
  }
}
