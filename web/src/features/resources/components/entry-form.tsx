/**
 * Record or edit a resources entry: year, commune (the map of that year), source, programme component, purpose,
 * planned / allocated / disbursed amounts typed with thousands separators, labour days or m² for those sources,
 * documents. Phone-first: one column, numeric keyboards, the server's rule messages next to their fields.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  createResourceBody,
  resourceSources,
  updateResourceBody,
  type ResourceEntry,
  type ResourceSource,
} from '../../../../../src/contracts/resources.js';
import type { StoredFile } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { FileUpload } from '../../../components/file-upload.js';
import type { PickerItem, PickerSlotProps } from '../../../components/picker.js';
import '../../../i18n/parts/resources.vi.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { formatNumber, parseVnd } from '../../../lib/format.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useProgrammes } from '../api/list-programmes.js';
import { useSaveResource } from '../api/save-resource.js';

/** The commune picker, showing the communes of the map on `asOf` (a 2023 entry goes to the old commune). */
export type YearUnitPicker = (props: PickerSlotProps & { asOf: string }) => ReactNode;

interface Props {
  unitPicker: YearUnitPicker;
  /** Editing: the entry as read (its unit stays). */
  entry?: ResourceEntry;
  initialUnit?: PickerItem;
  thisYear: number;
  onDone: (e: ResourceEntry) => void;
}

const QUANTITY: Partial<Record<ResourceSource, 'labour_day' | 'm2'>> = { people_labour: 'labour_day', people_land: 'm2' };
const CONTRIBUTION: readonly ResourceSource[] = ['people_in_kind', 'people_labour', 'people_land'];

/** The map a year's entries are recorded on: mid-year before the 2025 reform, the year's last day after. */
const mapDateOf = (year: number) => (year < 2025 ? `${year}-06-01` : `${year}-12-31`);

