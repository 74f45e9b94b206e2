/**
 * Enter or confirm one target rule of an indicator with its source (document, article, page): POST …/targets.
 * The rule with the same "applies to" is replaced; confirming records who confirmed it and when (on the server).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import {
  communeGroups,
  targetMatchInput,
  upsertTargetBody,
  type Indicator,
  type SetDetail,
} from '../../../../../src/contracts/criteria.js';
import { regions } from '../../../../../src/contracts/units.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { criteriaKeys } from '../api/keys.js';
import { useUpsertTarget } from '../api/upsert-target.js';
import { matchWords, parseNumber, regionName } from '../labels.js';

type Scalar = string | number | boolean;
/** Where the dialog starts: an existing rule (to edit or confirm) or a match to fill in (from an evaluation). */
export interface TargetDraft {
  match: Record<string, Scalar>;
  value: Scalar | null;
  source: string | null;
  note: string | null;
}

interface Props {
  set: Pick<SetDetail, 'id' | 'rowVersion' | 'abilities'>;
  indicator: Pick<Indicator, 'code' | 'kind' | 'unit' | 'scale' | 'wording'>;
  initial: TargetDraft | null;
  /** Tick "confirmed" from the start (the person clicked "Xác nhận"). */
  confirm: boolean;
  onDone: (set: SetDetail) => void;
}

const SOURCE_MAX = 300;
const EDITABLE = new Set(['region', 'communeGroup', 'yearFrom', 'yearTo']);

function valueText(v: Scalar | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v).replace('.', ',');
  return v;
}

