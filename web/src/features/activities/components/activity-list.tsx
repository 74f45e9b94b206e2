/** Activities as a list of cards: date, kind, commune, agency, content, support value, follow-ups, photos. */
import { Link } from '@tanstack/react-router';
import type { Activity } from '../../../../../src/contracts/assistance.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';
import { formatVnd } from '../../../lib/format.js';
import { kindIcon } from '../labels.js';

export function KindBadge({ kind }: { kind: Activity['kind'] }) {
  const { t } = useI18n();
  return (
    <StatusBadge tone="info" icon={kindIcon[kind]}>
      {t(`act.kind.${kind}`)}
    </StatusBadge>
  );
}

export function ActivityList({ rows, label, showUnit = true }: { rows: Activity[]; label: string; showUnit?: boolean }) {
  const { t, date, lang } = useI18n();
  return (
    <ul className="card-list" aria-label={label}>
      {rows.map((a) => {
        const open = a.followUps.filter((f) => f.status === 'open');
        const overdue = open.filter((f) => f.overdue).length;
        return (
          <li key={a.id} className="card item-card">
            <p className="item-meta">
              <span className="item-date">{date(a.date)}</span> <KindBadge kind={a.kind} />
              {a.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="demo">{t('assist.demo')}</StatusBadge>
                </>
              ) : null}
            </p>
            <h3 className="item-title">
              <Link to="/activities/$id" params={{ id: a.id }} aria-label={t('act.open', { kind: t(`act.kind.${a.kind}`), date: date(a.date), unit: a.unit.name })}>
                {showUnit ? `${a.unit.name} — ` : ''}
                {a.agency.name}
              </Link>
            </h3>
            <p className="item-text">{a.content}</p>
            <p className="item-facts">
              {a.supportValueVnd !== null ? <span>{`${t('act.supportValue')}: ${formatVnd(a.supportValueVnd, lang)}`}</span> : null}
              {a.criteria.length ? <span>{`${t('act.criteria')}: ${a.criteria.join(', ')}`}</span> : null}
              {a.files.length ? (
                <span>
                  <span aria-hidden="true">⎘ </span>
                  {`${t('act.files')}: ${a.files.length}`}
                </span>
              ) : null}
              {open.length ? (
                <span>
                  {t('act.followUpsOpen', { count: open.length })}
                  {overdue ? (
                    <>
                      {' '}
                      <StatusBadge tone="bad" icon="⏰">
                        {`${t('act.fu.overdue')}: ${overdue}`}
                      </StatusBadge>
                    </>
                  ) : null}
                </span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
