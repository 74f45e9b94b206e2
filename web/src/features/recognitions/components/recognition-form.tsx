/** Record a recognition decision (or the revocation of one) for a commune, with its number, date, signer and scan. */
import { useRef, useState, type FormEvent } from 'react';
import { createRecognitionBody, type Recognition } from '../../../../../src/contracts/assessments.js';
import { standardLevels } from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { SelectField, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateRecognition } from '../api/create-recognition.js';

export function RecognitionForm({ unitId, existing, year, onDone }: { unitId: string; existing: Recognition[]; year: number; onDone: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'recognition' | 'revocation'>('recognition');
  const [level, setLevel] = useState<(typeof standardLevels)[number]>('ntm');
  const [y, setY] = useState(String(year));
  const [decisionNo, setDecisionNo] = useState('');
  const [decisionDate, setDecisionDate] = useState<string | null>(null);
  const [signer, setSigner] = useState('');
  const [revokesId, setRevokesId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateRecognition(unitId);
  const revocable = existing.filter((r) => r.kind === 'recognition' && !r.revokedBy);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = createRecognitionBody.safeParse({
      kind,
      level,
      year: Number(y),
      decisionNo: emptyToNull(decisionNo),
      decisionDate,
      signer: emptyToNull(signer),
      revokesId: kind === 'revocation' ? revokesId || null : null,
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      return focusFirstInvalid(ref.current);
    }
    setErrors({});
    create.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) },
      { onSuccess: () => (keys.done(), onDone()), onError: (err) => isApiError(err) && err.code === 'VALIDATION' && setErrors(fieldErrorMap(err.fields)) },
    );
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('rec.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as typeof kind)}
        options={[
          { value: 'recognition', label: t('rec.kind.recognition') },
          { value: 'revocation', label: t('rec.kind.revocation') },
        ]}
      />
      {kind === 'revocation' ? (
        <SelectField
          label={t('rec.revokes')}
          value={revokesId}
          error={errors.revokesId}
          onChange={(e) => setRevokesId(e.target.value)}
          options={[{ value: '', label: t('rec.chooseRevoked') }, ...revocable.map((r) => ({ value: r.id, label: `${r.year} — ${t(`criteria.level.${r.level}`)} — ${r.decisionNo ?? ''} (${r.unit.name})` }))]}
        />
      ) : null}
      <div className="form-row">
        <SelectField label={t('rec.level')} value={level} onChange={(e) => setLevel(e.target.value as typeof level)} options={standardLevels.map((l) => ({ value: l, label: t(`criteria.level.${l}`) }))} />
        <TextField label={t('rec.year')} required inputMode="numeric" value={y} error={errors.year} onChange={(e) => setY(e.target.value)} />
      </div>
      <div className="form-row">
        <TextField label={t('rec.decisionNo')} value={decisionNo} error={errors.decisionNo} onChange={(e) => setDecisionNo(e.target.value)} />
        <DateInput passInvalid label={t('rec.decisionDate')} value={decisionDate} onChange={setDecisionDate} error={errors.decisionDate} />
      </div>
      <TextField label={t('rec.signer')} value={signer} error={errors.signer} onChange={(e) => setSigner(e.target.value)} />
      {create.isError && !(isApiError(create.error) && create.error.fields.length > 0) ? <ErrorMessage error={create.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('rec.record')}
        </Button>
      </div>
    </form>
  );
}
