/** Agencies as a dense table; names link to the agency's page. */
import { Link } from '@tanstack/react-router';
import type { Agency } from '../../../../../src/contracts/agencies.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { validityText } from '../../../lib/validity.js';

export function AgencyTable({ rows }: { rows: Agency[] }) {
  const { t, date } = useI18n();
  return (
    <Table caption={t('agencies.title')}>
      <thead>
        <tr>
          <th scope="col">{t('agencies.name')}</th>
          <th scope="col">{t('agencies.kind')}</th>
          <th scope="col">{t('agencies.unit')}</th>
          <th scope="col">{t('agencies.code')}</th>
          <th scope="col">{t('date.validity')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <Cell label={t('agencies.name')}>
              <Link to="/agencies/$id" params={{ id: a.id }}>
                {a.name}
              </Link>
              {a.shortName ? <span className="muted"> ({a.shortName})</span> : null}
              {a.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="info">{t('common.demo')}</StatusBadge>
                </>
              ) : null}
            </Cell>
            <Cell label={t('agencies.kind')}>{t(`agencyKind.${a.kind}`)}</Cell>
            <Cell label={t('agencies.unit')}>{a.unitName}</Cell>
            <Cell label={t('agencies.code')}>{a.code ?? t('common.none')}</Cell>
            <Cell label={t('date.validity')}>
              {a.validFrom || a.validTo
                ? validityText(a, t, date)
                : t('common.none')}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
