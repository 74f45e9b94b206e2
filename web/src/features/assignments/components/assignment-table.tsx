/** Assignments as a table (cards on phones): agency, commune, period, legal basis, leader, team and state. */
import { Link } from '@tanstack/react-router';
import type { Assignment } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { lastValidDay } from '../../../lib/format.js';
import { assignmentState } from '../labels.js';

interface Props {
  rows: Assignment[];
  caption: string;
  today: string;
  showUnit?: boolean;
  showAgency?: boolean;
  onEnd?: (a: Assignment) => void;
  onReplace?: (a: Assignment) => void;
}

export function AssignmentPeriod({ a }: { a: Pick<Assignment, 'validFrom' | 'validTo'> }) {
  const { t, date } = useI18n();
  return <>{a.validTo ? t('assign.periodClosed', { from: date(a.validFrom), to: date(lastValidDay(a.validTo)) }) : t('assign.periodOpen', { from: date(a.validFrom) })}</>;
}

export function AssignmentStateBadge({ a, today }: { a: Assignment; today: string }) {
  const { t } = useI18n();
  const s = assignmentState(a, today);
  return (
    <StatusBadge tone={s === 'current' ? 'ok' : s === 'upcoming' ? 'info' : 'neutral'} icon={s === 'current' ? '✓' : s === 'upcoming' ? '…' : '–'}>
      {t(`assign.status.${s}`)}
    </StatusBadge>
  );
}

export function AssignmentTable({ rows, caption, today, showUnit = true, showAgency = true, onEnd, onReplace }: Props) {
  const { t, date } = useI18n();
  const actions = Boolean(onEnd || onReplace) && rows.some((a) => a.abilities.canEnd || a.abilities.canReplace);
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {showAgency ? <th scope="col">{t('assign.agency')}</th> : null}
          {showUnit ? <th scope="col">{t('assign.commune')}</th> : null}
          <th scope="col">{t('assign.period')}</th>
          <th scope="col">{t('assign.legalBasis')}</th>
          <th scope="col">{t('assign.leader')}</th>
          <th scope="col">{t('assign.team')}</th>
          <th scope="col">{t('obs.status')}</th>
          {actions ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            {showAgency ? (
              <Cell label={t('assign.agency')}>
                <Link to="/agencies/$id" params={{ id: a.agency.id }}>
                  {a.agency.name}
                </Link>
              </Cell>
            ) : null}
            {showUnit ? (
              <Cell label={t('assign.commune')}>
                <Link to="/units/$id" params={{ id: a.unit.id }} search={{ asOf: a.unit.validTo ? a.validFrom : undefined }}>
                  {a.unit.name}
                </Link>
              </Cell>
            ) : null}
            <Cell label={t('assign.period')}>
              <AssignmentPeriod a={a} />
              {a.viaPredecessor ? <p className="muted small">{t('assign.viaPredecessor', { name: a.unit.name })}</p> : null}
            </Cell>
            <Cell label={t('assign.legalBasis')}>{t('assign.legalBasisOn', { doc: a.legalBasisDoc, date: date(a.legalBasisDate) })}</Cell>
            <Cell label={t('assign.leader')}>{a.leaderName}</Cell>
            <Cell label={t('assign.team')}>
              {a.team.length === 0 ? (
                <span className="muted">{t('common.none')}</span>
              ) : (
                <ul className="plain-list">
                  {a.team.map((m) => (
                    <li key={m.id}>
                      {m.name} <span className="muted">({m.role})</span>
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
            <Cell label={t('obs.status')}>
              <AssignmentStateBadge a={a} today={today} />
              {a.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="demo">{t('assist.demo')}</StatusBadge>
                </>
              ) : null}
            </Cell>
            {actions ? (
              <Cell label={t('common.actions')}>
                <div className="row-actions">
                  {a.abilities.canReplace && onReplace ? (
                    <Button size="small" onClick={() => onReplace(a)} aria-label={`${t('assign.replace')}: ${a.agency.name} — ${a.unit.name}`}>
                      {t('assign.replace')}
                    </Button>
                  ) : null}
                  {a.abilities.canEnd && onEnd ? (
                    <Button size="small" onClick={() => onEnd(a)} aria-label={`${t('assign.end')}: ${a.agency.name} — ${a.unit.name}`}>
                      {t('assign.end')}
                    </Button>
                  ) : null}
                </div>
              </Cell>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
