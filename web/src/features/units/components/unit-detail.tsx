/** The parts of a unit's page: facts, ancestors, attributes, children, predecessors and successors. */
import type { SuccessionLink, UnitAttribute, UnitDetail } from '../../../../../src/contracts/units.js';
import { EmptyState } from '../../../components/empty-state.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { attributeValueText, validityText } from '../labels.js';
import { predecessorAsOf, successorAsOf } from '../lineage.js';
import { UnitLink } from './unit-link.js';

/** The path from the top of the tree down to this unit. */
export function UnitBreadcrumb({ unit, asOf }: { unit: UnitDetail; asOf: string | undefined }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('unit.ancestors')} className="breadcrumb">
      <ol>
        {unit.ancestors.map((a) => (
          <li key={a.id}>
            <UnitLink id={a.id} asOf={asOf}>
              {a.name}
            </UnitLink>
          </li>
        ))}
        <li aria-current="page">{unit.name}</li>
      </ol>
    </nav>
  );
}

export function UnitFacts({ unit }: { unit: UnitDetail }) {
  const { t, date } = useI18n();
  return (
    <dl className="facts">
      <div>
        <dt>{t('unit.code')}</dt>
        <dd>{unit.code ?? <span className="muted">{t('common.noCode')}</span>}</dd>
      </div>
      <div>
        <dt>{t('unit.level')}</dt>
        <dd>
          {t(`unit.level.${unit.level}`)} · {unit.type}
        </dd>
      </div>
      <div>
        <dt>{t('unitPage.validity')}</dt>
        <dd>
          {unit.validTo ? <StatusBadge tone="neutral">{t('status.ended')}</StatusBadge> : <StatusBadge tone="ok">{t('status.current')}</StatusBadge>}{' '}
          {validityText(unit, t, date)}
        </dd>
      </div>
      <div>
        <dt>{t('unit.parent')}</dt>
        <dd>{unit.parentName ?? t('common.none')}</dd>
      </div>
      {unit.sourceNote ? (
        <div className="facts-wide">
          <dt>{t('unit.sourceNote')}</dt>
          <dd>{unit.sourceNote}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Attributes as a table; `history` adds who set them and when. */
export function AttributeTable({ rows, caption, history }: { rows: UnitAttribute[]; caption: string; history?: boolean }) {
  const { t, date, dateTime } = useI18n();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('unitPage.attrKey')}</th>
          <th scope="col">{t('unitPage.attrValue')}</th>
          <th scope="col">{t('date.validity')}</th>
          <th scope="col">{t('unitPage.legalBasis')}</th>
          {history ? <th scope="col">{t('unitPage.setBy')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <Cell label={t('unitPage.attrKey')}>{t(`attr.${a.key}`)}</Cell>
            <Cell label={t('unitPage.attrValue')}>{attributeValueText(a.key, a.value, t)}</Cell>
            <Cell label={t('date.validity')}>{validityText(a, t, date)}</Cell>
            <Cell label={t('unitPage.legalBasis')}>{a.legalBasis ?? t('common.none')}</Cell>
            {history ? (
              <Cell label={t('unitPage.setBy')}>
                {a.setBy ?? t('common.none')}
                <br />
                <span className="muted">{dateTime(a.setAt)}</span>
              </Cell>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Predecessors or successors, each linking to that unit at a date when it existed. */
export function SuccessionTable({ links, direction, empty }: { links: SuccessionLink[]; direction: 'predecessor' | 'successor'; empty: string }) {
  const { t, date } = useI18n();
  if (links.length === 0) return <EmptyState>{empty}</EmptyState>;
  const caption = t(direction === 'predecessor' ? 'unitPage.predecessors' : 'unitPage.successors');
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('unit.name')}</th>
          <th scope="col">{t('unitPage.successionKind')}</th>
          <th scope="col">{t('unitPage.successionDate')}</th>
          <th scope="col">{t('unitPage.legalBasis')}</th>
        </tr>
      </thead>
      <tbody>
        {links.map((l) => (
          <tr key={`${l.unit.id}-${l.effectiveDate}`}>
            <Cell label={t('unit.name')}>
              <UnitLink id={l.unit.id} asOf={direction === 'predecessor' ? predecessorAsOf(l) : successorAsOf(l)}>
                {l.unit.name}
              </UnitLink>{' '}
              <span className="muted">({l.unit.code ?? t('common.noCode')})</span>
            </Cell>
            <Cell label={t('unitPage.successionKind')}>{t(`succession.${l.kind}`)}</Cell>
            <Cell label={t('unitPage.successionDate')}>{date(l.effectiveDate)}</Cell>
            <Cell label={t('unitPage.legalBasis')}>{l.legalBasis ?? t('common.none')}</Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function ChildrenList({ unit, asOf }: { unit: UnitDetail; asOf: string | undefined }) {
  const { t } = useI18n();
  if (unit.children.length === 0) return <EmptyState>{t('unitPage.childrenEmpty')}</EmptyState>;
  return (
    <ul className="link-columns">
      {unit.children.map((c) => (
        <li key={c.id}>
          <UnitLink id={c.id} asOf={asOf}>
            {c.name}
          </UnitLink>{' '}
          <span className="muted">
            {c.type} · {c.code ?? t('common.noCode')}
          </span>
        </li>
      ))}
    </ul>
  );
}
