/** Create or edit an agency, validated with the endpoint's own contract before sending. */
import { useRef, useState, type FormEvent } from 'react';
import { agencyKinds, createAgencyBody, updateAgencyBody, type Agency, type AgencyKind } from '../../../../../src/contracts/agencies.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import type { PickerItem, PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateAgency } from '../api/create-agency.js';
import { useUpdateAgency } from '../api/update-agency.js';

interface Props {
  /** The agency to edit; none to create one. */
  agency?: Agency;
  /** The unit picker, supplied by the page (from the units feature). */
  unitPicker: PickerSlot;
  onDone: (saved: Agency) => void;
}

export function AgencyForm({ agency, unitPicker, onDone }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(agency?.name ?? '');
  const [shortName, setShortName] = useState(agency?.shortName ?? '');
  const [code, setCode] = useState(agency?.code ?? '');
  const [kind, setKind] = useState<AgencyKind | ''>(agency?.kind ?? '');
  const [unit, setUnit] = useState<PickerItem[]>(agency ? [{ id: agency.unitId, label: agency.unitName }] : []);
  const [validFrom, setValidFrom] = useState<string | null>(agency?.validFrom ?? null);
  const [validTo, setValidTo] = useState<string | null>(agency?.validTo ?? null);
  const [sourceNote, setSourceNote] = useState(agency?.sourceNote ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateAgency();
  const update = useUpdateAgency(agency?.id ?? '');
  const mutation = agency ? update : create;

  const common = {
    name,
    shortName: emptyToNull(shortName),
    code: emptyToNull(code),
    validFrom,
    validTo,
    sourceNote: emptyToNull(sourceNote),
  };

  const fail = (issues: FieldErrors) => {
    setErrors(issues);
    focusFirstInvalid(formRef.current);
  };
  const handlers = {
    onSuccess: (saved: Agency) => {
      keys.done();
      onDone(saved);
    },
    onError: (err: unknown) => {
      if (isApiError(err) && err.code === 'VALIDATION') fail(fieldErrorMap(err.fields));
    },
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (agency) {
      const parsed = updateAgencyBody.safeParse(common);
      if (!parsed.success) return fail(issuesToFieldErrors(parsed.error.issues));
      setErrors({});
      update.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, handlers);
    } else {
      const parsed = createAgencyBody.safeParse({ ...common, kind: kind || undefined, unitId: unit[0]?.id });
      if (!parsed.success) return fail(issuesToFieldErrors(parsed.error.issues));
      setErrors({});
      create.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, handlers);
    }
  };

  const showTopError = mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <TextField label={t('agencies.name')} required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      <div className="form-row">
        <TextField label={t('agencies.shortName')} value={shortName} error={errors.shortName} onChange={(e) => setShortName(e.target.value)} />
        <TextField label={t('agencies.code')} value={code} error={errors.code} onChange={(e) => setCode(e.target.value)} />
      </div>
      {agency ? null : (
        <>
          <SelectField
            label={t('agencies.kind')}
            required
            value={kind}
            error={errors.kind}
            onChange={(e) => setKind(e.target.value as AgencyKind | '')}
            options={[{ value: '', label: '—' }, ...agencyKinds.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))]}
          />
          {unitPicker({ label: t('agencies.unit'), required: true, value: unit, onChange: setUnit, error: errors.unitId })}
        </>
      )}
      <div className="form-row">
        <DateInput passInvalid label={t('agencies.validFrom')} value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
        <DateInput passInvalid label={t('agencies.validTo')} value={validTo} onChange={setValidTo} error={errors.validTo} />
      </div>
      <TextAreaField label={t('agencies.sourceNote')} value={sourceNote} error={errors.sourceNote} onChange={(e) => setSourceNote(e.target.value)} />
      {showTopError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
