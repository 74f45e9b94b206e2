/** A commune's criteria for a year: each indicator's value, target, the commune's status, each step's verdict, the final status and gap. */
import type { z } from 'zod';
import type { CommuneProfile, profileCriterionRow } from '../../../../../src/contracts/assessments.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { quantity, valueWords } from '../../../lib/indicator-values.js';
import { criterionStatusLook, indicatorStatusLook, targetStateLook, type StatusLook } from '../../../lib/status-language.js';

function Look({ look }: { look: StatusLook }) {
  const { t } = useI18n();
  return (
    <StatusBadge tone={look.tone} icon={look.icon}>
      {t(look.label)}
    </StatusBadge>
  );
}

type Row = z.infer<typeof profileCriterionRow>;

export function ProfileCriteria({ profile }: { profile: CommuneProfile }) {
  const { t } = useI18n();
  const steps = profile.assessment?.steps ?? [];
  const used = new Set(profile.criteria.flatMap((c) => c.indicators.flatMap((i) => Object.keys(i.verdicts))));
  const columns = [...steps.filter((s) => used.has(s.key)).map((s) => ({ key: s.key, label: s.label })), ...[...used].filter((k) => !steps.some((s) => s.key === k)).map((k) => ({ key: k, label: k }))];
  return (
    <>
      {profile.criteria.map((c) => (
        <CriterionTable key={c.number} c={c} columns={columns} caption={t('asm.criterionN', { number: c.number, name: c.name })} />
      ))}
    </>
  );
}

function CriterionTable({ c, columns, caption }: { c: Row; columns: { key: string; label: string }[]; caption: string }) {
  const { t, number } = useI18n();
  return (
    <section className="rv-criterion" aria-label={caption}>
      <div className="ar-criterion-head">
        <h3>{caption}</h3>
        <Look look={criterionStatusLook[c.status]} />
      </div>
      <Table caption={caption}>
        <thead>
          <tr>
            <th scope="col">{t('asm.col.indicator')}</th>
            <th scope="col">{t('asm.col.value')}</th>
            <th scope="col">{t('asm.col.target')}</th>
            <th scope="col">{t('asm.col.self')}</th>
            {columns.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            <th scope="col">{t('prof.final')}</th>
            <th scope="col">{t('prof.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {c.indicators.map((i) => (
            <tr key={i.code}>
              <Cell label={t('asm.col.indicator')}>
                <strong>{i.code}</strong> <span className="rv-wording">{i.wording}</span>
              </Cell>
              <Cell label={t('asm.col.value')}>{valueWords(i.value, i.unit, t, number)}</Cell>
              <Cell label={t('asm.col.target')}>
                {i.target !== null ? valueWords(i.target, i.unit, t, number) : t('criteria.value.none')} <Look look={targetStateLook[i.targetState]} />
              </Cell>
              <Cell label={t('asm.col.self')}>
                <Look look={indicatorStatusLook[i.selfStatus]} />
              </Cell>
              {columns.map((s) => (
                <Cell key={s.key} label={s.label}>
                  {i.verdicts[s.key] ? <Look look={indicatorStatusLook[i.verdicts[s.key]!]} /> : <span className="muted">—</span>}
                </Cell>
              ))}
              <Cell label={t('prof.final')}>
                <Look look={indicatorStatusLook[i.finalStatus]} />
              </Cell>
              <Cell label={t('prof.gap')}>
                {i.gap && i.gap.absolute !== null && i.gap.absolute !== 0 ? quantity(Math.abs(i.gap.absolute), i.unit, number) : <span className="muted">—</span>}
              </Cell>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
