/**
 * What changed between two sets, side by side: the set's own fields, then per criterion, indicator and target rule
 * whether it was added, removed or changed, with the values before and after.
 */
import type { DiffResponse, FieldChange, IndicatorKindName, TargetDiff } from '../../../../../src/contracts/criteria.js';
import { indicatorKinds, standardLevels } from '../../../../../src/contracts/criteria.js';
import { StatusBadge, type StatusTone } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n, type MessageKey, type TFunction } from '../../../i18n/index.js';
import { levelLabel, matchWords, valueWords } from '../labels.js';
import { TargetStateBadge } from './badges.js';
import { SourceText } from './source-text.js';

type Change = 'added' | 'removed' | 'changed';
const changeLook: Record<Change, { tone: StatusTone; icon: string; label: MessageKey }> = {
  added: { tone: 'ok', icon: '+', label: 'criteria.diff.added' },
  removed: { tone: 'bad', icon: '−', label: 'criteria.diff.removed' },
  changed: { tone: 'warn', icon: '~', label: 'criteria.diff.changed' },
};

export function ChangeBadge({ change }: { change: Change }) {
  const { t } = useI18n();
  const l = changeLook[change];
  return (
    <StatusBadge tone={l.tone} icon={l.icon}>
      {t(l.label)}
    </StatusBadge>
  );
}

const fieldKeys = new Set([
  'name',
  'level',
  'legalBasis',
  'validFrom',
  'validTo',
  'group',
  'guidedByAgencyKind',
  'isKey',
  'wording',
  'kind',
  'unit',
  'applicability',
  'scale',
  'verified',
  'value',
  'source',
  'demo',
  'confirmedBy',
  'confirmedAt',
  'note',
]);

/** A field name in words ("Mức chỉ tiêu", "Nguồn" …); the raw name when unknown. */
export function fieldLabel(field: string, t: TFunction): string {
  return fieldKeys.has(field) ? t(`criteria.field.${field}` as MessageKey) : field;
}

function FieldValue({ field, v }: { field: string; v: FieldChange['before'] }) {
  const { t, date, dateTime, number } = useI18n();
  if (v === null) return <span className="muted">{t('common.none')}</span>;
  if (field === 'kind' && (indicatorKinds as readonly string[]).includes(String(v))) return <>{t(`criteria.indicatorKind.${v as IndicatorKindName}`)}</>;
  if (field === 'level' && (standardLevels as readonly string[]).includes(String(v))) return <>{t(levelLabel(v as (typeof standardLevels)[number]))}</>;
  if ((field === 'validFrom' || field === 'validTo') && typeof v === 'string') return <>{date(v)}</>;
  if (field === 'confirmedAt' && typeof v === 'string') return <>{dateTime(v)}</>;
  if (field === 'source' && typeof v === 'string') return <SourceText source={v} />;
  return <>{valueWords(v, null, t, number)}</>;
}

function FieldTable({ fields, caption }: { fields: FieldChange[]; caption: string }) {
  const { t } = useI18n();
  if (fields.length === 0) return null;
  const cols = { field: t('criteria.diff.field'), before: t('criteria.diff.before'), after: t('criteria.diff.after') };
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{cols.field}</th>
          <th scope="col">{cols.before}</th>
          <th scope="col">{cols.after}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.field}>
            <Cell label={cols.field}>{fieldLabel(f.field, t)}</Cell>
            <Cell label={cols.before} className="diff-before">
              <FieldValue field={f.field} v={f.before} />
            </Cell>
            <Cell label={cols.after} className="diff-after">
              <FieldValue field={f.field} v={f.after} />
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function TargetSide({ rule }: { rule: TargetDiff['before'] }) {
  const { t, number } = useI18n();
  if (!rule) return <span className="muted">{t('criteria.diff.none')}</span>;
  return (
    <div className="diff-target">
      {/* The diff carries no unit: a number is shown as the server words it, with its unit ("41 triệu đồng/người/năm"). */}
      <strong>{typeof rule.value === 'number' ? rule.valueText : valueWords(rule.value, null, t, number)}</strong> <TargetStateBadge state={rule.state} />
      <SourceText source={rule.source} />
    </div>
  );
}

function TargetDiffTable({ targets, code }: { targets: TargetDiff[]; code: string }) {
  const { t } = useI18n();
  if (targets.length === 0) return null;
  const cols = { match: t('criteria.target.appliesTo'), change: t('criteria.diff.change'), before: t('criteria.diff.before'), after: t('criteria.diff.after') };
  return (
    <Table caption={t('criteria.diff.targetsOf', { code })}>
      <thead>
        <tr>
          <th scope="col">{cols.match}</th>
          <th scope="col">{cols.change}</th>
          <th scope="col">{cols.before}</th>
          <th scope="col">{cols.after}</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((d) => (
          <tr key={JSON.stringify(d.match)} className={`diff-${d.change}`}>
            <Cell label={cols.match}>{matchWords(d.match, t)}</Cell>
            <Cell label={cols.change}>
              <ChangeBadge change={d.change} />
              {d.fields.length > 0 ? <span className="diff-fields">{d.fields.map((f) => fieldLabel(f.field, t)).join(', ')}</span> : null}
            </Cell>
            <Cell label={cols.before} className="diff-before">
              <TargetSide rule={d.before} />
            </Cell>
            <Cell label={cols.after} className="diff-after">
              <TargetSide rule={d.after} />
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function DiffView({ diff }: { diff: DiffResponse }) {
  const { t, number } = useI18n();
  const { counts } = diff;
  const nothing = diff.header.length === 0 && diff.criteria.length === 0;
  return (
    <div className="diff-view">
      <ul className="stat-badges" aria-label={t('criteria.diff.counts')}>
        {(['added', 'removed', 'changed'] as const).map((c) => (
          <li key={c}>
            <StatusBadge tone={changeLook[c].tone} icon={changeLook[c].icon}>
              {t(changeLook[c].label)}: {number(counts[c])}
            </StatusBadge>
          </li>
        ))}
      </ul>
      {nothing ? <p className="empty-state">{t('criteria.diff.nothing')}</p> : null}
      {diff.header.length > 0 ? (
        <section className="section" aria-labelledby="diff-header">
          <h2 id="diff-header">{t('criteria.diff.header')}</h2>
          <FieldTable fields={diff.header} caption={t('criteria.diff.headerTable')} />
        </section>
      ) : null}
      {diff.criteria.map((c) => (
        <section key={c.number} className="section diff-criterion" aria-labelledby={`diff-tc-${c.number}`}>
          <div className="eval-criterion-head">
            <h2 id={`diff-tc-${c.number}`}>{t('criteria.criterionN', { number: c.number, name: c.name })}</h2>
            <ChangeBadge change={c.change} />
          </div>
          <FieldTable fields={c.fields} caption={t('criteria.diff.criterionFields', { number: c.number })} />
          {c.indicators.map((i) => {
            return (
              <article key={i.code} className="indicator card" aria-labelledby={`diff-ct-${i.code}`}>
                <div className="indicator-head">
                  <h3 id={`diff-ct-${i.code}`} className="indicator-title">
                    <span className="indicator-code">{i.code}</span> {i.wording}
                  </h3>
                  <ChangeBadge change={i.change} />
                </div>
                <FieldTable fields={i.fields} caption={t('criteria.diff.indicatorFields', { code: i.code })} />
                <TargetDiffTable targets={i.targets} code={i.code} />
              </article>
            );
          })}
        </section>
      ))}
    </div>
  );
}
