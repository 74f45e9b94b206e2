/** Totals by unit, source, component or year, each row a button that drills down to its entries. */
import type { ResourceTotalsResponse, ResourceTotalsRow } from '../../../../../src/contracts/resources.js';
import { Cell, Table } from '../../../components/table.js';
import '../../../i18n/parts/resources.vi.js';
import { useI18n } from '../../../i18n/index.js';
import { Button } from '../../../components/button.js';
import { formatQuantity, formatRate } from '../money.js';
import { Amount } from './amount.js';

/** What a row means in words (the commune, the source, the component, the year). */
export function useRowLabel() {
  const { t } = useI18n();
  return (r: ResourceTotalsRow): string => {
    if (r.unit) return r.unit.name;
    if (r.source) return t(`res.source.${r.source}`);
    if (r.component) return `${r.component.programme.shortName} — ${r.component.name}`;
    if (r.year !== null) return String(r.year);
    return t('res.noComponent');
  };
}

export function TotalsTable({ data, onDrill }: { data: ResourceTotalsResponse; onDrill: (row: ResourceTotalsRow) => void }) {
  const { t, lang, number } = useI18n();
  const label = useRowLabel();
  const by = t(`res.groupBy.${data.groupBy}`);
  const showLabour = data.total.labourDays > 0;
  const showLand = data.total.landM2 > 0;
  return (
    <Table caption={t('res.totalsCaption', { by: by.toLowerCase() })}>
      <thead>
        <tr>
          <th scope="col">{by}</th>
          <th scope="col" className="res-num">{t('res.entries')}</th>
          <th scope="col" className="res-num">{t('res.planned')}</th>
          <th scope="col" className="res-num">{t('res.allocated')}</th>
          <th scope="col" className="res-num">{t('res.disbursed')}</th>
          <th scope="col" className="res-num">{t('res.rate')}</th>
          {showLabour ? <th scope="col" className="res-num">{t('res.labourDays')}</th> : null}
          {showLand ? <th scope="col" className="res-num">{t('res.landM2')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.key}>
            <Cell label={by}>
              <Button size="small" variant="quiet" onClick={() => onDrill(r)} aria-label={t('res.viewEntriesOf', { name: label(r) })}>
                {label(r)}
              </Button>
              {r.unit && r.unit.predecessors > 0 ? <span className="res-short">{t('res.predecessors', { count: number(r.unit.predecessors) })}</span> : null}
            </Cell>
            <Cell label={t('res.entries')} className="res-num">{number(r.entries)}</Cell>
            <Cell label={t('res.planned')} className="res-num"><Amount vnd={r.plannedVnd} /></Cell>
            <Cell label={t('res.allocated')} className="res-num"><Amount vnd={r.allocatedVnd} /></Cell>
            <Cell label={t('res.disbursed')} className="res-num"><Amount vnd={r.disbursedVnd} /></Cell>
            <Cell label={t('res.rate')} className="res-num">{formatRate(r.disbursementRate, lang)}</Cell>
            {showLabour ? <Cell label={t('res.labourDays')} className="res-num">{formatQuantity(r.labourDays, lang)}</Cell> : null}
            {showLand ? <Cell label={t('res.landM2')} className="res-num">{formatQuantity(r.landM2, lang)}</Cell> : null}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="res-total-row">
          <th scope="row">{t('res.total')}</th>
          <Cell label={t('res.entries')} className="res-num">{number(data.total.entries)}</Cell>
          <Cell label={t('res.planned')} className="res-num"><Amount vnd={data.total.plannedVnd} /></Cell>
          <Cell label={t('res.allocated')} className="res-num"><Amount vnd={data.total.allocatedVnd} /></Cell>
          <Cell label={t('res.disbursed')} className="res-num"><Amount vnd={data.total.disbursedVnd} /></Cell>
          <Cell label={t('res.rate')} className="res-num">{formatRate(data.total.disbursementRate, lang)}</Cell>
          {showLabour ? <Cell label={t('res.labourDays')} className="res-num">{formatQuantity(data.total.labourDays, lang)}</Cell> : null}
          {showLand ? <Cell label={t('res.landM2')} className="res-num">{formatQuantity(data.total.landM2, lang)}</Cell> : null}
        </tr>
      </tfoot>
    </Table>
  );
}
