/** A before/after diff as a small table: field, change (word + sign, not colour alone), before, after. */
import { useI18n } from '../../../i18n/index.js';
import { diffJson, showJsonValue, type DiffKind } from '../json-diff.js';

const signs: Record<DiffKind, string> = { added: '+', removed: '−', changed: '~' };

export function JsonDiff({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const { t } = useI18n();
  const rows = diffJson(before, after);
  if (rows.length === 0) return <p className="muted">{t('audit.noChanges')}</p>;
  return (
    <table className="table diff-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.path} className={`diff-${r.kind}`}>
            <th scope="row">
              <code>{r.path || '∅'}</code>
            </th>
            <td>
              <span aria-hidden="true">{signs[r.kind]} </span>
              {t(`audit.${r.kind}`)}
            </td>
            <td className="diff-before">
              <code>{showJsonValue(r.before)}</code>
            </td>
            <td className="diff-after">
              <code>{showJsonValue(r.after)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
