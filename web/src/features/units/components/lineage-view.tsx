/** The unit's lineage (GET /api/units/:id/lineage) as nested lists, oldest first. */
import { EmptyState } from '../../../components/empty-state.js';
import { QueryState } from '../../../components/query-state.js';
import { useI18n } from '../../../i18n/index.js';
import { useLineage } from '../api/get-lineage.js';
import { dateWhenValid, lineageOutline, nestOutline, type OutlineNode } from '../lineage.js';
import { UnitLink } from './unit-link.js';

export function LineageView({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const q = useLineage(unitId);
  return (
    <QueryState query={q} isEmpty={(d) => d.edges.length === 0} empty={<EmptyState>{t('unitPage.lineageEmpty')}</EmptyState>}>
      {(d) => <Nodes nodes={nestOutline(lineageOutline(d))} top />}
    </QueryState>
  );
}

function Nodes({ nodes, top }: { nodes: OutlineNode[]; top?: boolean }) {
  const { t, date } = useI18n();
  return (
    <ul className={top ? 'lineage' : 'lineage-group'}>
      {nodes.map(({ row: r, children }, i) => (
        <li key={`${r.unit.id}-${i}`} className={r.current ? 'is-current' : undefined}>
          <div className="lineage-row">
            {r.via ? (
              <span className="lineage-edge">
                <span aria-hidden="true">↳ </span>
                {t('unitPage.lineageEdge', { kind: t(`succession.${r.via.kind}`), date: date(r.via.effectiveDate) })}
                {r.via.legalBasis ? ` (${r.via.legalBasis})` : ''}:{' '}
              </span>
            ) : null}
            {r.current ? (
              <strong>
                {r.unit.name} <span className="muted">{t('unitPage.thisUnit')}</span>
              </strong>
            ) : (
              <UnitLink id={r.unit.id} asOf={dateWhenValid(r.unit)}>
                {r.unit.name}
              </UnitLink>
            )}{' '}
            <span className="muted">
              {r.unit.type} · {r.unit.code ?? t('common.noCode')}
              {r.repeat && !r.current ? ` ${t('unitPage.lineageRepeat')}` : ''}
            </span>
          </div>
          {children.length > 0 ? <Nodes nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}
