/**
 * The unit tree, loaded lazily: the caller's roots first, a unit's children when it is expanded.
 * A nested list of disclosure buttons and links (not role=tree): every row is reachable with Tab and
 * announced as "Mở rộng Xã A, đã thu gọn" by screen readers, with no custom key handling to learn.
 */
import { useState } from 'react';
import type { UnitSummary } from '../../../../../src/contracts/units.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { Loading } from '../../../components/loading.js';
import { useI18n } from '../../../i18n/index.js';
import { useUnits } from '../api/list-units.js';
import { UnitLink } from './unit-link.js';

const PAGE = 500;

export function UnitTree({ asOf, today }: { asOf: string | undefined; today: string }) {
  const { t, date } = useI18n();
  const q = useUnits({ roots: true, asOf, limit: PAGE });
  if (q.isPending) return <Loading label={t('list.loading')} />;
  if (q.isError) return <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <EmptyState>{t('units.emptyTree', { date: date(asOf ?? today) })}</EmptyState>;
  return (
    <ul className="tree" aria-label={t('units.tree')}>
      {q.data.items.map((u) => (
        <TreeNode key={u.id} unit={u} asOf={asOf} />
      ))}
      <Overflow shown={q.data.items.length} total={q.data.total} />
    </ul>
  );
}

function TreeNode({ unit, asOf }: { unit: UnitSummary; asOf: string | undefined }) {
  const { t, number } = useI18n();
  const [open, setOpen] = useState(false);
  const hasChildren = unit.childCount > 0;
  return (
    <li className="tree-item">
      <div className="tree-row">
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-toggle tree-leaf" aria-hidden="true" />
        )}
        <UnitLink id={unit.id} asOf={asOf} className="tree-name">
          {unit.name}
        </UnitLink>
        <span className="tree-meta">
          <span className="tree-type">{unit.type}</span>
          <span className="tree-code">{unit.code ?? t('common.noCode')}</span>
          {hasChildren ? <span className="tree-count">{t('units.childCountShort', { count: number(unit.childCount) })}</span> : null}
        </span>
      </div>
      {open ? <Children parent={unit} asOf={asOf} /> : null}
    </li>
  );
}

function Children({ parent, asOf }: { parent: UnitSummary; asOf: string | undefined }) {
  const { t } = useI18n();
  const q = useUnits({ parentId: parent.id, asOf, limit: PAGE });
  if (q.isPending) return <Loading label={t('list.loading')} />;
  if (q.isError) return <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <p className="muted tree-empty">{t('units.emptyChildren')}</p>;
  return (
    <ul className="tree-group">
      {q.data.items.map((u) => (
        <TreeNode key={u.id} unit={u} asOf={asOf} />
      ))}
      <Overflow shown={q.data.items.length} total={q.data.total} />
    </ul>
  );
}

function Overflow({ shown, total }: { shown: number; total: number }) {
  const { t, number } = useI18n();
  if (total <= shown) return null;
  return <li className="muted tree-more">{t('list.tooMany', { shown: number(shown), total: number(total) })}</li>;
}
