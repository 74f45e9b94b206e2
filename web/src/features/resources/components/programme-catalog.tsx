/** The programme catalog: each programme with its period, decision, trust mark, source note and components. */
import type { Programme } from '../../../../../src/contracts/resources.js';
import { StatusBadge } from '../../../components/status-badge.js';
import '../../../i18n/parts/resources.vi.js';
import { useI18n } from '../../../i18n/index.js';

export function ProgrammeCatalog({ items }: { items: Programme[] }) {
  const { t, date, number } = useI18n();
  return (
    <div>
      {items.map((p) => (
        <section key={p.id} className="res-programme" aria-labelledby={`prog-${p.code}`}>
          <h2 id={`prog-${p.code}`}>{p.name}</h2>
          <p>
            {t('prog.period', { from: p.periodFrom, to: p.periodTo })}
            {p.decisionNo ? ` · ${p.decisionDate ? t('prog.decisionDated', { no: p.decisionNo, date: date(p.decisionDate) }) : t('prog.decision', { no: p.decisionNo })}` : null}{' '}
            {p.verified ? <StatusBadge tone="ok">{t('prog.verified')}</StatusBadge> : <StatusBadge tone="unverified">{t('prog.unverified')}</StatusBadge>}
          </p>
          <p className="muted small">
            {t('prog.source')}: {p.sourceNote}
          </p>
          <details>
            <summary>{t('prog.components', { count: number(p.components.length) })}</summary>
            <ol>
              {p.components.map((c) => (
                <li key={c.id}>
                  {c.name}
                  {c.verified ? null : <span className="muted small"> ({t('prog.unverified').toLowerCase()})</span>}
                </li>
              ))}
            </ol>
          </details>
        </section>
      ))}
    </div>
  );
}
