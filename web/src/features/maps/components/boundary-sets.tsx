/** The uploaded boundary sets in the caller's scope, with activate / deactivate / delete from their abilities. */
import type { ReactNode } from 'react';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { QueryState } from '../../../components/query-state.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { useBoundarySets, useDeleteSet, useSetActive } from '../api/boundary-sets.js';

export function BoundarySets(): ReactNode {
  const { t, number } = useI18n();
  const query = useBoundarySets();
  const setActive = useSetActive();
  const remove = useDeleteSet();
  return (
    <section className="card map-panel" aria-labelledby="map-sets-title">
      <h2 id="map-sets-title">{t('map.sets.title')}</h2>
      {setActive.error ? <ErrorMessage error={setActive.error} /> : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<p className="muted">{t('map.sets.empty')}</p>}>
        {(d) => (
          <Table caption={t('map.sets.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('map.sets.name')}</th>
                <th scope="col">{t('map.sets.province')}</th>
                <th scope="col">{t('map.sets.years')}</th>
                <th scope="col">{t('map.sets.features')}</th>
                <th scope="col">{t('map.sets.size')}</th>
                <th scope="col">{t('map.sets.status')}</th>
                <th scope="col">{t('map.sets.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((s) => (
                <tr key={s.id}>
                  <Cell label={t('map.sets.name')}>
                    {s.name}
                    <span className="map-set-file">{s.fileName}</span>
                  </Cell>
                  <Cell label={t('map.sets.province')}>{s.province.name}</Cell>
                  <Cell label={t('map.sets.years')}>{s.yearTo === null ? t('map.sets.yearsOpen', { from: s.yearFrom }) : s.yearTo === s.yearFrom ? s.yearFrom : `${s.yearFrom}–${s.yearTo}`}</Cell>
                  <Cell label={t('map.sets.features')}>{number(s.featureCount)}</Cell>
                  <Cell label={t('map.sets.size')}>{number(Math.max(1, Math.round(s.payloadGzipBytes / 1024)))} KB</Cell>
                  <Cell label={t('map.sets.status')}>
                    <StatusBadge tone={s.isActive ? 'ok' : 'neutral'} icon={s.isActive ? '✓' : '–'}>
                      {t(s.isActive ? 'map.sets.active' : 'map.sets.inactive')}
                    </StatusBadge>
                  </Cell>
                  <Cell label={t('map.sets.actions')}>
                    <span className="map-actions">
                      {s.abilities.activate ? (
                        <Button size="small" busy={setActive.isPending && setActive.variables?.id === s.id} onClick={() => setActive.mutate({ id: s.id, active: true })}>
                          {t('map.sets.activate')}
                        </Button>
                      ) : null}
                      {s.abilities.deactivate ? (
                        <Button size="small" busy={setActive.isPending && setActive.variables?.id === s.id} onClick={() => setActive.mutate({ id: s.id, active: false })}>
                          {t('map.sets.deactivate')}
                        </Button>
                      ) : null}
                      {s.abilities.delete ? (
                        <Button
                          size="small"
                          variant="danger"
                          busy={remove.isPending && remove.variables === s.id}
                          onClick={() => {
                            if (window.confirm(t('map.sets.confirmDelete', { name: s.name }))) remove.mutate(s.id);
                          }}
                        >
                          {t('map.sets.delete')}
                        </Button>
                      ) : null}
                    </span>
                  </Cell>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </QueryState>
    </section>
  );
}
