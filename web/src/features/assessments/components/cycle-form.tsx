/**
 * The steering office opens an assessment cycle: the criteria set (and so its version), the year, the communes (all
 * under a unit, chosen ones, or those of an adopted target list of the year), deadlines, the review chain as configuration (steps, who reviews each, their
 * deadlines) and, for per-criterion steps, which department reviews which criterion. Checked with the contract.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createCycleBody, reviewLevels, reviewRoutings, type Cycle, type ReviewStep } from '../../../../../src/contracts/assessments.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextField } from '../../../components/field.js';
import type { PickerItem, PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateCycle } from '../api/create-cycle.js';

export interface SetSelectSlotProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}
/** Adopted target lists of the year (the communes registered for a standard level). */
export interface TargetListSlotProps {
  label: string;
  hint: string;
  year: number;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}
export interface AgencySlotProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  noneLabel: string;
}

interface Props {
  setSelect: (p: SetSelectSlotProps) => ReactNode;
  agencySelect: (p: AgencySlotProps) => ReactNode;
  targetListSelect: (p: TargetListSlotProps) => ReactNode;
  /** A province or district (the cycle's scope). */
  scopePicker: PickerSlot;
  communePicker: PickerSlot;
  defaultScope: PickerItem | null;
  year: number;
  onDone: (c: Cycle) => void;
}

type StepDraft = Omit<ReviewStep, 'agencyId'> & { agencyId: string | null; due: string | null };
const defaultChain = (t: (k: 'asm.cycle.stepDistrict' | 'asm.cycle.stepDepartment' | 'asm.cycle.stepProvince') => string): StepDraft[] => [
  { key: 'district', level: 'district', label: t('asm.cycle.stepDistrict'), routing: 'unit_parent', agencyId: null, due: null },
  { key: 'department', level: 'department', label: t('asm.cycle.stepDepartment'), routing: 'per_criterion_agency', agencyId: null, due: null },
  { key: 'province', level: 'coordination_office', label: t('asm.cycle.stepProvince'), routing: 'agency', agencyId: null, due: null },
];

type Which = 'all' | 'units' | 'target_list';
const listLevels = ['ntm', 'advanced', 'model'] as const;

