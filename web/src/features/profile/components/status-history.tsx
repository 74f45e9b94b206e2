/** The commune's status year by year, its predecessors' years included (marked), with a link to each assessment. */
import { Link } from '@tanstack/react-router';
import type { CommuneProfile } from '../../../../../src/contracts/assessments.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';

export function StatusHistory({ rows }: { rows: CommuneProfile['history'] }) {
  const { t, number } = useI18n();
  const sorted = [...rows].sort((a, b) => b.year - a.year || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return (
    <Table caption={t('prof.history')}>
      <thead>
        <tr>
          <th scope="col">{t('rec.year')}</th>
          <th scope="col">{t('rec.unit')}</th>
          <th scope="col">{t('asm.criteriaMet')}</th>
          <th scope="col">{t('prof.result')}</th>
          <th scope="col">{t('prof.basis')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((h) => (
          <tr key={`${h.unit.id}-${h.year}-${h.setId}`}>
            <Cell label={t('rec.year')}>
              {h.assessmentId ? (
                <Link to="/assessments/$id" params={{ id: h.assessmentId }}>
                  {h.year}
                </Link>
              ) : (
                h.year
              )}
            </Cell>
            <Cell label={t('rec.unit')}>
              {h.unit.name}
              {h.viaPredecessor ? <span className="muted small"> {t('rec.viaPredecessor')}</span> : null}
            </Cell>
            <Cell label={t('asm.criteriaMet')}>
              {t('asm.criteriaMetValue', { met: number(h.criteriaMet), applicable: number(h.criteriaApplicable) })} <span className="muted small">({h.setCode})</span>
            </Cell>
            <Cell label={t('prof.result')}>
              {h.meetsStandard ? <StatusBadge tone="ok">{t('asm.meetsStandard')}</StatusBadge> : <StatusBadge tone="bad">{t('asm.notMeetsStandard')}</StatusBadge>}
            </Cell>
            <Cell label={t('prof.basis')}>{t(h.basis === 'appraised' ? 'prof.basis.appraised' : 'prof.basis.self')}</Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