export function EntryForm({ unitPicker, entry, initialUnit, thisYear, onDone }: Props) {
  const { t, lang } = useI18n();
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, lang));
  const [year, setYear] = useState(entry?.year ?? thisYear);
  const [unit, setUnit] = useState<PickerItem[]>(entry ? [{ id: entry.unit.id, label: entry.unit.name }] : initialUnit ? [initialUnit] : []);
  const [source, setSource] = useState<ResourceSource>(entry?.source ?? 'central_budget');
  const [componentId, setComponentId] = useState<string>(entry?.component?.id ?? '');
  const [criterion, setCriterion] = useState(entry?.criterion ?? '');
  const [workName, setWorkName] = useState(entry?.workName ?? '');
  const [planned, setPlanned] = useState(money(entry?.plannedVnd));
  const [allocated, setAllocated] = useState(money(entry?.allocatedVnd));
  const [disbursed, setDisbursed] = useState(money(entry?.disbursedVnd));
  const [quantity, setQuantity] = useState(entry?.quantity === null || entry?.quantity === undefined ? '' : String(entry.quantity).replace('.', ','));
  const [note, setNote] = useState(entry?.note ?? '');
  const [files, setFiles] = useState<StoredFile[]>(entry?.files ?? []);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const save = useSaveResource();
  const programmes = useProgrammes(year);
  const unitId = unit[0]?.id ?? null;
  const quantityUnit = QUANTITY[source];
  const contribution = CONTRIBUTION.includes(source);
  const years = Array.from({ length: thisYear + 2 - 2021 }, (_, i) => thisYear + 1 - i);
  const componentOptions = [
    { value: '', label: t('res.noComponent') },
    ...(programmes.data?.items ?? []).flatMap((p) => p.components.map((c) => ({ value: c.id, label: `${p.shortName} — ${c.name}` }))),
  ];
  // A component of a programme that does not run in the chosen year is dropped (once the year's catalog is known).
  const component = !programmes.data || componentOptions.some((o) => o.value === componentId) ? componentId : '';

  const amountField = (label: string, value: string, set: (v: string) => void, path: string, hint: string) => (
    <TextField
      label={label}
      hint={hint}
      inputMode="numeric"
      autoComplete="off"
      value={value}
      error={errors[path]}
      onChange={(e) => set(e.target.value)}
      onBlur={() => {
        const n = parseVnd(value);
        if (n !== null && !Number.isNaN(n)) set(formatNumber(n, lang));
      }}
    />
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const amounts = { plannedVnd: parseVnd(planned), allocatedVnd: parseVnd(allocated), disbursedVnd: contribution ? null : parseVnd(disbursed) };
    const q = quantityUnit && quantity.trim() ? Number(quantity.trim().replace(/\./g, '').replace(',', '.')) : null;
    const fields = {
      year,
      componentId: component || null,
      source,
      criterion: emptyToNull(criterion),
      workName: emptyToNull(workName),
      ...amounts,
      quantity: q,
      note: emptyToNull(note),
      fileIds: files.map((f) => f.id),
    };
    const parsed = entry
      ? updateResourceBody.safeParse({ ...fields, expectedVersion: entry.version })
      : createResourceBody.safeParse({ ...fields, unitId: unitId ?? undefined });
    const errs: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    for (const [k, v] of Object.entries(amounts)) if (Number.isNaN(v)) errs[k] = t('res.amountInvalid');
    if (q !== null && (Number.isNaN(q) || q < 0)) errs.quantity = t('res.quantityInvalid');
    if (!parsed.success || Object.keys(errs).length) {
      setErrors(errs);
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    const idempotencyKey = keys.keyFor(JSON.stringify(parsed.data));
    const call = entry
      ? { id: entry.id, body: parsed.data as ReturnType<typeof updateResourceBody.parse>, idempotencyKey }
      : { id: null, body: parsed.data as ReturnType<typeof createResourceBody.parse>, idempotencyKey };
    save.mutate(call, {
      onSuccess: (saved) => {
        keys.done();
        onDone(saved);
      },
      onError: (err) => {
        if (isApiError(err) && err.code === 'VALIDATION') {
          setErrors(fieldErrorMap(err.fields));
          focusFirstInvalid(formRef.current);
        }
      },
    });
  };
  const showTopError = save.isError && !(isApiError(save.error) && save.error.code === 'VALIDATION' && save.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('res.year')}
        required
        value={String(year)}
        error={errors.year}
        onChange={(e) => setYear(Number(e.target.value))}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {entry ? (
        <p>
          <strong>{t('res.unit')}:</strong> {entry.unit.name}
        </p>
      ) : (
        unitPicker({ label: t('res.unit'), hint: t('res.unitHint'), required: true, value: unit, onChange: setUnit, error: errors.unitId, asOf: mapDateOf(year) })
      )}
      <SelectField
        label={t('res.source')}
        required
        value={source}
        error={errors.source}
        onChange={(e) => setSource(e.target.value as ResourceSource)}
        options={resourceSources.map((s) => ({ value: s, label: t(`res.source.${s}`) }))}
      />
      <SelectField label={t('res.component')} value={component} error={errors.componentId} onChange={(e) => setComponentId(e.target.value)} options={componentOptions} />
      <div className="form-row">
        <TextField label={t('res.criterion')} hint={t('res.criterionHint')} value={criterion} error={errors.criterion} onChange={(e) => setCriterion(e.target.value)} />
        <TextField label={t('res.workName')} value={workName} error={errors.workName} onChange={(e) => setWorkName(e.target.value)} />
      </div>
      {quantityUnit ? (
        <TextField
          label={t(`res.quantity.${quantityUnit}`)}
          required
          inputMode="decimal"
          value={quantity}
          error={errors.quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      ) : null}
      <div className="form-row">
        {amountField(t('res.planned'), planned, setPlanned, 'plannedVnd', t('res.amountHint'))}
        {amountField(t('res.allocated'), allocated, setAllocated, 'allocatedVnd', contribution ? t('res.equivalentHint') : t('res.amountHint'))}
        {contribution ? null : amountField(t('res.disbursed'), disbursed, setDisbursed, 'disbursedVnd', t('res.amountHint'))}
      </div>
      <TextAreaField label={t('res.note')} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      <FileUpload label={t('res.files')} unitId={entry?.unit.id ?? unitId} value={files} onChange={setFiles} onBusyChange={setUploading} />
      {showTopError ? <ErrorMessage error={save.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.isPending || uploading}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
