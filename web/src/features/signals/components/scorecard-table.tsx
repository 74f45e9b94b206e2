/** Agency scorecards over a period; every number links to the list of the rows behind it. */
import { Link } from '@tanstack/react-router';
import type { Scorecard, ScorecardsResponse } from '../../../../../src/contracts/assistance.js';
import { EmptyState } from '../../../components/empty-state.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { formatNumber, formatVnd } from '../../../lib/format.js';
import { rowsLink } from '../links.js';

type LinkKey = keyof Scorecard['links'];
const what: Record<LinkKey, 'sig.sc.what.communes' | 'sig.sc.what.visits' | 'sig.sc.what.activities' | 'sig.sc.what.obstacles'> = {
  communes: 'sig.sc.what.communes',
  visits: 'sig.sc.what.visits',
  activities: 'sig.sc.what.activities',
  obstaclesResolved: 'sig.sc.what.obstacles',
};

function NumberLink({ s, k, value }: { s: Scorecard; k: LinkKey; value: number }) {
  const { t, number } = useI18n();
  const l = rowsLink(s.links[k]);
  const text = number(value);
  if (!l) return <>{text}</>;
  return (
    <Link to={l.to} search={l.search} aria-label={t('sig.sc.link', { value: text, what: t(what[k]), agency: s.agency.name })}>
      {text}
    </Link>
  );
}

export function ScorecardTable({ data }: { data: ScorecardsResponse }) {
  const { t, lang, number } = useI18n();
  if (data.items.length === 0) return <EmptyState>{t('sig.sc.empty')}</EmptyState>;
  return (
    <Table caption={t('sig.scorecards')}>
      <thead>
        <tr>
          <th scope="col">{t('sig.sc.agency')}</th>
          <th scope="col" className="num">{t('sig.sc.communes')}</th>
          <th scope="col" className="num">{t('sig.sc.visits')}</th>
          <th scope="col" className="num">{t('sig.sc.perMonth')}</th>
          <th scope="col" className="num">{t('sig.sc.activities')}</th>
          <th scope="col" className="num">{t('sig.sc.followUps')}</th>
          <th scope="col" className="num">{t('sig.sc.obstacles')}</th>
          <th scope="col" className="num">{t('sig.sc.median')}</th>
          <th scope="col" className="num">{t('sig.sc.support')}</th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((s) => (
          <tr key={s.agency.id} data-agency={s.agency.name}>
            <th scope="row" data-label={t('sig.sc.agency')}>
              <Link to="/agencies/$id" params={{ id: s.agency.id }}>
                {s.agency.name}
              </Link>
            </th>
            <Cell label={t('sig.sc.communes')} className="num">
              <NumberLink s={s} k="communes" value={s.communesHelped} />
            </Cell>
            <Cell label={t('sig.sc.visits')} className="num">
              <NumberLink s={s} k="visits" value={s.visits} />
            </Cell>
            <Cell label={t('sig.sc.perMonth')} className="num">
              {formatNumber(s.visitsPerMonth, lang, { maximumFractionDigits: 1 })}
            </Cell>
            <Cell label={t('sig.sc.activities')} className="num">
              <NumberLink s={s} k="activities" value={s.activities} />
            </Cell>
            <Cell label={t('sig.sc.followUps')} className="num">
              {`${number(s.followUpsClosed)}/${number(s.followUps)}`}
            </Cell>
            <Cell label={t('sig.sc.obstacles')} className="num">
              <NumberLink s={s} k="obstaclesResolved" value={s.obstaclesResolved} />
            </Cell>
            <Cell label={t('sig.sc.median')} className="num">
              {s.medianDaysToResolve === null ? t('common.none') : formatNumber(s.medianDaysToResolve, lang, { maximumFractionDigits: 1 })}
            </Cell>
            <Cell label={t('sig.sc.support')} className="num">
              {formatVnd(s.supportValueVnd, lang)}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