export function CycleForm({ setSelect, agencySelect, targetListSelect, scopePicker, communePicker, defaultScope, year: initialYear, onDone }: Props) {
  const { t } = useI18n();
  const [setId, setSetId] = useState<string | null>(null);
  const [year, setYear] = useState(String(initialYear));
  const [name, setName] = useState(t('asm.cycle.defaultName', { year: initialYear }));
  const [submitDue, setSubmitDue] = useState<string | null>(null);
  const [scope, setScope] = useState<PickerItem[]>(defaultScope ? [defaultScope] : []);
  const [which, setWhich] = useState<Which>('all');
  const [communes, setCommunes] = useState<PickerItem[]>([]);
  const [listId, setListId] = useState<string | null>(null);
  const [listLevel, setListLevel] = useState<'' | (typeof listLevels)[number]>('');
  const [chain, setChain] = useState<StepDraft[]>(() => defaultChain(t));
  const [agencies, setAgencies] = useState<{ criterion: string; agencyId: string | null }[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateCycle();

  const patchStep = (i: number, p: Partial<StepDraft>) => setChain((c) => c.map((s, j) => (j === i ? { ...s, ...p } : s)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const withinUnitId = scope[0]?.id ?? '';
    const candidate = {
      setId: setId ?? '',
      year: Number(year),
      name,
      deadlines: { submit: submitDue, steps: Object.fromEntries(chain.filter((s) => s.due).map((s) => [s.key, s.due])) },
      reviewChain: chain.map(({ due: _due, agencyId, ...s }) => ({ ...s, agencyId: s.routing === 'agency' ? agencyId : null })),
      criterionAgencies: Object.fromEntries(agencies.filter((a) => a.criterion.trim() && a.agencyId).map((a) => [a.criterion.trim(), a.agencyId])),
      communes:
        which === 'all'
          ? { kind: 'all', withinUnitId }
          : which === 'units'
            ? { kind: 'units', withinUnitId, unitIds: communes.map((c) => c.id) }
            : { kind: 'target_list', listId: listId ?? '', ...(listLevel ? { targetLevel: listLevel } : {}) },
    };
    const parsed = createCycleBody.safeParse(candidate);
    const missingAgency = chain.findIndex((s) => s.routing === 'agency' && !s.agencyId);
    if (!parsed.success || missingAgency >= 0) {
      const errs = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
      if (missingAgency >= 0) errs[`reviewChain.${missingAgency}.agencyId`] = t('asm.cycle.agencyNeeded');
      setErrors(errs);
      return focusFirstInvalid(ref.current);
    }
    setErrors({});
    create.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: (c) => (keys.done(), onDone(c)),
        onError: (err) => isApiError(err) && err.code === 'VALIDATION' && setErrors(fieldErrorMap(err.fields)),
      },
    );
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
      {setSelect({ label: t('asm.cycle.set'), value: setId, onChange: setSetId, error: errors.setId })}
      <div className="form-row">
        <TextField label={t('asm.cycle.year')} required inputMode="numeric" value={year} error={errors.year} onChange={(e) => setYear(e.target.value)} />
        <TextField label={t('asm.cycle.name')} required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      </div>
      <SelectField
        label={t('asm.cycle.which')}
        value={which}
        onChange={(e) => setWhich(e.target.value as Which)}
        options={[
          { value: 'all', label: t('asm.cycle.whichAll') },
          { value: 'units', label: t('asm.cycle.whichUnits') },
          { value: 'target_list', label: t('asm.cycle.whichList') },
        ]}
      />
      {which === 'target_list' ? (
        <>
          {targetListSelect({ label: t('asm.cycle.targetList'), hint: t('asm.cycle.targetListHint'), year: Number(year), value: listId, onChange: setListId, error: errors['communes.listId'] ?? errors.communes })}
          <SelectField
            label={t('asm.cycle.targetLevel')}
            value={listLevel}
            error={errors['communes.targetLevel']}
            onChange={(e) => setListLevel(e.target.value as typeof listLevel)}
            options={[{ value: '', label: t('asm.cycle.targetLevelAll') }, ...listLevels.map((l) => ({ value: l, label: t(`criteria.level.${l}`) }))]}
          />
        </>
      ) : (
        scopePicker({ label: t('asm.cycle.scope'), hint: t('asm.cycle.scopeHint'), required: true, value: scope, onChange: setScope, error: errors['communes.withinUnitId'] ?? errors.communes })
      )}
      {which === 'units' ? communePicker({ label: t('asm.cycle.communes'), multiple: true, required: true, value: communes, onChange: setCommunes, error: errors['communes.unitIds'] }) : null}
      <DateInput passInvalid label={t('asm.cycle.submitDue')} value={submitDue} onChange={setSubmitDue} error={errors['deadlines.submit']} />

      <fieldset className="fieldset">
        <legend className="field-label">{t('asm.chain')}</legend>
        <p className="field-hint">{t('asm.cycle.chainHint')}</p>
        {chain.map((s, i) => (
          <div key={i} className="repeat-row" role="group" aria-label={t('asm.cycle.stepN', { n: i + 1 })}>
            <TextField label={t('asm.cycle.stepLabel')} value={s.label} error={errors[`reviewChain.${i}.label`]} onChange={(e) => patchStep(i, { label: e.target.value })} />
            <TextField label={t('asm.cycle.stepKey')} value={s.key} error={errors[`reviewChain.${i}.key`]} onChange={(e) => patchStep(i, { key: e.target.value })} />
            <SelectField
              label={t('asm.cycle.stepLevel')}
              value={s.level}
              onChange={(e) => patchStep(i, { level: e.target.value as StepDraft['level'] })}
              options={reviewLevels.map((l) => ({ value: l, label: t(`asm.level.${l}`) }))}
            />
            <SelectField
              label={t('asm.cycle.stepRouting')}
              value={s.routing}
              onChange={(e) => patchStep(i, { routing: e.target.value as StepDraft['routing'] })}
              options={reviewRoutings.map((r) => ({ value: r, label: t(`asm.routing.${r}`) }))}
            />
            {s.routing === 'agency'
              ? agencySelect({ label: t('asm.cycle.stepAgency'), value: s.agencyId, onChange: (id) => patchStep(i, { agencyId: id }), error: errors[`reviewChain.${i}.agencyId`], noneLabel: t('asm.cycle.chooseAgency') })
              : null}
            <DateInput passInvalid label={t('asm.cycle.stepDue')} value={s.due} onChange={(d) => patchStep(i, { due: d })} error={errors[`deadlines.steps.${s.key}`]} />
            <Button size="small" variant="quiet" disabled={chain.length <= 1} onClick={() => setChain((c) => c.filter((_, j) => j !== i))}>
              {t('asm.cycle.removeStep', { n: i + 1 })}
            </Button>
          </div>
        ))}
        {errors.reviewChain ? <p className="field-error">{errors.reviewChain}</p> : null}
        <Button
          size="small"
          disabled={chain.length >= 6}
          onClick={() => setChain((c) => [...c, { key: `step${c.length + 1}`, level: 'province', label: '', routing: 'agency', agencyId: null, due: null }])}
        >
          {t('asm.cycle.addStep')}
        </Button>
      </fieldset>

      {chain.some((s) => s.routing === 'per_criterion_agency') ? (
        <fieldset className="fieldset">
          <legend className="field-label">{t('asm.cycle.criterionAgencies')}</legend>
          <p className="field-hint">{t('asm.cycle.criterionAgenciesHint')}</p>
          {agencies.map((a, i) => (
            <div key={i} className="repeat-row" role="group" aria-label={t('asm.cycle.routeN', { n: i + 1 })}>
              <TextField label={t('asm.cycle.criterion')} value={a.criterion} onChange={(e) => setAgencies((x) => x.map((y, j) => (j === i ? { ...y, criterion: e.target.value } : y)))} />
              {agencySelect({
                label: t('asm.cycle.criterionAgency'),
                value: a.agencyId,
                onChange: (id) => setAgencies((x) => x.map((y, j) => (j === i ? { ...y, agencyId: id } : y))),
                noneLabel: t('asm.cycle.chooseAgency'),
              })}
              <Button size="small" variant="quiet" onClick={() => setAgencies((x) => x.filter((_, j) => j !== i))}>
                {t('asm.cycle.removeRoute', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button size="small" onClick={() => setAgencies((x) => [...x, { criterion: '', agencyId: null }])}>
            {t('asm.cycle.addRoute')}
          </Button>
        </fieldset>
      ) : null}

      {create.isError && !(isApiError(create.error) && create.error.fields.length > 0) ? <ErrorMessage error={create.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('asm.cycle.create')}
        </Button>
      </div>
    </form>
  );
}
