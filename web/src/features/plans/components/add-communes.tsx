/**
 * Add communes to a draft target list: the communes in force on 31 December of its year under its province (search by
 * name without diacritics or by code), ticked in a list, all at one chosen level.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { targetLevels, type TargetListDetail } from '../../../../../src/contracts/plans.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextField } from '../../../components/field.js';
import { Loading } from '../../../components/loading.js';
import { useI18n } from '../../../i18n/index.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useAddTargetCommunes, useTargetCandidates } from '../api/target-lists.js';

export function AddCommunes({ list, onDone }: { list: TargetListDetail; onDone: (l: TargetListDetail, added: number) => void }): ReactNode {
  const { t, number } = useI18n();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<(typeof targetLevels)[number]>('ntm');
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const candidates = useTargetCandidates(list.id, q.trim(), true);
  const add = useAddTargetCommunes(list.id);
  const keys = useActionKeys();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (picked.length === 0) return setError(t('pl.add.pickSome'));
    setError(null);
    const body = { expectedVersion: list.rowVersion, items: picked.map((unitId) => ({ unitId, targetLevel: level })) };
    add.mutate({ body, idempotencyKey: keys.keyFor(JSON.stringify(body)) }, { onSuccess: (l) => (keys.done(), onDone(l, picked.length)) });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="muted">{t('pl.add.intro', { year: list.year })}</p>
      <div className="form-row">
        <TextField label={t('pl.add.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectField
          label={t('pl.add.level')}
          value={level}
          onChange={(e) => setLevel(e.target.value as typeof level)}
          options={targetLevels.map((l) => ({ value: l, label: t(`pl.level.${l}`) }))}
        />
      </div>
      {candidates.isPending ? (
        <Loading />
      ) : candidates.isError ? (
        <ErrorMessage error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : candidates.data.items.length === 0 ? (
        <p className="muted">{t('pl.add.none')}</p>
      ) : (
        <fieldset className="pl-candidates">
          <legend className="sr-only">{t('pl.add.caption')}</legend>
          <ul className="plain-list">
            {candidates.data.items.map((c) => (
              <li key={c.unit.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    aria-label={t('pl.add.pick', { name: c.unit.name })}
                    disabled={c.inList}
                    checked={c.inList || picked.includes(c.unit.id)}
                    onChange={(e) => setPicked((p) => (e.target.checked ? [...p, c.unit.id] : p.filter((x) => x !== c.unit.id)))}
                  />{' '}
                  {c.unit.name}
                  {c.unit.parentName ? <span className="muted small"> · {c.unit.parentName}</span> : null}
                  {c.status ? (
                    <span className="muted small">
                      {' '}
                      · {t('pl.criteriaValue', { met: number(c.status.criteriaMet), applicable: number(c.status.criteriaApplicable) })} {t('pl.statusYear', { year: c.status.year })}
                    </span>
                  ) : null}
                  {c.inList ? <span className="muted small"> · {t('pl.add.inList')}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {add.isError ? <ErrorMessage error={add.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={add.isPending}>
          {t('pl.add.submit', { n: number(picked.length) })}
        </Button>
      </div>
    </form>
  );
}
