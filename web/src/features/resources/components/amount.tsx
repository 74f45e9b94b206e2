/** An amount of VND in a table cell: the full vi-VN figure and the short "tỷ / triệu đồng" reading under it. */
import { useI18n } from '../../../i18n/index.js';
import { formatVnd } from '../../../lib/format.js';
import { formatVndShort } from '../money.js';

export function Amount({ vnd }: { vnd: number | null }) {
  const { lang } = useI18n();
  if (vnd === null) return <span className="muted">—</span>;
  return (
    <>
      {formatVnd(vnd, lang)}
      {vnd >= 1_000_000 ? <span className="res-short">{formatVndShort(vnd, lang)}</span> : null}
    </>
  );
}