export function TargetForm({ set, indicator, initial, confirm, onDone }: Props) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const m = initial?.match ?? {};
  const [region, setRegion] = useState(typeof m.region === 'string' ? m.region : '');
  const [group, setGroup] = useState(typeof m.communeGroup === 'string' ? m.communeGroup : '');
  const [yearFrom, setYearFrom] = useState(m.yearFrom !== undefined ? String(m.yearFrom) : '');
  const [yearTo, setYearTo] = useState(m.yearTo !== undefined ? String(m.yearTo) : '');
  const [value, setValue] = useState(valueText(initial?.value ?? null));
  const [document, setDocument] = useState(initial?.source && initial.source.length <= SOURCE_MAX ? initial.source : '');
  const [article, setArticle] = useState('');
  const [page, setPage] = useState('');
  const [note, setNote] = useState(initial?.note ?? '');
  const [verified, setVerified] = useState(confirm && set.abilities.canConfirmTarget);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useUpsertTarget(set.id);
  // Match keys this form does not edit (border, schoolsOver3 …) are kept as they are.
  const fixed = Object.fromEntries(Object.entries(m).filter(([k]) => !EDITABLE.has(k)));

  const parsedValue = (): Scalar | null | undefined => {
    const s = value.trim();
    if (s === '') return null;
    if (indicator.kind === 'boolean') return s === 'true';
    if (indicator.kind === 'verdict') return s;
    return parseNumber(s) ?? undefined;
  };

  const year = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const v = parsedValue();
    const match = { ...fixed, region: region || undefined, communeGroup: group || undefined, yearFrom: year(yearFrom), yearTo: year(yearTo) };
    const body = {
      expectedVersion: set.rowVersion,
      match,
      value: v === undefined ? null : v,
      source: { document, article: article.trim() || undefined, page: page.trim() || undefined },
      verified,
      note: emptyToNull(note),
    };
    const parsed = upsertTargetBody.safeParse(body);
    const local: FieldErrors = {};
    if (v === undefined) local.value = t('criteria.value.notNumber');
    if (!parsed.success || v === undefined) {
      setErrors({ ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...local });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate(
      { code: indicator.code, body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      {
        onSuccess: (s) => {
          keys.done();
          onDone(s);
        },
        onError: (err) => {
          if (!isApiError(err)) return;
          if (err.code === 'CONFLICT') void qc.invalidateQueries({ queryKey: criteriaKeys.detail(set.id) });
          if (err.code === 'VALIDATION') {
            setErrors(fieldErrorMap(err.fields));
            focusFirstInvalid(formRef.current);
          }
        },
      },
    );
  };

  const liveMatch = targetMatchInput.safeParse({
    ...fixed,
    region: region || undefined,
    communeGroup: group || undefined,
    yearFrom: year(yearFrom),
    yearTo: year(yearTo),
  });
  const serverFieldErrors = isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0;

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <p className="muted">
        <strong>{indicator.code}</strong> {indicator.wording}
      </p>
      <fieldset className="fieldset form-group">
        <legend className="field-label">{t('criteria.target.appliesTo')}</legend>
        <p className="field-hint">{t('criteria.form.matchHint')}</p>
        <div className="form-row">
          <SelectField
            label={t('attr.region')}
            value={region}
            error={errors['match.region']}
            onChange={(e) => setRegion(e.target.value)}
            options={[{ value: '', label: t('criteria.form.anyRegion') }, ...regions.map((r) => ({ value: r, label: regionName(r, t) }))]}
          />
          <SelectField
            label={t('attr.communeGroup')}
            value={group}
            error={errors['match.communeGroup']}
            onChange={(e) => setGroup(e.target.value)}
            options={[{ value: '', label: t('criteria.form.anyGroup') }, ...communeGroups.map((g) => ({ value: g, label: t('communeGroup.value', { value: g }) }))]}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t('criteria.form.yearFrom')}
            inputMode="numeric"
            value={yearFrom}
            error={errors['match.yearFrom']}
            onChange={(e) => setYearFrom(e.target.value)}
          />
          <TextField label={t('criteria.form.yearTo')} inputMode="numeric" value={yearTo} error={errors['match.yearTo']} onChange={(e) => setYearTo(e.target.value)} />
        </div>
        <p className="field-hint" aria-live="polite">
          {liveMatch.success ? t('criteria.form.matchNow', { match: matchWords(liveMatch.data, t) }) : ''}
        </p>
      </fieldset>

      <ValueField indicator={indicator} value={value} onChange={setValue} error={errors.value} />

      <fieldset className="fieldset form-group">
        <legend className="field-label">{t('criteria.target.source')}</legend>
        {initial?.source && initial.source !== document ? (
          <p className="field-hint">{t('criteria.form.currentSource', { source: initial.source })}</p>
        ) : null}
        <TextField
          label={t('criteria.form.document')}
          hint={t('criteria.form.documentHint')}
          required
          value={document}
          error={errors['source.document'] ?? errors.source}
          onChange={(e) => setDocument(e.target.value)}
        />
        <div className="form-row">
          <TextField label={t('criteria.form.article')} hint={t('criteria.form.articleHint')} value={article} error={errors['source.article']} onChange={(e) => setArticle(e.target.value)} />
          <TextField label={t('criteria.form.page')} value={page} error={errors['source.page']} onChange={(e) => setPage(e.target.value)} />
        </div>
      </fieldset>

      <TextAreaField label={t('criteria.form.note')} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />

      {set.abilities.canConfirmTarget ? (
        <label className="checkbox confirm-box">
          <input type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
          <span>{t('criteria.form.verified')}</span>
        </label>
      ) : null}
      <p className="field-hint">{verified ? t('criteria.form.verifiedHint') : t('criteria.form.unverifiedHint')}</p>

      {mutation.isError && !serverFieldErrors ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : verified ? t('criteria.form.submitConfirm') : t('criteria.form.submitSave')}
        </Button>
      </div>
    </form>
  );
}

/** The target value, as the indicator's kind needs it: Có/Không, a label of the scale, or a number with its unit. */
function ValueField({
  indicator,
  value,
  onChange,
  error,
}: {
  indicator: Props['indicator'];
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const label = t('criteria.target.value');
  if (indicator.kind === 'boolean') {
    return (
      <SelectField
        label={label}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
        options={[
          { value: '', label: t('criteria.value.none') },
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
    );
  }
  if (indicator.kind === 'verdict' && indicator.scale) {
    return (
      <SelectField
        label={label}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
        options={[{ value: '', label: t('criteria.value.none') }, ...indicator.scale.map((s) => ({ value: s, label: s }))]}
      />
    );
  }
  return (
    <TextField
      label={indicator.unit ? t('criteria.form.valueWithUnit', { unit: indicator.unit }) : label}
      hint={indicator.kind === 'verdict' ? undefined : t('criteria.form.numberHint')}
      inputMode={indicator.kind === 'verdict' ? undefined : 'decimal'}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The draft for a rule the evaluation matched (or a new one for the commune's region and year). */
export function draftFor(match: Record<string, Scalar>): TargetDraft {
  return { match, value: null, source: null, note: null };
}

