/**
 * The communes of a target list: criteria met and missing, helper agency, open obstacles, last visit, the annual plan's
 * progress, and the risk badge with its reasons under "Vì sao có nguy cơ" (a native disclosure).
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TargetRow } from '../../../../../src/contracts/plans.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { reasonText, riskLook } from '../labels.js';

interface Props {
  rows: TargetRow[];
  year: number;
  /** A remove button per row (the steering office, while the list is a draft). */
  onRemove?: ((row: TargetRow) => void) | undefined;
  removing?: string | null;
}

export function TargetRows({ rows, year, onRemove, removing }: Props): ReactNode {
  const { t, date, number } = useI18n();
  return (
    <Table caption={t('pl.list.caption', { year })}>
      <thead>
        <tr>
          <th scope="col">{t('pl.col.commune')}</th>
          <th scope="col">{t('pl.col.level')}</th>
          <th scope="col">{t('pl.col.criteria')}</th>
          <th scope="col">{t('pl.col.missing')}</th>
          <th scope="col">{t('pl.col.helper')}</th>
          <th scope="col">{t('pl.col.obstacles')}</th>
          <th scope="col">{t('pl.col.lastVisit')}</th>
          <th scope="col">{t('pl.col.plan')}</th>
          <th scope="col">{t('pl.col.risk')}</th>
          {onRemove ? <th scope="col">{t('pl.task.col.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const look = riskLook(r);
          const helpers = r.documentHelper ? [r.documentHelper, ...r.helpers.filter((h) => h.id !== r.documentHelper!.id)] : r.helpers;
          return (
            <tr key={r.unit.id} data-unit={r.unit.name}>
              <Cell label={t('pl.col.commune')}>
                <Link to="/communes/$unitId" params={{ unitId: r.unit.id }} search={{ year }}>
                  {r.unit.name}
                </Link>
                {r.unit.parentName ? <span className="muted small"> · {r.unit.parentName}</span> : null}
                {r.note ? <p className="small muted">{r.note}</p> : null}
              </Cell>
              <Cell label={t('pl.col.level')}>{t(`pl.level.${r.targetLevel}`)}</Cell>
              <Cell label={t('pl.col.criteria')}>
                {r.status ? (
                  <>
                    <strong>{t('pl.criteriaValue', { met: number(r.status.criteriaMet), applicable: number(r.status.criteriaApplicable) })}</strong>{' '}
                    <span className="muted small">{t('pl.statusYear', { year: r.status.year })}</span>
                  </>
                ) : (
                  <span className="muted">{t('pl.noStatus')}</span>
                )}
              </Cell>
              <Cell label={t('pl.col.missing')}>{r.status ? (r.status.missing.length ? r.status.missing.join(', ') : t('pl.none')) : '—'}</Cell>
              <Cell label={t('pl.col.helper')}>{helpers.length ? helpers.map((h) => h.name).join('; ') : <span className="muted">{t('pl.noHelper')}</span>}</Cell>
              <Cell label={t('pl.col.obstacles')}>
                {r.openObstacles ? t('pl.obstacles', { open: number(r.openObstacles), overdue: number(r.overdueObstacles) }) : t('pl.none')}
              </Cell>
              <Cell label={t('pl.col.lastVisit')}>{r.lastVisit ? date(r.lastVisit) : <span className="muted">{t('pl.never')}</span>}</Cell>
              <Cell label={t('pl.col.plan')}>
                {r.plan ? (
                  <Link to="/plans/$id" params={{ id: r.plan.id }}>
                    {r.plan.tasks ? t('pl.planProgress', { pct: number(r.plan.percentDone ?? 0) }) : t('pl.planNoTasks')}
                  </Link>
                ) : (
                  <span className="muted">{t('pl.noPlan')}</span>
                )}
              </Cell>
              <Cell label={t('pl.col.risk')}>
                <StatusBadge tone={look.tone} icon={look.icon}>
                  {t(look.label)}
                </StatusBadge>
                {r.atRisk && r.reasons.length ? (
                  <details className="pl-why">
                    <summary>{t('pl.why')}</summary>
                    <ul className="small">
                      {r.reasons.map((x) => (
                        <li key={x.code}>{reasonText(x, t, date, number)}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </Cell>
              {onRemove ? (
                <Cell label={t('pl.task.col.actions')}>
                  <button
                    type="button"
                    className="btn btn-quiet btn-small"
                    aria-label={t('pl.list.remove', { name: r.unit.name })}
                    disabled={removing === r.unit.id}
                    onClick={() => onRemove(r)}
                  >
                    ✕
                  </button>
                </Cell>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
