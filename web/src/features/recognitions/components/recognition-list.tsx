/** Recognition and revocation decisions of a commune, its predecessors' included (marked), newest first. */
import type { Recognition } from '../../../../../src/contracts/assessments.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';

export function RecognitionList({ rows }: { rows: Recognition[] }) {
  const { t, date } = useI18n();
  return (
    <Table caption={t('rec.title')}>
      <thead>
        <tr>
          <th scope="col">{t('rec.year')}</th>
          <th scope="col">{t('rec.kind')}</th>
          <th scope="col">{t('rec.level')}</th>
          <th scope="col">{t('rec.decision')}</th>
          <th scope="col">{t('rec.unit')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Cell label={t('rec.year')}>{r.year}</Cell>
            <Cell label={t('rec.kind')}>
              {r.kind === 'recognition' ? (
                <StatusBadge tone="ok" icon="★">
                  {t('rec.kind.recognition')}
                </StatusBadge>
              ) : (
                <StatusBadge tone="bad" icon="✕">
                  {t('rec.kind.revocation')}
                </StatusBadge>
              )}
              {r.revokedBy ? <span className="muted small"> {t('rec.revoked')}</span> : null}
              {r.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="demo" icon="◇">
                    {t('common.demo')}
                  </StatusBadge>
                </>
              ) : null}
            </Cell>
            <Cell label={t('rec.level')}>{t(`criteria.level.${r.level}`)}</Cell>
            <Cell label={t('rec.decision')}>
              {r.decisionNo ? (
                r.file ? (
                  <a href={r.file.url} target="_blank" rel="noopener">
                    {r.decisionNo}
                  </a>
                ) : (
                  r.decisionNo
                )
              ) : (
                <span className="muted">{t('rec.noDecision')}</span>
              )}
              {r.decisionDate ? <span> · {date(r.decisionDate)}</span> : null}
              {r.signer ? <span className="muted small"> · {r.signer}</span> : null}
              {r.sourceNote ? <p className="small muted">{r.sourceNote}</p> : null}
            </Cell>
            <Cell label={t('rec.unit')}>
              {r.unit.name}
              {r.viaPredecessor ? <span className="muted small"> {t('rec.viaPredecessor')}</span> : null}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
