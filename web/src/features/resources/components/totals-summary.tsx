/** The overall figures of a totals answer: entries, planned, allocated, disbursed, rate, labour days, land. */
import type { ResourceAmounts } from '../../../../../src/contracts/resources.js';
import '../../../i18n/parts/resources.vi.js';
import { useI18n } from '../../../i18n/index.js';
import { formatVnd } from '../../../lib/format.js';
import { formatQuantity, formatRate, formatVndShort } from '../money.js';

export function TotalsSummary({ total, label }: { total: ResourceAmounts; label: string }) {
  const { t, lang, number } = useI18n();
  const money = (n: number) => (
    <>
      <span className="res-full">{formatVnd(n, lang)}</span>
      {n >= 1_000_000 ? <span className="res-short">{formatVndShort(n, lang)}</span> : null}
    </>
  );
  return (
    <dl className="res-summary" aria-label={label}>
      <div>
        <dt>{t('res.entries')}</dt>
        <dd>{number(total.entries)}</dd>
      </div>
      <div>
        <dt>{t('res.planned')}</dt>
        <dd>{money(total.plannedVnd)}</dd>
      </div>
      <div>
        <dt>{t('res.allocated')}</dt>
        <dd>{money(total.allocatedVnd)}</dd>
      </div>
      <div>
        <dt>{t('res.disbursed')}</dt>
        <dd>{money(total.disbursedVnd)}</dd>
      </div>
      <div>
        <dt>{t('res.rate')}</dt>
        <dd>{formatRate(total.disbursementRate, lang)}</dd>
      </div>
      {total.labourDays > 0 ? (
        <div>
          <dt>{t('res.labourDays')}</dt>
          <dd>{formatQuantity(total.labourDays, lang)}</dd>
        </div>
      ) : null}
      {total.landM2 > 0 ? (
        <div>
          <dt>{t('res.landM2')}</dt>
          <dd>{formatQuantity(total.landM2, lang)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
