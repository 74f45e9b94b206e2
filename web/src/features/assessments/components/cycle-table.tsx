/** Assessment cycles: set and version, year, communes, deadlines, the review chain and counts by state. */
import { Link } from '@tanstack/react-router';
import type { Cycle } from '../../../../../src/contracts/assessments.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { DemoBadge } from './badges.js';

export function CycleTable({ rows }: { rows: Cycle[] }) {
  const { t, date, number } = useI18n();
  return (
    <Table caption={t('asm.cycles.title')}>
      <thead>
        <tr>
          <th scope="col">{t('asm.cycles.name')}</th>
          <th scope="col">{t('asm.cycles.set')}</th>
          <th scope="col">{t('asm.cycles.deadline')}</th>
          <th scope="col">{t('asm.chain')}</th>
          <th scope="col">{t('asm.cycles.counts')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <Cell label={t('asm.cycles.name')}>
              <Link to="/assessments" search={{ cycleId: c.id }}>
                {c.name}
              </Link>{' '}
              <span className="badge-row">
                {c.status === 'open' ? <StatusBadge tone="ok" icon="●">{t('asm.cycles.open')}</StatusBadge> : <StatusBadge tone="neutral">{t('asm.cycles.closed')}</StatusBadge>}
                {c.isDemo ? <DemoBadge /> : null}
              </span>
              <span className="set-meta">
                {t('asm.cycles.yearScope', { year: c.year, scope: c.scopeUnit?.name ?? '—' })}
              </span>
              {c.targetList ? (
                <span className="set-meta">{t('asm.cycles.fromList', { doc: c.targetList.documentNo ?? '—', title: c.targetList.title })}</span>
              ) : null}
            </Cell>
            <Cell label={t('asm.cycles.set')}>
              {c.set.code} — {t('asm.cycles.version', { version: c.set.version })}
            </Cell>
            <Cell label={t('asm.cycles.deadline')}>{c.deadlines.submit ? date(c.deadlines.submit) : '—'}</Cell>
            <Cell label={t('asm.chain')}>
              <ol className="chain">
                {c.reviewChain.map((s) => (
                  <li key={s.key}>
                    {s.label}
                    {c.deadlines.steps[s.key] ? <span className="muted small"> ({date(c.deadlines.steps[s.key])})</span> : null}
                  </li>
                ))}
              </ol>
            </Cell>
            <Cell label={t('asm.cycles.counts')}>
              {t('asm.cycles.countsValue', {
                communes: number(c.counts.communes),
                draft: number(c.counts.draft),
                inReview: number(c.counts.inReview),
                returned: number(c.counts.returned),
                appraised: number(c.counts.appraised),
              })}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
