/** Search results over units (the server ignores diacritics), as a dense table. */
import { Cell, Table } from '../../../components/table.js';
import { EmptyState } from '../../../components/empty-state.js';
import { QueryState } from '../../../components/query-state.js';
import { useI18n } from '../../../i18n/index.js';
import { useUnits } from '../api/list-units.js';
import { validityText } from '../labels.js';
import { UnitLink } from './unit-link.js';

export function UnitSearchResults({ q, asOf, today }: { q: string; asOf: string | undefined; today: string }) {
  const { t, date, number } = useI18n();
  const query = useUnits({ q, asOf, limit: 100 });
  return (
    <QueryState
      query={query}
      loadingLabel={t('list.loading')}
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState>{t('units.emptySearch', { q, date: date(asOf ?? today) })}</EmptyState>}
    >
      {(d) => (
        <>
          <p className="list-count" aria-live="polite">
            {t('list.total', { total: number(d.total) })}
          </p>
          <Table caption={t('units.searchResults')}>
            <thead>
              <tr>
                <th scope="col">{t('unit.name')}</th>
                <th scope="col">{t('unit.code')}</th>
                <th scope="col">{t('unit.type')}</th>
                <th scope="col">{t('unit.parent')}</th>
                <th scope="col">{t('date.validity')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((u) => (
                <tr key={u.id}>
                  <Cell label={t('unit.name')}>
                    <UnitLink id={u.id} asOf={asOf}>
                      {u.name}
                    </UnitLink>
                  </Cell>
                  <Cell label={t('unit.code')}>{u.code ?? <span className="muted">{t('common.noCode')}</span>}</Cell>
                  <Cell label={t('unit.type')}>
                    {u.type} · {t(`unit.level.${u.level}`)}
                  </Cell>
                  <Cell label={t('unit.parent')}>{u.parentName ?? t('common.none')}</Cell>
                  <Cell label={t('date.validity')}>{validityText(u, t, date)}</Cell>
                </tr>
              ))}
            </tbody>
          </Table>
          {d.total > d.items.length ? <p className="muted">{t('list.tooMany', { shown: number(d.items.length), total: number(d.total) })}</p> : null}
        </>
      )}
    </QueryState>
  );
}
