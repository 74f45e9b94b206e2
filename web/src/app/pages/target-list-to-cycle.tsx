/**
 * On an adopted target list's page: the steering office adds the list's communes (all, or those registered for one
 * level) to an open assessment cycle of the list's year — `PATCH /api/cycles/:id` with `addTargetListId`. The page
 * composes the plans and assessments features here; refusals are told from the API's stable `details.rule`.
 */
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { cycleTargetListRules, type Cycle, type CycleTargetListRule } from '../../../../src/contracts/assessments.js';
import { targetLevels, type TargetListDetail } from '../../../../src/contracts/plans.js';
import { Button } from '../../components/button.js';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { useCycles } from '../../features/assessments/api/list-cycles.js';
import { useUpdateCycle } from '../../features/assessments/api/update-cycle.js';
import { useI18n } from '../../i18n/index.js';
import '../../i18n/parts/plans.vi.js';
import { ApiError } from '../../lib/api.js';
import { useActionKeys } from '../../lib/use-action-key.js';

type Level = (typeof targetLevels)[number];

/** The rule code of a refusal to take a target list, if the API gave one. */
export function targetListRule(err: unknown): CycleTargetListRule | null {
  const rule = err instanceof ApiError ? err.details.rule : undefined;
  return typeof rule === 'string' && (cycleTargetListRules as readonly string[]).includes(rule) ? (rule as CycleTargetListRule) : null;
}

interface Props {
  list: TargetListDetail;
  onDone: (cycle: Cycle, added: number) => void;
}

export function AddListToCycle({ list, onDone }: Props): ReactNode {
  const { t, number } = useI18n();
  const cycles = useCycles({ year: list.year, status: 'open', limit: 100 });
  const open = (cycles.data?.items ?? []).filter((c) => c.year === list.year && c.status === 'open' && c.abilities.canUpdate);
  const [cycleId, setCycleId] = useState('');
  const [level, setLevel] = useState<Level | ''>('');
  const [confirming, setConfirming] = useState(false);
  const chosen = open.find((c) => c.id === cycleId) ?? null;
  const update = useUpdateCycle(chosen?.id ?? '');
  const keys = useActionKeys();
  const n = level ? list.counts[level] : list.counts.total;

  const submit = () => {
    if (!chosen) return;
    const before = chosen.counts.communes;
    const body = { expectedVersion: chosen.version, addTargetListId: list.id, ...(level ? { addTargetLevel: level } : {}) };
    update.mutate(
      { body, idempotencyKey: keys.keyFor(`${chosen.id}:${JSON.stringify(body)}`) },
      {
        onSuccess: (c) => {
          keys.done();
          setConfirming(false);
          onDone(c, c.counts.communes - before);
        },
        onError: (err) => {
          setConfirming(false);
          if (err instanceof ApiError && err.code === 'CONFLICT') void cycles.refetch();
        },
      },
    );
  };

  const rule = update.isError ? targetListRule(update.error) : null;
  const conflict = update.error instanceof ApiError && update.error.code === 'CONFLICT';

  if (cycles.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (cycles.isError) return <ErrorMessage error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (open.length === 0) {
    return (
      <div className="form">
        <p>{t('pl.toCycle.none', { year: list.year })}</p>
        <p>
          <Link to="/assessments">{t('pl.toCycle.openCycle')}</Link>
        </p>
      </div>
    );
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen && n > 0) setConfirming(true);
      }}
    >
      <SelectField
        label={t('pl.toCycle.cycle')}
        hint={t('pl.toCycle.cycleHint', { year: list.year })}
        required
        value={cycleId}
        onChange={(e) => (setCycleId(e.target.value), setConfirming(false), update.reset())}
        options={[
          { value: '', label: t('pl.toCycle.chooseCycle') },
          ...open.map((c) => ({ value: c.id, label: t('pl.toCycle.cycleOption', { name: c.name, set: c.set.code, count: number(c.counts.communes) }) })),
        ]}
      />
      <SelectField
        label={t('pl.toCycle.level')}
        value={level}
        onChange={(e) => (setLevel(e.target.value as Level | ''), setConfirming(false), update.reset())}
        options={[
          { value: '', label: t('pl.toCycle.allLevels', { count: number(list.counts.total) }) },
          ...targetLevels.map((x) => ({ value: x, label: t('pl.toCycle.levelOption', { level: t(`pl.level.${x}`), count: number(list.counts[x]) }) })),
        ]}
      />
      {n === 0 ? <p className="field-error">{t('pl.toCycle.noneAtLevel')}</p> : null}
      {rule ? (
        <div className="alert alert-error" role="alert">
          <p>{t(`pl.toCycle.rule.${rule}`, { year: list.year })}</p>
        </div>
      ) : conflict ? (
        <div className="alert alert-error" role="alert">
          <p>{t('pl.toCycle.conflict')}</p>
        </div>
      ) : update.isError ? (
        <ErrorMessage error={update.error} />
      ) : null}
      {confirming && chosen ? (
        <div className="alert alert-info" role="alert">
          <p>{t('pl.toCycle.confirmText', { count: number(n), name: chosen.name })}</p>
          <div className="form-actions">
            <Button variant="primary" busy={update.isPending} onClick={submit}>
              {t('pl.toCycle.confirm')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('pl.toCycle.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={!chosen || n === 0}>
            {t('pl.toCycle.submit')}
          </Button>
        </div>
      )}
    </form>
  );
}
