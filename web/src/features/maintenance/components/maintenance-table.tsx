/**
 * The yearly maintenance review: recognised communes sorted by risk (revocation first), each with its latest
 * appraised result, the criteria it no longer keeps, the trend against the year before and a link to its profile.
 */
import { Link } from '@tanstack/react-router';
import type { MaintenanceRow } from '../../../../../src/contracts/assessments.js';
import { StatusBadge, type StatusTone } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n, type MessageKey } from '../../../i18n/index.js';

export const riskLook: Record<MaintenanceRow['risk'], { tone: StatusTone; icon: string; label: MessageKey }> = {
  revocation: { tone: 'bad', icon: '✕', label: 'mnt.risk.revocation' },
  possible_revocation: { tone: 'bad', icon: '!', label: 'mnt.risk.possible_revocation' },
  criteria_lost: { tone: 'warn', icon: '↓', label: 'mnt.risk.criteria_lost' },
  no_assessment: { tone: 'info', icon: '?', label: 'mnt.risk.no_assessment' },
  kept: { tone: 'ok', icon: '✓', label: 'mnt.risk.kept' },
};

export function MaintenanceTable({ rows, year }: { rows: MaintenanceRow[]; year: number }) {
  const { t, number } = useI18n();
  const sorted = [...rows].sort((a, b) => b.riskScore - a.riskScore || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return (
    <Table caption={t('mnt.caption', { year })}>
      <thead>
        <tr>
          <th scope="col">{t('mnt.col.commune')}</th>
          <th scope="col">{t('mnt.col.risk')}</th>
          <th scope="col">{t('mnt.col.recognition')}</th>
          <th scope="col">{t('mnt.col.met')}</th>
          <th scope="col">{t('mnt.col.lost')}</th>
          <th scope="col">{t('mnt.col.trend')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => {
          const look = riskLook[r.risk];
          return (
            <tr key={r.unit.id} data-unit={r.unit.name}>
              <Cell label={t('mnt.col.commune')}>
                <Link to="/communes/$unitId" params={{ unitId: r.unit.id }} search={{ year }}>
                  {r.unit.name}
                </Link>
              </Cell>
              <Cell label={t('mnt.col.risk')}>
                <StatusBadge tone={look.tone} icon={look.icon}>
                  {t(look.label)}
                </StatusBadge>
                {r.revocation?.why ? <p className="small">{r.revocation.why}</p> : null}
              </Cell>
              <Cell label={t('mnt.col.recognition')}>
                {r.basis === 'predecessors' && r.predecessors ? (
                  <>
                    <StatusBadge tone="warn" icon="!">
                      {t('mnt.needsDecision')}
                    </StatusBadge>
                    <p className="small">{t('mnt.basisPredecessors', { recognised: r.predecessors.recognised, total: r.predecessors.total })}</p>
                    <ul className="small plain-list">
                      {r.predecessors.recognitions.map((p) => (
                        <li key={p.id}>
                          {p.unit.name}: {t(`criteria.level.${p.level}`)}, {p.year}
                          {p.decisionNo ? <span className="muted"> · {p.decisionNo}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <>
                    {t(`criteria.level.${r.recognition.level}`)}, {r.recognition.year}
                    {r.recognition.decisionNo ? <span className="muted small"> · {r.recognition.decisionNo}</span> : null}
                  </>
                )}
              </Cell>
              <Cell label={t('mnt.col.met')}>
                {r.criteriaMet !== null && r.criteriaApplicable !== null ? (
                  <>
                    {t('asm.criteriaMetValue', { met: number(r.criteriaMet), applicable: number(r.criteriaApplicable) })}
                    {r.assessment ? <span className="muted small"> ({r.assessment.year})</span> : null}
                  </>
                ) : (
                  <span className="muted">{t('mnt.noResult')}</span>
                )}
              </Cell>
              <Cell label={t('mnt.col.lost')}>{r.criteriaLost.length ? r.criteriaLost.join(', ') : <span className="muted">—</span>}</Cell>
              <Cell label={t('mnt.col.trend')}>
                {r.trend ? (
                  <span>
                    <span aria-hidden="true">{r.trend.delta > 0 ? '▲ ' : r.trend.delta < 0 ? '▼ ' : '= '}</span>
                    {t('mnt.trend', { delta: r.trend.delta > 0 ? `+${r.trend.delta}` : String(r.trend.delta), year: r.trend.previousYear, met: r.trend.previousMet })}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </Cell>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
