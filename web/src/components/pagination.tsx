/** Previous / next over a list page with "1–50 / 234". */
import { useI18n } from '../i18n/index.js';
import { Button } from './button.js';

interface Props {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

export function Pagination({ offset, limit, total, onChange }: Props) {
  const { t, number } = useI18n();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={t('list.pagination')}>
      <p className="pagination-range" aria-live="polite">
        {t('list.range', { from: number(from), to: number(to), total: number(total) })}
      </p>
      {total > limit ? (
        <div className="pagination-buttons">
          <Button size="small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
            <span aria-hidden="true">‹ </span>
            {t('list.prev')}
          </Button>
          <Button size="small" disabled={to >= total} onClick={() => onChange(offset + limit)}>
            {t('list.next')}
            <span aria-hidden="true"> ›</span>
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
