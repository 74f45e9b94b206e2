/**
 * Assign an agency to one or more communes (create), or replace an assignment from a date (new leader, team,
 * legal basis or agency). Validated with the endpoint's own contract before sending.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createAssignmentBody, replaceAssignmentBody, type Assignment } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { DateInput } from '../../../components/date-input.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { TextAreaField, TextField } from '../../../components/field.js';
import type { PickerItem, PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateAssignment } from '../api/create-assignment.js';
import { useReplaceAssignment } from '../api/replace-assignment.js';
import { TeamEditor, type TeamRow } from './team-editor.js';

/** What a form passes to the agency select supplied by the page (from the agencies feature). */
export interface AgencySelectSlotProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  noneLabel: string;
}
export type AgencySelectSlot = (p: AgencySelectSlotProps) => ReactNode;

interface Props {
  agencySelect: AgencySelectSlot;
  /** Communes picker (create only). */
  unitPicker: PickerSlot;
  /** Replace this assignment instead of creating new ones. */
  replacing?: Assignment;
  /** Communes chosen in advance (a commune's page). */
  initialUnits?: PickerItem[];
  today: string;
  onDone: (rows: Assignment[]) => void;
}

export function AssignmentForm({ agencySelect, unitPicker, replacing, initialUnits, today, onDone }: Props) {
  const { t } = useI18n();
  const [agencyId, setAgencyId] = useState<string | null>(replacing?.agency.id ?? null);
  const [units, setUnits] = useState<PickerItem[]>(initialUnits ?? []);
  const [validFrom, setValidFrom] = useState<string | null>(today);
  const [validTo, setValidTo] = useState<string | null>(null);
  const [doc, setDoc] = useState(replacing?.legalBasisDoc ?? '');
  const [docDate, setDocDate] = useState<string | null>(replacing?.legalBasisDate ?? null);
  const [leader, setLeader] = useState(replacing?.leaderName ?? '');
  const [note, setNote] = useState('');
  const [team, setTeam] = useState<TeamRow[]>(replacing?.team.map((m) => ({ name: m.name, role: m.role })) ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateAssignment();
  const replace = useReplaceAssignment(replacing?.id ?? '');
  const mutation = replacing ? replace : create;

  const fail = (e: FieldErrors) => {
    setErrors(e);
    focusFirstInvalid(formRef.current);
  };
  const handlers = {
    onSuccess: (rows: Assignment[]) => {
      keys.done();
      onDone(rows);
    },
    onError: (err: unknown) => {
      if (isApiError(err) && err.code === 'VALIDATION') fail(fieldErrorMap(err.fields));
    },
  };

  const common = { validFrom, validTo, legalBasisDoc: doc, legalBasisDate: docDate, leaderName: leader, note: emptyToNull(note), team };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (replacing) {
      const parsed = replaceAssignmentBody.safeParse({ ...common, agencyId: agencyId && agencyId !== replacing.agency.id ? agencyId : undefined });
      if (!parsed.success) return fail(issuesToFieldErrors(parsed.error.issues));
      setErrors({});
      replace.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, { ...handlers, onSuccess: (a) => handlers.onSuccess([a]) });
    } else {
      const parsed = createAssignmentBody.safeParse({ ...common, agencyId: agencyId ?? undefined, unitIds: units.map((u) => u.id) });
      if (!parsed.success) return fail(issuesToFieldErrors(parsed.error.issues));
      setErrors({});
      create.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, { ...handlers, onSuccess: (r) => handlers.onSuccess(r.items) });
    }
  };

  const showTopError = mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {agencySelect({
        label: t('assign.agency'),
        value: agencyId,
        onChange: setAgencyId,
        error: errors.agencyId,
        noneLabel: replacing ? t('assign.keepAgency') : t('assign.chooseAgency'),
      })}
      {replacing ? null : unitPicker({ label: t('assign.communes'), required: true, multiple: true, value: units, onChange: setUnits, error: errors.unitIds })}
      <div className="form-row">
        <DateInput passInvalid required label={t('assign.validFrom')} value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
        <DateInput passInvalid label={t('assign.validTo')} hint={t('assign.validToHint')} value={validTo} onChange={setValidTo} error={errors.validTo} />
      </div>
      <div className="form-row">
        <TextField label={t('assign.legalBasisDoc')} required value={doc} error={errors.legalBasisDoc} onChange={(e) => setDoc(e.target.value)} />
        <DateInput passInvalid required label={t('assign.legalBasisDate')} value={docDate} onChange={setDocDate} error={errors.legalBasisDate} />
      </div>
      <TextField label={t('assign.leader')} required value={leader} error={errors.leaderName} onChange={(e) => setLeader(e.target.value)} />
      <TeamEditor value={team} onChange={setTeam} errors={errors} />
      <TextAreaField label={t('assign.note')} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      {showTopError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
