/** A list of assessments (a cycle's communes, or what waits for the caller): status, step, progress, a link each. */
import { Link } from '@tanstack/react-router';
import type { Assessment } from '../../../../../src/contracts/assessments.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { AssessmentStatusBadge } from './badges.js';

export function AssessmentTable({ rows, caption, showCycle = true }: { rows: Assessment[]; caption: string; showCycle?: boolean }) {
  const { t, number } = useI18n();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('asm.col.commune')}</th>
          {showCycle ? <th scope="col">{t('asm.col.cycle')}</th> : null}
          <th scope="col">{t('asm.col.status')}</th>
          <th scope="col">{t('asm.step')}</th>
          <th scope="col">{t('asm.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const step = a.currentStep !== null && a.status !== 'appraised' ? a.steps[a.currentStep] : null;
          return (
            <tr key={a.id}>
              <Cell label={t('asm.col.commune')}>
                <Link to="/assessments/$id" params={{ id: a.id }}>
                  {a.unit.name}
                </Link>
              </Cell>
              {showCycle ? (
                <Cell label={t('asm.col.cycle')}>
                  {a.cycle.name} ({a.cycle.year})
                </Cell>
              ) : null}
              <Cell label={t('asm.col.status')}>
                <AssessmentStatusBadge status={a.status} />
              </Cell>
              <Cell label={t('asm.step')}>{step?.label ?? '—'}</Cell>
              <Cell label={t('asm.progress')}>
                {t('asm.progressValue', { filled: number(a.progress.filled), total: number(a.progress.indicators) })}
                {a.progress.returned > 0 ? <span className="muted small"> · {t('asm.returnedCount', { count: a.progress.returned })}</span> : null}
                {a.progress.awaitingVerdict > 0 ? <span className="muted small"> · {t('asm.awaitingCount', { count: a.progress.awaitingVerdict })}</span> : null}
              </Cell>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
