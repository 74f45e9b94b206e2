/** Create a user, or edit one (roles, scope, status, name, email, agency), with the endpoint's contract. */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createUserBody, roles as allRoles, updateUserBody, type Role, type User } from '../../../../../src/contracts/users.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { CheckboxGroup, SelectField, TextField } from '../../../components/field.js';
import type { PickerItem, PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { NewPasswordFields } from './new-password-fields.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { emptyToNull, focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useCreateUser } from '../api/create-user.js';
import { useUpdateUser } from '../api/update-user.js';

export interface AgencySlotProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  noneLabel: string;
}

interface Props {
  /** The user to edit; none to create one. */
  user?: User;
  /** Pickers from other features, supplied by the page. */
  unitPicker: PickerSlot;
  agencySelect: (p: AgencySlotProps) => ReactNode;
  onDone: (saved: User) => void;
}

export function UserForm({ user, unitPicker, agencySelect, onDone }: Props) {
  const { t } = useI18n();
  const [login, setLogin] = useState(user?.login ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [agencyId, setAgencyId] = useState<string | null>(user?.agencyId ?? null);
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [scope, setScope] = useState<PickerItem[]>(user?.scope.map((s) => ({ id: s.unitId, label: s.name, detail: s.code ?? undefined })) ?? []);
  const [status, setStatus] = useState<User['status']>(user?.status ?? 'active');
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const mutation = user ? update : create;

  const fail = (e: FieldErrors) => {
    setErrors(e);
    focusFirstInvalid(formRef.current);
  };
  const handlers = {
    onSuccess: (saved: User) => {
      keys.done();
      onDone(saved);
    },
    onError: (err: unknown) => {
      if (isApiError(err) && err.code === 'VALIDATION') fail(fieldErrorMap(err.fields));
    },
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const common = { name, email: emptyToNull(email), agencyId, roles, scopeUnitIds: scope.map((s) => s.id) };
    if (user) {
      const parsed = updateUserBody.safeParse({ ...common, status });
      if (!parsed.success) return fail(issuesToFieldErrors(parsed.error.issues));
      setErrors({});
      update.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, handlers);
    } else {
      const parsed = createUserBody.safeParse({ ...common, login, password });
      const errs = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
      if (password && password2 !== password) errs.password2 = t('users.passwordMismatch');
      if (!parsed.success || errs.password2) return fail(errs);
      setErrors({});
      create.mutate({ body: parsed.data, idempotencyKey: keys.keyFor(JSON.stringify(parsed.data)) }, handlers);
    }
  };

  const showTopError = mutation.isError && !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION' && mutation.error.fields.length > 0);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <div className="form-row">
        {user ? null : (
          <TextField
            label={t('users.login')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={login}
            error={errors.login}
            onChange={(e) => setLogin(e.target.value)}
          />
        )}
        <TextField label={t('users.name')} required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="form-row">
        <TextField label={t('users.email')} type="email" autoComplete="off" value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        {agencySelect({ label: t('users.agency'), value: agencyId, onChange: setAgencyId, error: errors.agencyId, noneLabel: t('users.agencyNone') })}
      </div>
      <CheckboxGroup
        legend={t('users.roles')}
        hint={t('users.rolesHint')}
        required
        options={allRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        value={roles}
        onChange={setRoles}
        error={errors.roles}
      />
      {unitPicker({ label: t('users.scope'), hint: t('users.scopeHint'), multiple: true, value: scope, onChange: setScope, error: errors.scopeUnitIds })}
      {user ? (
        <SelectField
          label={t('users.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as User['status'])}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'disabled', label: t('status.disabled') },
          ]}
        />
      ) : (
        <div className="form-row">
          <NewPasswordFields password={password} password2={password2} errors={errors} onPassword={setPassword} onPassword2={setPassword2} />
        </div>
      )}
      {showTopError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
