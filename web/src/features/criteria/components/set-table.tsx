/** The catalog: sets and their versions as a dense table (cards on phones). */
import type { SetSummary } from '../../../../../src/contracts/criteria.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { levelLabel, setValidityText } from '../labels.js';
import { SetKind, SetStatsBadges, SetStatusBadges } from './badges.js';
import { SetLink } from './set-link.js';

export function SetTable({ sets, caption }: { sets: SetSummary[]; caption: string }) {
  const { t, date } = useI18n();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('criteria.set.name')}</th>
          <th scope="col">{t('criteria.set.level')}</th>
          <th scope="col">{t('criteria.set.legalBasis')}</th>
          <th scope="col">{t('date.validity')}</th>
          <th scope="col">{t('criteria.set.status')}</th>
          <th scope="col">{t('criteria.set.targets')}</th>
        </tr>
      </thead>
      <tbody>
        {sets.map((s) => (
          <tr key={s.id}>
            <Cell label={t('criteria.set.name')}>
              <SetLink id={s.id} className="set-name">
                {s.name}
              </SetLink>
              <span className="set-meta">
                <code>{s.code}</code> · {t('criteria.set.versionN', { version: s.version })} · <SetKind set={s} />
              </span>
            </Cell>
            <Cell label={t('criteria.set.level')}>{t(levelLabel(s.level))}</Cell>
            <Cell label={t('criteria.set.legalBasis')}>{s.legalBasis}</Cell>
            <Cell label={t('date.validity')}>{setValidityText(s, t, date)}</Cell>
            <Cell label={t('criteria.set.status')}>
              <SetStatusBadges set={s} />
            </Cell>
            <Cell label={t('criteria.set.targets')}>
              <SetStatsBadges stats={s.stats} />
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
