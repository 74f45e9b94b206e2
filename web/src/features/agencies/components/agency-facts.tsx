/** An agency's details as a definition list. */
import type { Agency } from '../../../../../src/contracts/agencies.js';
import { useI18n } from '../../../i18n/index.js';
import { validityText } from '../../../lib/validity.js';

export function AgencyFacts({ agency: a }: { agency: Agency }) {
  const { t, date } = useI18n();
  const rows: [string, string][] = [
    [t('agencies.kind'), t(`agencyKind.${a.kind}`)],
    [t('agencies.shortName'), a.shortName ?? t('common.none')],
    [t('agencies.code'), a.code ?? t('common.none')],
    [t('agencies.unit'), a.unitName],
    [
      t('date.validity'),
      validityText(a, t, date),
    ],
    [t('agencies.sourceNote'), a.sourceNote ?? t('common.none')],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v], i) => (
        <div key={k} className={i === rows.length - 1 ? 'facts-wide' : undefined}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
